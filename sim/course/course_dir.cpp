// Where the course and its scenario library are, for the CLI and the GUI: told by the
// environment, beside the executable (a build tree or an install), or the source tree.
#include <cstdlib>
#include <system_error>
#include <vector>

#include "course/course.h"

#ifndef TLSCLUB_SOURCE_DIR
#define TLSCLUB_SOURCE_DIR ""
#endif
#ifndef TLSCLUB_INSTALL_DATADIR
#define TLSCLUB_INSTALL_DATADIR ""
#endif

namespace tlsclub {

namespace fs = std::filesystem;

namespace {

std::optional<fs::path> first_folder(const std::vector<fs::path>& candidates) {
  std::error_code ec;
  for (const fs::path& c : candidates)
    if (fs::is_directory(c, ec)) return c;
  return std::nullopt;
}

}  // namespace

std::optional<fs::path> find_course_dir(const fs::path& executable) {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("TLSCLUB_LESSONS"); env != nullptr && *env != '\0')
    candidates.emplace_back(env);
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(executable, ec).parent_path();
  for (int up = 0; up < 5 && !dir.empty(); ++up, dir = dir.parent_path()) {
    candidates.push_back(dir / "docs" / "lessons");
    candidates.push_back(dir / "share" / "tlsclub" / "lessons");
    if (dir == dir.parent_path()) break;
  }
  if (*TLSCLUB_SOURCE_DIR != '\0')
    candidates.push_back(fs::path(TLSCLUB_SOURCE_DIR) / "docs" / "lessons");
  candidates.push_back(fs::current_path(ec) / "docs" / "lessons");
  if (*TLSCLUB_INSTALL_DATADIR != '\0')
    candidates.push_back(fs::path(TLSCLUB_INSTALL_DATADIR) / "lessons");
  return first_folder(candidates);
}

std::optional<fs::path> find_scenarios_for_course(const fs::path& course_dir) {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("TLSCLUB_SCENARIOS"); env != nullptr && *env != '\0')
    candidates.emplace_back(env);
  std::error_code ec;
  const fs::path dir = fs::weakly_canonical(course_dir, ec);
  candidates.push_back(dir.parent_path().parent_path() / "scenarios");  // docs/lessons
  candidates.push_back(dir.parent_path() / "scenarios");                // share/tlsclub/lessons
  return first_folder(candidates);
}

}  // namespace tlsclub
