#include "state/course_walk.h"

#include <algorithm>

#include "simulation/expectations.h"
#include "state/predict.h"

namespace tlsclub::gui {

std::vector<WalkStop> walk_order(const CourseLesson& lesson, const PlaceResolver& position) {
  const std::size_t n = lesson.steps.size();
  std::vector<std::optional<std::size_t>> at(n);
  for (std::size_t i = 0; i < n; ++i) at[i] = position(lesson.steps[i].place);
  std::vector<std::vector<std::size_t>> before(n), after(n);
  std::vector<std::size_t> tail;
  for (std::size_t q = 0; q < lesson.questions.size(); ++q) {
    const LessonPlace& place = lesson.questions[q].place;
    const std::optional<std::size_t> p = position(place);
    std::size_t first_at_or_after = n, last_of_scenario = n;
    for (std::size_t i = 0; i < n; ++i) {
      if (lesson.steps[i].place.scenario != place.scenario) continue;
      last_of_scenario = i;
      if (first_at_or_after == n && p && at[i] && *at[i] >= *p) first_at_or_after = i;
    }
    if (first_at_or_after < n)
      before[first_at_or_after].push_back(q);
    else if (last_of_scenario < n)
      after[last_of_scenario].push_back(q);
    else
      tail.push_back(q);
  }
  std::vector<WalkStop> stops;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t q : before[i]) stops.push_back({WalkStop::Kind::question, q});
    stops.push_back({WalkStop::Kind::step, i});
    for (std::size_t q : after[i]) stops.push_back({WalkStop::Kind::question, q});
  }
  for (std::size_t q : tail) stops.push_back({WalkStop::Kind::question, q});
  for (std::size_t t = 0; t < lesson.tries.size(); ++t)
    stops.push_back({WalkStop::Kind::try_it, t});
  stops.push_back({WalkStop::Kind::summary, 0});
  return stops;
}

std::vector<std::string> question_choices(const LessonQuestion& q) {
  return q.kind == QuestionKind::choice ? q.choices : choices_for(q.kind, q.answer);
}

TryResult compare_try(const TryTask& task, const ScenarioSpec& spec, const Timeline& timeline) {
  // check_expectations says expected and actual the way `tlsclub run` does; ask it about the
  // task's member only, with the lesson's expectation.
  ScenarioSpec asked = spec;
  std::size_t member = 0;
  for (std::size_t m = 0; m < asked.members.size(); ++m) {
    asked.members[m].expect.reset();
    if (!task.member.empty() && asked.members[m].name == task.member) member = m;
  }
  TryResult result;
  if (member >= asked.members.size() || member >= timeline.connections.size()) {
    result.actual = "no member called " + task.member;
    return result;
  }
  asked.members[member].expect = task.expect;
  const std::vector<ExpectationResult> r = check_expectations(asked, timeline);
  if (r.empty()) return result;
  result.expected = r.front().expected;
  result.actual = r.front().actual;
  result.met = r.front().met;
  return result;
}

void CourseWalk::begin(std::size_t lesson, std::vector<WalkStop> stops, std::size_t stop) {
  active_ = !stops.empty();
  lesson_ = lesson;
  stops_ = std::move(stops);
  stop_ = std::min(stop, stops_.empty() ? 0 : stops_.size() - 1);
}

bool CourseWalk::next(const LessonProgress& progress) {
  if (!active_ || stop_ + 1 >= stops_.size()) return false;
  const WalkStop& s = current();
  if (s.kind == WalkStop::Kind::question && !progress.answers.contains(s.index)) return false;
  ++stop_;
  return true;
}

bool CourseWalk::back() {
  if (!active_ || stop_ == 0) return false;
  --stop_;
  return true;
}

bool CourseWalk::go(std::size_t stop) {
  if (!active_ || stop >= stops_.size()) return false;
  stop_ = stop;
  return true;
}

std::size_t CourseWalk::steps() const {
  return static_cast<std::size_t>(
      std::count_if(stops_.begin(), stops_.end(),
                    [](const WalkStop& s) { return s.kind == WalkStop::Kind::step; }));
}

std::size_t CourseWalk::step_number(std::size_t stop) const {
  std::size_t k = 0;
  for (std::size_t i = 0; i <= stop && i < stops_.size(); ++i)
    if (stops_[i].kind == WalkStop::Kind::step) ++k;
  return k;
}

std::size_t CourseWalk::stop_of_step(std::size_t k) const {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < stops_.size(); ++i)
    if (stops_[i].kind == WalkStop::Kind::step && ++seen == k) return i;
  return 0;
}

std::size_t answered(const CourseLesson& lesson, const LessonProgress& progress) {
  std::size_t n = 0;
  for (const auto& [q, given] : progress.answers) n += q < lesson.questions.size() ? 1 : 0;
  return n;
}

std::size_t correct(const CourseLesson& lesson, const LessonProgress& progress) {
  std::size_t n = 0;
  for (const auto& [q, given] : progress.answers)
    n += q < lesson.questions.size() && given == lesson.questions[q].answer ? 1 : 0;
  return n;
}

}  // namespace tlsclub::gui
