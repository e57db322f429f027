#include "state/lesson.h"

#include <stdexcept>
#include <system_error>

#include "simulation/simulation.h"

namespace tlsclub::gui {

namespace fs = std::filesystem;

Lesson lesson_from_spec(ScenarioSpec spec) {
  Lesson lesson;
  lesson.timeline = run_scenario(spec);
  lesson.expectations = check_expectations(spec, lesson.timeline);
  lesson.spec = std::move(spec);
  return lesson;
}

Lesson demo_lesson() {
  return lesson_from_spec(demo_scenario());
}

std::optional<fs::file_time_type> modified_time(const fs::path& file) {
  std::error_code ec;
  const auto t = fs::last_write_time(file, ec);
  if (ec) return std::nullopt;
  return t;
}

LessonResult open_lesson(const fs::path& file) {
  LoadResult loaded = load_scenario_file(file);
  if (auto* errors = std::get_if<std::vector<LoadError>>(&loaded)) return std::move(*errors);
  try {
    Lesson lesson = lesson_from_spec(std::move(std::get<ScenarioSpec>(loaded)));
    lesson.file = file;
    lesson.modified = modified_time(file);
    return lesson;
  } catch (const std::exception& e) {
    return std::vector<LoadError>{
        {file.string(), 0, 0, "cannot-run", e.what(), "check the names it refers to"}};
  }
}

fs::path default_lesson(const fs::path& scenarios_dir) {
  return scenarios_dir / "basics" / "first-visit-mutual-tls13.toml";
}

}  // namespace tlsclub::gui
