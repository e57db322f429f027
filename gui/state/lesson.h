#pragma once
// A lesson: a scenario (from a file, or the built-in demo) and the Timeline of its run.

#include <filesystem>
#include <optional>
#include <variant>
#include <vector>

#include "course/course.h"
#include "scenario/loader.h"
#include "simulation/expectations.h"
#include "timeline/timeline.h"

namespace tlsclub::gui {

struct Lesson {
  ScenarioSpec spec;
  Timeline timeline;
  std::vector<ExpectationResult> expectations;
  std::filesystem::path file;                               // empty for the built-in demo
  std::optional<std::filesystem::file_time_type> modified;  // to notice edits on disk
};

using LessonResult = std::variant<Lesson, std::vector<LoadError>>;

// Loads and runs a scenario file. Never throws: a file that does not load, or that the engine
// cannot build, gives located errors (the latter as `cannot-run` at line 0).
LessonResult open_lesson(const std::filesystem::path& file);
// Runs a spec built in code (the demo, a benchmark's queue).
Lesson lesson_from_spec(ScenarioSpec spec);
Lesson demo_lesson();

// The file's modification time, when it can be read.
std::optional<std::filesystem::file_time_type> modified_time(const std::filesystem::path& file);

// Where the scenario library is (the engine's search, shared with the course).
using tlsclub::find_scenarios_dir;
// The lesson a first start opens: basics/first-visit-mutual-tls13.toml.
std::filesystem::path default_lesson(const std::filesystem::path& scenarios_dir);

}  // namespace tlsclub::gui
