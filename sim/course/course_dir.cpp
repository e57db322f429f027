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

// A data folder: `$env`; `in_tree` (relative to a source tree) or share/tlsclub/`installed` beside
// or up to five folders above the executable (a build tree inside the source tree, an install);
// the source tree this was built from; the current directory; the install's data folder.
std::optional<fs::path> find_data_dir(const fs::path& executable, const char* env,
                                      const fs::path& in_tree, const fs::path& installed) {
  std::vector<fs::path> candidates;
  if (const char* told = std::getenv(env); told != nullptr && *told != '\0')
    candidates.emplace_back(told);
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(executable, ec).parent_path();
  for (int up = 0; up < 5 && !dir.empty(); ++up, dir = dir.parent_path()) {
    candidates.push_back(dir / in_tree);
    candidates.push_back(dir / "share" / "tlsclub" / installed);
    if (dir == dir.parent_path()) break;
  }
  if (*TLSCLUB_SOURCE_DIR != '\0') candidates.push_back(fs::path(TLSCLUB_SOURCE_DIR) / in_tree);
  candidates.push_back(fs::current_path(ec) / in_tree);
  if (*TLSCLUB_INSTALL_DATADIR != '\0')
    candidates.push_back(fs::path(TLSCLUB_INSTALL_DATADIR) / installed);
  return first_folder(candidates);
}

}  // namespace

std::optional<fs::path> find_course_dir(const fs::path& executable) {
  return find_data_dir(executable, "TLSCLUB_LESSONS", fs::path("docs") / "lessons", "lessons");
}

std::optional<fs::path> find_scenarios_dir(const fs::path& executable) {
  return find_data_dir(executable, "TLSCLUB_SCENARIOS", "scenarios", "scenarios");
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
