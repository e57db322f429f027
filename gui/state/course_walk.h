#pragma once
// Lesson mode: walking one lesson of the course (sim/course/course.h) stop by stop. Its steps in
// order, each question asked before the step it is about, then the "try it" tasks, then the
// summary. Plain state, no ImGui: the Session moves the cursor, the panels draw it.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "course/course.h"
#include "state/settings.h"
#include "timeline/timeline.h"

namespace tlsclub::gui {

struct WalkStop {
  enum class Kind : std::uint8_t { question, step, try_it, summary };
  Kind kind = Kind::step;
  std::size_t index = 0;  // into the lesson's questions, steps or tries
  bool operator==(const WalkStop&) const = default;
};

// A place's stepping position in its scenario's run; nothing when the run never gets there.
using PlaceResolver = std::function<std::optional<std::size_t>(const LessonPlace&)>;

// The order a lesson is walked in. Steps keep the lesson's order; a question goes just before
// the first step of its scenario at or after the question's position (so it is asked before the
// step is shown), else after that scenario's last step, else after all steps. Then each try-it
// task, then the summary.
std::vector<WalkStop> walk_order(const CourseLesson& lesson, const PlaceResolver& position);

// What a student may answer: the lesson's choices for "choice"; for outcome / alert /
// failing_check the names predict mode offers, always including the lesson's answer.
std::vector<std::string> question_choices(const LessonQuestion& question);

// A try-it task's expectation against the branch that ran it.
struct TryResult {
  std::string expected;  // "refused by client with decrypt_error"
  std::string actual;    // what the run did, said as far as the expectation asks
  bool met = false;
};
// `spec` and `timeline` are the changed run; the member is the task's ("" = the first).
TryResult compare_try(const TryTask& task, const ScenarioSpec& spec, const Timeline& timeline);

// Where a student is in one lesson, and what counts: steps seen, answers, score.
class CourseWalk {
 public:
  void begin(std::size_t lesson, std::vector<WalkStop> stops, std::size_t stop);
  void end() { active_ = false; }
  bool active() const { return active_; }
  std::size_t lesson() const { return lesson_; }
  const std::vector<WalkStop>& stops() const { return stops_; }
  std::size_t stop() const { return stop_; }
  const WalkStop& current() const { return stops_[stop_]; }

  // Forward one stop; refused (false) while the current stop is a question not yet answered.
  bool next(const LessonProgress& progress);
  bool back();
  // Straight to a stop (resume); questions before it are not asked again.
  bool go(std::size_t stop);

  std::size_t steps() const;  // step stops in the walk
  // The 1-based number of the step stop at or before `stop` (0: none yet).
  std::size_t step_number(std::size_t stop) const;
  // The stop of the k-th step (1-based); the first stop for 0.
  std::size_t stop_of_step(std::size_t k) const;

 private:
  bool active_ = false;
  std::size_t lesson_ = 0;
  std::vector<WalkStop> stops_;
  std::size_t stop_ = 0;
};

// Answers given and how many are the lesson's answers.
std::size_t answered(const CourseLesson& lesson, const LessonProgress& progress);
std::size_t correct(const CourseLesson& lesson, const LessonProgress& progress);

}  // namespace tlsclub::gui
