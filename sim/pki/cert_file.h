#pragma once
// Certificates and CRLs from the files people have: PEM (any number of blocks, text around them
// ignored, as openssl does) or one DER object. A broken block is reported at its line, so a
// student can open the file there (tlsclub verify, docs/verify.md).

#include <botan/x509_crl.h>
#include <botan/x509cert.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace tlsclub::pki {

// "leaf.pem:12: the base64 of this CERTIFICATE block is broken": the file (as named), the line
// of the block's BEGIN (0 when the fault is the whole file), and what is wrong.
class CertFileError : public std::runtime_error {
 public:
  CertFileError(const std::string& file, std::size_t line, const std::string& what);
  std::size_t line() const { return line_; }

 private:
  std::size_t line_;
};

// Hostile input is bounded: a file larger than this is refused before it is parsed.
inline constexpr std::size_t kMaxCertFileBytes = std::size_t{16} * 1024 * 1024;

// The certificates in `bytes` (named `file` in errors), in file order. PEM "CERTIFICATE" blocks,
// other PEM blocks (keys, CSRs) skipped; without any PEM block, the bytes must be one DER
// certificate. Throws CertFileError; never anything else.
std::vector<Botan::X509_Certificate> parse_certificates(std::span<const std::uint8_t> bytes,
                                                        const std::string& file);
// The same for revocation lists: PEM "X509 CRL" blocks, or one DER CRL.
std::vector<Botan::X509_CRL> parse_crls(std::span<const std::uint8_t> bytes,
                                        const std::string& file);

// Reads `path` and parses it; a missing or unreadable file is a CertFileError naming it.
std::vector<Botan::X509_Certificate> read_certificates(const std::string& path);
std::vector<Botan::X509_CRL> read_crls(const std::string& path);

}  // namespace tlsclub::pki
