#include "timeline/check_names.h"

#include <array>

namespace tlsclub {

std::span<const std::string_view> check_names() {
  static constexpr std::array<std::string_view, 15> kNames{
      "issuer_known",    "trust_anchor",          "signature", "signature_strength",
      "validity",        "basic_constraints",     "key_usage", "extended_key_usage",
      "hostname",        "name_constraints",      "crl",       "ocsp",
      "revocation_info", "certificate_selection", "password"};
  return kNames;
}

bool is_certificate_check(std::string_view check) {
  return check != "password";
}

}  // namespace tlsclub
