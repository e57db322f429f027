#include "cli/scenario_files.h"

#include <ostream>
#include <variant>

#include "load/error_ids.h"

namespace tlsclub::cli {

LoadedSet load_paths(const std::vector<std::string>& paths, std::ostream& errors) {
  LoadedSet set;
  std::vector<std::filesystem::path> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      set.any_folder = true;
      const auto found = scenario_files_in(p);
      if (found.empty()) {
        errors << p << ": error[" << to_string(ErrorId::no_scenarios)
               << "]: no *.toml scenario files in this folder\n";
        ++set.failed;
      }
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.emplace_back(p);  // unreadable ones give their own error
    }
  }
  for (const auto& file : files) {
    auto result = load_scenario_file(file);
    if (auto* errs = std::get_if<std::vector<LoadError>>(&result)) {
      for (const auto& e : *errs) errors << e.to_string() << "\n";
      ++set.failed;
    } else {
      set.scenarios.push_back({file, std::move(std::get<ScenarioSpec>(result))});
    }
  }
  return set;
}

}  // namespace tlsclub::cli
