#pragma once
// The engine's front door: a scenario in, a Timeline out. Deterministic: the same scenario and
// seed give a byte-identical Timeline.

#include "scenario/scenario.h"
#include "simulation/run_options.h"
#include "timeline/timeline.h"

namespace tlsclub {

// Throws std::invalid_argument for a scenario that cannot be built (unknown authority, group).
Timeline run_scenario(const ScenarioSpec& spec, const RunOptions& options = {});

}  // namespace tlsclub
