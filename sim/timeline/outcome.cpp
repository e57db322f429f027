#include "timeline/outcome.h"

#include <optional>

#include "timeline/check_names.h"

namespace tlsclub {

namespace {

// What the refusing side found wrong, from its first failed check.
std::string reason_of(const Connection& c, const CheckEvent& check) {
  if (check.check == checks::password) return "wrong password";
  const std::string holder = check.by == Side::server
                                 ? std::string("the card")
                                 : (c.impostor.empty() ? "the club's badge" : "its badge");
  if (check.check == checks::certificate_selection)
    // Made by the holder that kept its certificate back.
    return check.by == Side::client ? c.client + " showed no card"
                                    : other_end(c) + " showed no badge";
  return holder + " fails the " + check.check + " check";
}

// A live visit that ended with no refusal and no alert: one side hung up, or one side's time-out
// ended it (live_connection.cpp writes these notes). A staged visit that stalls has neither.
std::optional<std::string> how_it_ended(const Connection& c) {
  for (const Event& e : c.events) {
    const auto* closed = std::get_if<ClosedEvent>(&e.body);
    if (closed == nullptr) continue;
    const std::string who = closed->side == Side::client ? "it" : other_end(c);
    if (closed->reason == "hung up (TCP closed)")
      return who + " hung up (TCP closed) without an alert or a goodbye";
    if (closed->reason.starts_with("gave up waiting: ") && !closed->reason.ends_with("stalled"))
      return who + " " + closed->reason;
  }
  return std::nullopt;
}

}  // namespace

std::string other_end(const Connection& c) {
  if (c.impostor.empty()) return "the club";
  return "the impostor (posing as " + c.server_name + ")";
}

const CheckEvent* first_failed_check(const Connection& c, Side by) {
  for (const Event& e : c.events)
    if (const auto* check = std::get_if<CheckEvent>(&e.body);
        check != nullptr && !check->passed && check->by == by)
      return check;
  return nullptr;
}

std::string outcome_sentence(const Connection& c) {
  const std::string version = c.version.empty() ? "" : " (" + c.version + ")";
  if (c.outcome == Outcome::admitted) {
    if (!c.impostor.empty())
      return c.client + " admitted by " + other_end(c) + ", not the club" + version;
    return c.client + " admitted" + version;
  }
  if (!c.refused_by) {
    if (c.alert) return c.client + " refused with alert " + *c.alert;
    if (const auto ended = how_it_ended(c)) return c.client + " not admitted: " + *ended;
    return c.client +
           " not admitted: the visit stalled, each side waiting for the other, and no "
           "alert";
  }
  std::string s = *c.refused_by == Side::server ? c.client + " turned away by " + other_end(c)
                  : c.impostor.empty()          ? c.client + " walks away"
                                                : c.client + " walks away from " + other_end(c);
  if (const CheckEvent* check = first_failed_check(c, *c.refused_by)) {
    s += ": " + reason_of(c, *check);
    if (c.alert) s += " (" + *c.alert + ")";
  } else if (c.alert) {
    s += " with alert " + *c.alert;
  }
  return s;
}

}  // namespace tlsclub
