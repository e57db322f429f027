// Property: every refusal is explained, and explained once. For every library scenario, in every
// TLS version it allows, as written and with random single wire faults of every kind:
//  (a) a refused visit has exactly one cause in its Timeline: a failed check of the side that
//      refused, a certificate held back (certificate_selection), a forged alert, a wrong password,
//      or, when none of those, a protocol error (an alert with the library's reason) or a stall;
//  (b) the alert on the wire is the one that cause predicts (the failed check's alert, the forged
//      alert, certificate_required for a card held back in TLS 1.3, ...);
//  (c) a file the loader accepts (`tlsclub check`) runs (`tlsclub run`), also with its clock moved
//      anywhere a file may put it.
// A certificate alert never comes without a failed check: a refusal caused by a certificate is
// always in the checklist (the TLS 1.2 and keyUsage cases once were not).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "scenario/loader.h"
#include "simulation/simulation.h"
#include "timeline_helpers.h"

using namespace tlsclub;

namespace {

using tlsclub::test::each_tls_version;
using tlsclub::test::first_failed_check;

const std::set<std::string> kCertificateAlerts{"bad_certificate",
                                               "unsupported_certificate",
                                               "certificate_revoked",
                                               "certificate_expired",
                                               "certificate_unknown",
                                               "unknown_ca",
                                               "bad_certificate_status_response"};

bool forged(const AlertEvent& a) {
  return a.reason.rfind("forged on the wire", 0) == 0;
}

struct Causes {
  std::vector<std::string> found;  // one entry per cause: "check validity", "forged alert", ...
  std::optional<std::string> predicted_alert;
};

// What the Timeline says ended a refused visit.
Causes causes_of(const Connection& c, TlsVersion version, bool cards_required) {
  Causes out;
  const AlertEvent* ending = nullptr;
  std::size_t ending_seq = c.events.size();
  for (const auto& e : c.events)
    if (const auto* a = std::get_if<AlertEvent>(&e.body); a && a->fatal) {
      ending = a;
      ending_seq = e.seq;
      break;
    }
  const CheckEvent* failed_check = nullptr;
  const CheckEvent* held_back = nullptr;
  bool wrong_password = false;
  for (const auto& e : c.events) {
    const auto* k = std::get_if<CheckEvent>(&e.body);
    if (k == nullptr || k->passed) continue;
    if (k->check == "password")
      wrong_password = true;
    else if (k->check == "certificate_selection")
      held_back = held_back != nullptr ? held_back : k;
    else if (ending != nullptr && e.seq < ending_seq && k->by == ending->from &&
             failed_check == nullptr)
      failed_check = k;
  }
  if (ending != nullptr && forged(*ending)) {
    out.found.push_back("forged alert");
    out.predicted_alert = ending->name;  // the fault's own words, checked below against the file
  }
  if (failed_check != nullptr) {
    out.found.push_back("check " + failed_check->check);
    out.predicted_alert = failed_check->alert;
  }
  if (held_back != nullptr && (held_back->by == Side::server || cards_required)) {
    out.found.push_back("certificate_selection by " + std::string(to_string(held_back->by)));
    out.predicted_alert = held_back->by == Side::client && version == TlsVersion::tls13
                              ? "certificate_required"
                              : "handshake_failure";
  }
  if (wrong_password) out.found.push_back("password");
  if (!out.found.empty()) return out;
  if (ending != nullptr) {
    out.found.push_back("protocol error");
    return out;
  }
  for (const auto& e : c.events)
    if (const auto* closed = std::get_if<ClosedEvent>(&e.body);
        closed && closed->reason.rfind("gave up waiting", 0) == 0) {
      out.found.push_back("stall");
      break;
    }
  return out;
}

std::string describe(const std::vector<std::string>& causes) {
  std::string s;
  for (const auto& c : causes) s += (s.empty() ? "" : ", ") + c;
  return s.empty() ? "none" : s;
}

void check_visits(const std::string& what, const ScenarioSpec& spec, const Timeline& timeline,
                  TlsVersion version, const WireFault* fault) {
  REQUIRE(timeline.connections.size() == spec.members.size());
  const bool cards_required = spec.server.client_auth == ClientAuth::required;
  for (const auto& c : timeline.connections) {
    INFO(what, " — ", c.client);
    const Causes causes = causes_of(c, version, cards_required);
    if (c.outcome == Outcome::admitted) {
      CHECK_MESSAGE(!c.alert, "admitted with a fatal alert");
      continue;
    }
    INFO("causes: ", describe(causes.found), "; alert ", c.alert.value_or("none"));
    // (a) exactly one cause.
    CHECK(causes.found.size() == 1);
    // (b) the alert it predicts is the one on the wire.
    if (causes.predicted_alert && !causes.predicted_alert->empty()) {
      CHECK(c.alert == causes.predicted_alert);
      // A forged alert is one of those injected: the scenario's own, or the attack's.
      if (fault != nullptr && causes.found.front() == "forged alert") {
        std::set<std::string> forged;
        for (const WireFault& f : spec.faults)
          if (f.action == WireFault::Action::inject_alert) forged.insert(f.alert);
        if (fault->action == WireFault::Action::inject_alert) forged.insert(fault->alert);
        CHECK_MESSAGE(forged.count(c.alert.value_or("")) == 1, "no such alert was injected");
      }
    }
    // A certificate alert sent by a side (not forged) is always a failed check of that side.
    if (c.alert && kCertificateAlerts.count(*c.alert) != 0 && !causes.found.empty() &&
        causes.found.front() == "protocol error")
      FAIL_CHECK("certificate alert ", *c.alert, " without a failed check");
  }
}

std::vector<TlsVersion> versions_of(const ScenarioSpec& spec) {
  std::vector<TlsVersion> out;
  for (auto v : {TlsVersion::tls12, TlsVersion::tls13})
    if (v >= spec.min_version && v <= spec.max_version) out.push_back(v);
  return out;
}

constexpr std::array<const char*, 9> kMessages{
    "client_hello",    "server_hello",        "certificate",          "certificate_verify",
    "finished",        "certificate_request", "encrypted_extensions", "client_key_exchange",
    "application_data"};
constexpr std::array<const char*, 5> kForgedAlerts{"handshake_failure", "bad_certificate",
                                                   "certificate_expired", "decrypt_error",
                                                   "internal_error"};

WireFault random_fault(std::mt19937& rng, WireFault::Action action) {
  WireFault f;
  f.action = action;
  f.from = rng() % 2 == 0 ? Side::client : Side::server;
  if (rng() % 2 == 0)
    f.record = 1 + rng() % 8;
  else
    f.message = kMessages[rng() % kMessages.size()];
  f.offset = rng() % 400;
  f.mask = static_cast<std::uint8_t>(1 + rng() % 255);
  f.alert = kForgedAlerts[rng() % kForgedAlerts.size()];
  return f;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("every refusal in the library has exactly one cause, and the alert it predicts") {
  const auto files = scenario_files_in(std::string(TLSCLUB_SOURCE_DIR) + "/scenarios");
  REQUIRE(files.size() >= 50);
  std::mt19937 rng(20261205);
  std::size_t runs = 0, refusals = 0;
  for (const auto& file : files) {
    auto loaded = load_scenario_file(file);
    REQUIRE_MESSAGE(std::holds_alternative<ScenarioSpec>(loaded), file.string());
    const auto& original = std::get<ScenarioSpec>(loaded);
    for (const auto version : versions_of(original)) {
      ScenarioSpec spec = original;
      spec.min_version = spec.max_version = version;
      const std::string name =
          file.filename().string() + (version == TlsVersion::tls13 ? " (TLS 1.3)" : " (TLS 1.2)");
      const Timeline plain = run_scenario(spec);
      check_visits(name, spec, plain, version, nullptr);
      ++runs;
      for (const auto action : {WireFault::Action::flip, WireFault::Action::drop,
                                WireFault::Action::replay, WireFault::Action::reorder,
                                WireFault::Action::inject_alert, WireFault::Action::downgrade}) {
        RunOptions options;
        options.faults.push_back(random_fault(rng, action));
        const Timeline attacked = run_scenario(spec, options);
        check_visits(name + " with " + describe(options.faults.front()), spec, attacked, version,
                     &options.faults.front());
        ++runs;
        for (const auto& c : attacked.connections) refusals += c.outcome == Outcome::refused;
      }
    }
  }
  MESSAGE(runs << " runs, " << refusals << " refused visits under attack, each with one cause");
}

TEST_CASE("a scenario file the loader accepts runs, whatever its clock") {
  const auto files = scenario_files_in(std::string(TLSCLUB_SOURCE_DIR) + "/scenarios");
  const std::regex clock_line(R"(^clock = "[^"]*")", std::regex::multiline);
  const std::array<const char*, 9> clocks{
      "1970-01-01T00:00:00Z", "1970-03-01T00:00:00Z", "1985-06-01T00:00:00Z",
      "2049-12-31T23:00:00Z", "2050-01-01T00:00:00Z", "2999-01-01T00:00:00Z",
      "2262-04-01T00:00:00Z", "2262-05-01T00:00:00Z", "9999-12-31T23:59:59Z"};
  std::size_t accepted = 0, rejected = 0;
  for (const auto& file : files) {
    const std::string text = read_file(file);
    if (!std::regex_search(text, clock_line)) continue;
    for (const char* clock : clocks) {
      const std::string moved =
          std::regex_replace(text, clock_line, std::string("clock = \"") + clock + "\"",
                             std::regex_constants::format_first_only);
      INFO(file.filename().string(), " at ", std::string(clock));
      auto loaded = load_scenario(moved, file.filename().string());
      if (const auto* errors = std::get_if<std::vector<LoadError>>(&loaded)) {
        ++rejected;
        for (const auto& e : *errors) {
          // Only the dates may be the trouble (a date the loader had to drop can also leave
          // valid_from after valid_until), and each error says where.
          CHECK((e.id == "bad-date" || e.id == "bad-validity"));
          CHECK(e.line > 0);
        }
        continue;
      }
      ++accepted;
      const auto& spec = std::get<ScenarioSpec>(loaded);
      for (const auto version : versions_of(spec)) {
        ScenarioSpec one = spec;
        one.min_version = one.max_version = version;
        CHECK_NOTHROW(run_scenario(one));
      }
    }
  }
  CHECK(accepted > 0);
  CHECK(rejected > 0);
  MESSAGE(accepted << " moved files accepted and run, " << rejected << " refused with bad-date");
}

namespace {

ScenarioSpec scenario_from(const std::string& text, TlsVersion version) {
  auto loaded = load_scenario(text, "test.toml");
  REQUIRE(std::holds_alternative<ScenarioSpec>(loaded));
  auto spec = std::get<ScenarioSpec>(std::move(loaded));
  spec.min_version = spec.max_version = version;
  return spec;
}

constexpr const char* kClub = R"(format = 1
[scenario]
title = "t"
[[authority]]
id = "root"
name = "Root"
[server]
name = "club.example"
issuer = "root"
)";

}  // namespace

TEST_CASE("TLS 1.2 sends the alert the checklist names for a refused card, as TLS 1.3 does") {
  const std::string text = std::string(kClub) + R"(client_auth = "required"
[[member]]
name = "Alice"
[member.card]
issuer = "root"
valid_from = "-372d"
valid_until = "-7d"
)";
  const TlsVersion version = each_tls_version();
  CAPTURE(version);
  const auto c = run_scenario(scenario_from(text, version)).connections.at(0);
  const auto* failed = first_failed_check(c);
  REQUIRE(failed != nullptr);
  CHECK(failed->check == "validity");
  CHECK(c.refused_by == Side::server);
  CHECK(c.alert == std::optional<std::string>("certificate_expired"));
}

TEST_CASE("a badge or card whose keyUsage forbids signing fails the key_usage check") {
  for (const char* holder : {"badge", "card"}) {
    const std::string text =
        std::string(kClub) +
        (std::string(holder) == "badge"
             ? "key_usage = [\"key_agreement\"]\n[[member]]\nname = \"Alice\"\n"
             : "client_auth = \"required\"\n[[member]]\nname = \"Alice\"\n"
               "[member.card]\nissuer = \"root\"\n"
               "key_usage = [\"key_agreement\"]\n");
    for (const auto version : {TlsVersion::tls12, TlsVersion::tls13}) {
      INFO(holder, version == TlsVersion::tls13 ? " in TLS 1.3" : " in TLS 1.2");
      const auto c = run_scenario(scenario_from(text, version)).connections.at(0);
      const auto* failed = first_failed_check(c);
      REQUIRE(failed != nullptr);
      CHECK(failed->check == "key_usage");
      CHECK(c.alert == std::optional<std::string>("unsupported_certificate"));
    }
  }
}

TEST_CASE("a card the member holds but does not show is a failed certificate_selection") {
  const std::string ed25519_card = std::string(kClub) + R"(client_auth = "required"
[[member]]
name = "Alice"
[member.card]
issuer = "root"
key = "ed25519"
)";
  SUBCASE("TLS 1.3: an Ed25519 card signs CertificateVerify with ed25519 (RFC 8446 4.2.3)") {
    const auto c = run_scenario(scenario_from(ed25519_card, TlsVersion::tls13)).connections.at(0);
    CHECK(first_failed_check(c) == nullptr);
    CHECK(c.outcome == Outcome::admitted);
  }
  SUBCASE("TLS 1.2: the engine's TLS 1.2 has no Ed25519 certificate type, and says so") {
    const auto c = run_scenario(scenario_from(ed25519_card, TlsVersion::tls12)).connections.at(0);
    const auto* failed = first_failed_check(c);
    REQUIRE(failed != nullptr);
    CHECK(failed->check == "certificate_selection");
    CHECK(failed->by == Side::client);
    CHECK(failed->reason.find("RFC 8422 5.5") != std::string::npos);
    CHECK(c.alert == std::optional<std::string>("handshake_failure"));
  }
  SUBCASE("TLS 1.3: a club that accepts only ECDSA signatures never sees the Ed25519 card") {
    std::string text = ed25519_card;
    text.replace(text.find("client_auth"), 0,
                 "signature_algorithms = [\"ecdsa_secp256r1_sha256\"]\n");
    const auto c = run_scenario(scenario_from(text, TlsVersion::tls13)).connections.at(0);
    const auto* failed = first_failed_check(c);
    REQUIRE(failed != nullptr);
    CHECK(failed->check == "certificate_selection");
    CHECK(failed->by == Side::client);
    CHECK(failed->reason.find("ECDSA keys only") != std::string::npos);
    CHECK(failed->reason.find("Ed25519") != std::string::npos);
    CHECK(c.alert == std::optional<std::string>("certificate_required"));
  }
  SUBCASE("TLS 1.3: an RSA card at an Ed25519 club that accepts only ed25519 is held back too") {
    std::string text = ed25519_card;
    text.replace(text.find("key = \"ed25519\""), 15, "key = \"rsa_2048\"");
    text.replace(text.find("client_auth"), 0,
                 "key = \"ed25519\"\nsignature_algorithms = [\"ed25519\"]\n");
    const auto c = run_scenario(scenario_from(text, TlsVersion::tls13)).connections.at(0);
    const auto* failed = first_failed_check(c);
    REQUIRE(failed != nullptr);
    CHECK(failed->check == "certificate_selection");
    CHECK(failed->reason.find("Ed25519 keys only") != std::string::npos);
    CHECK(c.alert == std::optional<std::string>("certificate_required"));
  }
  // The same card shown to a club that does not ask for one: nothing to decide, nothing said.
  std::string optional = ed25519_card;
  optional.replace(optional.find("required"), 8, "none");
  for (const auto version : {TlsVersion::tls12, TlsVersion::tls13}) {
    const auto c = run_scenario(scenario_from(optional, version)).connections.at(0);
    CHECK(first_failed_check(c) == nullptr);
    CHECK(c.outcome == Outcome::admitted);
  }
}
