#include "wire/fault.h"

#include <array>
#include <cstdio>

namespace tlsclub {

namespace {
using A = WireFault::Action;
constexpr std::array<WireFaultKind, 7> kKinds{{
    {A::flip, "flip", "tamper with a byte", "tamper with record", true},
    {A::drop, "drop", "drop it", "drop record", false},
    {A::replay, "replay", "replay it", "replay record", false},
    {A::reorder, "reorder", "deliver it after the next", "reorder record", false},
    {A::inject_alert, "inject_alert", "forge an alert before it", "forge an alert before record",
     false},
    {A::downgrade, "downgrade", "strip supported_versions", "downgrade record", false},
    {A::truncate, "truncate", "cut its last byte", "truncate record", false},
}};
// Listed in enumerator order, so kind_of can trust the position it finds.
constexpr bool in_order() {
  for (std::size_t i = 0; i < kKinds.size(); ++i)
    if (static_cast<std::size_t>(kKinds[i].action) != i) return false;
  return true;
}
static_assert(in_order());
}  // namespace

std::span<const WireFaultKind> wire_fault_kinds() {
  return kKinds;
}

const WireFaultKind& kind_of(WireFault::Action action) {
  for (const auto& k : kKinds)
    if (k.action == action) return k;
  return kKinds.front();
}

std::optional<WireFault::Action> wire_fault_action(std::string_view name) {
  if (name == "tamper") return A::flip;
  for (const auto& k : kKinds)
    if (k.name == name) return k.action;
  return std::nullopt;
}

std::string_view to_string(WireFault::Action action) {
  return kind_of(action).name;
}

namespace {
std::string ordinal(std::size_t n) {
  const char* suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                       : n % 10 == 1                    ? "st"
                       : n % 10 == 2                    ? "nd"
                       : n % 10 == 3                    ? "rd"
                                                        : "th";
  return std::to_string(n) + suffix;
}
}  // namespace

std::string describe(const WireFault& f) {
  const std::string target =
      f.record > 0
          ? "the " + ordinal(f.record) + " record from the " + std::string(to_string(f.from))
          : "the " + std::string(to_string(f.from)) + "'s record carrying " + f.message;
  char mask[8];
  std::snprintf(mask, sizeof mask, "0x%02x", f.mask);
  switch (f.action) {
    case WireFault::Action::flip:
      return "flip byte " + std::to_string(f.offset) + " (mask " + mask + ") of " + target;
    case WireFault::Action::drop:
      return "drop " + target;
    case WireFault::Action::replay:
      return "deliver " + target + " twice";
    case WireFault::Action::reorder:
      return "deliver " + target + " after the one that follows it";
    case WireFault::Action::inject_alert:
      return "inject a forged " + f.alert + " alert before " + target;
    case WireFault::Action::downgrade:
      return "strip supported_versions from " + target + " (a downgrade to TLS 1.2)";
    case WireFault::Action::truncate:
      return "cut the last byte off " + target;
  }
  return target;
}

namespace {

std::size_t read_be(ByteView b, std::size_t at, std::size_t n) {
  std::size_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v = (v << 8) | b[at + i];
  return v;
}

void write_be(Bytes& b, std::size_t at, std::size_t n, std::size_t v) {
  for (std::size_t i = 0; i < n; ++i) b[at + n - 1 - i] = static_cast<std::uint8_t>(v >> (8 * i));
}

}  // namespace

std::optional<Bytes> without_supported_versions(ByteView record) {
  // record: type(1) version(2) length(2) | handshake: type(1) length(3) | ClientHello (RFC 8446
  // 4.1.2): version(2) random(32) session_id<0..32> cipher_suites<2..> compression<1..>
  // extensions<8..>.
  constexpr std::size_t kHandshake = 5, kBody = 9;
  if (record.size() < kBody + 2 + 32 + 1 || record[0] != 22 || record[kHandshake] != 1)
    return std::nullopt;
  std::size_t at = kBody + 2 + 32;
  const auto skip = [&](std::size_t length_bytes) {
    if (at + length_bytes > record.size()) return false;
    at += length_bytes + read_be(record, at, length_bytes);
    return at <= record.size();
  };
  if (!skip(1) || !skip(2) || !skip(1) || at + 2 > record.size()) return std::nullopt;
  const std::size_t extensions_length_at = at;
  const std::size_t end = at + 2 + read_be(record, at, 2);
  if (end > record.size()) return std::nullopt;
  for (std::size_t e = at + 2; e + 4 <= end;) {
    const std::size_t type = read_be(record, e, 2);
    const std::size_t length = 4 + read_be(record, e + 2, 2);
    if (e + length > end) return std::nullopt;
    if (type == 0x002b) {
      Bytes out(record.begin(), record.begin() + static_cast<std::ptrdiff_t>(e));
      out.insert(out.end(), record.begin() + static_cast<std::ptrdiff_t>(e + length), record.end());
      write_be(out, extensions_length_at, 2, read_be(record, extensions_length_at, 2) - length);
      write_be(out, kHandshake + 1, 3, read_be(record, kHandshake + 1, 3) - length);
      write_be(out, 3, 2, read_be(record, 3, 2) - length);
      return out;
    }
    e += length;
  }
  return std::nullopt;
}

}  // namespace tlsclub
