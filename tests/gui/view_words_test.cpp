// The club view, the narration and every outcome line take their words from the run (issue 19
// items 6-10): over every library scenario in each version it allows, the bubbles name the first
// failed check, the tally counts the visits decided so far, a password is never counted as a
// certificate check, and the outcome sentence names the side that ended the visit.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "../sim/string_makers.h"
#include "library_runs.h"
#include "state/certificates.h"
#include "state/checklist.h"
#include "state/club_scene.h"
#include "state/narration.h"
#include "state/stepping.h"
#include "timeline/check_names.h"
#include "timeline/outcome.h"

using namespace tlsclub;
using namespace tlsclub::gui;

namespace {

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// The first failed check by `by` (the holder, for a held-back certificate) made by `step`.
const CheckEvent* first_failed_by(const Connection& c, Side checker, std::size_t step) {
  for (const Event& e : c.events) {
    const auto* k = std::get_if<CheckEvent>(&e.body);
    if (k == nullptr || k->passed || e.step > step) continue;
    const Side list = k->check == "certificate_selection" ? peer_of(k->by) : k->by;
    if (list == checker) return k;
  }
  return nullptr;
}

// The bubbles at the visit's last step say the first failed check of each list.
void check_bubbles(const std::string& name, const ScenarioSpec& spec, const Timeline& t,
                   std::size_t index) {
  const Connection& c = t.connections[index];
  INFO(name, " ", c.client);
  const Position end{index, c.steps};
  const auto lists = checklists(c, c.steps);
  const ClubScene scene = club_scene(t, end, lists, spec.server.client_auth != ClientAuth::none);
  const CheckEvent* badge = first_failed_by(c, Side::client, c.steps);
  const CheckEvent* card = first_failed_by(c, Side::server, c.steps);
  if (badge != nullptr) {
    CHECK(scene.member.text == refusal_words(*badge));
    CHECK(!contains(scene.member.text, "fails:"));  // a check the words do not know yet
  }
  if (card != nullptr && card->check != "certificate_selection" && c.outcome == Outcome::refused) {
    CHECK(scene.bouncer.text == refusal_words(*card));
    CHECK(!contains(scene.bouncer.text, "fails:"));
  }
  if (badge == nullptr && card == nullptr && c.outcome == Outcome::refused &&
      c.refused_by == Side::client)
    CHECK(contains(scene.member.text, "Something is wrong here"));
  if (c.outcome == Outcome::admitted)
    CHECK(scene.bouncer.mood == (c.impostor.empty() ? Mood::welcome : Mood::attack));
  CHECK(scene.impostor == !c.impostor.empty());
}

// Before a visit starts, every earlier visit is counted; at its end, it is too, by how it ended.
void check_tally(const std::string& name, const Timeline& t, std::size_t index) {
  const Connection& c = t.connections[index];
  INFO(name, " ", c.client);
  const auto total = [](const Tally& y) {
    return y.inside + y.with_impostor + y.turned_away + y.walked_away + y.stalled;
  };
  if (c.steps > 0) CHECK(total(club_scene(t, {index, 0}, {}, false).tally) == index);
  const Tally end = club_scene(t, {index, c.steps}, {}, false).tally;
  CHECK(total(end) == index + 1);
  Tally expected;
  for (std::size_t k = 0; k <= index; ++k) {
    const Connection& v = t.connections[k];
    if (v.outcome == Outcome::admitted)
      ++(v.impostor.empty() ? expected.inside : expected.with_impostor);
    else if (v.refused_by == Side::server)
      ++expected.turned_away;
    else if (v.refused_by == Side::client)
      ++expected.walked_away;
    else
      ++expected.stalled;
  }
  CHECK(end.inside == expected.inside);
  CHECK(end.with_impostor == expected.with_impostor);
  CHECK(end.turned_away == expected.turned_away);
  CHECK(end.walked_away == expected.walked_away);
  CHECK(end.stalled == expected.stalled);
}

// The member walks up from the start and stands at the door by the end; the door opens only for a
// member let in, once the visit is decided; the queue is who comes next.
void check_stage(const std::string& name, const Timeline& t, std::size_t index) {
  const Connection& c = t.connections[index];
  INFO(name, " ", c.client);
  const ClubScene end = club_scene(t, {index, c.steps}, {}, false);
  CHECK(end.approach == 1.0f);
  CHECK(end.door_open == (c.outcome == Outcome::admitted));
  if (c.steps > 0) {
    const ClubScene start = club_scene(t, {index, 0}, {}, false);
    CHECK(start.approach == 0.0f);
    CHECK_FALSE(start.door_open);
  }
  CHECK(end.waiting == t.connections.size() - index - 1);
  REQUIRE(end.queue.size() == std::min<std::size_t>(3, end.waiting));
  for (std::size_t k = 0; k < end.queue.size(); ++k)
    CHECK(end.queue[k] == t.connections[index + 1 + k].client);
}

// "✓ N certificate checks pass" counts the certificate checks passed at that step, never the
// password; a password story never speaks of a card.
void check_narration(const std::string& name, const Timeline& t, const StepIndex& steps,
                     std::size_t index) {
  const Connection& c = t.connections[index];
  for (std::size_t step = 0; step <= c.steps; ++step) {
    std::size_t passed = 0;
    for (const Event& e : c.events)
      if (const auto* k = std::get_if<CheckEvent>(&e.body);
          k != nullptr && e.step == step && k->passed && is_certificate_check(k->check))
        ++passed;
    const Narration n = narrate(t, steps, steps.index_of({index, step}), nullptr);
    const std::string count =
        "✓ " + std::to_string(passed) +
        (passed == 1 ? " certificate check passes" : " certificate checks pass");
    bool counted = false;
    for (const Story& s : n.stories) {
      INFO(name, " ", c.client, " step ", step, ": ", s.headline);
      if (contains(s.headline, "certificate check")) {
        CHECK(s.headline.starts_with(count));
        counted = true;
      }
      if (s.explain_key == "check.password") CHECK(!contains(s.headline, "card"));
      if (!c.impostor.empty()) CHECK(!contains(s.headline, "The club "));
    }
    CHECK(counted == (passed > 0));
  }
}

// Who ended the visit, in the course's words: never "refused by the client" for the member.
void check_outcome(const std::string& name, const Connection& c) {
  INFO(name);
  const std::string s = outcome_sentence(c);
  CHECK(s.starts_with(c.client + " "));
  CHECK(!contains(s, "by the client"));
  CHECK(!contains(s, "by the server"));
  if (!c.impostor.empty()) CHECK(contains(s, "impostor (posing as " + c.server_name + ")"));
  if (c.outcome == Outcome::admitted) {
    CHECK(contains(s, " admitted"));
  } else if (c.refused_by == Side::server) {
    CHECK(contains(s, " turned away by "));
  } else if (c.refused_by == Side::client) {
    CHECK(contains(s, " walks away"));
  } else {
    CHECK(contains(s, c.alert ? "refused with alert" : "stalled"));
  }
  if (c.alert) CHECK(contains(s, *c.alert));
  if (const CheckEvent* k = c.refused_by ? first_failed_check(c, *c.refused_by) : nullptr;
      k != nullptr && k->check != "password" && k->check != "certificate_selection")
    CHECK(contains(s, "the " + k->check + " check"));
}

}  // namespace

TEST_CASE("every library scenario: the club view, the narration and the outcome say the run") {
  std::size_t impostors = 0, passwords = 0, walked = 0, turned = 0;
  const std::size_t runs = test::for_each_library_run([&](const test::LibraryRun& run) {
    const StepIndex steps(run.timeline);
    for (std::size_t i = 0; i < run.timeline.connections.size(); ++i) {
      const Connection& c = run.timeline.connections[i];
      check_bubbles(run.name, run.spec, run.timeline, i);
      check_tally(run.name, run.timeline, i);
      check_stage(run.name, run.timeline, i);
      check_narration(run.name, run.timeline, steps, i);
      check_outcome(run.name, c);
      impostors += !c.impostor.empty();
      walked += c.refused_by == Side::client;
      turned += c.refused_by == Side::server;
      for (const Event& e : c.events) {
        const auto* k = std::get_if<CheckEvent>(&e.body);
        if (k == nullptr) continue;
        passwords += k->check == "password";
        // Every check the engine records is in the one table the loaders and the GUI read.
        CHECK_MESSAGE(
            std::find(check_names().begin(), check_names().end(), k->check) != check_names().end(),
            k->check);
      }
    }
  });
  CHECK(runs >= 50);
  // The library exercises every branch the words have.
  CHECK(impostors > 0);
  CHECK(passwords > 0);
  CHECK(walked > 0);
  CHECK(turned > 0);
}

TEST_CASE("the bubbles name the check that failed, from real runs, not a fixed phrase") {
  // Who speaks (the member judges the badge, the bouncer the card) and what the first failure
  // makes them say, at the end of the first member's visit.
  struct Case {
    const char* file;
    bool member_speaks;
    const char* words;
  };
  for (const Case& c : {
           Case{"server-faults/expired-badge.toml", true, "✗ That badge has expired"},
           Case{"server-faults/not-yet-valid-badge.toml", true, "✗ That badge is not valid yet"},
           Case{"server-faults/expired-intermediate.toml", true,
                "✗ The authority behind that badge has expired"},
           Case{"server-faults/wrong-host-name.toml", true, "✗ That badge is for another club"},
           Case{"server-faults/long-lived-badge.toml", true,
                "✗ That badge was issued to live longer than my device allows"},
           Case{"server-faults/path-length-exceeded.toml", true,
                "✗ That badge's chain is longer than its authority allows"},
           Case{"server-faults/intermediate-not-a-ca.toml", true,
                "✗ That badge was sealed by someone who is no authority"},
           Case{"revocation/badge-on-crl.toml", true, "✗ That badge was revoked"},
           Case{"revocation/stapled-revoked.toml", true, "✗ That badge was revoked"},
           Case{"revocation/card-on-crl.toml", false, "✗ That card was revoked"},
           Case{"client-faults/expired-card.toml", false, "✗ That card has expired"},
       }) {
    INFO(c.file);
    auto loaded = load_scenario_file(test::scenarios_dir() / c.file);
    REQUIRE(std::holds_alternative<ScenarioSpec>(loaded));
    const ScenarioSpec& spec = std::get<ScenarioSpec>(loaded);
    const Timeline t = run_scenario(spec);
    const Connection& v = t.connections.at(0);
    const ClubScene scene = club_scene(t, {0, v.steps}, checklists(v, v.steps),
                                       spec.server.client_auth != ClientAuth::none);
    CHECK((c.member_speaks ? scene.member.text : scene.bouncer.text) == c.words);
  }
  CheckEvent k;
  k.by = Side::server;
  k.check = "password";
  CHECK(refusal_words(k) == "✗ Wrong password");
  // Every check the verifier makes is said in words, never by its bare name.
  for (const std::string_view check : check_names()) {
    k.check = std::string(check);
    CHECK_MESSAGE(!contains(refusal_words(k), "“" + std::string(check) + "”"), check);
  }
  // One without words of its own is said by its explanation's title.
  k.check = "an_unknown_check";
  CHECK(refusal_words(k) == "✗ That card fails “an_unknown_check”");
}

TEST_CASE("an impostor's visit is drawn and told as the impostor's, with the attack shown") {
  const Timeline t = run_scenario(std::get<ScenarioSpec>(load_scenario_file(
      test::scenarios_dir() / "interception/impostor-authority-installed.toml")));
  const Connection& c = t.connections.at(0);
  REQUIRE(c.outcome == Outcome::admitted);
  CHECK(c.impostor == "Mallory Trust Services Root CA");
  const ClubScene scene = club_scene(t, {0, c.steps}, checklists(c, c.steps), false);
  CHECK(scene.door == "impostor");
  CHECK(scene.door_note == "as club.example");
  CHECK(scene.tally.inside == 0);
  CHECK(scene.tally.with_impostor == 1);
  CHECK(contains(tally_line(scene.tally), "let in by an impostor 1"));
  CHECK(outcome_sentence(c) ==
        "Alice admitted by the impostor (posing as club.example), not the club (TLS 1.3)");
  const StepIndex steps(t);
  bool established = false;
  for (std::size_t step = 0; step <= c.steps; ++step)
    for (const Story& s : narrate(t, steps, steps.index_of({0, step}), nullptr).stories)
      if (contains(s.headline, "has finished the handshake") &&
          contains(s.headline, "The impostor (posing as club.example)"))
        established = true;
  CHECK(established);
  CHECK(attack_sign(scene, narrate(t, steps, steps.index_of({0, 0}), nullptr)) ==
        "a man in the middle");
}

TEST_CASE("the attack sign shows at the step an attack on the wire strikes, and only then") {
  const Timeline t = run_scenario(std::get<ScenarioSpec>(
      load_scenario_file(test::scenarios_dir() / "wire-attacks/tampered-application-data.toml")));
  const Connection& c = t.connections.at(0);
  const StepIndex steps(t);
  std::size_t signs = 0;
  for (std::size_t step = 0; step <= c.steps; ++step) {
    const Narration n = narrate(t, steps, steps.index_of({0, step}), nullptr);
    const bool attack = std::any_of(n.stories.begin(), n.stories.end(),
                                    [](const Story& s) { return s.tone == Tone::attack; });
    const std::string_view sign = attack_sign(club_scene(t, {0, step}, {}, false), n);
    CHECK(sign == (attack ? "someone on the path" : ""));
    signs += !sign.empty();
  }
  CHECK(signs > 0);
}

TEST_CASE("the seal above the club is the badge issuer's, the town authority's before a badge") {
  CHECK(seal_owner({}) == "the town authority");
  const Timeline t = run_scenario(std::get<ScenarioSpec>(
      load_scenario_file(test::scenarios_dir() / "server-faults/missing-intermediate.toml")));
  const auto chains = chains_of(t.connections.at(0));
  CHECK(!badge_issuer(chains).empty());
  CHECK(seal_owner(chains) == badge_issuer(chains));
}

TEST_CASE("the narration names a path-length failure for the path length, as the checklist does") {
  const Timeline t = run_scenario(std::get<ScenarioSpec>(
      load_scenario_file(test::scenarios_dir() / "server-faults/path-length-exceeded.toml")));
  const Connection& c = t.connections.at(0);
  const StepIndex steps(t);
  bool named = false;
  for (std::size_t step = 0; step <= c.steps; ++step)
    for (const Story& s : narrate(t, steps, steps.index_of({0, step}), nullptr).stories) {
      CHECK(!contains(s.headline, "Issuer is a CA"));
      named = named || contains(s.headline, "it fails \"Path length within the limit\"");
    }
  CHECK(named);
}
