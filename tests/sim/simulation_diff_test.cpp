// tlsclub diff's comparison on real runs: a scenario against itself, another seed, the other TLS
// version, another member of the queue.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "scenario/loader.h"
#include "simulation/simulation.h"
#include "timeline/run_diff.h"

namespace {

using tlsclub::DiffStep;
using tlsclub::StepKind;

const std::filesystem::path kLibrary = std::filesystem::path(TLSCLUB_SOURCE_DIR) / "scenarios";

tlsclub::ScenarioSpec library(const std::string& file) {
  auto loaded = tlsclub::load_scenario_file(kLibrary / file);
  REQUIRE(std::holds_alternative<tlsclub::ScenarioSpec>(loaded));
  return std::get<tlsclub::ScenarioSpec>(loaded);
}

const DiffStep* step(const tlsclub::RunDiff& d, const std::string& message) {
  const auto it = std::find_if(d.steps.begin(), d.steps.end(),
                               [&](const DiffStep& s) { return s.message == message; });
  return it == d.steps.end() ? nullptr : &*it;
}

bool has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

TEST_CASE("a run compared with itself is the same in every message") {
  const auto t = tlsclub::run_scenario(tlsclub::demo_scenario());
  const auto d = tlsclub::diff_connections(t.connections[0], t.connections[0]);
  CHECK_FALSE(d.steps.empty());
  for (const auto& s : d.steps) CHECK(s.kind == StepKind::same);
  CHECK(d.same());
}

TEST_CASE("another seed changes the randoms, and the outcome stays") {
  const auto a = tlsclub::run_scenario(tlsclub::demo_scenario(tlsclub::TlsVersion::tls13, 1));
  const auto b = tlsclub::run_scenario(tlsclub::demo_scenario(tlsclub::TlsVersion::tls13, 2));
  const auto d = tlsclub::diff_connections(a.connections[0], b.connections[0]);
  for (const std::string name : {"client_hello", "server_hello"}) {
    const auto* s = step(d, name);
    REQUIRE(s != nullptr);
    CHECK(s->kind == StepKind::changed);
    REQUIRE(s->first_difference);
    // The random: after the 4-byte header and the 2-byte legacy_version, 32 bytes.
    CHECK(*s->first_difference >= 6U);
    CHECK(*s->first_difference <= 37U);
    CHECK(has(s->fields, "random"));
  }
  CHECK(d.same_outcome());
  CHECK_FALSE(d.same());
}

TEST_CASE("TLS 1.2 against 1.3 of the demo: server_key_exchange and encrypted_extensions") {
  const auto a = tlsclub::run_scenario(tlsclub::demo_scenario(tlsclub::TlsVersion::tls12));
  const auto b = tlsclub::run_scenario(tlsclub::demo_scenario(tlsclub::TlsVersion::tls13));
  const auto d = tlsclub::diff_connections(a.connections[0], b.connections[0]);
  const auto* ske = step(d, "server_key_exchange");
  REQUIRE(ske != nullptr);
  CHECK(ske->kind == StepKind::only_a);
  const auto* ee = step(d, "encrypted_extensions");
  REQUIRE(ee != nullptr);
  CHECK(ee->kind == StepKind::only_b);
  CHECK(has(d.secrets_only_a, "tls12_master_secret"));
  CHECK_FALSE(d.secrets_only_b.empty());
  CHECK(d.a.version != d.b.version);
  CHECK(d.same_outcome());
}

TEST_CASE("queue: Carol's expired card fails validity only in her run, and she is refused") {
  const auto t = tlsclub::run_scenario(library("basics/queue-of-members.toml"));
  const auto find = [&](const std::string& name) -> const tlsclub::Connection& {
    return *std::find_if(t.connections.begin(), t.connections.end(),
                         [&](const tlsclub::Connection& c) { return c.client == name; });
  };
  const auto d = tlsclub::diff_connections(find("Alice"), find("Carol"));
  CHECK(d.failed_checks_only_a.empty());
  CHECK(has(d.failed_checks_only_b, "server: validity at depth 0"));
  CHECK_FALSE(d.same_outcome());
  CHECK(d.a.result == tlsclub::Outcome::admitted);
  CHECK(d.b.result == tlsclub::Outcome::refused);
  CHECK_FALSE(d.same());
}
