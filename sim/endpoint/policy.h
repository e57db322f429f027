#pragma once
// One side's TLS policy, from the scenario. Defaults that matter for a simulator are explicit
// here (docs/botan-notes.md, pitfalls 2, 6, 10 and 11).

#include <botan/tls_policy.h>

#include <optional>
#include <string>
#include <vector>

#include "decode/handshake_decoder.h"

namespace tlsclub {

struct PolicySpec {
  TlsVersion min_version = TlsVersion::tls12;
  TlsVersion max_version = TlsVersion::tls13;
  std::vector<std::string> groups;  // "x25519", "secp256r1", "secp384r1", "X25519MLKEM768"
  bool request_client_cert = false;
  bool require_client_cert = false;
  bool require_revocation_info = false;
  std::optional<int> max_peer_lifetime_days;  // the longest peer certificate accepted
  bool middlebox_compatibility = true;
  std::size_t session_tickets = 0;
  std::vector<std::string> ciphers = {"aes_256_gcm", "aes_128_gcm", "chacha20_poly1305"};
  // RFC 8446 4.2.3 names ("ecdsa_secp256r1_sha256"), preferred first; empty: every scheme the
  // engine can use. Sent in signature_algorithms (and by a club in its CertificateRequest).
  std::vector<std::string> signature_algorithms;
  bool ecdhe = true;  // TLS 1.2 key exchange methods allowed
  bool rsa_transport = false;
};

// "aes_128_gcm" -> "AES-128/GCM"; throws std::invalid_argument for an unknown name.
std::string botan_cipher_name(const std::string& name);

// "ed25519" -> Botan's scheme; throws std::invalid_argument for a name the engine cannot use.
Botan::TLS::Signature_Scheme signature_scheme_from_name(const std::string& name);

// Throws std::invalid_argument for an unknown group name.
Botan::TLS::Group_Params group_from_name(const std::string& name);

class SimPolicy final : public Botan::TLS::Policy {
 public:
  explicit SimPolicy(PolicySpec spec);

  bool allow_tls12() const override;
  bool allow_tls13() const override;
  std::vector<Botan::TLS::Group_Params> key_exchange_groups() const override { return groups_; }
  std::vector<Botan::TLS::Group_Params> key_exchange_groups_to_offer() const override;
  std::vector<std::string> allowed_ciphers() const override;
  std::vector<std::string> allowed_key_exchange_methods() const override;
  std::vector<std::string> allowed_signature_methods() const override;
  std::vector<std::string> allowed_signature_hashes() const override;
  std::vector<Botan::TLS::Signature_Scheme> allowed_signature_schemes() const override;
  bool require_client_certificate_authentication() const override {
    return spec_.require_client_cert;
  }
  bool request_client_certificate_authentication() const override {
    return spec_.request_client_cert;
  }
  bool require_cert_revocation_info() const override { return spec_.require_revocation_info; }
  bool tls_13_middlebox_compatibility_mode() const override {
    return spec_.middlebox_compatibility;
  }
  // The key log is how the timeline learns each secret; it never leaves the process.
  bool allow_ssl_key_log_file() const override { return true; }
  std::size_t new_session_tickets_upon_handshake_success() const override {
    return spec_.session_tickets;
  }
  // Our verifier judges key sizes and records it as a check (signature_strength); Botan's own
  // earlier refusal would leave the checklist empty.
  std::size_t minimum_rsa_bits() const override { return 1024; }
  const PolicySpec& spec() const { return spec_; }

 private:
  PolicySpec spec_;
  std::vector<Botan::TLS::Group_Params> groups_;
  std::vector<std::string> ciphers_;
};

}  // namespace tlsclub
