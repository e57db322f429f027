// The bouncer's checklist and the key schedule, as of the cursor.
#include "state/checklist.h"

#include <doctest/doctest.h>

#include "../sim/string_makers.h"
#include "harness.h"
#include "library_runs.h"
#include "scenario/loader.h"
#include "simulation/simulation.h"
#include "state/key_schedule.h"
#include "state/lesson.h"
#include "state/narration.h"

using namespace tlsclub;
using namespace tlsclub::gui;

namespace {

const Checklist& by(const std::vector<Checklist>& lists, Side side) {
  return lists[0].by == side ? lists[0] : lists[1];
}

const ChecklistItem* item(const Checklist& list, std::size_t depth, const std::string& check) {
  for (const ChecklistCard& card : list.cards)
    if (card.depth == depth)
      for (const ChecklistItem& i : card.items)
        if (i.check == check) return &i;
  return nullptr;
}

Lesson load(const std::string& file) {
  LessonResult result = open_lesson(test::scenarios_dir() / file);
  REQUIRE(std::holds_alternative<Lesson>(result));
  return std::move(std::get<Lesson>(result));
}

}  // namespace

TEST_CASE("Carol's expired card fails validity with certificate_expired, the rest passes") {
  const Lesson lesson = load("basics/queue-of-members.toml");
  const Connection& carol = lesson.timeline.connections[2];
  REQUIRE(carol.client == "Carol");
  const auto lists = checklists(carol, carol.steps);
  CHECK(lists[0].by == Side::server);  // the card was checked last: it comes first
  const Checklist& card = by(lists, Side::server);
  CHECK(card.title == "The bouncer checks Carol's card");
  const ChecklistItem* validity = item(card, 0, "validity");
  REQUIRE(validity != nullptr);
  CHECK(validity->state == CheckState::failed);
  CHECK(validity->alert == "certificate_expired");
  CHECK(validity->reason.find("expired") != std::string::npos);
  CHECK(validity->title == "Within its validity period");
  CHECK(item(card, 0, "signature")->state == CheckState::passed);
  CHECK(check_icon(validity->state) == std::string("✗"));
}

TEST_CASE("before the card arrives its checks are not checked yet") {
  const Lesson lesson = load("basics/queue-of-members.toml");
  const Connection& carol = lesson.timeline.connections[2];
  const auto lists = checklists(carol, 5);
  const ChecklistItem* validity = item(by(lists, Side::server), 0, "validity");
  REQUIRE(validity != nullptr);
  CHECK(validity->state == CheckState::not_checked);
  CHECK(validity->reason == "not checked yet");
}

TEST_CASE("a visitor without a card leaves nothing to check") {
  const Lesson lesson = load("basics/queue-of-members.toml");
  const Connection& bob = lesson.timeline.connections[1];
  const auto lists = checklists(bob, bob.steps);
  const Checklist& card = by(lists, Side::server);
  CHECK(card.cards.empty());
  CHECK(card.note == "Bob showed no card.");
}

TEST_CASE("the key schedule unfolds: nothing at first, then traffic secrets and their records") {
  const Lesson lesson = demo_lesson();
  const Connection& c = lesson.timeline.connections[0];
  const KeySchedule before = key_schedule(c, 0);
  CHECK(before.secrets.empty());
  REQUIRE(before.shares.size() == 1);  // the ClientHello's key share
  CHECK(before.shares[0].group.find("x25519") != std::string::npos);
  const KeySchedule after = key_schedule(c, c.steps);
  CHECK(after.shares.size() == 2);
  const SecretRow* shared = nullptr;
  const SecretRow* server_hs = nullptr;
  std::size_t shared_rows = 0;
  for (const SecretRow& r : after.secrets) {
    if (r.name == "shared_secret") shared = &r, ++shared_rows;
    if (r.name == "server_handshake_traffic_secret") server_hs = &r;
  }
  REQUIRE(shared != nullptr);
  CHECK(shared->depth == 0);
  CHECK(shared_rows == 1);  // reported more than once, the same value: one row
  REQUIRE(server_hs != nullptr);
  CHECK(server_hs->records == std::vector<std::size_t>{4});
}

TEST_CASE("the narration leads with a failed check and names its alert") {
  const Lesson lesson = load("basics/queue-of-members.toml");
  const StepIndex steps(lesson.timeline);
  const std::size_t at = steps.index_of({2, 6});  // Carol's card arrives
  const Narration n = narrate(lesson.timeline, steps, at, &lesson.spec);
  REQUIRE_FALSE(n.stories.empty());
  CHECK(n.stories[0].tone == Tone::bad);
  CHECK(n.stories[0].explain_key == "check.validity");
  CHECK(n.stories[0].detail.find("certificate_expired") != std::string::npos);
}

TEST_CASE("a card held back is in the bouncer's list: one failed certificate_selection, a note") {
  auto loaded = load_scenario(R"(format = 1
[scenario]
title = "t"
tls = "1.3"
[[authority]]
id = "root"
name = "Root"
[server]
name = "club.example"
issuer = "root"
client_auth = "required"
signature_algorithms = ["ecdsa_secp256r1_sha256"]
[[member]]
name = "Alice"
[member.card]
issuer = "root"
key = "ed25519"
)",
                              "held-back.toml");
  REQUIRE(std::holds_alternative<ScenarioSpec>(loaded));
  const Timeline timeline = run_scenario(std::get<ScenarioSpec>(loaded));
  const Connection& alice = timeline.connections.at(0);
  const auto lists = checklists(alice, alice.steps);
  const Checklist& bouncer = by(lists, Side::server);
  CHECK(bouncer.note == "Alice holds a card but showed none.");
  CHECK(bouncer.held_back);
  CHECK_FALSE(by(lists, Side::client).held_back);
  REQUIRE(bouncer.cards.size() == 1);
  REQUIRE(bouncer.cards[0].items.size() == 1);
  CHECK(bouncer.cards[0].items[0].check == "certificate_selection");
  CHECK(bouncer.cards[0].items[0].state == CheckState::failed);
  CHECK(bouncer.cards[0].items[0].reason.find("Ed25519") != std::string::npos);
  // Alice's own list is about the badge only.
  CHECK(item(by(lists, Side::client), 0, "certificate_selection") == nullptr);
}

TEST_CASE("while a visit goes on, a check that will never run reads like one still to come") {
  // "never checked" beside "not checked yet" would name the first failing check before its step
  // (predict mode asks "which check will fail?" there); at the visit's end it may say so.
  std::size_t never_at_end = 0;
  test::for_each_library_run([&](const test::LibraryRun& run) {
    for (const Connection& c : run.timeline.connections) {
      for (std::size_t step = 0; step <= c.steps; ++step) {
        for (const Checklist& list : checklists(c, step))
          for (const ChecklistCard& card : list.cards)
            for (const ChecklistItem& i : card.items) {
              if (i.state != CheckState::not_checked) continue;
              if (step < c.steps) {
                INFO(run.name, " ", c.client, " step ", step, " ", i.check);
                CHECK(i.reason == "not checked yet");
              } else if (i.reason == "never checked") {
                ++never_at_end;
              }
            }
      }
    }
  });
  CHECK(never_at_end > 0);
}
