#include "endpoint/policy.h"

#include <stdexcept>

namespace tlsclub {

Botan::TLS::Group_Params group_from_name(const std::string& name) {
  using G = Botan::TLS::Group_Params;
  if (name == "x25519") return G::X25519;
  if (name == "secp256r1") return G::SECP256R1;
  if (name == "secp384r1") return G::SECP384R1;
  if (name == "secp521r1") return G::SECP521R1;
  if (name == "X25519MLKEM768") return G::HYBRID_X25519_ML_KEM_768;
  throw std::invalid_argument(
      "unknown key exchange group '" + name +
      "' (expected x25519, secp256r1, secp384r1, secp521r1, X25519MLKEM768)");
}

std::string botan_cipher_name(const std::string& name) {
  if (name == "aes_128_gcm") return "AES-128/GCM";
  if (name == "aes_256_gcm") return "AES-256/GCM";
  if (name == "chacha20_poly1305") return "ChaCha20Poly1305";
  throw std::invalid_argument("unknown cipher '" + name +
                              "' (expected aes_128_gcm, aes_256_gcm, chacha20_poly1305)");
}

SimPolicy::SimPolicy(PolicySpec spec) : spec_(std::move(spec)) {
  for (const auto& g : spec_.groups) groups_.push_back(group_from_name(g));
  for (const auto& c : spec_.ciphers) ciphers_.push_back(botan_cipher_name(c));
}

bool SimPolicy::allow_tls12() const {
  return spec_.min_version == TlsVersion::tls12;
}
bool SimPolicy::allow_tls13() const {
  return spec_.max_version == TlsVersion::tls13;
}

std::vector<Botan::TLS::Group_Params> SimPolicy::key_exchange_groups_to_offer() const {
  // A client sends a key share for its first preference only (RFC 8446 4.2.8); the server may
  // answer with a HelloRetryRequest for another group it prefers.
  if (groups_.empty()) return {};
  return {groups_.front()};
}

std::vector<std::string> SimPolicy::allowed_ciphers() const {
  return ciphers_;
}

std::vector<std::string> SimPolicy::allowed_key_exchange_methods() const {
  // TLS 1.2 only; TLS 1.3 always uses (EC)DHE or hybrid KEM groups.
  std::vector<std::string> methods;
  if (spec_.ecdhe) methods.push_back("ECDH");
  if (spec_.rsa_transport) methods.push_back("RSA");
  return methods;
}

}  // namespace tlsclub

namespace tlsclub {

std::vector<std::string> SimPolicy::allowed_signature_methods() const {
  // Static RSA suites authenticate "implicitly" (only the badge's key holder can decrypt the
  // premaster secret); Botan leaves that method out unless asked (RFC 5246 F.1.1.2).
  std::vector<std::string> methods{"ECDSA", "RSA", "Ed25519"};
  if (spec_.rsa_transport) methods.push_back("IMPLICIT");
  return methods;
}

}  // namespace tlsclub
