#include "state/anchors.h"

namespace tlsclub::gui {

std::size_t anchor_connection(const StepAnchor& anchor, const Timeline& timeline) {
  if (timeline.connections.empty()) return npos;
  if (anchor.member.empty()) return 0;
  for (std::size_t c = 0; c < timeline.connections.size(); ++c)
    if (timeline.connections[c].client == anchor.member) return c;
  return npos;
}

std::optional<std::size_t> resolve_anchor(const StepAnchor& anchor, const Timeline& timeline,
                                          const StepIndex& steps) {
  const std::size_t c = anchor_connection(anchor, timeline);
  if (c == npos) return std::nullopt;
  const Connection& conn = timeline.connections[c];
  const std::string& at = anchor.at;
  if (at == "end") return steps.last_of(c);

  for (const Event& e : conn.events) {
    bool hit = false;
    if (at == "alert") {
      hit = std::holds_alternative<AlertEvent>(e.body);
    } else if (at == "established") {
      hit = std::holds_alternative<EstablishedEvent>(e.body);
    } else if (at.starts_with("check.")) {
      const auto* check = std::get_if<CheckEvent>(&e.body);
      hit = check != nullptr && check->check == at.substr(6);
    } else if (const auto dot = at.find('.'); dot != std::string::npos) {
      const auto* m = std::get_if<MessageEvent>(&e.body);
      const std::string side = at.substr(0, dot);
      hit = m != nullptr && to_string(m->from) == side && m->message.name == at.substr(dot + 1);
    }
    if (hit) return steps.index_of({c, e.step});
  }
  return std::nullopt;
}

}  // namespace tlsclub::gui
