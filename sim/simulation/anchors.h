#pragma once
// Where a note, a predict question or a lesson step belongs (StepAnchor), found in a recorded
// Timeline, and the right answer of a predict question, taken from the run itself. The GUI's
// predict mode and the course's verify_lesson() read them the same way.

#include <cstddef>
#include <optional>
#include <string>

#include "scenario/scenario.h"
#include "timeline/timeline.h"

namespace tlsclub {

// The connection an anchor's member names ("" = the first); npos when there is none.
inline constexpr std::size_t kNoConnection = static_cast<std::size_t>(-1);
std::size_t anchor_connection(const StepAnchor& anchor, const Timeline& timeline);

// The event of that connection the anchor names (an index into its `events`): the message sent,
// the first check with that name, the first alert, the first side established; "end" is the last
// event. Nothing when the visit never got there (a check that never ran, a message never sent)
// or the member does not exist.
std::optional<std::size_t> anchor_event(const StepAnchor& anchor, const Timeline& timeline);

// The right answer of a question of `kind` about a visit: "outcome" admitted | refused, "alert"
// the alert that ended it or "none", "failing_check" the first failed certificate check or
// "none"; "" for "choice" (the trainer's answer stands).
std::string right_answer(QuestionKind kind, const Connection& connection);

}  // namespace tlsclub
