// Predict mode: the decisive step waits for an answer, which is scored against the run.
#include "state/predict.h"

#include <doctest/doctest.h>

#include "../sim/string_makers.h"
#include "harness.h"
#include "scenario/loader.h"
#include "state/ladder_layout.h"
#include "state/lesson.h"

using namespace tlsclub;
using namespace tlsclub::gui;

namespace {

// The queue lesson without the trainer's questions: every visit gets the default one.
Lesson queue_without_questions() {
  LoadResult loaded = load_scenario_file(test::scenarios_dir() / "basics/queue-of-members.toml");
  REQUIRE(std::holds_alternative<ScenarioSpec>(loaded));
  ScenarioSpec spec = std::get<ScenarioSpec>(loaded);
  spec.questions.clear();
  return lesson_from_spec(std::move(spec));
}

}  // namespace

TEST_CASE("each visit gets a question at its decisive moment, with the run's own answer") {
  const Lesson lesson = queue_without_questions();
  const StepIndex steps(lesson.timeline);
  PredictSession predict;
  predict.build(&lesson.spec, lesson.timeline, steps);
  REQUIRE(predict.questions().size() == 4);
  const Question& alice = predict.questions()[0];
  CHECK(alice.kind == tlsclub::QuestionKind::outcome);
  CHECK(alice.answer == "admitted");
  const Question& bob = predict.questions()[1];
  CHECK(bob.kind == tlsclub::QuestionKind::alert);  // no card: no check fails, the club sends
                                                    // certificate_required
  CHECK(bob.answer == "certificate_required");
  const Question& carol = predict.questions()[2];
  CHECK(carol.kind == tlsclub::QuestionKind::failing_check);
  CHECK(carol.answer == "validity");
  CHECK(carol.position == steps.index_of({2, 6}));
  CHECK(std::find(carol.choices.begin(), carol.choices.end(), "validity") != carol.choices.end());
}

TEST_CASE("the library's own questions are asked where their anchors point") {
  LessonResult result = open_lesson(test::scenarios_dir() / "basics/queue-of-members.toml");
  REQUIRE(std::holds_alternative<Lesson>(result));
  const Lesson& lesson = std::get<Lesson>(result);
  const StepIndex steps(lesson.timeline);
  PredictSession predict;
  predict.build(&lesson.spec, lesson.timeline, steps);
  std::size_t from_trainer = 0;
  for (const Question& q : predict.questions()) {
    if (!q.from_trainer) continue;
    ++from_trainer;
    const Connection& c = lesson.timeline.connections[q.connection];
    CHECK(q.answer == right_answer(q.kind, c));
    CHECK(q.position >= steps.first_of(q.connection));
    CHECK(q.position <= steps.last_of(q.connection));
  }
  CHECK(from_trainer == lesson.spec.questions.size());
}

TEST_CASE("a trainer's question is asked where its anchor points, and scored") {
  ScenarioSpec spec = demo_scenario();
  PredictQuestion q;
  q.anchor = {"Alice", "server.certificate_verify"};
  q.kind = tlsclub::QuestionKind::choice;
  q.question = "What does CertificateVerify prove?";
  q.choices = {"the club holds the badge's key", "the badge is not expired"};
  q.answer = "the club holds the badge's key";
  spec.questions.push_back(q);
  const Lesson lesson = lesson_from_spec(spec);
  const StepIndex steps(lesson.timeline);
  PredictSession predict;
  predict.set_enabled(true);
  predict.build(&lesson.spec, lesson.timeline, steps);
  REQUIRE(predict.questions().size() == 1);  // the trainer asked about Alice: no default one
  CHECK(predict.questions()[0].from_trainer);
  CHECK(predict.questions()[0].position == 1);  // the club builds it when the hello arrives
  CHECK(predict.gate(0, 5, 0) == std::optional<std::size_t>(0));
  CHECK_FALSE(predict.answer(0, "the badge is not expired"));
  CHECK(predict.answered() == 1);
  CHECK(predict.correct() == 0);
  CHECK_FALSE(predict.answer(0, "the club holds the badge's key"));  // one answer per question
  CHECK_FALSE(predict.gate(0, 5, 0).has_value());
}

TEST_CASE("in predict mode the cursor stops before the decisive step until the student answers") {
  test::Harness h;
  h.session().set_lesson(queue_without_questions());
  h.session().apply(cmd::SetPredict{true});
  const std::size_t carol = h.session().playback().steps().first_of(2);
  h.session().apply(cmd::Seek{carol});
  for (int i = 0; i < 8; ++i) h.press(test::kRight);
  REQUIRE(h.session().playback().pending_question().has_value());
  CHECK(h.session().position() == Position{2, 5});  // held just before the card is checked

  // The ladder hides what has not happened yet: the records to come are one "?" row, which the
  // alert's record is part of and which a click does not open.
  const Playback& p = h.session().playback();
  const std::size_t alert_row = p.ladder().row_of_record(2, 7);
  std::size_t first_hidden = npos;
  for (std::size_t r : shown_rows(p.ladder(), p.cursor().index(), true))
    if (r > p.ladder().focus_row(p.cursor().index()) &&
        p.ladder().rows()[r].kind == LadderRow::Kind::record && first_hidden == npos)
      first_hidden = r;
  REQUIRE(first_hidden <= alert_row);
  h.frame();
  const auto hidden = h.where(Hit::Kind::ladder_row, first_hidden);
  REQUIRE(hidden.has_value());
  h.click(*hidden);
  CHECK(h.session().position() == Position{2, 5});

  const Question& q =
      h.session().playback().predict().questions()[*h.session().playback().pending_question()];
  std::size_t right = 0;
  for (std::size_t i = 0; i < q.choices.size(); ++i)
    if (q.choices[i] == "validity") right = i;
  const auto button = h.where(Hit::Kind::answer, right);
  REQUIRE(button.has_value());
  h.click(*button);
  CHECK_FALSE(h.session().playback().pending_question().has_value());
  CHECK(h.session().position() == Position{2, 6});  // revealed
  CHECK(h.session().playback().predict().correct() == 1);
  CHECK(h.session().playback().predict().answered() == 1);
}

TEST_CASE("a wrong answer is scored as wrong and still reveals the step") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  h.session().apply(cmd::SetPredict{true});
  h.press(test::kEnd);
  REQUIRE(h.session().playback().pending_question().has_value());
  h.session().apply(cmd::Answer{*h.session().playback().pending_question(), "refused"});
  CHECK(h.session().playback().predict().answered() == 1);
  CHECK(h.session().playback().predict().correct() == 0);
  CHECK_FALSE(h.session().playback().pending_question().has_value());
}
