// Check names are written once (sim/timeline/check_names.h): code names them as checks::<name>,
// so no file compares with or records a check by its spelling.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>

#include "source_lines.h"
#include "timeline/check_names.h"

TEST_CASE("no file records or compares a check by its spelling") {
  std::string names;
  for (const auto name : tlsclub::check_names())
    names += (names.empty() ? "" : "|") + std::string(name);
  // `check == "validity"`, `.check = "hostname"`, `b.check(cert, depth, "crl", ...`.
  const std::regex spelled(R"((check\s*(==|!=|=)\s*|\.check\([^;]*?,[^;]*?,\s*)\"()" + names +
                           R"()\")");
  const std::size_t files = tlsclub::test::for_each_source_line(
      "check_names.h",
      [&](const std::filesystem::path& path, std::size_t number, const std::string& line) {
        CHECK_MESSAGE(!std::regex_search(line, spelled), path.string(), ":", number,
                      " spells a check name; write checks::<name>");
      });
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
