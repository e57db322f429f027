// What the secrets panel, the certificate notes and the myth box say about the certificates' keys
// is chosen by the key exchange the run shows (review items 1, 2, 4, 6): RSA key transport
// decrypts with the badge's key, TLS 1.2 (EC)DHE signs ServerKeyExchange, TLS 1.3 signs
// CertificateVerify, a hybrid group has an ML-KEM half, and a resumed visit uses no certificate.
// Every library scenario runs in both versions (forced where its file names one, as
// `tlsclub run --tls` does), and each visit's classification is held against what the run did.
#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "../sim/string_makers.h"
#include "harness.h"
#include "scenario/loader.h"
#include "simulation/simulation.h"
#include "state/certificates.h"
#include "state/checklist.h"
#include "state/key_schedule.h"

using namespace tlsclub;
using namespace tlsclub::gui;

namespace {

bool has(std::string_view text, std::string_view what) {
  return text.find(what) != std::string_view::npos;
}

bool sent(const Connection& c, Side from, std::string_view message) {
  for (const Event& e : c.events)
    if (const auto* m = std::get_if<MessageEvent>(&e.body);
        m != nullptr && m->from == from && m->message.name == message)
      return true;
  return false;
}

const EstablishedEvent* established(const Connection& c) {
  for (const Event& e : c.events)
    if (const auto* done = std::get_if<EstablishedEvent>(&e.body)) return done;
  return nullptr;
}

// What the visit did, read from other evidence than the classification reads: the scenario (a
// member who comes back) and the engine's own summary of the handshake (EstablishedEvent).
// Nothing when the visit was refused after the ServerHello, before anything was established.
std::optional<KeyExchangeKind> expected_kind(const MemberSpec& member, const Connection& c) {
  if (!sent(c, Side::server, "server_hello")) return KeyExchangeKind::not_yet;
  if (member.resumes && !sent(c, Side::server, "certificate")) return KeyExchangeKind::resumed;
  const EstablishedEvent* done = established(c);
  if (done == nullptr) return std::nullopt;
  if (done->cipher_suite.starts_with("TLS_RSA_")) return KeyExchangeKind::rsa_transport;
  if (done->group == "X25519MLKEM768") return KeyExchangeKind::hybrid_kem;
  return KeyExchangeKind::ecdhe;
}

std::string resumed_notes(const Connection& c, std::size_t step) {
  std::string notes = no_certificate_note(c, step);
  for (const Checklist& list : checklists(c, step)) notes += " | " + list.note;
  return notes;
}

// One visit: its classification at the end, the texts chosen for it, and the resumption notes at
// every step.
void check_visit(const std::string& name, const MemberSpec& member, const Connection& c,
                 std::map<std::string, int>& seen) {
  INFO(name, ", ", c.client);
  const KeyRoles roles = key_roles(c);
  const std::string heading = key_shares_heading(roles), note = key_roles_note(roles);
  INFO(heading);
  INFO(note);
  if (const auto expected = expected_kind(member, c))
    CHECK(roles.kind == *expected);
  else  // refused after the ServerHello: a key exchange was chosen, and not a resumption
    CHECK((roles.kind != KeyExchangeKind::not_yet && roles.kind != KeyExchangeKind::resumed));
  if (const EstablishedEvent* done = established(c))
    CHECK(roles.tls12 == (done->version == "TLS 1.2"));

  CHECK((myth_key(roles.kind) == "myth.certificate_encrypts_traffic_rsa") ==
        (roles.kind == KeyExchangeKind::rsa_transport));
  CHECK(has(note, "RFC "));
  CHECK((has(heading, "RFC ") || has(heading, "draft-ietf-tls-ecdhe-mlkem")));
  switch (roles.kind) {
    case KeyExchangeKind::rsa_transport:
      ++seen["RSA key transport"];
      CHECK(has(note, "decrypts the premaster secret"));
      CHECK(has(note, "RFC 5246 7.4.7.1"));
      CHECK(has(note, "no forward secrecy"));
      CHECK_FALSE(has(note, "only signs the"));
      CHECK_FALSE(has(heading, "(EC)DHE exchange"));
      CHECK(has(heading, "premaster secret"));
      break;
    case KeyExchangeKind::resumed:
      ++seen[roles.tls12 ? "TLS 1.2 resumed" : "TLS 1.3 resumed"];
      CHECK(has(note, "No certificate in this visit"));
      CHECK(has(note, roles.tls12 ? "RFC 5246 7.3" : "RFC 8446 2.2"));
      CHECK_FALSE(has(note, "ServerKeyExchange"));
      break;
    case KeyExchangeKind::not_yet:
      ++seen["no ServerHello"];
      CHECK(has(note, "No key exchange was agreed"));  // the visit is over: no "yet"
      CHECK_FALSE(has(note, "yet"));
      CHECK(has(key_roles_note(key_roles(c, 0)), "has not chosen the key exchange yet"));
      break;
    case KeyExchangeKind::hybrid_kem:
    case KeyExchangeKind::ecdhe:
    case KeyExchangeKind::dhe:
      ++seen[std::string(roles.tls12 ? "TLS 1.2 " : "TLS 1.3 ") +
             (roles.kind == KeyExchangeKind::hybrid_kem ? "hybrid" : "(EC)DHE")];
      CHECK(has(note, roles.tls12 ? "ServerKeyExchange (RFC 5246 7.4.3)"
                                  : "only signs the handshake transcript (CertificateVerify, RFC "
                                    "8446 4.4.3)"));
      CHECK_FALSE(has(note, "decrypts"));
      break;
  }
  CHECK(has(heading, "ML-KEM") == (roles.group == "X25519MLKEM768"));
  // The member's card key is named exactly when it signed.
  CHECK(roles.card_signed == sent(c, Side::client, "certificate_verify"));
  CHECK(has(note, "card key") == roles.card_signed);
  if (roles.card_signed) seen["card signed"]++;

  // "yet" and the resumption note: before the ServerHello nobody knows a certificate will not
  // come; from it on a resumed visit says why none does, and no other visit says so.
  const bool resumed = roles.kind == KeyExchangeKind::resumed;
  for (std::size_t step = 0; step <= c.steps; ++step) {
    CAPTURE(step);
    const KeyRoles now = key_roles(c, step);
    const std::string notes = resumed_notes(c, step);
    CHECK(has(notes, "resumes an earlier") == (now.kind == KeyExchangeKind::resumed));
    if (!resumed) CHECK(now.kind != KeyExchangeKind::resumed);
    if (now.kind == KeyExchangeKind::not_yet) CHECK_FALSE(has(notes, "resumes"));
  }
  if (resumed) {
    CHECK(resumption_note(roles) == no_certificate_note(c, c.steps));
    CHECK_FALSE(has(no_certificate_note(c, c.steps), "yet"));
    for (const Checklist& list : checklists(c, c.steps)) CHECK_FALSE(has(list.note, "yet"));
  }
}

}  // namespace

TEST_CASE("every library scenario, both versions: the key roles told are the run's") {
  const auto files = scenario_files_in(test::scenarios_dir());
  REQUIRE(files.size() >= 50);
  std::map<std::string, int> seen;
  for (const auto& file : files) {
    auto loaded = load_scenario_file(file);
    REQUIRE_MESSAGE(std::holds_alternative<ScenarioSpec>(loaded), file.string());
    for (const auto version : {TlsVersion::tls12, TlsVersion::tls13}) {
      ScenarioSpec spec = std::get<ScenarioSpec>(loaded);
      spec.min_version = spec.max_version = version;
      const Timeline t = run_scenario(spec);
      const std::string name =
          file.filename().string() + (version == TlsVersion::tls13 ? " (TLS 1.3)" : " (TLS 1.2)");
      REQUIRE(t.connections.size() == spec.members.size());
      for (std::size_t i = 0; i < t.connections.size(); ++i)
        check_visit(name, spec.members[i], t.connections[i], seen);
    }
  }
  // Every kind of visit the texts distinguish was met, or this test checked little.
  for (const char* kind :
       {"RSA key transport", "TLS 1.2 (EC)DHE", "TLS 1.3 (EC)DHE", "TLS 1.3 hybrid",
        "TLS 1.3 resumed", "TLS 1.2 resumed", "no ServerHello", "card signed"}) {
    CAPTURE(kind);
    CHECK(seen[kind] > 0);
  }
}

TEST_CASE("the RSA key exchange scenario: the badge's key decrypts, and the myth box says so") {
  auto loaded = load_scenario_file(test::scenarios_dir() / "versions/rsa-key-exchange-tls12.toml");
  REQUIRE(std::holds_alternative<ScenarioSpec>(loaded));
  const Connection c = run_scenario(std::get<ScenarioSpec>(loaded)).connections.at(0);
  CHECK(key_exchange_of(c, 0) == KeyExchangeKind::not_yet);
  CHECK(key_exchange_of(c) == KeyExchangeKind::rsa_transport);
  CHECK(myth_key(key_exchange_of(c)) == "myth.certificate_encrypts_traffic_rsa");
  CHECK(myth_key(KeyExchangeKind::ecdhe) == "myth.certificate_encrypts_traffic");
  const KeySchedule ks = key_schedule(c, c.steps);
  REQUIRE(ks.shares.size() == 1);
  CHECK(ks.shares[0].message == "client_key_exchange");
}

TEST_CASE("the hybrid shares are labelled by what each side sends") {
  auto loaded = load_scenario_file(test::scenarios_dir() / "versions/hybrid-x25519mlkem768.toml");
  REQUIRE(std::holds_alternative<ScenarioSpec>(loaded));
  const Connection c = run_scenario(std::get<ScenarioSpec>(loaded)).connections.at(0);
  const KeySchedule ks = key_schedule(c, c.steps);
  REQUIRE(ks.shares.size() == 2);
  CHECK(has(ks.shares[0].group, "encapsulation key"));
  CHECK(has(ks.shares[1].group, "ML-KEM-768 ciphertext"));
}

TEST_CASE("a TLS 1.2 DHE suite and a TLS 1.3 finite-field group are DHE") {
  // No policy of the simulator offers them; a hand-made ServerHello stands in.
  const auto visit = [](std::vector<Field> fields) {
    MessageEvent hello;
    hello.from = Side::server;
    hello.message.name = "server_hello";
    hello.message.fields = std::move(fields);
    Connection c;
    c.events.push_back(Event{0, 1, {}, hello});
    return key_roles(c);
  };
  const auto field = [](const char* name, const char* value) {
    return Field{name, value, 0, 0, "", {}};
  };
  const KeyRoles tls12 =
      visit({field("cipher_suite", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 (0x009e)")});
  CHECK(tls12.kind == KeyExchangeKind::dhe);
  CHECK(tls12.tls12);
  CHECK(has(key_roles_note(tls12), "DHE share in ServerKeyExchange (RFC 5246 7.4.3)"));
  const KeyRoles tls13 = visit({field("selected_version", "0x0304 (TLS 1.3)"),
                                field("key_share_entry", "ffdhe2048 (256 bytes)")});
  CHECK(tls13.kind == KeyExchangeKind::dhe);
  CHECK_FALSE(tls13.tls12);
  CHECK(has(key_shares_heading(tls13), "DHE (ffdhe2048) exchange"));
  CHECK(has(key_roles_note(tls13), "CertificateVerify"));
}
