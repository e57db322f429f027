// The course in words: a place of a visit, an expected outcome, a try-it change. Shared by the
// Markdown pages and `tlsclub lessons show`, so both say the same thing.
#include "course/course.h"
#include "explain/catalogue.h"

namespace tlsclub {

namespace {

// "certificate_verify" -> "CertificateVerify" (the catalogue's title when it has one).
std::string message_title(std::string_view name) {
  if (name == "application_data") return "application data";
  if (const Explanation* e = find_explanation("message." + std::string(name))) {
    return std::string(e->title);
  }
  std::string out;
  bool upper = true;
  for (const char c : name) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

std::string step_in_words(const StepAnchor& anchor) {
  const std::string& at = anchor.at;
  if (at == "alert") return "the first alert";
  if (at == "established") return "the handshake is established";
  if (at == "end") return "the end";
  const auto dot = at.find('.');
  if (dot == std::string::npos) return at;
  const std::string head = at.substr(0, dot), tail = at.substr(dot + 1);
  if (head == "check") {
    const Explanation* e = find_explanation(at);
    return "the check “" + (e != nullptr ? std::string(e->title) : tail) + "”";
  }
  const std::string who = head == "server" ? "the club" : anchor.member;
  return who + " sends " + message_title(tail);
}

}  // namespace

std::string place_in_words(const LessonPlace& place) {
  return place.anchor.member + "'s visit — " + step_in_words(place.anchor);
}

std::string expectation_in_words(const std::string& member, const Expectation& expect) {
  if (expect.outcome == Outcome::admitted) return member + " is admitted.";
  // Who ends the visit matters to a student: the club refusing the member, or the member's device
  // refusing the club.
  const bool member_refuses = expect.refused_by == Side::client;
  std::string s = member_refuses ? member + " turns the club down" : member + " is refused";
  if (expect.refused_by || expect.alert) {
    s += ": ";
    if (expect.refused_by)
      s += member_refuses ? member + "'s device" : "the club";
    else
      s += "one side";
    s += " sends the fatal alert";
    if (expect.alert) s += " `" + *expect.alert + "`";
  }
  if (expect.failing_check) s += "; the first check that fails is `" + *expect.failing_check + "`";
  return s + ".";
}

std::string change_in_words(const TryTask& task) {
  if (task.fault) return describe(*task.fault);
  if (task.clock) return "set the clock to " + format_time(*task.clock);
  return "no change";
}

}  // namespace tlsclub
