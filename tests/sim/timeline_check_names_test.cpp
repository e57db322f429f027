// Check names are written once (sim/timeline/check_names.h): code names them as checks::<name>,
// so no file compares with or records a check by its spelling.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "timeline/check_names.h"

TEST_CASE("no file records or compares a check by its spelling") {
  std::string names;
  for (const auto name : tlsclub::check_names())
    names += (names.empty() ? "" : "|") + std::string(name);
  // `check == "validity"`, `.check = "hostname"`, `b.check(cert, depth, "crl", ...`.
  const std::regex spelled(R"((check\s*(==|!=|=)\s*|\.check\([^;]*?,[^;]*?,\s*)\"()" + names +
                           R"()\")");
  std::size_t files = 0;
  for (const char* root : {"sim", "gui"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(
             std::filesystem::path(TLSCLUB_SOURCE_DIR) / root)) {
      const auto ext = entry.path().extension();
      if ((ext != ".cpp" && ext != ".h") || entry.path().filename() == "check_names.cpp") continue;
      ++files;
      std::ifstream in(entry.path());
      std::size_t number = 0;
      for (std::string line; std::getline(in, line);) {
        ++number;
        CHECK_MESSAGE(!std::regex_search(line, spelled), entry.path().string(), ":", number,
                      " spells a check name; write checks::<name>");
      }
    }
  }
  CHECK(files > 100);
}

TEST_CASE("the check names are listed once each, as snake_case identifiers") {
  const auto list = tlsclub::check_names();
  const std::regex identifier("[a-z]+(_[a-z]+)*");
  for (std::size_t i = 0; i < list.size(); ++i) {
    CAPTURE(list[i]);
    CHECK(std::regex_match(std::string(list[i]), identifier));
    CHECK(std::count(list.begin(), list.end(), list[i]) == 1);
  }
  CHECK(list.back() == tlsclub::checks::password);  // the second factor comes after the door
}
