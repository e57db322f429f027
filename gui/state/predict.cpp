#include "state/predict.h"

#include <algorithm>

#include "state/anchors.h"
#include "timeline/check_names.h"
#include "timeline/outcome.h"

namespace tlsclub::gui {

namespace {

// The alerts a certificate or record problem ends in (RFC 8446 6.2), for "which alert?".
const std::vector<std::string> kAlertNames = {"bad_certificate",
                                              "unsupported_certificate",
                                              "certificate_revoked",
                                              "certificate_expired",
                                              "certificate_unknown",
                                              "unknown_ca",
                                              "certificate_required",
                                              "decrypt_error",
                                              "bad_record_mac",
                                              "handshake_failure",
                                              "bad_certificate_status_response",
                                              "none"};

Question decisive_question(const Connection& c, std::size_t connection, const StepIndex& steps) {
  Question q;
  q.connection = connection;
  bool decided = false;  // a failed check or a fatal alert names the decisive step
  for (const Event& e : c.events) {
    const auto* check = std::get_if<CheckEvent>(&e.body);
    if (check != nullptr && !check->passed) {
      q.kind = QuestionKind::failing_check;
      q.position = steps.index_of({connection, e.step});
      // The password comes after the handshake: the card's checks are behind the member then.
      q.text = !is_certificate_check(check->check)
                   ? "The handshake is done; the bouncer is about to decide on " + c.client +
                         ". Which check will fail?"
                   : std::string(check->by == Side::server ? "The bouncer" : c.client) +
                         " is about to check the " +
                         (check->by == Side::server ? "card" : other_end(c) + "'s badge") +
                         ". Which check will fail?";
      decided = true;
      break;
    }
    const auto* alert = std::get_if<AlertEvent>(&e.body);
    if (alert != nullptr && alert->fatal && alert->name != "close_notify") {
      q.kind = QuestionKind::alert;
      q.position = steps.index_of({connection, e.step});
      q.text = "Something is about to go wrong for " + c.client + ". Which alert will be sent?";
      decided = true;
      break;
    }
  }
  if (!decided) {
    q.kind = QuestionKind::outcome;
    q.position = steps.last_of(connection);
    for (const Event& e : c.events) {
      if (std::holds_alternative<EstablishedEvent>(e.body)) {
        q.position = steps.index_of({connection, e.step});
        break;
      }
    }
    q.text = "Will " + c.client + " get in?";
  }
  q.answer = right_answer(q.kind, c);
  q.choices = choices_for(q.kind, q.answer);
  return q;
}

}  // namespace

std::vector<std::string> choices_for(QuestionKind kind, const std::string& answer) {
  std::vector<std::string> out;
  if (kind == QuestionKind::outcome) out = {"admitted", "refused"};
  if (kind == QuestionKind::failing_check) {
    out.assign(check_names().begin(), check_names().end());
    out.push_back("none");
  }
  if (kind == QuestionKind::alert) out = kAlertNames;
  if (!answer.empty() && std::find(out.begin(), out.end(), answer) == out.end())
    out.push_back(answer);
  return out;
}

void PredictSession::build(const ScenarioSpec* spec, const Timeline& timeline,
                           const StepIndex& steps) {
  questions_.clear();
  std::vector<bool> asked(timeline.connections.size(), false);
  if (spec != nullptr) {
    for (const PredictQuestion& pq : spec->questions) {
      const auto position = resolve_anchor(pq.anchor, timeline, steps);
      if (!position) continue;  // the visit never got there: nothing to ask
      Question q;
      q.position = *position;
      q.connection = anchor_connection(pq.anchor, timeline);
      q.kind = pq.kind;
      q.text = pq.question;
      q.from_trainer = true;
      q.answer = pq.kind == QuestionKind::choice
                     ? pq.answer
                     : right_answer(pq.kind, timeline.connections[q.connection]);
      q.choices = pq.kind == QuestionKind::choice ? pq.choices : choices_for(pq.kind, q.answer);
      asked[q.connection] = true;
      questions_.push_back(std::move(q));
    }
  }
  for (std::size_t c = 0; c < timeline.connections.size(); ++c)
    if (!asked[c]) questions_.push_back(decisive_question(timeline.connections[c], c, steps));
  std::stable_sort(questions_.begin(), questions_.end(),
                   [](const Question& a, const Question& b) { return a.position < b.position; });
}

std::optional<std::size_t> PredictSession::gate(std::size_t from, std::size_t to,
                                                std::size_t connection) const {
  if (!enabled_ || to <= from) return std::nullopt;
  for (std::size_t i = 0; i < questions_.size(); ++i) {
    const Question& q = questions_[i];
    if (!q.given && q.connection == connection && q.position > from && q.position <= to) return i;
  }
  return std::nullopt;
}

bool PredictSession::answer(std::size_t question, const std::string& choice) {
  if (question >= questions_.size()) return false;
  Question& q = questions_[question];
  if (!q.given) q.given = choice;
  return *q.given == q.answer;
}

std::size_t PredictSession::answered() const {
  return static_cast<std::size_t>(std::count_if(questions_.begin(), questions_.end(),
                                                [](const Question& q) { return q.given; }));
}

std::size_t PredictSession::correct() const {
  return static_cast<std::size_t>(
      std::count_if(questions_.begin(), questions_.end(),
                    [](const Question& q) { return q.given && *q.given == q.answer; }));
}

}  // namespace tlsclub::gui
