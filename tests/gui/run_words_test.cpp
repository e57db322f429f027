// The words the checklist, the certificates panel and the club view show come from the run
// (issue 19 items 3, 4, 11, 12, 13): "(root)" only on a trust anchor, issuer above what it
// issued, one alert marked sent, the failing half of basic_constraints named, and the seal of the
// badge's real issuer.
#include <doctest/doctest.h>

#include <string>

#include "harness.h"
#include "library_runs.h"
#include "scenario/loader.h"
#include "simulation/simulation.h"
#include "state/certificates.h"
#include "state/checklist.h"
#include "state/names.h"

using namespace tlsclub;
using namespace tlsclub::gui;

namespace {

Timeline run_file(const std::string& file, std::optional<TlsVersion> version = std::nullopt) {
  auto loaded = load_scenario_file(test::scenarios_dir() / file);
  REQUIRE_MESSAGE(std::holds_alternative<ScenarioSpec>(loaded), file);
  ScenarioSpec spec = std::get<ScenarioSpec>(loaded);
  if (version) spec.min_version = spec.max_version = *version;
  return run_scenario(spec);
}

bool anchor_passed(const Connection& c, const ChecklistCard& card) {
  for (const Event& e : c.events) {
    const auto* check = std::get_if<CheckEvent>(&e.body);
    if (check != nullptr && check->check == "trust_anchor" && check->passed &&
        check->subject == card.subject && check->depth == card.depth)
      return true;
  }
  return false;
}

// "(root)" only on a certificate whose trust_anchor check passed.
void check_roots(const std::string& name, const Connection& c) {
  for (const Checklist& list : checklists(c, c.steps))
    for (const ChecklistCard& card : list.cards) {
      INFO(name, ": ", card.name, " (", card.place, ")");
      CHECK(!card.place.empty());
      if (card.place == "root") CHECK(anchor_passed(c, card));
    }
}

std::vector<ChecklistItem> marked_sent(const Connection& c) {
  std::vector<ChecklistItem> out;
  for (const Checklist& list : checklists(c, c.steps))
    for (const ChecklistCard& card : list.cards)
      for (const ChecklistItem& item : card.items)
        if (item.sent) out.push_back(item);
  return out;
}

bool alert_from_a_check(const Connection& c) {
  if (!c.alert) return false;
  for (const Event& e : c.events) {
    const auto* check = std::get_if<CheckEvent>(&e.body);
    if (check != nullptr && !check->passed && check->alert == *c.alert) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("an issuer that was not found is not called the root (unknown / look-alike authority)") {
  for (const char* file :
       {"server-faults/unknown-authority.toml", "server-faults/look-alike-authority.toml",
        "client-faults/card-from-untrusted-authority.toml"}) {
    const Timeline t = run_file(file);
    for (const Connection& c : t.connections) {
      check_roots(file, c);
      for (const Checklist& list : checklists(c, c.steps))
        for (const ChecklistCard& card : list.cards)
          if (card.depth > 0 && !anchor_passed(c, card)) CHECK(card.place != "root");
    }
  }
  // A chain that reaches its anchor still names it.
  const Timeline ok = run_file("basics/server-only-tls13.toml");
  bool root = false;
  for (const Checklist& list : checklists(ok.connections.at(0), ok.connections.at(0).steps))
    for (const ChecklistCard& card : list.cards) root = root || card.place == "root";
  CHECK(root);
}

TEST_CASE("a reversed chain is shown issuer above what it issued, not in wire order") {
  const Timeline t = run_file("server-faults/reversed-chain.toml");
  const auto chains = chains_of(t.connections.at(0));
  const Chain* badge = nullptr;
  for (const Chain& chain : chains)
    if (chain.owner == Side::server) badge = &chain;
  REQUIRE(badge != nullptr);
  REQUIRE(badge->cards.size() >= 2);
  CHECK(badge->cards.back().name == t.connections.at(0).server_name);  // the leaf last
  for (std::size_t i = 1; i < badge->cards.size(); ++i) {
    INFO(badge->cards[i].name, " under ", badge->cards[i - 1].name);
    CHECK(common_name(badge->cards[i].issuer) == badge->cards[i - 1].name);
    CHECK(badge->cards[i].signed_by_above);
  }
}

TEST_CASE("only the alert actually sent is marked sent, where several checks failed") {
  std::size_t several = 0;
  for (const auto& file : scenario_files_in(test::scenarios_dir())) {
    auto loaded = load_scenario_file(file);
    REQUIRE(std::holds_alternative<ScenarioSpec>(loaded));
    for (const Connection& c : run_scenario(std::get<ScenarioSpec>(loaded)).connections) {
      if (!alert_from_a_check(c)) continue;
      std::size_t failed = 0;
      for (const Checklist& list : checklists(c, c.steps))
        for (const ChecklistCard& card : list.cards)
          for (const ChecklistItem& item : card.items)
            failed += item.state == CheckState::failed && !item.alert.empty() ? 1 : 0;
      if (failed < 2) continue;
      ++several;
      INFO(file.filename().string(), " ", c.client);
      const auto sent = marked_sent(c);
      REQUIRE(sent.size() == 1);
      CHECK(sent.front().alert == *c.alert);
    }
  }
  CHECK(several >= 1);
}

TEST_CASE("a path-length violation is named for path length, not for being a CA") {
  const Timeline t = run_file("server-faults/path-length-exceeded.toml");
  bool found = false;
  for (const Connection& c : t.connections)
    for (const Checklist& list : checklists(c, c.steps))
      for (const ChecklistCard& card : list.cards)
        for (const ChecklistItem& item : card.items)
          if (item.state == CheckState::failed && item.check == "basic_constraints") {
            found = true;
            CHECK(item.title.find("Path length") != std::string::npos);
          }
  CHECK(found);
}

TEST_CASE("the seal on the badge is its issuer's, also when only the leaf was sent") {
  const Timeline t = run_file("server-faults/missing-intermediate.toml");
  const Connection& c = t.connections.at(0);
  const auto chains = chains_of(c);
  const std::string issuer(badge_issuer(chains));
  CHECK(!issuer.empty());
  CHECK(issuer != c.server_name);
  for (const Chain& chain : chains)
    if (chain.owner == Side::server) CHECK(issuer == common_name(chain.cards.back().issuer));
}

TEST_CASE("every library scenario: (root) only on a trust anchor, one alert marked sent") {
  std::size_t refusals = 0;
  const std::size_t runs = test::for_each_library_run([&](const test::LibraryRun& run) {
    for (const Connection& c : run.timeline.connections) {
      check_roots(run.name, c);
      INFO(run.name, " ", c.client);
      const auto sent = marked_sent(c);
      if (alert_from_a_check(c)) {
        ++refusals;
        REQUIRE(sent.size() == 1);
        CHECK(sent.front().alert == *c.alert);
      } else {
        CHECK(sent.empty());
      }
    }
  });
  CHECK(runs >= 50);
  CHECK(refusals >= 20);
}
