#include "state/lesson.h"

#include <cstdlib>
#include <stdexcept>
#include <system_error>

#include "simulation/simulation.h"

#ifndef TLSCLUB_SOURCE_DIR
#define TLSCLUB_SOURCE_DIR ""
#endif
#ifndef TLSCLUB_INSTALL_DATADIR
#define TLSCLUB_INSTALL_DATADIR ""
#endif

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

std::optional<fs::path> find_scenarios_dir(const fs::path& executable) {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("TLSCLUB_SCENARIOS"); env != nullptr && *env != '\0')
    candidates.emplace_back(env);
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(executable, ec).parent_path();
  for (int up = 0; up < 5 && !dir.empty(); ++up, dir = dir.parent_path()) {
    candidates.push_back(dir / "scenarios");
    candidates.push_back(dir / "share" / "tlsclub" / "scenarios");
    if (dir == dir.parent_path()) break;
  }
  if (*TLSCLUB_SOURCE_DIR != '\0') candidates.push_back(fs::path(TLSCLUB_SOURCE_DIR) / "scenarios");
  candidates.push_back(fs::current_path(ec) / "scenarios");
  if (*TLSCLUB_INSTALL_DATADIR != '\0')
    candidates.push_back(fs::path(TLSCLUB_INSTALL_DATADIR) / "scenarios");
  for (const fs::path& c : candidates)
    if (fs::is_directory(c, ec)) return c;
  return std::nullopt;
}

fs::path default_lesson(const fs::path& scenarios_dir) {
  return scenarios_dir / "basics" / "first-visit-mutual-tls13.toml";
}

}  // namespace tlsclub::gui
