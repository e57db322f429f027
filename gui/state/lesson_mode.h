#pragma once
// The Session's course part: the course, the walk through one lesson, the progress remembered per
// lesson id, what each try-it task did, and the scenarios a lesson uses (run once, cached). The
// Session shows what the walk is at (course_session.cpp); this part keeps the lesson's side.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "course/course.h"
#include "state/commands.h"
#include "state/course_walk.h"
#include "state/lesson.h"

namespace tlsclub::gui {

class LessonMode {
 public:
  void set_course(Course course);  // ends a walk of the old one
  void set_errors(std::vector<std::string> errors) { errors_ = std::move(errors); }
  void set_progress(std::map<std::string, LessonProgress> progress);

  const std::optional<Course>& course() const { return course_; }
  const std::vector<std::string>& errors() const { return errors_; }
  const CourseWalk& walk() const { return walk_; }
  const CourseLesson* lesson() const;  // the lesson being walked, if any
  const std::map<std::string, LessonProgress>& progress() const { return progress_; }
  const LessonProgress& progress_of(const CourseLesson& lesson) const;
  const std::vector<std::optional<TryResult>>& try_results() const { return try_results_; }
  std::optional<std::size_t> running_try() const { return running_try_; }
  // The choices of the question the walk is at (prepared when it gets there, not per frame).
  const std::vector<std::string>& choices() const { return choices_; }
  // Why the walk could not show what it should ("" when it could).
  const std::string& message() const { return message_; }

  // Starts (or resumes) a lesson; false when the course has no such lesson.
  bool begin(const cmd::StartLesson& start, const PlaceResolver& position);
  bool next() { return lesson() != nullptr && walk_.next(progress_of(*lesson())); }
  bool go(std::size_t stop) { return walk_.go(stop); }
  bool back() { return walk_.back(); }
  void end() { walk_.end(); }
  // Arriving at the walk's current stop: it counts as seen, a summary as the lesson done; the
  // message and choices of the last stop go. Returns the lesson's progress.
  LessonProgress& arrive();
  void set_choices(std::vector<std::string> choices) { choices_ = std::move(choices); }
  void say(std::string message) { message_ = std::move(message); }
  // The answer to question `q` of the lesson walked; false when it was answered before (once, as
  // in predict mode).
  bool record_answer(std::size_t q, const std::string& choice);

  void try_started(std::size_t task) { running_try_ = task; }
  void try_done(TryResult result);
  void try_failed(const std::string& why);

  // The scenario `relative` of the library in `dir`, run once and kept until its file changes;
  // null (and message() says why) when it cannot be.
  const Lesson* cached(const std::optional<std::filesystem::path>& dir,
                       const std::string& relative);

 private:
  std::optional<Course> course_;
  std::vector<std::string> errors_;
  CourseWalk walk_;
  std::map<std::string, LessonProgress> progress_;
  std::vector<std::optional<TryResult>> try_results_;
  std::optional<std::size_t> running_try_;
  std::map<std::filesystem::path, Lesson> cache_;
  std::vector<std::string> choices_;
  std::string message_;
};

}  // namespace tlsclub::gui
