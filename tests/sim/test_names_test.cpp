// Every doctest case runs as its own ctest test under its name (doctest_discover_tests). CMake
// reads a ';' in a name as a list separator: the case would become two ctest tests named after
// its halves, each asking doctest for a case that does not exist, so both pass having run
// nothing. No test case name may have one.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

TEST_CASE("no test case name has a semicolon, which would make ctest run nothing for it") {
  const fs::path root(TLSCLUB_SOURCE_DIR);
  const std::regex test_case(R"re(TEST_CASE\(\s*"((?:[^"\\]|\\.)*)")re");
  std::size_t names = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root / "tests")) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (std::sregex_iterator it(text.begin(), text.end(), test_case), end; it != end; ++it) {
      ++names;
      const std::string name = (*it)[1].str();
      CHECK_MESSAGE(name.find(';') == std::string::npos,
                    fs::relative(entry.path(), root).generic_string(), ": \"", name,
                    "\": use a comma or 'and' instead of ';'");
    }
  }
  CHECK(names > 300);
}
