#pragma once
// Where a trainer's note or predict question belongs (ScenarioSpec StepAnchor): resolved
// against a recorded Timeline to a stepping position. Which event an anchor names is the
// engine's (simulation/anchors.h); this only turns it into a position.

#include <optional>

#include "scenario/scenario.h"
#include "simulation/anchors.h"
#include "state/stepping.h"

namespace tlsclub::gui {

// The position an anchor names, or nothing when the visit never got there (a check that never
// ran, a message never sent) or the member does not exist.
std::optional<std::size_t> resolve_anchor(const StepAnchor& anchor, const Timeline& timeline,
                                          const StepIndex& steps);

// The connection an anchor's member names ("" = the first), npos when none.
using tlsclub::anchor_connection;

}  // namespace tlsclub::gui
