#pragma once
// Byte strings and their hex form: the currency of every layer of the engine.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tlsclub {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// Lower-case hex, no separators ("16030100f8").
std::string to_hex(ByteView bytes);
// Accepts upper or lower case, no separators; throws std::invalid_argument on bad input.
Bytes from_hex(std::string_view hex);

// Big-endian reads used by every TLS decoder. Callers check bounds first.
inline std::uint16_t read_u16(ByteView b, std::size_t at) {
  return static_cast<std::uint16_t>((b[at] << 8) | b[at + 1]);
}
inline std::uint32_t read_u24(ByteView b, std::size_t at) {
  return (static_cast<std::uint32_t>(b[at]) << 16) | (static_cast<std::uint32_t>(b[at + 1]) << 8) |
         b[at + 2];
}

}  // namespace tlsclub
