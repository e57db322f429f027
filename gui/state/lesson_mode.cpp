#include "state/lesson_mode.h"

#include <algorithm>

namespace tlsclub::gui {

namespace fs = std::filesystem;

namespace {
const LessonProgress kNoProgress;
}  // namespace

void LessonMode::set_course(Course course) {
  walk_.end();
  course_ = std::move(course);
  errors_.clear();
}

void LessonMode::set_progress(std::map<std::string, LessonProgress> progress) {
  progress_ = std::move(progress);
}

const CourseLesson* LessonMode::lesson() const {
  if (!course_ || !walk_.active() || walk_.lesson() >= course_->lessons.size()) return nullptr;
  return &course_->lessons[walk_.lesson()];
}

const LessonProgress& LessonMode::progress_of(const CourseLesson& lesson) const {
  const auto it = progress_.find(lesson.id);
  return it == progress_.end() ? kNoProgress : it->second;
}

bool LessonMode::begin(const cmd::StartLesson& start, const PlaceResolver& position) {
  if (!course_ || start.lesson >= course_->lessons.size()) return false;
  const CourseLesson& lesson = course_->lessons[start.lesson];
  message_.clear();
  if (!start.resume) progress_.erase(lesson.id);
  std::vector<WalkStop> stops = walk_order(lesson, position);
  const LessonProgress& progress = progress_of(lesson);
  walk_.begin(start.lesson, std::move(stops), 0);
  if (start.resume && progress.seen > 0 && !progress.done)
    walk_.go(walk_.stop_of_step(progress.seen));
  try_results_.assign(lesson.tries.size(), std::nullopt);
  running_try_.reset();
  return true;
}

LessonProgress& LessonMode::arrive() {
  message_.clear();
  choices_.clear();
  LessonProgress& progress = progress_[lesson()->id];
  progress.seen = std::max(progress.seen, walk_.step_number(walk_.stop()));
  if (walk_.current().kind == WalkStop::Kind::summary) progress.done = true;
  return progress;
}

bool LessonMode::record_answer(std::size_t q, const std::string& choice) {
  LessonProgress& progress = progress_[lesson()->id];
  if (progress.answers.contains(q)) return false;
  progress.answers[q] = choice;
  return true;
}

void LessonMode::try_done(TryResult result) {
  if (running_try_ && *running_try_ < try_results_.size())
    try_results_[*running_try_] = std::move(result);
  running_try_.reset();
}

void LessonMode::try_failed(const std::string& why) {
  running_try_.reset();
  if (!why.empty()) message_ = "the try did not run: " + why;
}

const Lesson* LessonMode::cached(const std::optional<fs::path>& dir, const std::string& relative) {
  if (!dir) {
    message_ = "no scenarios/ folder: set TLSCLUB_SCENARIOS to the library";
    return nullptr;
  }
  const fs::path file = *dir / relative;
  auto it = cache_.find(file);
  if (it != cache_.end() && it->second.modified == modified_time(file)) return &it->second;
  LessonResult result = open_lesson(file);
  if (auto* errors = std::get_if<std::vector<LoadError>>(&result)) {
    message_ = errors->empty() ? file.string() + " does not load" : errors->front().to_string();
    return nullptr;
  }
  return &(cache_[file] = std::move(std::get<Lesson>(result)));
}

}  // namespace tlsclub::gui
