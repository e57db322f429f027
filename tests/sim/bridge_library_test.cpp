// Live equals simulated: every member of the scenario library, knocking at the scenario's club
// over a real loopback socket, gets the outcome, the refusing side and the alert the in-memory
// simulation records. Left out: what the bridge does not stage (attacks on the wire, a man in the
// middle, the password after the door, a returning member resuming a session).
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "bridge/club_server.h"
#include "bridge/knock.h"
#include "export_test_tools.h"
#include "simulation/simulation.h"
#include "string_makers.h"

using namespace tlsclub;
using namespace tlsclub::bridge;
using namespace tlsclub::test;

namespace {

bool staged_live(const ScenarioSpec& spec) {
  if (!spec.faults.empty() || spec.server.require_password) return false;
  for (const auto& m : spec.members)
    if (m.intercepted_by || m.resumes) return false;
  return true;
}

}  // namespace

TEST_CASE("every library scenario the bridge can stage ends live as it does in the simulation") {
  std::size_t visits = 0;
  for (const auto& file : scenario_files_in(std::string(TLSCLUB_SOURCE_DIR) + "/scenarios")) {
    auto loaded = load_scenario_file(file);
    REQUIRE(std::holds_alternative<ScenarioSpec>(loaded));
    const ScenarioSpec& spec = std::get<ScenarioSpec>(loaded);
    if (!staged_live(spec)) continue;
    const Timeline simulated = run_scenario(spec);
    ServeOptions options;
    options.port = 0;
    options.max_connections = spec.members.size();
    options.visit_timeout = Millis{5000};
    ClubServer server(spec, options);
    std::atomic<bool> stop{false};
    std::thread club([&] { server.run(stop, {}); });
    for (std::size_t i = 0; i < spec.members.size(); ++i) {
      KnockOptions knock_options;
      knock_options.port = server.port();
      knock_options.member = spec.members[i].name;
      knock_options.reply_wait = Millis{1000};
      const Connection live = knock(spec, knock_options).connections.at(0);
      const Connection& sim = simulated.connections.at(i);
      CAPTURE(file.string());
      CAPTURE(sim.client);
      CHECK(live.outcome == sim.outcome);
      CHECK(live.refused_by == sim.refused_by);
      CHECK(live.alert == sim.alert);
      ++visits;
    }
    club.join();
  }
  CHECK(visits >= 40);
}
