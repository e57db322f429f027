#include "simulation/anchors.h"

#include "simulation/expectations.h"

namespace tlsclub {

namespace {

bool names(const std::string& at, const Event& e) {
  if (at == "alert") return std::holds_alternative<AlertEvent>(e.body);
  if (at == "established") return std::holds_alternative<EstablishedEvent>(e.body);
  if (at.starts_with("check.")) {
    const auto* check = std::get_if<CheckEvent>(&e.body);
    return check != nullptr && check->check == std::string_view(at).substr(6);
  }
  const auto dot = at.find('.');
  if (dot == std::string::npos) return false;
  const auto* m = std::get_if<MessageEvent>(&e.body);
  return m != nullptr && to_string(m->from) == std::string_view(at).substr(0, dot) &&
         m->message.name == std::string_view(at).substr(dot + 1);
}

}  // namespace

std::size_t anchor_connection(const StepAnchor& anchor, const Timeline& timeline) {
  if (timeline.connections.empty()) return kNoConnection;
  if (anchor.member.empty()) return 0;
  for (std::size_t c = 0; c < timeline.connections.size(); ++c)
    if (timeline.connections[c].client == anchor.member) return c;
  return kNoConnection;
}

std::optional<std::size_t> anchor_event(const StepAnchor& anchor, const Timeline& timeline) {
  const std::size_t c = anchor_connection(anchor, timeline);
  if (c == kNoConnection) return std::nullopt;
  const auto& events = timeline.connections[c].events;
  if (anchor.at == "end") {
    if (events.empty()) return std::nullopt;
    return events.size() - 1;
  }
  for (std::size_t i = 0; i < events.size(); ++i)
    if (names(anchor.at, events[i])) return i;
  return std::nullopt;
}

std::string right_answer(QuestionKind kind, const Connection& connection) {
  if (kind == QuestionKind::outcome) return std::string(to_string(connection.outcome));
  if (kind == QuestionKind::alert) return connection.alert.value_or("none");
  if (kind == QuestionKind::failing_check) {
    const std::string failing = first_failing_check(connection);
    return failing.empty() ? "none" : failing;
  }
  return "";
}

}  // namespace tlsclub
