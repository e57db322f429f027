#pragma once
// What the town's paperwork says, as plain data: the key types, what goes into a certificate, a
// CRL entry, an OCSP answer. No Botan type here, so a scenario (and the app, which shows it) can
// name them without compiling the X.509 library's headers; pki/pki.h makes them real.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/sim_time.h"

namespace tlsclub::pki {

enum class KeyType { ecdsa_p256, ecdsa_p384, ed25519, rsa_2048, rsa_3072, rsa_1024 };
std::string to_string(KeyType k);  // "ecdsa_p256"
std::optional<KeyType> key_type_from_string(std::string_view s);

// RFC 5280 4.2.1.12 purposes.
inline constexpr const char* kServerAuthOid = "1.3.6.1.5.5.7.3.1";
inline constexpr const char* kClientAuthOid = "1.3.6.1.5.5.7.3.2";

// What to put in a certificate. Defaults make a sound end-entity certificate.
struct CertificateSpec {
  std::string common_name;
  std::string organization = "TLS Club";
  std::vector<std::string> dns_names;  // subjectAltName dNSName entries (empty: no SAN extension)
  KeyType key_type = KeyType::ecdsa_p256;
  SimTime not_before{};
  SimTime not_after{};
  bool is_ca = false;
  std::optional<std::size_t> path_length;  // CA only
  // keyUsage bits by RFC 5280 name: "digital_signature", "key_encipherment", "key_cert_sign",
  // "crl_sign", ... Empty: the defaults (CA: key_cert_sign+crl_sign; leaf: digital_signature,
  // plus key_encipherment for RSA).
  std::vector<std::string> key_usage;
  bool omit_key_usage = false;
  std::vector<std::string> extended_key_usage;  // OIDs; empty: no EKU extension
  // CA only: nameConstraints dNSName subtrees (RFC 5280 4.2.1.10).
  std::vector<std::string> permitted_dns;
  std::vector<std::string> excluded_dns;
  std::string hash = "SHA-256";         // signature hash; "SHA-1" for the weak-hash fault
  std::optional<std::uint64_t> serial;  // default: drawn from the issuer's DRBG
};

// True for the RFC 5280 keyUsage names CertificateSpec::key_usage accepts, so a scenario loader
// can reject a misspelt one with a located error (make_root/issue throw std::invalid_argument).
bool is_key_usage_name(std::string_view name);

// RFC 5280 5.3.1 reason codes.
enum class RevocationReason {
  unspecified = 0,
  key_compromise = 1,
  ca_compromise = 2,
  affiliation_changed = 3,
  superseded = 4,
  cessation_of_operation = 5
};

struct CrlEntry {
  std::uint64_t serial;
  SimTime revocation_date;
  RevocationReason reason = RevocationReason::unspecified;
};

enum class OcspStatus { good, revoked, unknown };

struct OcspAnswer {
  OcspStatus status = OcspStatus::good;
  SimTime this_update{};
  std::optional<SimTime> next_update;
  std::optional<SimTime> revocation_time;  // for revoked
  RevocationReason reason = RevocationReason::unspecified;
};

}  // namespace tlsclub::pki
