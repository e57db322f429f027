#pragma once
// Scenario files (TOML, format 1; docs/scenario-format.md): text in, a checked ScenarioSpec or
// every error of the file out. The loader validates every name and reference itself, so the engine
// never sees a spec it would refuse, and nothing runs half-way.

#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "scenario/scenario.h"

namespace tlsclub {

// One thing wrong with a scenario file, located where toml++ saw it (1-based; 0 when the file
// itself could not be read). `id` is stable ("unknown-key", "bad-date", ...: scenario/error_ids.h
// and the doc).
struct LoadError {
  std::string file;
  int line = 0;
  int column = 0;
  std::string id;
  std::string message;
  std::string hint;  // may be empty
  // "file:line:col: error[id]: message (hint)"
  std::string to_string() const;
};

using LoadResult = std::variant<ScenarioSpec, std::vector<LoadError>>;

inline constexpr int kScenarioFormat = 1;

// Never throws: a malformed file gives its errors, all of them, in file order.
LoadResult load_scenario(std::string_view text, std::string_view file_name);
LoadResult load_scenario_file(const std::filesystem::path& path);

// Every *.toml under `dir`, recursively, sorted by path.
std::vector<std::filesystem::path> scenario_files_in(const std::filesystem::path& dir);

}  // namespace tlsclub
