#pragma once
// Seeded randomness. Every endpoint, authority and session manager draws from its own HMAC_DRBG
// stream, derived from the scenario seed and a stream name, so adding a member or an authority
// never shifts the bytes another one sees. Same seed => byte-identical handshakes.

#include <botan/rng.h>

#include <cstdint>
#include <memory>
#include <string_view>

namespace tlsclub {

std::unique_ptr<Botan::RandomNumberGenerator> make_drbg(std::uint64_t seed,
                                                        std::string_view stream);

}  // namespace tlsclub
