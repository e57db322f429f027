// tlsclub lessons: the course (docs/lessons) from a terminal. List, show, try a task, check every
// claim against the runs, write the Markdown pages, print the myth cards.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/lessons_text.h"
#include "core/atomic_file.h"
#include "course/course.h"
#include "simulation/expectations.h"

namespace tlsclub::cli {

namespace fs = std::filesystem;

namespace {

struct Dirs {
  fs::path course, scenarios;
};

std::optional<Dirs> find_dirs(const LessonsArgs& args) {
  Dirs dirs;
  if (!args.course.empty()) {
    dirs.course = args.course;
  } else if (auto found = find_course_dir(args.executable)) {
    dirs.course = *found;
  } else {
    std::cerr << "tlsclub lessons: error: cannot find the course (hint: --course docs/lessons, "
                 "or set TLSCLUB_LESSONS)\n";
    return std::nullopt;
  }
  if (!args.scenarios.empty()) {
    dirs.scenarios = args.scenarios;
  } else if (auto found = find_scenarios_for_course(dirs.course)) {
    dirs.scenarios = *found;
  } else {
    std::cerr << "tlsclub lessons: error: cannot find the scenario library for "
              << dirs.course.string() << " (hint: --scenarios scenarios)\n";
    return std::nullopt;
  }
  return dirs;
}

std::optional<Course> load(const Dirs& dirs) {
  CourseLoad loaded = load_course(dirs.course, dirs.scenarios);
  if (auto* errors = std::get_if<std::vector<LoadError>>(&loaded)) {
    for (const auto& e : *errors) std::cerr << e.to_string() << "\n";
    std::cerr << errors->size() << " error(s) in the course files\n";
    return std::nullopt;
  }
  return std::move(std::get<Course>(loaded));
}

const CourseLesson* lesson_numbered(const Course& course, int number) {
  for (const auto& l : course.lessons)
    if (l.number == number) return &l;
  std::cerr << "tlsclub lessons: error: there is no lesson " << number << " (the course has 1 to "
            << course.lessons.size() << ")\n";
  return nullptr;
}

int list(const Course& course) {
  std::cout << " #  lesson" << std::string(44, ' ') << "scenarios  questions  tries\n";
  for (const auto& l : course.lessons) {
    std::string title = l.title.size() > 48 ? l.title.substr(0, 47) + "…" : l.title;
    // Pad by what a terminal shows, not by bytes: "…" and "—" are one column, three bytes.
    const auto columns =
        static_cast<std::size_t>(std::count_if(title.begin(), title.end(), [](char c) {
          return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
    title.append(columns < 50 ? 50 - columns : 0, ' ');
    std::cout << std::setw(2) << l.number << "  " << title << std::setw(9) << l.scenarios.size()
              << std::setw(11) << l.questions.size() << std::setw(7) << l.tries.size() << "\n";
  }
  std::cout << "\n" << course.myths.size() << " myth cards: tlsclub lessons myths\n";
  return kExitOk;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int check(const Course& course, const Dirs& dirs) {
  const auto start = std::chrono::steady_clock::now();
  std::size_t problems = 0;
  const auto report = [&](const std::vector<std::string>& found) {
    for (const auto& p : found) std::cout << "  " << p << "\n";
    problems += found.size();
  };
  for (const auto& lesson : course.lessons) {
    const auto found = verify_lesson(lesson, dirs.scenarios);
    std::cout << (found.empty() ? "ok   " : "FAIL ") << fs::path(lesson.source).filename().string()
              << "\n";
    report(found);
  }
  const auto myths = verify_myths(course.myths, dirs.scenarios);
  std::cout << (myths.empty() ? "ok   " : "FAIL ") << "myths.toml (" << course.myths.size()
            << " cards)\n";
  report(myths);
  // The pages beside the lesson files are generated from them: a page that differs says what the
  // lessons no longer do. (A folder without pages, like an author's draft, has none to compare.)
  std::vector<std::string> stale;
  for (const auto& [name, content] : course_markdown(course)) {
    const fs::path page = dirs.course / name;
    std::error_code ec;
    if (fs::exists(page, ec) && read_all(page) != content)
      stale.push_back(name + " is not the page the lessons give (run `tlsclub lessons markdown " +
                      dirs.course.string() + "`)");
  }
  std::cout << (stale.empty() ? "ok   " : "FAIL ") << "the Markdown pages\n";
  report(stale);
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << course.lessons.size() << " lessons, " << course.myths.size() << " myths: "
            << (problems == 0 ? "every claim holds" : std::to_string(problems) + " problem(s)")
            << " (" << std::fixed << std::setprecision(1) << seconds << " s)\n";
  return problems == 0 ? kExitOk : kExitExpectationNotMet;
}

int try_task(const Course& course, const Dirs& dirs, int number, int k) {
  const CourseLesson* lesson = lesson_numbered(course, number);
  if (lesson == nullptr) return kExitBadInput;
  if (k < 1 || static_cast<std::size_t>(k) > lesson->tries.size()) {
    std::cerr << "tlsclub lessons try: error: lesson " << number << " has " << lesson->tries.size()
              << " try-it task(s)\n";
    return kExitBadInput;
  }
  const TryTask& task = lesson->tries[static_cast<std::size_t>(k) - 1];
  std::cout << "Lesson " << number << ", try it " << k << ": " << task.task << "\n"
            << "Scenario: " << task.scenario << "\nChange:   " << change_in_words(task) << "\n\n";
  const TryResult r = run_try(task, dirs.scenarios);
  if (!r.ran) {
    std::cerr << "tlsclub lessons try: error: " << r.problem << "\n";
    return kExitBadInput;
  }
  const Connection& c = *r.connection;
  std::cout << c.client << " after the change:\n"
            << "  outcome:       " << to_string(c.outcome) << "\n"
            << "  refused by:    "
            << (c.refused_by ? std::string(to_string(*c.refused_by)) : std::string("-")) << "\n"
            << "  alert:         " << c.alert.value_or("-") << "\n"
            << "  failing check: "
            << (first_failing_check(c).empty() ? "-" : first_failing_check(c)) << "\n\n"
            << "The lesson says: " << expectation_in_words(c.client, task.expect) << "\n";
  if (!r.fault_applied) {
    std::cout << "But the fault never hit a record of " << c.client << "'s visit.\n";
    return kExitExpectationNotMet;
  }
  std::cout << (r.met ? "That is what happened.\n"
                      : "That is NOT what happened: " + r.actual + "\n")
            << "\n"
            << task.explanation << "\n";
  return r.met ? kExitOk : kExitExpectationNotMet;
}

int markdown(const Course& course, const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  for (const auto& [name, content] : course_markdown(course)) {
    write_file_atomically(fs::path(dir) / name, content);
    std::cout << "wrote " << (fs::path(dir) / name).string() << "\n";
  }
  return kExitOk;
}

}  // namespace

CLI::App* add_lessons_command(CLI::App& app, LessonsArgs& args) {
  auto* lessons = app.add_subcommand(
      "lessons",
      "The course: twelve lessons on the scenario library, and the myth-and-fact cards.\n"
      "With no action: list the lessons. The course is docs/lessons (lesson files NN-slug.toml,\n"
      "docs/lesson-format.md), found beside the executable, in the source tree or the install.");
  lessons->require_subcommand(0, 1);
  lessons->add_option("--course", args.course, "The course folder (default: docs/lessons found)")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory);
  lessons
      ->add_option("--scenarios", args.scenarios,
                   "The scenario library (default: scenarios/ beside the course)")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory);
  const auto action = [&](const char* name, const char* help) {
    auto* sub = lessons->add_subcommand(name, help);
    sub->fallthrough();  // --course and --scenarios may come after the action too
    sub->callback([&args, name] { args.action = name; });
    return sub;
  };
  action("list", "List the lessons: number, title, scenarios, questions, try-it tasks");
  action("show", "Print lesson N for a terminal: objectives, steps, questions, tasks")
      ->add_option("N", args.number, "Lesson number")
      ->required();
  action("check",
         "Load every lesson and the myths, run every scenario they name, and check each claim:\n"
         "anchors name a step, answers and try-it results agree with the runs, myth evidence\n"
         "holds, the Markdown pages are current. Exit 0: all true; 1: a claim does not hold;\n"
         "2: a file does not load.");
  auto* try_cmd = action(
      "try",
      "Run try-it task K of lesson N: the change, what the member's visit does after it, and\n"
      "whether that is what the lesson says (exit 0 yes, 1 no).");
  try_cmd->add_option("N", args.number, "Lesson number")->required();
  try_cmd->add_option("K", args.task, "Task number within the lesson (from 1)")->required();
  action("markdown", "Write the course as Markdown pages (one per lesson, README.md, myths.md)")
      ->add_option("DIR", args.dir, "Where to write them (docs/lessons in the source tree)")
      ->required();
  action("myths", "Print the myth-and-fact cards and the scenario steps that prove each");
  return lessons;
}

int lessons_command(const LessonsArgs& args) {
  const auto dirs = find_dirs(args);
  if (!dirs) return kExitBadInput;
  const auto course = load(*dirs);
  if (!course) return kExitBadInput;
  if (args.action == "show") {
    const CourseLesson* lesson = lesson_numbered(*course, args.number);
    if (lesson == nullptr) return kExitBadInput;
    std::cout << lesson_text(*lesson);
    return kExitOk;
  }
  if (args.action == "check") return check(*course, *dirs);
  if (args.action == "try") return try_task(*course, *dirs, args.number, args.task);
  if (args.action == "markdown") return markdown(*course, args.dir);
  if (args.action == "myths") {
    std::cout << myths_text(*course);
    return kExitOk;
  }
  return list(*course);
}

}  // namespace tlsclub::cli
