#include "wire/fault.h"

#include <cstdio>

namespace tlsclub {

std::string_view to_string(WireFault::Action action) {
  switch (action) {
    case WireFault::Action::flip:
      return "flip";
    case WireFault::Action::drop:
      return "drop";
    case WireFault::Action::replay:
      return "replay";
    case WireFault::Action::reorder:
      return "reorder";
    case WireFault::Action::inject_alert:
      return "inject_alert";
  }
  return "flip";
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
  }
  return target;
}

}  // namespace tlsclub
