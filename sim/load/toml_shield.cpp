// A guard around toml++ 3.3 (the version Debian 12 ships): its is_non_ascii_horizontal_whitespace()
// reaches __builtin_unreachable() for some non-ASCII code points (U+00A1..U+0499 among them: é, ü,
// §), e.g. after a line-ending backslash in a """ string or outside strings
// (marzer/tomlplusplus#190, fixed upstream later). Before parsing, each such code point becomes one
// code point of plane 15 (private use), so toml++ never tests it and line:col stay exact; every
// string read back, and every error message, is turned back.
#include "load/toml_shield.h"

#include <cstdint>
#include <utility>

namespace tlsclub::load {

namespace {

constexpr char32_t kShift = 0xF0000;  // plane 15: U+F0000..U+FFFFF

// Mirrors the library's own test, so exactly the code points that would reach the default case.
bool trips_toml(char32_t c) {
  if (c < 0xA0 || c > 0xFEFF) return false;
  const auto child = (static_cast<std::uint64_t>(c) - 0xA0u) / 0x3FAu;
  if (((1ull << child) & 0x7FFFFFFFFFFFF75Eull) != 0) return false;
  if (c == 0xA0 || c == 0x3000 || c == 0xFEFF) return false;
  return child != 5 && child != 7;
}

// One well-formed UTF-8 sequence at `s[i]`: its code point and length, or length 0.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char b0 = byte(0);
  std::size_t n = b0 >= 0xF0 && b0 <= 0xF4 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 && b0 < 0xE0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return {0, 0};
  char32_t c = b0 & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return {0, 0};
    c = (c << 6) | (byte(k) & 0x3F);
  }
  const bool overlong = (n == 3 && c < 0x800) || (n == 4 && c < 0x10000);
  if (overlong || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return {0, 0};
  return {c, n};
}

void encode(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

template <typename Map>
std::string map_code_points(std::string_view s, Map map) {
  std::string out;
  out.reserve(s.size() + s.size() / 2);
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      out += s[i++];
      continue;
    }
    const auto [c, n] = decode(s, i);
    if (n == 0) {
      out += s[i++];  // not UTF-8: left for toml++ to report
      continue;
    }
    encode(map(c), out);
    i += n;
  }
  return out;
}

}  // namespace

std::optional<std::string> shield(std::string_view text, Where& plane15) {
  for (std::size_t i = 0, line = 1, column = 1; i < text.size(); ++column) {
    const auto [c, n] = decode(text, i);
    if (n != 0 && c >= kShift && c < kShift + 0x10000) {
      plane15 = {static_cast<int>(line), static_cast<int>(column)};
      return std::nullopt;
    }
    if (text[i] == '\n') {
      ++line;
      column = 0;
    }
    i += n == 0 ? 1 : n;
  }
  return map_code_points(text, [](char32_t c) { return trips_toml(c) ? c + kShift : c; });
}

std::string unshield(std::string_view text) {
  return map_code_points(text, [](char32_t c) {
    return c >= kShift && c < kShift + 0x10000 && trips_toml(c - kShift) ? c - kShift : c;
  });
}

}  // namespace tlsclub::load
