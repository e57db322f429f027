// Check names are written once (sim/timeline/check_names.h): code names them as checks::<name>,
// so no file compares with or records a check by its spelling.
#include <doctest/doctest.h>

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

TEST_CASE("the checks:: constants are the list, once each, in its order") {
  using namespace tlsclub::checks;
  const std::string_view expected[] = {
      issuer_known,    trust_anchor,          signature, signature_strength,
      validity,        basic_constraints,     key_usage, extended_key_usage,
      hostname,        name_constraints,      crl,       ocsp,
      revocation_info, certificate_selection, password};
  const auto list = tlsclub::check_names();
  REQUIRE(list.size() == std::size(expected));
  for (std::size_t i = 0; i < list.size(); ++i) CHECK(list[i] == expected[i]);
}
