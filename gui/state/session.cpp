#include "state/session.h"

#include <chrono>

#include "core/overloaded.h"

namespace tlsclub::gui {

namespace fs = std::filesystem;

Session::Session(std::optional<fs::path> scenarios_dir) : scenarios_dir_(std::move(scenarios_dir)) {
  if (scenarios_dir_) library_.scan(*scenarios_dir_);
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
  what_if_.wait();  // a what-if of the old lesson has nothing to say about this one
  load_errors_.clear();
  failed_file_.clear();
  Branch original;
  original.label = "as the scenario says";
  original.timeline = std::make_shared<const Timeline>(std::move(lesson.timeline));
  original.spec = std::make_shared<const ScenarioSpec>(std::move(lesson.spec));
  lesson_ = std::move(lesson);
  lesson_.timeline = {};
  lesson_.spec = {};
  branches_.clear();
  branches_.push_back(std::move(original));
  show_branch(0, std::nullopt);
}

void Session::show_branch(std::size_t index, std::optional<Position> keep) {
  active_ = index;
  const Timeline& t = timeline();
  steps_ = StepIndex(t);
  ladder_ = LadderLayout(t, steps_);
  selection_.attach(&t);
  const bool predict_on = predict_.enabled();
  predict_ = {};
  predict_.build(branch().spec.get(), t, steps_);
  predict_.set_enabled(predict_on);
  pending_.reset();
  last_answered_.reset();
  cursor_.reset(steps_.size(), keep ? steps_.index_of(*keep) : 0);
  moved();
}

void Session::moved() {
  narration_ = narrate(timeline(), steps_, cursor_.index(), branch().spec.get());
  const std::size_t row = ladder_.focus_row(cursor_.index());
  if (row == npos) return;
  const LadderRow& r = ladder_.rows()[row];
  if (r.kind != LadderRow::Kind::record) {
    selection_.clear();
    return;
  }
  // The inspector follows the step: the first message of the arrow in focus, else the record.
  selection_.select_event(r.connection, r.first_message != npos ? r.first_message : r.event);
}

void Session::step_forward() {
  if (cursor_.at_end()) return;
  seek(cursor_.index() + 1);
}

void Session::seek(std::size_t target) {
  last_answered_.reset();
  if (const auto q = predict_.gate(cursor_.index(), target, steps_.at(target).connection)) {
    // Stop just before the step the question is about, and ask.
    pending_ = *q;
    cursor_.pause();
    if (cursor_.seek(predict_.questions()[*q].position - 1)) moved();
    return;
  }
  pending_.reset();
  if (cursor_.seek(target)) moved();
}

void Session::answer(std::size_t question, const std::string& choice) {
  predict_.answer(question, choice);
  last_answered_ = question;
  if (pending_ == question) {
    pending_.reset();
    if (cursor_.seek(predict_.questions()[question].position)) moved();
  }
}

void Session::run_what_if(const WhatIf& w) {
  const Timeline& t = timeline();
  if (w.connection >= t.connections.size() ||
      w.record_event >= t.connections[w.connection].events.size() ||
      !std::holds_alternative<RecordEvent>(t.connections[w.connection].events[w.record_event].body))
    return;
  const Connection& c = t.connections[w.connection];
  const WireFault fault = fault_for(c, w);
  std::vector<WireFault> faults = branch().faults;
  faults.push_back(fault);
  const auto& record = std::get<RecordEvent>(c.events[w.record_event].body);
  const WireFaultKind& kind = kind_of(w.action);
  std::string label = kind.takes_byte ? "tamper byte " + std::to_string(w.offset) + " of record"
                                      : std::string(kind.branch);
  label += " #" + std::to_string(record.record_id);
  label += " (" + c.client + ")";
  what_if_.start(branch().spec, branch().timeline, w.connection, std::move(faults),
                 std::move(label));
}

// Stepping, seeking, playing and selecting: where the student is and what they look at.
bool Session::apply_to_cursor(const Command& command) {
  return std::visit(Overloaded{
                        [&](const cmd::StepForward&) {
                          step_forward();
                          return true;
                        },
                        [&](const cmd::StepBack&) {
                          pending_.reset();
                          last_answered_.reset();
                          if (cursor_.back()) moved();
                          return true;
                        },
                        [&](const cmd::Home&) {
                          const std::size_t first = steps_.first_of(position().connection);
                          seek(cursor_.index() == first ? 0 : first);
                          return true;
                        },
                        [&](const cmd::End&) {
                          const std::size_t last = steps_.last_of(position().connection);
                          seek(cursor_.index() == last ? steps_.size() - 1 : last);
                          return true;
                        },
                        [&](const cmd::NextMember&) {
                          const std::size_t c = position().connection;
                          if (c + 1 < steps_.connections()) seek(steps_.first_of(c + 1));
                          return true;
                        },
                        [&](const cmd::PreviousMember&) {
                          const std::size_t c = position().connection;
                          if (c > 0) seek(steps_.first_of(c - 1));
                          return true;
                        },
                        [&](const cmd::Seek& s) {
                          seek(s.position);
                          return true;
                        },
                        [&](const cmd::SeekRow& s) {
                          if (s.row >= ladder_.rows().size()) return true;
                          seek(ladder_.position_of_row(s.row));
                          const LadderRow& r = ladder_.rows()[s.row];
                          if (r.kind == LadderRow::Kind::record && !pending_)
                            selection_.select_event(r.connection, r.event);
                          return true;
                        },
                        [&](const cmd::TogglePlay&) {
                          if (cursor_.playing())
                            cursor_.pause();
                          else if (!pending_)
                            cursor_.play(), moved();
                          return true;
                        },
                        [&](const cmd::SetSpeed& s) {
                          cursor_.set_speed(s.steps_per_second);
                          return true;
                        },
                        [&](const cmd::Select& s) {
                          selection_.select_event(s.connection, s.event);
                          return true;
                        },
                        [&](const cmd::SelectField& s) {
                          selection_.select_field(s.field);
                          return true;
                        },
                        [&](const cmd::SelectByte& s) {
                          selection_.select_byte(s.block, s.offset);
                          return true;
                        },
                        [](const auto&) { return false; },
                    },
                    command);
}

// Opening scenarios, what-if and clock branches, predict mode, the level, the library, exports.
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
            run_what_if(w.what_if);
            return true;
          },
          [&](const cmd::MoveClock& m) {
            const SimTime clock = branches_[0].spec->now + std::chrono::days(m.days);
            what_if_.start_clock(branches_[0].spec, clock,
                                 "clock " + std::string(m.days >= 0 ? "+" : "") +
                                     std::to_string(m.days) + " days: " + format_time(clock));
            return true;
          },
          [&](const cmd::SwitchBranch& s) {
            if (s.branch < branches_.size() && s.branch != active_)
              show_branch(s.branch, position());
            return true;
          },
          [&](const cmd::SetPredict& p) {
            predict_.set_enabled(p.on);
            if (!p.on) pending_.reset();
            return true;
          },
          [&](const cmd::Answer& a) {
            answer(a.question, a.choice);
            return true;
          },
          [&](const cmd::SetLevel& l) {
            level_ = l.level;
            return true;
          },
          [&](const cmd::RunAll&) {
            if (run_all_.busy()) return true;
            run_all_.start([entries = library_.entries()] { return run_all(entries); });
            return true;
          },
          [&](const cmd::RescanLibrary&) {
            if (scenarios_dir_) library_.scan(*scenarios_dir_);
            return true;
          },
          [&](const cmd::Export& e) {
            export_files(e);
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
                          start_lesson(l);
                          return true;
                        },
                        [&](const cmd::LessonNext&) {
                          if (course_ && walk_.next(progress_of(*walk_lesson()))) show_stop();
                          return true;
                        },
                        [&](const cmd::LessonGoTo& g) {
                          if (walk_.go(g.stop)) show_stop();
                          return true;
                        },
                        [&](const cmd::LessonBack&) {
                          if (walk_.back()) show_stop();
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
                          walk_.end();
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

void Session::apply(const Command& command) {
  if (apply_to_cursor(command) || apply_to_runs(command)) return;
  apply_to_course(command);
}

void Session::apply_all(Commands& commands) {
  for (const Command& c : commands) apply(c);
  commands.clear();
}

void Session::update(double seconds) {
  for (std::size_t due = cursor_.tick(seconds); due > 0 && cursor_.playing(); --due) {
    if (cursor_.at_end()) {
      cursor_.pause();
      break;
    }
    step_forward();
  }
  if (auto branch = what_if_.poll()) branch_arrived(std::move(*branch));
  if (try_running_ && !what_if_.busy()) try_finished();  // it failed: what_if_error() says why
  if (auto rows = run_all_.poll()) run_all_rows_ = std::move(*rows);
  since_file_check_ += seconds;
  if (since_file_check_ >= 1.0) {
    since_file_check_ = 0.0;
    check_files();
  }
}

void Session::check_files() {
  library_.refresh();
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
  if (auto branch = what_if_.wait()) branch_arrived(std::move(*branch));
  if (try_running_) try_finished();
  if (auto rows = run_all_.wait()) run_all_rows_ = std::move(*rows);
}

}  // namespace tlsclub::gui
