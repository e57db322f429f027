#pragma once
// Where a trainer's note or predict question belongs (ScenarioSpec StepAnchor): resolved
// against a recorded Timeline to a stepping position.

#include <optional>

#include "scenario/scenario.h"
#include "state/stepping.h"

namespace tlsclub::gui {

// The position an anchor names, or nothing when the visit never got there (a check that never
// ran, a message never sent) or the member does not exist.
std::optional<std::size_t> resolve_anchor(const StepAnchor& anchor, const Timeline& timeline,
                                          const StepIndex& steps);

// The connection an anchor's member names ("" = the first), npos when none.
std::size_t anchor_connection(const StepAnchor& anchor, const Timeline& timeline);

}  // namespace tlsclub::gui
