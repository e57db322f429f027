#pragma once
// Predict mode: before a decisive step is revealed, the student says what will happen; the
// answer is checked against the run itself and scored. Questions come from the scenario file
// (PredictQuestion) and, for every visit the trainer asked nothing about, one at its decisive
// moment: the first failed check, else the first fatal alert, else the handshake's end.

#include <optional>
#include <string>
#include <vector>

#include "scenario/scenario.h"
#include "simulation/anchors.h"
#include "state/stepping.h"

namespace tlsclub::gui {

struct Question {
  std::size_t position = 0;  // asked before this position is shown
  std::size_t connection = 0;
  QuestionKind kind = QuestionKind::outcome;
  std::string text;
  std::vector<std::string> choices;
  std::string answer;  // the right choice
  std::optional<std::string> given;
  bool from_trainer = false;
};

class PredictSession {
 public:
  void build(const ScenarioSpec* spec, const Timeline& timeline, const StepIndex& steps);

  bool enabled() const { return enabled_; }
  void set_enabled(bool on) { enabled_ = on; }

  // Moving the cursor from `from` to `to` (forward, into visit `connection`) must stop before the
  // first unanswered question of that visit on the way: its index, or nothing when the way is
  // clear (or predict mode is off). Jumping to another member skips nobody's question.
  std::optional<std::size_t> gate(std::size_t from, std::size_t to, std::size_t connection) const;
  // Records the student's choice; true when it is right. A question is answered once.
  bool answer(std::size_t question, const std::string& choice);

  const std::vector<Question>& questions() const { return questions_; }
  std::size_t answered() const;
  std::size_t correct() const;

 private:
  bool enabled_ = false;
  std::vector<Question> questions_;  // by position
};

// What a question of `kind` offers ("outcome": admitted / refused; "alert", "failing_check": the
// names a certificate or record problem ends in), always including `answer`.
std::vector<std::string> choices_for(QuestionKind kind, const std::string& answer);

// The right answer of a question of `kind` about a visit ("" for "choice": the trainer's).
using tlsclub::right_answer;

}  // namespace tlsclub::gui
