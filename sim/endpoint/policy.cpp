#include "endpoint/policy.h"

#include <algorithm>
#include <stdexcept>

#include "decode/handshake_decoder.h"

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

Botan::TLS::Signature_Scheme signature_scheme_from_name(const std::string& name) {
  const auto code = signature_scheme_code(name);
  const Botan::TLS::Signature_Scheme scheme(code.value_or(0));
  if (!code || !scheme.is_available())
    throw std::invalid_argument("signature scheme '" + name + "' is not one the engine can use");
  return scheme;
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

std::vector<std::string> SimPolicy::allowed_signature_hashes() const {
  // EdDSA hashes inside the signature ("Pure", RFC 8032); Botan's default list names only the
  // SHA-2 hashes, which would leave ed25519 out of every signature_algorithms.
  return {"SHA-512", "SHA-384", "SHA-256", "Pure"};
}

std::vector<Botan::TLS::Signature_Scheme> SimPolicy::allowed_signature_schemes() const {
  const auto all = Botan::TLS::Policy::allowed_signature_schemes();
  if (spec_.signature_algorithms.empty()) return all;
  std::vector<Botan::TLS::Signature_Scheme> chosen;
  for (const auto& name : spec_.signature_algorithms) {
    const auto scheme = signature_scheme_from_name(name);
    if (std::find(all.begin(), all.end(), scheme) != all.end()) chosen.push_back(scheme);
  }
  return chosen;
}

std::vector<std::string> SimPolicy::allowed_signature_methods() const {
  // Static RSA suites authenticate "implicitly" (only the badge's key holder can decrypt the
  // premaster secret); Botan leaves that method out unless asked (RFC 5246 F.1.1.2).
  std::vector<std::string> methods{"ECDSA", "RSA", "Ed25519"};
  if (spec_.rsa_transport) methods.push_back("IMPLICIT");
  return methods;
}

}  // namespace tlsclub
