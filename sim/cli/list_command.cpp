// tlsclub check (validate, and warn about faults that never apply) and tlsclub list (what a
// library holds).
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"
#include "cli/scenario_files.h"
#include "simulation/expectations.h"
#include "simulation/simulation.h"

namespace tlsclub::cli {

// A fault can be read and still never strike (its message never comes, its record is past the
// end). Only a run can know, and runs are cheap and deterministic: one silent run per file says
// it, at the fault's line, so `check` and `run` agree on what a file does.
void warn_faults_never_applied(const LoadedScenario& s) {
  if (s.spec.faults.empty()) return;
  const Timeline timeline = run_scenario(s.spec);
  for (const auto& w : run_warnings(timeline)) {
    int line = 0;
    for (const auto& f : s.spec.faults)
      if (f.number == w.fault) line = f.line;
    std::cout << s.path.string() << ":" << line << ": warning: in " << w.member << "'s visit, "
              << w.text << "\n";
  }
}

CLI::App* add_check_command(CLI::App& app, std::vector<std::string>& paths) {
  auto* cmd = app.add_subcommand(
      "check",
      "Validate scenario files; print every error (exit 2 on any) and warn about each [[fault]] "
      "that never applies (one silent run of a file with faults finds them)");
  cmd->add_option("paths", paths, "Scenario files or folders")->type_name("FILE|DIR")->required();
  return cmd;
}

int check_command(const std::vector<std::string>& paths) {
  const LoadedSet set = load_paths(paths, std::cout);
  for (const auto& s : set.scenarios) {
    std::cout << s.path.string() << ": ok (" << s.spec.members.size() << " member"
              << (s.spec.members.size() == 1 ? "" : "s") << ")\n";
    warn_faults_never_applied(s);
  }
  if (set.failed > 0) {
    std::cout << set.failed << " file(s) with errors\n";
    return kExitBadInput;
  }
  return kExitOk;
}

CLI::App* add_list_command(CLI::App& app, std::string& dir) {
  auto* cmd =
      app.add_subcommand("list", "List the scenarios in a folder: title, lesson, level, members");
  cmd->add_option("dir", dir, "Folder to list (default: scenarios)")->type_name("DIR");
  return cmd;
}

int list_command(const std::string& dir) {
  const LoadedSet set = load_paths({dir}, std::cerr);
  for (const auto& s : set.scenarios) {
    std::string members;
    for (const auto& m : s.spec.members) members += (members.empty() ? "" : ", ") + m.name;
    std::cout << s.path.string() << "\n  " << s.spec.title
              << "\n  lesson: " << (s.spec.lesson.empty() ? "-" : s.spec.lesson)
              << "  level: " << (s.spec.level.empty() ? "-" : s.spec.level)
              << "  members: " << members << "\n";
  }
  return set.failed > 0 ? kExitBadInput : kExitOk;
}

}  // namespace tlsclub::cli
