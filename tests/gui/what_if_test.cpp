// What if: a tampered, dropped or replayed record re-runs the visit with that fault, and the new
// outcome stands next to the old one.
#include "state/what_if.h"

#include <doctest/doctest.h>

#include "../sim/string_makers.h"
#include "harness.h"
#include "state/lesson.h"

using namespace tlsclub;
using namespace tlsclub::gui;

namespace {

std::size_t sent_record(const Connection& c, std::size_t id) {
  for (std::size_t i = 0; i < c.events.size(); ++i)
    if (const auto* r = std::get_if<RecordEvent>(&c.events[i].body);
        r && r->record_id == id && r->phase == RecordEvent::Phase::sent)
      return i;
  return npos;
}

}  // namespace

TEST_CASE("a what-if names the member's Nth record from that side") {
  const Lesson lesson = demo_lesson();
  const Connection& c = lesson.timeline.connections[0];
  WhatIf w;
  w.record_event = sent_record(c, 4);  // the club's 3rd record: hello, CCS, then the flight
  w.offset = 40;
  const WireFault f = fault_for(c, w);
  CHECK(f.member == "Alice");
  CHECK(f.from == Side::server);
  CHECK(f.record == 3);
  CHECK(f.action == WireFault::Action::flip);
  CHECK(f.offset == 40);
  w.action = WireFault::Action::drop;
  CHECK(fault_for(c, w).action == WireFault::Action::drop);
}

TEST_CASE("tampering with the club's encrypted flight turns admitted into bad_record_mac") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  CHECK(h.session().timeline().connections[0].outcome == Outcome::admitted);
  const Connection& c = h.session().timeline().connections[0];
  h.session().apply(cmd::Select{0, sent_record(c, 4)});
  h.press(static_cast<int>('9'));  // the What if tab
  h.frames(2);
  const auto run = h.where(Hit::Kind::button, kRunWhatIf);
  REQUIRE(run.has_value());
  h.click(*run);
  h.session().wait_for_jobs();
  h.frame();
  REQUIRE(h.session().branches().all().size() == 2);
  CHECK(h.session().branches().active_index() == 1);  // the new run is shown
  const Connection& now = h.session().timeline().connections[0];
  CHECK(now.outcome == Outcome::refused);
  CHECK(now.refused_by == Side::client);
  CHECK(now.alert == "bad_record_mac");
  // The original is kept, unchanged, and the student can switch back.
  CHECK(h.session().branches().all()[0].timeline->connections[0].outcome == Outcome::admitted);
  h.session().apply(cmd::SwitchBranch{0});
  CHECK(h.session().timeline().connections[0].outcome == Outcome::admitted);
}

TEST_CASE("a dropped ClientHello stalls the visit, a replayed one is refused") {
  test::Harness h;
  h.open_demo();
  const std::size_t hello = sent_record(h.session().timeline().connections[0], 1);
  h.session().apply(cmd::RunWhatIf{{0, hello, WireFault::Action::drop, 0, 1}});
  h.session().wait_for_jobs();
  const Connection& dropped = h.session().timeline().connections[0];
  CHECK(dropped.outcome == Outcome::refused);
  bool fault_seen = false;
  for (const Event& e : dropped.events) fault_seen |= std::holds_alternative<FaultEvent>(e.body);
  CHECK(fault_seen);
  CHECK(h.session().branch().label == "drop record #1 (Alice)");

  h.session().apply(cmd::SwitchBranch{0});
  h.session().apply(cmd::RunWhatIf{{0, hello, WireFault::Action::replay, 0, 1}});
  h.session().wait_for_jobs();
  CHECK(h.session().branches().all().size() == 3);
  CHECK(h.session().timeline().connections[0].outcome == Outcome::refused);
}

TEST_CASE("every wire fault of the engine's table runs as a what-if on a record") {
  test::Harness h;
  h.open_demo();
  const Connection& c = h.session().timeline().connections[0];
  h.session().apply(cmd::Select{0, sent_record(c, 1)});
  h.press(static_cast<int>('9'));
  h.frames(2);
  std::size_t branches = 1;
  for (const WireFaultKind& kind : wire_fault_kinds()) {
    CAPTURE(kind.name);
    h.session().apply(cmd::SwitchBranch{0});
    const std::size_t hello = sent_record(h.session().timeline().connections[0], 1);
    h.session().apply(cmd::RunWhatIf{{0, hello, kind.action, 9, 1}});
    h.session().wait_for_jobs();
    REQUIRE(h.session().branches().all().size() == ++branches);
    const FaultEvent* fault = nullptr;
    for (const Event& e : h.session().timeline().connections[0].events)
      if (const auto* f = std::get_if<FaultEvent>(&e.body)) fault = f;
    REQUIRE(fault != nullptr);
    CHECK(fault->action == kind.name);
    CHECK(fault->applied);
    // Every attack on the ClientHello ends the visit, each its own way; holding it back for a
    // record that never overtakes it (the member sends nothing else first) changes nothing.
    if (kind.action != WireFault::Action::reorder)
      CHECK(h.session().timeline().connections[0].outcome != Outcome::admitted);
  }
}

TEST_CASE("re-running one visit of a queue leaves the other members' visits as they were") {
  test::Harness h;
  h.open("basics/queue-of-members.toml");
  const Timeline& before = h.session().timeline();
  const std::size_t record = sent_record(before.connections[0], 4);
  h.session().apply(cmd::RunWhatIf{{0, record, WireFault::Action::flip, 100, 0x80}});
  h.session().wait_for_jobs();
  const Timeline& after = h.session().timeline();
  CHECK(after.connections[0].outcome == Outcome::refused);
  for (std::size_t c = 1; c < after.connections.size(); ++c)
    CHECK(after.connections[c].events.size() == before.connections[c].events.size());
}

TEST_CASE("moving the clock past the badge's end runs the lesson again: certificate_expired") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  h.session().apply(cmd::MoveClock{400});  // the badge is valid for 170 more days
  h.session().wait_for_jobs();
  const Connection& c = h.session().timeline().connections[0];
  CHECK(c.outcome == Outcome::refused);
  CHECK(c.alert == "certificate_expired");
  CHECK(h.session().branch().clock.has_value());
}
