#pragma once
// Loading the scenario files named on the command line (files, or folders searched for *.toml).

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "scenario/loader.h"

namespace tlsclub::cli {

struct LoadedScenario {
  std::filesystem::path path;
  ScenarioSpec spec;
};

struct LoadedSet {
  std::vector<LoadedScenario> scenarios;
  std::size_t failed = 0;  // files that did not load (their errors went to `errors`)
  bool any_folder = false;
};

// Loads every file; prints every error of every file to `errors`. A path that is neither a file
// nor a folder, or a folder without *.toml, counts as a failed file.
LoadedSet load_paths(const std::vector<std::string>& paths, std::ostream& errors);

}  // namespace tlsclub::cli
