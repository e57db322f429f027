#pragma once
// Moving a scenario to another "now". Real TLS software checks certificates against the real
// clock, so a scenario set on 2026-03-01 shows expired badges to `openssl s_client` months later.
// Shifting its clock moves every date in it by the same amount: each certificate, CRL and OCSP
// answer keeps its age relative to the clock, and the lesson stays the same.

#include "core/sim_time.h"
#include "scenario/scenario.h"

namespace tlsclub {

void shift_clock(ScenarioSpec& spec, SimTime new_now);

// "now" (the real clock, to the second) or a time parse_time reads; nullopt when it is neither.
std::optional<SimTime> clock_from_argument(std::string_view text);

}  // namespace tlsclub
