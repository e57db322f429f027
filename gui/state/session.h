#pragma once
// Everything the window shows, as state, in six parts: the playback of the run shown (cursor,
// selection, predict mode, level), its branches (the run as written, every what-if and the real
// visits), the scenario library, the course being walked, the last export, and the club open to
// real visitors. The Session opens scenarios and
// routes each Command to the part it belongs to; panels read the parts through const accessors
// and push Commands, which apply() runs once per frame.

#include <filesystem>
#include <map>
#include <optional>
#include <vector>

#include "course/course.h"
#include "state/branches.h"
#include "state/commands.h"
#include "state/export_view.h"
#include "state/lesson.h"
#include "state/lesson_mode.h"
#include "state/live_club.h"
#include "state/playback.h"
#include "state/scenario_shelf.h"

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
  const std::vector<LoadError>& load_errors() const { return load_errors_; }
  const std::filesystem::path& failed_file() const { return failed_file_; }

  // The parts.
  const Playback& playback() const { return playback_; }
  const Branches& branches() const { return branches_; }
  const ScenarioShelf& shelf() const { return shelf_; }
  const LessonMode& lessons() const { return lessons_; }
  const ExportReport& export_report() const { return export_report_; }
  const LiveClub& live_club() const { return live_club_; }

  // The run shown, and where the cursor is in it.
  const Branch& branch() const { return branches_.active(); }
  const ScenarioSpec& spec() const { return *branch().spec; }
  const Timeline& timeline() const { return *branch().timeline; }
  Position position() const { return playback_.position(); }
  const Connection& connection() const { return timeline().connections[position().connection]; }

  // The course (loaded by the app, which also remembers the progress).
  void set_course(Course course) { lessons_.set_course(std::move(course)); }
  void set_course_errors(std::vector<std::string> errors) {
    lessons_.set_errors(std::move(errors));
  }
  void set_progress(std::map<std::string, LessonProgress> progress) {
    lessons_.set_progress(std::move(progress));
  }

  void apply(const Command& command);
  void apply_all(Commands& commands);
  // Once per frame: playback, finished background work, files changed on disk.
  void update(double seconds);
  // Blocks until background work is done (tests, screenshots, shutdown). The club open to real
  // visitors is not waited for (it runs until closed); closing the Session closes it.
  void wait_for_jobs();

 private:
  // apply() beyond Playback's own commands, each true when the command was its own.
  bool apply_to_runs(const Command& command);
  bool apply_to_course(const Command& command);
  void adopt(Lesson lesson);
  void show_branch(std::size_t index, std::optional<Position> keep);
  void check_files();
  void branch_arrived(Branch branch);
  bool apply_to_club(const Command& command);
  void visits_arrived(std::vector<Timeline> visits);
  // Lesson mode (course_session.cpp).
  std::optional<std::size_t> place_position(const LessonPlace& place);
  bool show_scenario(const std::string& scenario);
  bool show_place(const LessonPlace& place, bool before);
  void show_stop();
  void lesson_answer(const std::string& choice);
  void run_try();
  void try_failed();
  void show_evidence(const cmd::ShowEvidence& show);

  Lesson lesson_;
  std::vector<LoadError> load_errors_;
  std::filesystem::path failed_file_;
  std::optional<std::filesystem::file_time_type> failed_modified_;
  double since_file_check_ = 0.0;

  Playback playback_;
  Branches branches_;
  ScenarioShelf shelf_;
  LessonMode lessons_;
  ExportReport export_report_;
  LiveClub live_club_;  // last: closed before the parts its visits join
};

}  // namespace tlsclub::gui
