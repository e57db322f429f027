#include "state/session.h"

#include "core/overloaded.h"

namespace tlsclub::gui {

namespace fs = std::filesystem;

Session::Session(std::optional<fs::path> scenarios_dir) : shelf_(std::move(scenarios_dir)) {
  adopt(demo_lesson());
}

Session::~Session() {
  wait_for_jobs();
}

bool Session::open(const fs::path& file) {
  LessonResult result = open_lesson(file);
  if (auto* errors = std::get_if<std::vector<LoadError>>(&result)) {
    load_errors_ = std::move(*errors);
    failed_file_ = file;
    failed_modified_ = modified_time(file);
    return false;
  }
  adopt(std::move(std::get<Lesson>(result)));
  return true;
}

void Session::open_demo() {
  adopt(demo_lesson());
}

void Session::set_lesson(Lesson lesson) {
  adopt(std::move(lesson));
}

void Session::adopt(Lesson lesson) {
  // The club served the scenario shown until now: close it, and drop what it still had to say.
  if (live_club_.running() || live_club_.state() == LiveClub::State::closing) {
    live_club_.close();
    live_club_.wait();
  }
  load_errors_.clear();
  failed_file_.clear();
  Branch original;
  original.label = "as the scenario says";
  original.timeline = std::make_shared<const Timeline>(std::move(lesson.timeline));
  original.spec = std::make_shared<const ScenarioSpec>(std::move(lesson.spec));
  lesson_ = std::move(lesson);
  lesson_.timeline = {};
  lesson_.spec = {};
  branches_.reset(std::move(original));
  show_branch(0, std::nullopt);
}

void Session::show_branch(std::size_t index, std::optional<Position> keep) {
  branches_.show(index);
  // The trainer's notes and questions are anchored to the scenario's members: a real visitor
  // gets only the questions every visit has (the decisive step's).
  playback_.show(timeline(), branch().live ? nullptr : branch().spec.get(), keep);
}

// Opening scenarios, what-if and clock branches, the library, exports.
bool Session::apply_to_runs(const Command& command) {
  return std::visit(
      Overloaded{
          [&](const cmd::Open& o) {
            open(o.file);
            return true;
          },
          [&](const cmd::OpenDemo&) {
            open_demo();
            return true;
          },
          [&](const cmd::Reload&) {
            if (lesson_.file.empty()) return true;
            const Position keep = position();
            if (open(lesson_.file)) show_branch(0, keep);
            return true;
          },
          [&](const cmd::RunWhatIf& w) {
            branches_.start(w.what_if);
            return true;
          },
          [&](const cmd::MoveClock& m) {
            branches_.start_clock_shift(m.days);
            return true;
          },
          [&](const cmd::SwitchBranch& s) {
            if (s.branch < branches_.all().size() && s.branch != branches_.active_index())
              show_branch(s.branch, position());
            return true;
          },
          [&](const cmd::RunAll&) {
            shelf_.start_run_all();
            return true;
          },
          [&](const cmd::RescanLibrary&) {
            shelf_.rescan();
            return true;
          },
          [&](const cmd::Export& e) {
            const std::size_t number = export_report_.number + 1;
            export_report_ = export_view(e, lesson_, spec(), timeline());
            export_report_.number = number;
            return true;
          },
          [](const auto&) { return false; },
      },
      command);
}

// The lesson being walked: its stops, answers, try-it tasks and evidence.
bool Session::apply_to_course(const Command& command) {
  return std::visit(Overloaded{
                        [&](const cmd::StartLesson& l) {
                          const auto resolve = [this](const LessonPlace& place) {
                            return place_position(place);
                          };
                          if (lessons_.begin(l, resolve)) show_stop();
                          return true;
                        },
                        [&](const cmd::LessonNext&) {
                          if (lessons_.next()) show_stop();
                          return true;
                        },
                        [&](const cmd::LessonGoTo& g) {
                          if (lessons_.go(g.stop)) show_stop();
                          return true;
                        },
                        [&](const cmd::LessonBack&) {
                          if (lessons_.back()) show_stop();
                          return true;
                        },
                        [&](const cmd::LessonAnswer& a) {
                          lesson_answer(a.choice);
                          return true;
                        },
                        [&](const cmd::RunTry&) {
                          run_try();
                          return true;
                        },
                        [&](const cmd::LeaveLesson&) {
                          lessons_.end();
                          return true;
                        },
                        [&](const cmd::ShowEvidence& e) {
                          show_evidence(e);
                          return true;
                        },
                        [](const auto&) { return false; },
                    },
                    command);
}

// The club open to real visitors: opened for the scenario as written, whatever branch is shown.
bool Session::apply_to_club(const Command& command) {
  return std::visit(Overloaded{
                        [&](const cmd::OpenClub& o) {
                          live_club_.open(branches_.original().spec, o.port);
                          return true;
                        },
                        [&](const cmd::CloseClub&) {
                          live_club_.close();
                          return true;
                        },
                        [&](const cmd::DismissClubError&) {
                          live_club_.dismiss();
                          return true;
                        },
                        [](const auto&) { return false; },
                    },
                    command);
}

// Real visits join the live branch. The first one brings it forward at its start (the club view
// fills with the class); later ones leave the student where they are.
void Session::visits_arrived(std::vector<Timeline> visits) {
  if (visits.empty()) return;
  std::vector<Connection> connections;
  connections.reserve(visits.size());
  for (Timeline& visit : visits)
    for (Connection& c : visit.connections) connections.push_back(std::move(c));
  const bool first = branches_.live_index() == npos;
  const std::size_t shown = branches_.active_index();
  const Position at = position();
  const std::size_t live = branches_.add_live(
      std::move(connections), live_club_.host() + ":" + std::to_string(live_club_.port()));
  if (first)
    show_branch(live, Position{0, 0});
  else if (shown == live)
    show_branch(live, at);  // the Timeline shown was replaced by one with more visits
}

void Session::apply(const Command& command) {
  if (playback_.apply(command) || apply_to_runs(command) || apply_to_club(command)) return;
  apply_to_course(command);
}

void Session::apply_all(Commands& commands) {
  for (const Command& c : commands) apply(c);
  commands.clear();
}

void Session::update(double seconds) {
  playback_.update(seconds);
  if (auto branch = branches_.poll()) branch_arrived(std::move(*branch));
  if (lessons_.running_try() && !branches_.busy()) try_failed();  // it failed: error() says why
  shelf_.poll();
  visits_arrived(live_club_.poll());
  since_file_check_ += seconds;
  if (since_file_check_ >= 1.0) {
    since_file_check_ = 0.0;
    check_files();
  }
}

void Session::check_files() {
  shelf_.refresh();
  // The lesson's file changed on disk (a trainer editing it): run it again, same place.
  if (!lesson_.file.empty() && modified_time(lesson_.file) != lesson_.modified) {
    const Position keep = position();
    const fs::path file = lesson_.file;
    if (open(file))
      show_branch(0, keep);
    else
      lesson_.modified = modified_time(file);  // keep the errors up, do not retry every second
  }
  // A file that failed to load and was fixed: open it.
  if (!failed_file_.empty() && modified_time(failed_file_) != failed_modified_) open(failed_file_);
}

void Session::wait_for_jobs() {
  if (auto branch = branches_.wait()) branch_arrived(std::move(*branch));
  if (lessons_.running_try()) try_failed();
  shelf_.wait();
}

}  // namespace tlsclub::gui
