// A member comes back with the ticket of an earlier visit (RFC 8446 2.2, 4.2.11, 4.6.1): the
// second handshake offers a pre-shared key, the club accepts it, and no certificate travels.
#include <doctest/doctest.h>

#include <algorithm>

#include "scenario/loader.h"
#include "simulation/simulation.h"
#include "timeline_helpers.h"

using namespace tlsclub;

namespace {

using tlsclub::test::message_sequence;

bool has_field(const std::vector<Field>& fields, const std::string& name) {
  for (const auto& f : fields)
    if (f.name == name || has_field(f.children, name)) return true;
  return false;
}

bool has_field(const Connection& c, const std::string& message, const std::string& field) {
  for (const auto& e : c.events)
    if (const auto* m = std::get_if<MessageEvent>(&e.body); m && m->message.name == message)
      if (has_field(m->message.fields, field)) return true;
  return false;
}

ScenarioSpec two_visits(bool second_resumes) {
  ScenarioSpec spec = demo_scenario();
  spec.server.session_tickets = 1;
  MemberSpec again = spec.members.front();
  again.name = "Alice again";
  if (second_resumes) again.resumes = "Alice";
  spec.members.push_back(again);
  return spec;
}

}  // namespace

TEST_CASE("a returning member resumes with its ticket: no certificates, no checks") {
  const Timeline t = run_scenario(two_visits(true));
  REQUIRE(t.connections.size() == 2);
  const auto first = message_sequence(t.connections[0]);
  const auto second = message_sequence(t.connections[1]);
  CHECK(std::count(first.begin(), first.end(), "server:certificate") == 1);
  CHECK(std::count(first.begin(), first.end(), "server:new_session_ticket") == 1);
  CHECK(std::count(second.begin(), second.end(), "server:certificate") == 0);
  CHECK(std::count(second.begin(), second.end(), "client:certificate") == 0);
  CHECK(std::count(second.begin(), second.end(), "server:certificate_request") == 0);
  CHECK(has_field(t.connections[1], "client_hello", "pre_shared_key"));
  CHECK(has_field(t.connections[1], "server_hello", "pre_shared_key"));
  for (const auto& e : t.connections[1].events)
    CHECK_FALSE(std::holds_alternative<CheckEvent>(e.body));
  CHECK(t.connections[1].outcome == Outcome::admitted);
}

TEST_CASE("without `resumes` the second visit is a full handshake again") {
  const Timeline t = run_scenario(two_visits(false));
  const auto second = message_sequence(t.connections[1]);
  CHECK(std::count(second.begin(), second.end(), "server:certificate") == 1);
  CHECK_FALSE(has_field(t.connections[1], "client_hello", "pre_shared_key"));
}

TEST_CASE("resumes must name an earlier member of a club that hands out tickets") {
  const std::string base = R"(format = 1
[scenario]
title = "t"
[[authority]]
id = "root"
name = "Root CA"
[server]
name = "club.example"
issuer = "root"
)";
  const auto first_error = [](const std::string& text) {
    auto r = load_scenario(text, "f.toml");
    const auto* e = std::get_if<std::vector<LoadError>>(&r);
    return e && !e->empty() ? e->front().to_string() : std::string("(loaded)");
  };
  CHECK(first_error(base + "[[member]]\nname = \"A\"\nresumes = \"B\"\n") ==
        "f.toml:12:11: error[dangling-reference]: `resumes = \"B\"` names no earlier member "
        "(name a [[member]] listed before this one)");
  CHECK(
      first_error(base + "[[member]]\nname = \"A\"\n[[member]]\nname = \"B\"\nresumes = \"A\"\n") ==
      "f.toml:14:11: error[bad-value]: the club hands out no session tickets (set "
      "`session_tickets = 1` in [server])");
}
