#pragma once
// Scenario files (TOML, format 1; docs/scenario-format.md): text in, a checked ScenarioSpec or
// every error of the file out. The loader validates every name and reference itself, so the engine
// never sees a spec it would refuse, and nothing runs half-way.

#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "load/load_error.h"
#include "scenario/scenario.h"

namespace tlsclub {

using LoadResult = std::variant<ScenarioSpec, std::vector<LoadError>>;

inline constexpr int kScenarioFormat = 1;

// Never throws: a malformed file gives its errors, all of them, in file order.
LoadResult load_scenario(std::string_view text, std::string_view file_name);
LoadResult load_scenario_file(const std::filesystem::path& path);

// Every *.toml under `dir`, recursively, sorted by path.
std::vector<std::filesystem::path> scenario_files_in(const std::filesystem::path& dir);

}  // namespace tlsclub
