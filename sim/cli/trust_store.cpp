#include "cli/trust_store.h"

#include <filesystem>
#include <stdexcept>

#include "pki/cert_file.h"

namespace tlsclub::cli {

std::vector<Botan::X509_Certificate> trust_anchors(const std::string& spec) {
  if (spec != "system") return pki::read_certificates(spec);
  if (!std::filesystem::exists(kSystemBundle))
    throw std::runtime_error(std::string(kSystemBundle) +
                             " is missing (install the ca-certificates package, or give a file "
                             "of trusted authorities)");
  return pki::read_certificates(kSystemBundle);
}

}  // namespace tlsclub::cli
