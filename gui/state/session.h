#pragma once
// Everything the window shows, as state: the lesson, its branches (the original run and every
// what-if), the stepping cursor, the one selection, predict mode, the library. Panels read it
// through const accessors and push Commands; apply() runs them once per frame.

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "course/course.h"
#include "state/commands.h"
#include "state/course_walk.h"
#include "state/job.h"
#include "state/ladder_layout.h"
#include "state/lesson.h"
#include "state/library.h"
#include "state/narration.h"
#include "state/predict.h"
#include "state/selection.h"
#include "state/stepping.h"
#include "state/what_if.h"

namespace tlsclub::gui {

class Session {
 public:
  explicit Session(std::optional<std::filesystem::path> scenarios_dir);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session();

  // Lessons. A file that does not load leaves the current lesson as it was; its errors are kept
  // for the panels to show in place.
  bool open(const std::filesystem::path& file);
  void open_demo();
  void set_lesson(Lesson lesson);
  const Lesson& lesson() const { return lesson_; }
  const ScenarioSpec& spec() const { return *branch().spec; }
  const std::vector<LoadError>& load_errors() const { return load_errors_; }
  const std::filesystem::path& failed_file() const { return failed_file_; }
  const std::optional<std::filesystem::path>& scenarios_dir() const { return scenarios_dir_; }
  const ScenarioLibrary& library() const { return library_; }

  // Branches: 0 is the scenario as written; what-ifs follow.
  const std::vector<Branch>& branches() const { return branches_; }
  std::size_t active_branch() const { return active_; }
  const Branch& branch() const { return branches_[active_]; }
  const Timeline& timeline() const { return *branch().timeline; }
  bool what_if_busy() const { return what_if_.busy(); }
  const std::string& what_if_error() const { return what_if_.error(); }

  // Stepping.
  const StepIndex& steps() const { return steps_; }
  const LadderLayout& ladder() const { return ladder_; }
  const StepCursor& cursor() const { return cursor_; }
  Position position() const { return steps_.at(cursor_.index()); }
  const Connection& connection() const { return timeline().connections[position().connection]; }
  const Narration& narration() const { return narration_; }

  const SelectionModel& selection() const { return selection_; }
  const PredictSession& predict() const { return predict_; }
  // The question holding the cursor back (predict mode), if any.
  std::optional<std::size_t> pending_question() const { return pending_; }
  // The last answer given, to show right or wrong until the next move.
  std::optional<std::size_t> last_answered() const { return last_answered_; }
  Level level() const { return level_; }

  // What the last export wrote (or why it could not).
  const std::string& export_report() const { return export_report_; }
  bool export_failed() const { return export_failed_; }

  bool run_all_busy() const { return run_all_.busy(); }
  const std::vector<RunAllRow>& run_all_rows() const { return run_all_rows_; }

  // Lesson mode (course_session.cpp): the course, the walk through one lesson, the progress
  // remembered per lesson id, and what each try-it task did.
  void set_course(Course course);
  void set_course_errors(std::vector<std::string> errors);
  const std::optional<Course>& course() const { return course_; }
  const std::vector<std::string>& course_errors() const { return course_errors_; }
  const CourseWalk& walk() const { return walk_; }
  const CourseLesson* walk_lesson() const;  // the lesson being walked, if any
  const std::map<std::string, LessonProgress>& progress() const { return progress_; }
  void set_progress(std::map<std::string, LessonProgress> progress);
  const LessonProgress& progress_of(const CourseLesson& lesson) const;
  const std::vector<std::optional<TryResult>>& try_results() const { return try_results_; }
  bool try_running() const { return try_running_.has_value(); }
  // The choices of the question the walk is at (prepared when it gets there, not per frame).
  const std::vector<std::string>& lesson_choices() const { return lesson_choices_; }
  // Why the walk could not show what it should ("" when it could).
  const std::string& course_message() const { return course_message_; }

  void apply(const Command& command);
  void apply_all(Commands& commands);
  // Once per frame: playback, finished background work, files changed on disk.
  void update(double seconds);
  // Blocks until background work is done (tests, screenshots, shutdown).
  void wait_for_jobs();

 private:
  // apply() in three parts, each true when the command was its own.
  bool apply_to_cursor(const Command& command);
  bool apply_to_runs(const Command& command);
  bool apply_to_course(const Command& command);
  void adopt(Lesson lesson);
  void show_branch(std::size_t index, std::optional<Position> keep);
  void moved();  // after every cursor move: narration, selection follows
  void step_forward();
  void seek(std::size_t target);
  void run_what_if(const WhatIf& what_if);
  void answer(std::size_t question, const std::string& choice);
  void check_files();
  void export_files(const cmd::Export& request);
  void branch_arrived(Branch branch);
  // Lesson mode.
  const Lesson* cached(const std::string& scenario);
  std::optional<std::size_t> place_position(const LessonPlace& place);
  bool show_scenario(const std::string& scenario);
  bool show_place(const LessonPlace& place, bool before);
  void show_stop();
  void start_lesson(const cmd::StartLesson& start);
  void lesson_answer(const std::string& choice);
  void run_try();
  void try_finished();
  void show_evidence(const cmd::ShowEvidence& show);
  void select_field_named(const std::string& key);

  std::optional<std::filesystem::path> scenarios_dir_;
  ScenarioLibrary library_;
  Lesson lesson_;
  std::vector<LoadError> load_errors_;
  std::filesystem::path failed_file_;
  std::optional<std::filesystem::file_time_type> failed_modified_;

  std::vector<Branch> branches_;
  std::size_t active_ = 0;
  WhatIfRunner what_if_;

  StepIndex steps_;
  LadderLayout ladder_;
  StepCursor cursor_;
  Narration narration_;
  SelectionModel selection_;
  PredictSession predict_;
  std::optional<std::size_t> pending_;
  std::optional<std::size_t> last_answered_;
  Level level_ = Level::both;

  Job<std::vector<RunAllRow>> run_all_;
  std::vector<RunAllRow> run_all_rows_;
  double since_file_check_ = 0.0;
  std::string export_report_;
  bool export_failed_ = false;

  std::optional<Course> course_;
  std::vector<std::string> course_errors_;
  CourseWalk walk_;
  std::map<std::string, LessonProgress> progress_;
  std::vector<std::optional<TryResult>> try_results_;
  std::optional<std::size_t> try_running_;
  std::map<std::filesystem::path, Lesson> cache_;  // scenarios a lesson uses, run once
  std::vector<std::string> lesson_choices_;
  std::string course_message_;
};

}  // namespace tlsclub::gui
