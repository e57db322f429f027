#pragma once
// One member's visit: a client and a server endpoint, the wire between them, and the recorder
// that turns everything they do into Timeline events.

#include "scenario/cast.h"
#include "scenario/scenario.h"
#include "simulation/run_options.h"
#include "simulation/session_store.h"
#include "timeline/timeline.h"

namespace tlsclub {

// Runs the handshake, one record per step, then the member's request, the club's answer and the
// goodbye (close_notify). Never throws for anything TLS does: failures are lesson content.
// Faults whose `member` is set apply to that member's connection only.
Connection run_connection(const ScenarioSpec& spec, const Cast& cast, std::size_t member_index,
                          const RunOptions& options = {});
// The same within a whole run: `sessions` carries tickets from one visit to the next.
Connection run_connection(const ScenarioSpec& spec, const Cast& cast, std::size_t member_index,
                          const RunOptions& options, SessionStore& sessions);

}  // namespace tlsclub
