#pragma once
// The engine's and the app's C++ sources line by line (every .cpp and .h under sim/ and gui/),
// for tests that hold the code to a rule of the house: "no file but X spells Y".

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace tlsclub::test {

// Calls `each(path, line_number, line)` for every line of every source but the file named
// `exempt` (the one the rule is about); returns how many files were read.
template <class Each>
std::size_t for_each_source_line(std::string_view exempt, Each&& each) {
  std::size_t files = 0;
  for (const char* root : {"sim", "gui"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(
             std::filesystem::path(TLSCLUB_SOURCE_DIR) / root)) {
      const auto ext = entry.path().extension();
      if ((ext != ".cpp" && ext != ".h") || entry.path().filename() == exempt) continue;
      ++files;
      std::ifstream in(entry.path());
      std::size_t number = 0;
      for (std::string line; std::getline(in, line);) each(entry.path(), ++number, line);
    }
  }
  return files;
}

}  // namespace tlsclub::test
