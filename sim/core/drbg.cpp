#include "core/drbg.h"

#include <botan/hash.h>
#include <botan/hmac_drbg.h>
#include <botan/mac.h>

#include <array>

namespace tlsclub {

std::unique_ptr<Botan::RandomNumberGenerator> make_drbg(std::uint64_t seed,
                                                        std::string_view stream) {
  // seed material = SHA-256(seed as 8 bytes big-endian || stream name): 32 bytes, which is what
  // HMAC_DRBG needs before it will produce output.
  auto sha = Botan::HashFunction::create_or_throw("SHA-256");
  std::array<std::uint8_t, 8> seed_bytes{};
  for (int i = 0; i < 8; ++i) seed_bytes[i] = static_cast<std::uint8_t>(seed >> (56 - 8 * i));
  sha->update(seed_bytes.data(), seed_bytes.size());
  sha->update(stream);
  const auto material = sha->final();
  // No underlying entropy source: this DRBG never reseeds on its own, so its stream is fixed.
  auto drbg = std::make_unique<Botan::HMAC_DRBG>(
      Botan::MessageAuthenticationCode::create_or_throw("HMAC(SHA-256)"));
  drbg->initialize_with(material.data(), material.size());
  return drbg;
}

}  // namespace tlsclub
