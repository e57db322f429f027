// Where the CLI and the GUI find the course and the scenario library without being told: the
// environment first, then beside or above the executable (a build tree inside a source tree, or
// an install's share/tlsclub).
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "course/course.h"

namespace fs = std::filesystem;

namespace {

// Named by process too: two checkouts' test runs at once must not share (or delete) a folder.
fs::path fresh(const char* name) {
  const fs::path dir =
      fs::temp_directory_path() / (std::string(name) + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return fs::canonical(dir);
}

}  // namespace

TEST_CASE("a build tree inside a source tree finds its docs/lessons and scenarios/") {
  ::unsetenv("TLSCLUB_LESSONS");
  ::unsetenv("TLSCLUB_SCENARIOS");
  const fs::path tree = fresh("tlsclub-dir-test-tree");
  fs::create_directories(tree / "docs" / "lessons");
  fs::create_directories(tree / "scenarios");
  fs::create_directories(tree / "build" / "default" / "sim");
  const fs::path exe = tree / "build" / "default" / "sim" / "tlsclub";
  CHECK(tlsclub::find_course_dir(exe) == tree / "docs" / "lessons");
  CHECK(tlsclub::find_scenarios_dir(exe) == tree / "scenarios");
  CHECK(tlsclub::find_scenarios_for_course(tree / "docs" / "lessons") == tree / "scenarios");
  fs::remove_all(tree);
}

TEST_CASE("an install finds share/tlsclub/lessons and share/tlsclub/scenarios") {
  ::unsetenv("TLSCLUB_LESSONS");
  ::unsetenv("TLSCLUB_SCENARIOS");
  const fs::path prefix = fresh("tlsclub-dir-test-prefix");
  const fs::path share = prefix / "share" / "tlsclub";
  fs::create_directories(share / "lessons");
  fs::create_directories(share / "scenarios");
  fs::create_directories(prefix / "bin");
  const fs::path exe = prefix / "bin" / "tlsclub";
  CHECK(tlsclub::find_course_dir(exe) == share / "lessons");
  CHECK(tlsclub::find_scenarios_dir(exe) == share / "scenarios");
  CHECK(tlsclub::find_scenarios_for_course(share / "lessons") == share / "scenarios");
  fs::remove_all(prefix);
}

TEST_CASE("the environment names the folders first") {
  const fs::path told = fresh("tlsclub-dir-test-told");
  fs::create_directories(told / "lessons");
  fs::create_directories(told / "scenarios");
  ::setenv("TLSCLUB_LESSONS", (told / "lessons").c_str(), 1);
  ::setenv("TLSCLUB_SCENARIOS", (told / "scenarios").c_str(), 1);
  const fs::path exe = fs::path(TLSCLUB_SOURCE_DIR) / "build" / "default" / "sim" / "tlsclub";
  CHECK(tlsclub::find_course_dir(exe) == told / "lessons");
  CHECK(tlsclub::find_scenarios_dir(exe) == told / "scenarios");
  CHECK(tlsclub::find_scenarios_for_course(fs::path(TLSCLUB_SOURCE_DIR) / "docs" / "lessons") ==
        told / "scenarios");
  ::unsetenv("TLSCLUB_LESSONS");
  ::unsetenv("TLSCLUB_SCENARIOS");
  fs::remove_all(told);
}
