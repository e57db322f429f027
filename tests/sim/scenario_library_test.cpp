// The scenario library (scenarios/): every file loads, runs, and every member's expectation
// holds. One subcase per file, so a failure names the scenario.
#include <doctest/doctest.h>

#include <filesystem>
#include <variant>

#include "scenario/loader.h"
#include "simulation/expectations.h"
#include "simulation/simulation.h"
#include "timeline/json.h"

namespace {

const std::filesystem::path kLibrary = std::filesystem::path(TLSCLUB_SOURCE_DIR) / "scenarios";

tlsclub::ScenarioSpec load_or_fail(const std::filesystem::path& file) {
  auto result = tlsclub::load_scenario_file(file);
  if (auto* errors = std::get_if<std::vector<tlsclub::LoadError>>(&result)) {
    for (const auto& e : *errors) FAIL_CHECK(e.to_string());
    return {};
  }
  return std::get<tlsclub::ScenarioSpec>(std::move(result));
}

}  // namespace

TEST_CASE("every scenario in the library loads, runs and meets its expectations") {
  const auto files = tlsclub::scenario_files_in(kLibrary);
  REQUIRE(files.size() >= 30);
  for (const auto& file : files) {
    const std::string name = std::filesystem::relative(file, kLibrary).string();
    SUBCASE(name.c_str()) {
      const auto spec = load_or_fail(file);
      REQUIRE_FALSE(spec.members.empty());
      CHECK_FALSE(spec.summary.empty());
      CHECK(spec.lesson == file.parent_path().filename().string());
      CHECK_FALSE(spec.level.empty());
      for (const auto& m : spec.members) {
        INFO("member ", m.name);
        CHECK(m.expect.has_value());
      }
      const auto timeline = tlsclub::run_scenario(spec);
      const auto results = tlsclub::check_expectations(spec, timeline);
      CHECK(results.size() == spec.members.size());
      for (const auto& r : results) {
        INFO(r.member, " expected ", r.expected, ", got ", r.actual);
        CHECK(r.met);
      }
    }
  }
}

TEST_CASE("the library's first visit is the built-in demo, byte for byte") {
  const auto spec = load_or_fail(kLibrary / "basics" / "first-visit-mutual-tls13.toml");
  const auto from_file = tlsclub::to_json(tlsclub::run_scenario(spec));
  const auto from_code = tlsclub::to_json(tlsclub::run_scenario(tlsclub::demo_scenario()));
  CHECK(from_file == from_code);
}

TEST_CASE("a library scenario gives the same Timeline on every run") {
  const auto spec = load_or_fail(kLibrary / "basics" / "queue-of-members.toml");
  CHECK(tlsclub::to_json(tlsclub::run_scenario(spec)) ==
        tlsclub::to_json(tlsclub::run_scenario(spec)));
}
