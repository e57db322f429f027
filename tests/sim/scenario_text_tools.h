#pragma once
// Scenario files as text for the loader tests: a small valid file, and what loading one gives.

#include <doctest/doctest.h>

#include <string>
#include <variant>
#include <vector>

#include "scenario/loader.h"

namespace tlsclub::test {

// A small valid scenario; each broken case changes a few lines of it.
inline const std::string kSmallScenario = R"(format = 1
[scenario]
title = "t"
clock = "2026-03-01T20:00:00Z"
[[authority]]
id = "root"
name = "Root CA"
[server]
name = "club.example"
issuer = "root"
[[member]]
name = "Alice"
)";

// The errors of a file that should not load (none when it loads).
inline std::vector<LoadError> errors_of(const std::string& text) {
  auto result = load_scenario(text, "broken.toml");
  if (auto* errors = std::get_if<std::vector<LoadError>>(&result)) return *errors;
  return {};
}

// The scenario of a file that should load; each error it gives fails the test.
inline ScenarioSpec spec_of(const std::string& text) {
  auto result = load_scenario(text, "good.toml");
  if (auto* errors = std::get_if<std::vector<LoadError>>(&result)) {
    for (const auto& e : *errors) FAIL_CHECK(e.to_string());
    return {};
  }
  return std::get<ScenarioSpec>(std::move(result));
}

// `text` with its first `from` replaced by `to`; `from` must be there.
inline std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace tlsclub::test
