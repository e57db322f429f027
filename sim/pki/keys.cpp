// Key pairs for authorities and members, drawn from the caller's seeded DRBG: the same stream
// gives the same key (and so the same certificate bytes) on every run.

#include <botan/ec_group.h>
#include <botan/ecdsa.h>
#include <botan/ed25519.h>
#include <botan/rsa.h>

#include <array>
#include <stdexcept>
#include <utility>

#include "pki/pki.h"

namespace tlsclub::pki {

namespace {

constexpr std::array<std::pair<KeyType, std::string_view>, 6> kKeyTypeNames{{
    {KeyType::ecdsa_p256, "ecdsa_p256"},
    {KeyType::ecdsa_p384, "ecdsa_p384"},
    {KeyType::ed25519, "ed25519"},
    {KeyType::rsa_2048, "rsa_2048"},
    {KeyType::rsa_3072, "rsa_3072"},
    {KeyType::rsa_1024, "rsa_1024"},
}};

}  // namespace

std::string to_string(KeyType k) {
  for (const auto& [type, name] : kKeyTypeNames)
    if (type == k) return std::string(name);
  throw std::invalid_argument("unknown KeyType");
}

std::optional<KeyType> key_type_from_string(std::string_view s) {
  for (const auto& [type, name] : kKeyTypeNames)
    if (name == s) return type;
  return std::nullopt;
}

std::unique_ptr<Botan::Private_Key> generate_key(KeyType type, Botan::RandomNumberGenerator& rng) {
  switch (type) {
    // RFC 8446 4.2.3: ecdsa_secp256r1_sha256 / ecdsa_secp384r1_sha384 name these curves.
    case KeyType::ecdsa_p256:
      return std::make_unique<Botan::ECDSA_PrivateKey>(rng,
                                                       Botan::EC_Group::from_name("secp256r1"));
    case KeyType::ecdsa_p384:
      return std::make_unique<Botan::ECDSA_PrivateKey>(rng,
                                                       Botan::EC_Group::from_name("secp384r1"));
    case KeyType::ed25519:
      return std::make_unique<Botan::Ed25519_PrivateKey>(rng);
    case KeyType::rsa_2048:
      return std::make_unique<Botan::RSA_PrivateKey>(rng, 2048);
    case KeyType::rsa_3072:
      return std::make_unique<Botan::RSA_PrivateKey>(rng, 3072);
    case KeyType::rsa_1024:  // too weak on purpose: the weak-key lesson
      return std::make_unique<Botan::RSA_PrivateKey>(rng, 1024);
  }
  throw std::invalid_argument("unknown KeyType");
}

}  // namespace tlsclub::pki
