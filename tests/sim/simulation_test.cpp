// The engine end to end: real handshakes, recorded. Message sequences, determinism, decoding
// against what Botan reports, certificate checks and their alerts, catalogue coverage.
#include "simulation/simulation.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <map>

#include "explain/catalogue.h"
#include "simulation/expectations.h"
#include "timeline/json.h"
#include "timeline_helpers.h"

using namespace tlsclub;

namespace {

using tlsclub::test::each_tls_version;
using tlsclub::test::events_of;
using tlsclub::test::find_message;
using tlsclub::test::message_sequence;

const Connection& only(const Timeline& t) {
  REQUIRE(t.connections.size() == 1);
  return t.connections.front();
}

const Field* find_field(const std::vector<Field>& fields, std::string_view name) {
  for (const auto& f : fields) {
    if (f.name == name) return &f;
    if (const Field* inner = find_field(f.children, name)) return inner;
  }
  return nullptr;
}

void check_ranges(const std::vector<Field>& fields, std::size_t begin, std::size_t end,
                  std::size_t size) {
  for (const auto& f : fields) {
    CHECK(f.offset >= begin);
    CHECK(f.offset + f.length <= end);
    CHECK(f.offset + f.length <= size);
    check_ranges(f.children, f.offset, f.offset + f.length, size);
  }
}

std::chrono::seconds days(int n) {
  return std::chrono::days{n};
}

}  // namespace

TEST_CASE("a mutual TLS 1.3 visit sends exactly the RFC 8446 message sequence and admits Alice") {
  const Timeline timeline = run_scenario(demo_scenario(TlsVersion::tls13));
  const auto& c = only(timeline);
  CHECK(message_sequence(c) ==
        std::vector<std::string>{"client:client_hello", "server:server_hello",
                                 "server:encrypted_extensions", "server:certificate_request",
                                 "server:certificate", "server:certificate_verify",
                                 "server:finished", "client:certificate",
                                 "client:certificate_verify", "client:finished"});
  CHECK(c.outcome == Outcome::admitted);
  CHECK_FALSE(c.alert.has_value());
  CHECK(c.version == "TLS 1.3");
  // The server's second flight is one record, under the server handshake traffic keys.
  const auto* cert = find_message(c, "certificate");
  REQUIRE(cert != nullptr);
  CHECK(cert->protection == "server_handshake_traffic_secret");
  CHECK(find_message(c, "client_hello")->protection == "plaintext");
}

TEST_CASE(
    "a mutual TLS 1.2 visit sends the RFC 5246 sequence, with Finished after ChangeCipherSpec") {
  const Timeline timeline = run_scenario(demo_scenario(TlsVersion::tls12));
  const auto& c = only(timeline);
  CHECK(message_sequence(c) ==
        std::vector<std::string>{"client:client_hello", "server:server_hello", "server:certificate",
                                 "server:server_key_exchange", "server:certificate_request",
                                 "server:server_hello_done", "client:certificate",
                                 "client:client_key_exchange", "client:certificate_verify",
                                 "client:finished", "server:finished"});
  CHECK(c.outcome == Outcome::admitted);
  CHECK(c.version == "TLS 1.2");
  CHECK(find_message(c, "certificate")->protection ==
        "plaintext");  // 1.2 shows certificates in the clear
  CHECK(find_message(c, "finished")->protection == "tls12_client_write_key");
}

TEST_CASE("a club that does not ask for cards sends no CertificateRequest") {
  const TlsVersion version = each_tls_version();
  CAPTURE(version);
  auto spec = demo_scenario(version);
  spec.server.client_auth = ClientAuth::none;
  const Timeline timeline = run_scenario(spec);
  const auto& c = only(timeline);
  CHECK(find_message(c, "certificate_request") == nullptr);
  CHECK(c.outcome == Outcome::admitted);
  for (const auto* m : events_of<MessageEvent>(c))
    CHECK((m->from == Side::server || m->message.name != "certificate"));
}

TEST_CASE("a member who offers X25519MLKEM768 gets the hybrid post-quantum group") {
  auto spec = demo_scenario();
  spec.members[0].groups = {"X25519MLKEM768", "x25519"};
  const Timeline timeline = run_scenario(spec);
  const auto& c = only(timeline);
  CHECK(c.outcome == Outcome::admitted);
  const auto established = events_of<EstablishedEvent>(c);
  REQUIRE(!established.empty());
  CHECK(established.front()->group.find("MLKEM") != std::string::npos);
  // Its ClientHello key share is ~1.2 kB instead of 32 bytes.
  CHECK(find_message(c, "client_hello")->message.bytes.size() > 1200);
}

TEST_CASE("each secret is shown once when both sides agree on it") {
  const TlsVersion version = each_tls_version();
  CAPTURE(version);
  const Timeline timeline = run_scenario(demo_scenario(version));
  std::map<std::string, int> seen;
  for (const SecretEvent* s : events_of<SecretEvent>(only(timeline))) ++seen[s->name];
  CHECK_FALSE(seen.empty());
  for (const auto& secret : seen) {
    const std::string& name = secret.first;
    CAPTURE(name);
    CHECK(secret.second == 1);
  }
}

TEST_CASE("the same seed gives byte-identical JSON, another seed does not") {
  const auto a = to_json(run_scenario(demo_scenario(TlsVersion::tls13, 7))).dump();
  const auto b = to_json(run_scenario(demo_scenario(TlsVersion::tls13, 7))).dump();
  const auto c = to_json(run_scenario(demo_scenario(TlsVersion::tls13, 8))).dump();
  CHECK(a == b);
  CHECK(a != c);
  const auto d = to_json(run_scenario(demo_scenario(TlsVersion::tls12, 7))).dump();
  CHECK(d == to_json(run_scenario(demo_scenario(TlsVersion::tls12, 7))).dump());
}

TEST_CASE("decoded ClientHello and ServerHello fields agree with what Botan reports") {
  const Timeline timeline = run_scenario(demo_scenario());
  const auto& c = only(timeline);
  const auto* hello = find_message(c, "client_hello");
  REQUIRE(hello != nullptr);
  const Field* random = find_field(hello->message.fields, "random");
  REQUIRE(random != nullptr);
  // Botan hands the client random to the key log callback: the decoder must find the same bytes.
  const auto secrets = events_of<SecretEvent>(c);
  const auto logged = std::find_if(secrets.begin(), secrets.end(),
                                   [](auto* s) { return !s->client_random.empty(); });
  REQUIRE(logged != secrets.end());
  const auto& bytes = hello->message.bytes;
  CHECK(random->length == 32);
  CHECK(Bytes(bytes.begin() + static_cast<long>(random->offset),
              bytes.begin() + static_cast<long>(random->offset + random->length)) ==
        (*logged)->client_random);

  // The suite the ServerHello carries is the one Botan's session summary reports.
  const auto* server_hello = find_message(c, "server_hello");
  REQUIRE(server_hello != nullptr);
  const Field* suite = find_field(server_hello->message.fields, "cipher_suite");
  REQUIRE(suite != nullptr);
  CHECK(suite->value.find(events_of<EstablishedEvent>(c).front()->cipher_suite) !=
        std::string::npos);
  CHECK(find_field(hello->message.fields, "key_share") != nullptr);
  CHECK(find_field(hello->message.fields, "server_name") != nullptr);
}

TEST_CASE("every decoded field lies inside its message and its parent") {
  const TlsVersion version = each_tls_version();
  CAPTURE(version);
  const Timeline timeline = run_scenario(demo_scenario(version));
  const auto& c = only(timeline);
  for (const auto* m : events_of<MessageEvent>(c)) {
    CAPTURE(m->message.name);
    CHECK(m->message.error.empty());
    check_ranges(m->message.fields, 0, m->message.bytes.size(), m->message.bytes.size());
  }
}

TEST_CASE("a good chain passes every check on both sides") {
  const Timeline timeline = run_scenario(demo_scenario());
  const auto& c = only(timeline);
  const auto checks = events_of<CheckEvent>(c);
  CHECK(checks.size() > 20);
  for (const auto* check : checks) {
    CAPTURE(check->check);
    CHECK(check->passed);
  }
}

TEST_CASE(
    "an expired badge fails exactly the validity check, and the member sends certificate_expired") {
  auto spec = demo_scenario();
  spec.server.certificate.certificate.not_before = spec.now - days(400);
  spec.server.certificate.certificate.not_after = spec.now - days(1);
  const Timeline timeline = run_scenario(spec);
  const auto& c = only(timeline);
  std::vector<std::string> failed;
  for (const auto* check : events_of<CheckEvent>(c))
    if (!check->passed)
      failed.push_back(check->check + "@" + std::to_string(check->depth) + ":" + check->alert);
  CHECK(failed == std::vector<std::string>{"validity@0:certificate_expired"});
  CHECK(c.outcome == Outcome::refused);
  CHECK(c.refused_by == Side::client);
  CHECK(c.alert == "certificate_expired");
}

TEST_CASE("a badge made for clientAuth only fails the extended key usage check") {
  auto spec = demo_scenario();
  spec.server.certificate.certificate.extended_key_usage = {pki::kClientAuthOid};
  const Timeline timeline = run_scenario(spec);
  const auto& c = only(timeline);
  std::vector<std::string> failed;
  for (const auto* check : events_of<CheckEvent>(c))
    if (!check->passed) failed.push_back(check->check + ":" + check->alert);
  CHECK(failed == std::vector<std::string>{"extended_key_usage:unsupported_certificate"});
  CHECK(c.alert == "unsupported_certificate");
  CHECK(c.refused_by == Side::client);
}

TEST_CASE("a visitor without a card is refused by a TLS 1.3 club with certificate_required") {
  auto spec = demo_scenario();
  spec.members[0].card.reset();
  const Timeline timeline = run_scenario(spec);
  const auto& c = only(timeline);
  CHECK(c.outcome == Outcome::refused);
  CHECK(c.refused_by == Side::server);
  CHECK(c.alert == "certificate_required");
}

TEST_CASE("a card from an authority the club does not trust is refused with unknown_ca") {
  auto spec = demo_scenario();
  auto rogue = spec.authorities.front();
  rogue.id = "rogue_root";
  rogue.certificate.common_name = "Rogue Root CA";
  spec.authorities.push_back(rogue);
  spec.members[0].card->issuer = "rogue_root";
  const Timeline timeline = run_scenario(spec);
  const auto& c = only(timeline);
  CHECK(c.refused_by == Side::server);
  CHECK(c.alert == "unknown_ca");
}

TEST_CASE("every key the engine emits has an explanation") {
  std::vector<ScenarioSpec> specs{demo_scenario(TlsVersion::tls13),
                                  demo_scenario(TlsVersion::tls12)};
  auto expired = demo_scenario();
  expired.server.certificate.certificate.not_after = expired.now - days(1);
  specs.push_back(expired);
  auto visitor = demo_scenario();
  visitor.members[0].card.reset();
  specs.push_back(visitor);
  auto hybrid = demo_scenario();
  hybrid.members[0].groups = {"X25519MLKEM768"};
  specs.push_back(hybrid);
  std::vector<std::string> missing;
  for (const auto& spec : specs)
    for (const auto& c : run_scenario(spec).connections)
      for (const auto& e : c.events)
        for (const auto& key : explain_keys(e))
          if (find_explanation(key) == nullptr &&
              std::find(missing.begin(), missing.end(), key) == missing.end())
            missing.push_back(key);
  CHECK(missing == std::vector<std::string>{});
}

TEST_CASE("expectations are met when the visit goes as the scenario says, and not otherwise") {
  auto spec = demo_scenario();
  spec.members[0].card.reset();
  spec.members[0].expect =
      Expectation{Outcome::refused, Side::server, "certificate_required", std::nullopt};
  const Timeline timeline = run_scenario(spec);
  auto results = check_expectations(spec, timeline);
  REQUIRE(results.size() == 1);
  CHECK(results[0].met);

  spec.members[0].expect = Expectation{Outcome::admitted, std::nullopt, std::nullopt, std::nullopt};
  results = check_expectations(spec, timeline);
  CHECK_FALSE(results[0].met);
  CHECK(results[0].expected == "admitted");
  CHECK(results[0].actual == "refused");

  spec.members[0].expect = Expectation{Outcome::refused, Side::client, std::nullopt, std::nullopt};
  CHECK_FALSE(check_expectations(spec, timeline)[0].met);
}

TEST_CASE("the first failing check of an expired badge is validity") {
  auto spec = demo_scenario();
  spec.server.certificate.certificate.not_after = spec.now - days(1);
  spec.members[0].expect =
      Expectation{Outcome::refused, Side::client, "certificate_expired", "validity"};
  const Timeline timeline = run_scenario(spec);
  CHECK(first_failing_check(timeline.connections[0]) == "validity");
  CHECK(check_expectations(spec, timeline)[0].met);
}

TEST_CASE("every TLS 1.3 encrypted record opens with the keys of the secret it is labelled with") {
  auto spec = demo_scenario();
  spec.server.session_tickets = 1;
  for (const auto& group : {"x25519", "X25519MLKEM768"}) {
    spec.members[0].groups = {group};
    const Timeline timeline = run_scenario(spec);
    const auto& c = only(timeline);
    std::size_t opened = 0;
    for (const auto* r : events_of<RecordEvent>(c)) {
      if (r->phase != RecordEvent::Phase::sent || r->protection == "plaintext") continue;
      CAPTURE(r->record_id);
      REQUIRE(r->plaintext.has_value());
      ++opened;
      // What is inside is exactly the handshake messages the recorder says the record carries.
      if (r->inner_type == 22) {
        Bytes expected;
        for (const auto* m : events_of<MessageEvent>(c))
          if (m->record_id == r->record_id)
            expected.insert(expected.end(), m->message.bytes.begin(), m->message.bytes.end());
        CHECK(*r->plaintext == expected);
      }
    }
    CHECK(opened >= 6);  // two handshake flights, a ticket, request, answer, two close_notify
  }
}

TEST_CASE("an encrypted alert is read from inside its record") {
  auto spec = demo_scenario();
  spec.server.certificate.certificate.not_after = spec.now - days(1);
  const Timeline timeline = run_scenario(spec);
  const auto& c = only(timeline);
  const auto alerts = events_of<AlertEvent>(c);
  REQUIRE(alerts.size() == 1);
  CHECK(alerts[0]->name == "certificate_expired");
  CHECK(alerts[0]->code == 45);
  CHECK(alerts[0]->fatal);
}
