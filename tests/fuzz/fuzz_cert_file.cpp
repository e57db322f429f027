// Fuzz target for the certificate and CRL file reader (sim/pki/cert_file.h) that tlsclub verify
// uses on whatever files a student points it at. Checks its promises: no crash, only
// CertFileError escapes, and a result is never empty.
#include <cstdint>
#include <cstdlib>
#include <span>

#include "pki/cert_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> bytes(data, size);
  try {
    if (tlsclub::pki::parse_certificates(bytes, "fuzz.pem").empty()) std::abort();
  } catch (const tlsclub::pki::CertFileError&) {
  }
  try {
    if (tlsclub::pki::parse_crls(bytes, "fuzz.pem").empty()) std::abort();
  } catch (const tlsclub::pki::CertFileError&) {
  }
  return 0;
}
