#pragma once
// Every scenario of the library, run in each TLS version it allows: the tests that hold a view's
// words to the run go over every file a trainer can open from the Library, not a chosen few.

#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "harness.h"
#include "scenario/loader.h"
#include "simulation/simulation.h"

namespace tlsclub::gui::test {

struct LibraryRun {
  std::string name;  // "expired-badge.toml (TLS 1.2)"
  const ScenarioSpec& spec;
  const Timeline& timeline;
};

// Calls `visit` once per file and allowed version; returns the number of runs.
inline std::size_t for_each_library_run(const std::function<void(const LibraryRun&)>& visit) {
  const auto files = scenario_files_in(scenarios_dir());
  REQUIRE(files.size() >= 50);
  std::size_t runs = 0;
  for (const auto& file : files) {
    auto loaded = load_scenario_file(file);
    REQUIRE_MESSAGE(std::holds_alternative<ScenarioSpec>(loaded), file.string());
    const ScenarioSpec& original = std::get<ScenarioSpec>(loaded);
    for (const auto version : {TlsVersion::tls12, TlsVersion::tls13}) {
      if (version < original.min_version || version > original.max_version) continue;
      ScenarioSpec spec = original;
      spec.min_version = spec.max_version = version;
      const Timeline t = run_scenario(spec);
      ++runs;
      visit(
          {file.filename().string() + (version == TlsVersion::tls13 ? " (TLS 1.3)" : " (TLS 1.2)"),
           spec, t});
    }
  }
  return runs;
}

}  // namespace tlsclub::gui::test
