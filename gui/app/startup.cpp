#include "app/startup.h"

#include <cstdio>
#include <exception>
#include <string>
#include <system_error>
#include <utility>
#include <variant>
#include <vector>

#include "course/course.h"
#include "state/lesson.h"

namespace tlsclub::gui {

namespace fs = std::filesystem;

namespace {

void print_errors(const Session& session) {
  for (const auto& e : session.load_errors()) std::fprintf(stderr, "%s\n", e.to_string().c_str());
}

// The lesson to start with: the file given, else the last one, else the first lesson.
bool open_start_lesson(Session& session, const Options& options, const Settings& settings) {
  if (!options.scenario.empty()) {
    if (session.open(options.scenario)) return true;
    print_errors(session);
    return false;
  }
  std::error_code ec;
  if (!settings.last_lesson.empty() && fs::is_regular_file(settings.last_lesson, ec) &&
      session.open(settings.last_lesson))
    return true;
  if (session.shelf().dir()) {
    const fs::path first = default_lesson(*session.shelf().dir());
    if (fs::is_regular_file(first, ec) && session.open(first)) return true;
  }
  session.open_demo();
  return true;
}

// --member / --step: where the cursor starts. False (and a message) for an unknown member.
bool place_cursor(Session& session, const Options& options) {
  std::size_t connection = 0;
  if (!options.member.empty()) {
    const auto& connections = session.timeline().connections;
    connection = connections.size();
    for (std::size_t c = 0; c < connections.size(); ++c)
      if (connections[c].client == options.member) connection = c;
    if (connection == connections.size()) {
      std::fprintf(stderr, "tlsclub-gui: error: no member called '%s' in this scenario\n",
                   options.member.c_str());
      return false;
    }
    session.apply(cmd::Seek{session.playback().steps().first_of(connection)});
  }
  if (options.step) {
    const std::size_t base =
        options.member.empty() ? 0 : session.playback().steps().first_of(connection);
    session.apply(cmd::Seek{base + *options.step});
  }
  return true;
}

// --what-if ACTION:RECORD[:BYTE] on the visit the cursor is in. False (and a message) when it
// does not name an action and a record of that visit.
bool run_what_if(Session& session, const std::string& text) {
  const std::size_t colon = text.find(':');
  const std::string action = text.substr(0, colon);
  std::size_t record = 0, offset = 0;
  const std::string rest = colon == std::string::npos ? "" : text.substr(colon + 1);
  const std::size_t colon2 = rest.find(':');
  try {
    record = std::stoul(rest.substr(0, colon2));
    if (colon2 != std::string::npos) offset = std::stoul(rest.substr(colon2 + 1));
  } catch (const std::exception&) {
    record = 0;
  }
  WhatIf w;
  w.connection = session.position().connection;
  w.offset = offset;
  if (const auto known = tlsclub::wire_fault_action(action))
    w.action = *known;
  else
    record = 0;
  const std::size_t row =
      record == 0 ? npos : session.playback().ladder().row_of_record(w.connection, record);
  if (row == npos) {
    std::string names;
    for (const auto& k : tlsclub::wire_fault_kinds())
      names += (names.empty() ? "" : ", ") + std::string(k.name) +
               (k.takes_byte ? ":RECORD:BYTE" : ":RECORD");
    std::fprintf(stderr,
                 "tlsclub-gui: error: --what-if needs one of %s (tamper is flip) with a record of "
                 "this visit, not '%s'\n",
                 names.c_str(), text.c_str());
    return false;
  }
  w.record_event = session.playback().ladder().rows()[row].event;
  session.apply(cmd::RunWhatIf{w});
  session.wait_for_jobs();
  return session.branches().error().empty();
}

// The course (docs/lessons): found beside the program or its source tree, or $TLSCLUB_LESSONS.
// Without it the app still runs; the Course tab says why there are no lessons.
void load_the_course(Session& session, const fs::path& self) {
  const auto dir = tlsclub::find_course_dir(self);
  if (!dir || !session.shelf().dir()) {
    session.set_course_errors({"no docs/lessons folder was found"});
    return;
  }
  tlsclub::CourseLoad loaded = tlsclub::load_course(*dir, *session.shelf().dir());
  if (auto* errors = std::get_if<std::vector<tlsclub::LoadError>>(&loaded)) {
    std::vector<std::string> lines;
    for (const tlsclub::LoadError& e : *errors) lines.push_back(e.to_string());
    session.set_course_errors(std::move(lines));
    return;
  }
  session.set_course(std::move(std::get<tlsclub::Course>(loaded)));
}

// --lesson N [--lesson-stop K]: walk lesson N from stop K. False (and a message) without it.
bool start_lesson(Session& session, const Options& options) {
  if (options.lesson == 0) return true;
  const auto& course = session.lessons().course();
  if (!course || options.lesson > static_cast<int>(course->lessons.size())) {
    std::fprintf(stderr, "tlsclub-gui: error: there is no lesson %d\n", options.lesson);
    return false;
  }
  session.apply(cmd::StartLesson{static_cast<std::size_t>(options.lesson - 1), true});
  if (options.lesson_stop) session.apply(cmd::LessonGoTo{*options.lesson_stop});
  return session.lessons().lesson() != nullptr;
}

// The cursor, the what-if, the lesson walk and the tab; with `strict`, the first of them that
// fails ends it with nothing.
std::optional<Tab> place_and_walk(Session& session, const Options& options, bool strict) {
  if (!place_cursor(session, options) && strict) return std::nullopt;
  if (!options.what_if.empty() && !run_what_if(session, options.what_if) && strict)
    return std::nullopt;
  if (!start_lesson(session, options) && strict) return std::nullopt;
  // A new student starts at the course; a file named on the command line, or a lesson being
  // walked, is shown in the club view.
  Tab tab = options.scenario.empty() && options.lesson == 0 ? Tab::course : Tab::club;
  if (!options.tab.empty() && !tab_from_string(options.tab, tab)) {
    std::fprintf(stderr, "tlsclub-gui: error: unknown tab '%s' (see --help)\n",
                 options.tab.c_str());
    return std::nullopt;
  }
  return tab;
}

}  // namespace

std::optional<Options> parse_command_line(int argc, char** argv, int& status) {
  std::string error;
  auto options = parse_options(std::vector<std::string>(argv + 1, argv + argc), error);
  if (!options) {
    std::fprintf(stderr, "tlsclub-gui: error: %s\n", error.c_str());
    status = 2;
    return std::nullopt;
  }
  if (options->help) {
    std::fputs(usage(), stdout);
    status = 0;
    return std::nullopt;
  }
  return options;
}

Settings starting_settings(const Options& options, const fs::path& settings_file) {
  Settings settings = settings_file.empty() ? Settings{} : load_settings(settings_file);
  if (!options.theme.empty()) settings.dark = options.theme == "dark";
  if (!options.level.empty()) settings.level = level_from_string(options.level);
  if (options.predict) settings.predict = true;
  if (options.present) settings.present = true;
  return settings;
}

std::optional<Tab> configure(Session& session, const Options& options, const Settings& settings,
                             const fs::path& self) {
  // --serve serves the file given or nothing: another scenario's club would mislead the class.
  const bool strict = !options.screenshot.empty() || options.serve;
  load_the_course(session, self);
  session.set_progress(settings.progress);
  if (!open_start_lesson(session, options, settings) && strict) return std::nullopt;
  session.apply(cmd::SetLevel{settings.level});
  session.apply(cmd::SetPredict{settings.predict});
  session.apply(cmd::SetSpeed{settings.speed});
  auto tab = place_and_walk(session, options, strict);
  // The club opens on the worker; a port in use shows in the window, as from the menu.
  if (tab && options.serve) session.apply(cmd::OpenClub{options.port});
  return tab;
}

std::optional<Tab> go_to(Session& session, const Options& options) {
  if (session.lessons().lesson() != nullptr) session.apply(cmd::LeaveLesson{});
  if (!options.scenario.empty() && !session.open(options.scenario)) {
    print_errors(session);
    return std::nullopt;
  }
  return place_and_walk(session, options, true);
}

void show_what_was_asked(AppView& view, const Options& options, Tab tab) {
  view.show_tab(tab);
  view.view().club_port = options.port;
  view.view().myths_open = options.myths;
  view.view().glossary.open = options.glossary;
  if (options.lesson > 0)
    view.view().course_selected = static_cast<std::size_t>(options.lesson - 1);
}

}  // namespace tlsclub::gui
