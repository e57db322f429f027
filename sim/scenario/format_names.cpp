// The names the values of scenario files take (format_names.h).
#include "scenario/format_names.h"

#include <array>
#include <utility>

namespace tlsclub::loader {

std::span<const std::string_view> message_names() {
  static constexpr std::array<std::string_view, 16> kNames{
      "client_hello",        "server_hello",        "hello_retry_request", "encrypted_extensions",
      "certificate_request", "certificate",         "certificate_verify",  "finished",
      "new_session_ticket",  "server_key_exchange", "server_hello_done",   "client_key_exchange",
      "certificate_status",  "change_cipher_spec",  "application_data",    "alert"};
  return kNames;
}

std::span<const std::string_view> key_type_names() {
  static constexpr std::array<std::string_view, 6> kNames{"ecdsa_p256", "ecdsa_p384", "ed25519",
                                                          "rsa_2048",   "rsa_3072",   "rsa_1024"};
  return kNames;
}

std::span<const std::string_view> signature_algorithm_names() {
  // The RFC 8446 4.2.3 schemes the engine's TLS library signs and checks with
  // (sim/endpoint/policy.cpp signature_scheme_from_name; a test holds the two together).
  static constexpr std::array<std::string_view, 10> kNames{
      "ecdsa_secp256r1_sha256", "ecdsa_secp384r1_sha384",
      "ecdsa_secp521r1_sha512", "rsa_pss_rsae_sha256",
      "rsa_pss_rsae_sha384",    "rsa_pss_rsae_sha512",
      "rsa_pkcs1_sha256",       "rsa_pkcs1_sha384",
      "rsa_pkcs1_sha512",       "ed25519"};
  return kNames;
}

std::span<const std::string_view> group_names() {
  // The groups the engine's policy knows (sim/endpoint/policy.cpp group_from_name).
  static constexpr std::array<std::string_view, 5> kNames{"x25519", "secp256r1", "secp384r1",
                                                          "secp521r1", "X25519MLKEM768"};
  return kNames;
}

std::span<const std::string_view> key_usage_names() {
  // RFC 5280 4.2.1.3, as pki::is_key_usage_name spells them.
  static constexpr std::array<std::string_view, 9> kNames{
      "digital_signature", "non_repudiation", "key_encipherment",
      "data_encipherment", "key_agreement",   "key_cert_sign",
      "crl_sign",          "encipher_only",   "decipher_only"};
  return kNames;
}

namespace {
// RFC 5280 4.2.1.12.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kEku{{
    {"serverAuth", "1.3.6.1.5.5.7.3.1"},
    {"clientAuth", "1.3.6.1.5.5.7.3.2"},
    {"codeSigning", "1.3.6.1.5.5.7.3.3"},
    {"emailProtection", "1.3.6.1.5.5.7.3.4"},
    {"timeStamping", "1.3.6.1.5.5.7.3.8"},
    {"OCSPSigning", "1.3.6.1.5.5.7.3.9"},
    {"anyExtendedKeyUsage", "2.5.29.37.0"},
}};

bool is_dotted_oid(std::string_view s) {
  if (s.size() < 3 || (s[0] < '0' || s[0] > '2') || s[1] != '.') return false;
  bool digit_seen = false;
  for (char c : s.substr(2)) {
    if (c == '.') {
      if (!digit_seen) return false;
      digit_seen = false;
    } else if (c >= '0' && c <= '9') {
      digit_seen = true;
    } else {
      return false;
    }
  }
  return digit_seen;
}
}  // namespace

std::span<const std::string_view> eku_names() {
  static const auto kNames = [] {
    std::array<std::string_view, kEku.size()> names{};
    for (std::size_t i = 0; i < kEku.size(); ++i) names[i] = kEku[i].first;
    return names;
  }();
  return kNames;
}

std::optional<std::string> eku_oid(std::string_view name_or_oid) {
  for (const auto& [name, oid] : kEku)
    if (name == name_or_oid) return std::string(oid);
  if (is_dotted_oid(name_or_oid)) return std::string(name_or_oid);
  return std::nullopt;
}

std::span<const std::string_view> revocation_reason_names() {
  // RFC 5280 5.3.1 CRLReason, codes 0..5 (the ones pki::RevocationReason has).
  static constexpr std::array<std::string_view, 6> kNames{
      "unspecified",         "key_compromise", "ca_compromise",
      "affiliation_changed", "superseded",     "cessation_of_operation"};
  return kNames;
}

}  // namespace tlsclub::loader
