#pragma once
// Times in loader files: absolute, or an offset from the file's clock. Each reader reports its
// own error (wrong-type, bad-date) and returns nullopt.

#include <chrono>
#include <optional>
#include <string_view>

#include "core/sim_time.h"
#include "load/section.h"

namespace tlsclub::load {

// A time: "2026-03-01T20:00:00Z", "2026-03-01", a TOML date-time, or an offset from the clock:
// "-30d", "+2h", "-1s", "+5m", "0" (or the integer 0).
std::optional<SimTime> time_at(const Section& s, std::string_view key, SimTime clock);
// The same, `fallback` from the clock when the key is absent; a computed time outside the years
// X.509 can say is a located bad-date too (a clock in 1975 puts the default root, -3650d, in 1965).
SimTime time_or(const Section& s, std::string_view key, SimTime clock,
                std::chrono::seconds fallback);
std::optional<std::chrono::seconds> parse_offset(std::string_view text);

}  // namespace tlsclub::load
