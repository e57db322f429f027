#include "state/anchors.h"

namespace tlsclub::gui {

static_assert(kNoConnection == npos, "the engine's and the GUI's `none` are one value");

std::optional<std::size_t> resolve_anchor(const StepAnchor& anchor, const Timeline& timeline,
                                          const StepIndex& steps) {
  const std::size_t c = anchor_connection(anchor, timeline);
  if (c == npos) return std::nullopt;
  if (anchor.at == "end") return steps.last_of(c);
  const auto event = anchor_event(anchor, timeline);
  if (!event) return std::nullopt;
  return steps.index_of({c, timeline.connections[c].events[*event].step});
}

}  // namespace tlsclub::gui
