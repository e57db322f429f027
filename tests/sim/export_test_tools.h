#pragma once
// Shared by the export and bridge tests: run a shell command and read what it printed, find out
// whether a tool is installed, make a scratch folder, load a scenario from the library.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>

#include "scenario/loader.h"

namespace tlsclub::test {

struct CommandResult {
  int code = -1;
  std::string out;  // stdout, and stderr unless left out
};

enum class Stderr { merged, dropped };

inline CommandResult run_command(const std::string& command, Stderr err = Stderr::merged) {
  CommandResult r;
  FILE* pipe = popen((command + (err == Stderr::merged ? " 2>&1" : " 2>/dev/null")).c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) r.out.append(buffer, n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline bool tool_available(const std::string& tool) {
  return run_command("command -v " + tool + " >/dev/null").code == 0;
}

// "openssl" missing: the test says so and passes (CI installs it through scripts/bootstrap.sh).
#define TLSCLUB_REQUIRE_TOOL(tool)                                                    \
  if (!tlsclub::test::tool_available(tool)) {                                         \
    MESSAGE("skipped: " tool " is not installed (scripts/bootstrap.sh installs it)"); \
    return;                                                                           \
  }

// A fresh folder per test, removed when it goes out of scope.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("tlsclub-" + name + "-" + std::to_string(getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& file) const { return (path_ / file).string(); }

 private:
  std::filesystem::path path_;
};

inline std::string library_path(const std::string& relative) {
  return std::string(TLSCLUB_SOURCE_DIR) + "/scenarios/" + relative;
}

inline ScenarioSpec library_scenario(const std::string& relative) {
  auto loaded = load_scenario_file(library_path(relative));
  REQUIRE_MESSAGE(std::holds_alternative<ScenarioSpec>(loaded), relative);
  return std::get<ScenarioSpec>(std::move(loaded));
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace tlsclub::test
