// tlsclub check (validate only) and tlsclub list (what a library holds).
#include <iostream>

#include "cli/commands.h"
#include "cli/scenario_files.h"

namespace tlsclub::cli {

int check_command(const std::vector<std::string>& paths) {
  const LoadedSet set = load_paths(paths, std::cout);
  for (const auto& s : set.scenarios)
    std::cout << s.path.string() << ": ok (" << s.spec.members.size() << " member"
              << (s.spec.members.size() == 1 ? "" : "s") << ")\n";
  if (set.failed > 0) {
    std::cout << set.failed << " file(s) with errors\n";
    return kExitBadInput;
  }
  return kExitOk;
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
