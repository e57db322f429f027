#pragma once
// Simulated time. Nothing in the engine reads the real clock: every timestamp that reaches Botan
// (hello randoms, certificate validity, CRL/OCSP freshness) comes from the scenario's clock.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tlsclub {

using SimTime = std::chrono::sys_seconds;

// "2026-03-01T20:00:00Z" (UTC, seconds). Also accepts "2026-03-01" (midnight UTC).
std::optional<SimTime> parse_time(std::string_view text);
std::string format_time(SimTime t);

// The scenario clock: starts at the scenario's "now" and only moves when told to.
class SimClock {
 public:
  explicit SimClock(SimTime start) : now_(start) {}
  SimTime now() const { return now_; }
  void advance(std::chrono::seconds by) { now_ += by; }

 private:
  SimTime now_;
};

}  // namespace tlsclub
