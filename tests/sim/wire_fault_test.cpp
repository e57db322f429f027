// Attacks on the wire, applied at delivery: each shows up as a fault event where it happened, and
// TLS notices (RFC 8446 5.2: records are authenticated; 4.4.4: Finished covers the transcript).
#include <doctest/doctest.h>

#include "simulation/simulation.h"
#include "timeline_helpers.h"

using namespace tlsclub;

namespace {

using tlsclub::test::each_tls_version;
using tlsclub::test::events_of;

WireFault fault_on(Side from, std::string message, WireFault::Action action) {
  WireFault f;
  f.from = from;
  f.message = std::move(message);
  f.action = action;
  f.offset = 30;
  return f;
}

Connection run_with(const WireFault& fault, TlsVersion version = TlsVersion::tls13) {
  RunOptions options;
  options.faults.push_back(fault);
  return run_scenario(demo_scenario(version), options).connections.front();
}

std::string verdict(const Connection& c) {
  return std::string(to_string(c.outcome)) + " by " +
         (c.refused_by ? std::string(to_string(*c.refused_by)) : std::string("nobody")) + " with " +
         c.alert.value_or("no alert");
}

}  // namespace

TEST_CASE(
    "a flipped bit in the club's encrypted flight fails record authentication: bad_record_mac") {
  const auto c = run_with(fault_on(Side::server, "certificate_verify", WireFault::Action::flip));
  CHECK(verdict(c) == "refused by client with bad_record_mac");
  const auto faults = events_of<FaultEvent>(c);
  REQUIRE(faults.size() == 1);
  CHECK(faults[0]->action == "flip");
  CHECK(faults[0]->description ==
        "flip byte 30 (mask 0x01) of the server's record carrying certificate_verify");
  // The delivered record shows the bytes that arrived, not the ones that were sent.
  const auto records = events_of<RecordEvent>(c);
  const RecordEvent* sent = nullptr;
  const RecordEvent* delivered = nullptr;
  for (const auto* r : records)
    if (r->record_id == faults[0]->record_id)
      (r->phase == RecordEvent::Phase::sent ? sent : delivered) = r;
  REQUIRE(sent != nullptr);
  REQUIRE(delivered != nullptr);
  CHECK(sent->bytes != delivered->bytes);
  CHECK(sent->bytes[30] == (delivered->bytes[30] ^ 0x01));
}

TEST_CASE(
    "a flipped bit in a plaintext ClientHello changes the transcript: the two sides derive "
    "different keys") {
  const auto c = run_with(fault_on(Side::client, "client_hello", WireFault::Action::flip));
  CHECK(c.outcome == Outcome::refused);
  CHECK(c.alert == "bad_record_mac");
  // Both sides show their own handshake secret, because they differ.
  std::size_t client_hs = 0;
  for (const auto* s : events_of<SecretEvent>(c))
    client_hs += s->name == "client_handshake_traffic_secret";
  CHECK(client_hs == 2);
}

TEST_CASE("a tampered TLS 1.2 CertificateVerify signature is refused with decrypt_error") {
  const auto c = run_with(fault_on(Side::client, "certificate_verify", WireFault::Action::flip),
                          TlsVersion::tls12);
  CHECK(verdict(c) == "refused by server with decrypt_error");
}

TEST_CASE("tampered application data is refused in both versions") {
  const TlsVersion version = each_tls_version();
  CAPTURE(version);
  const auto c =
      run_with(fault_on(Side::client, "application_data", WireFault::Action::flip), version);
  CHECK(verdict(c) == "refused by server with bad_record_mac");
}

TEST_CASE("a replayed Finished is refused: the record number is part of the protection") {
  const TlsVersion version = each_tls_version();
  CAPTURE(version);
  const auto c = run_with(fault_on(Side::client, "finished", WireFault::Action::replay), version);
  CHECK(verdict(c) == "refused by server with bad_record_mac");
}

TEST_CASE("a dropped ServerHello leaves the member waiting until it gives up") {
  auto f = fault_on(Side::server, "server_hello", WireFault::Action::drop);
  const auto c = run_with(f, TlsVersion::tls12);
  CHECK(c.outcome == Outcome::refused);
  std::size_t closed = 0;
  for (const auto* e : events_of<ClosedEvent>(c))
    closed += e->reason.find("gave up") != std::string::npos || e->reason == "sent a fatal alert";
  CHECK(closed >= 1);
}

TEST_CASE("a forged alert is shown as forged, and ends the visit") {
  auto f = fault_on(Side::server, "server_hello", WireFault::Action::inject_alert);
  f.alert = "handshake_failure";
  const auto c = run_with(f);
  CHECK(c.outcome == Outcome::refused);
  CHECK(c.alert == "handshake_failure");
  const auto alerts = events_of<AlertEvent>(c);
  REQUIRE(!alerts.empty());
  CHECK(alerts[0]->reason.find("forged") != std::string::npos);
}

TEST_CASE("reordering a record with nothing after it says so and changes nothing") {
  const auto c = run_with(fault_on(Side::server, "certificate_verify", WireFault::Action::reorder));
  CHECK(c.outcome == Outcome::admitted);
  const auto faults = events_of<FaultEvent>(c);
  REQUIRE(faults.size() == 1);
  CHECK(faults[0]->description.find("nothing changed") != std::string::npos);
}

TEST_CASE("a fault strikes one member's connection only when it names that member") {
  auto spec = demo_scenario();
  spec.members.push_back(spec.members[0]);
  spec.members[1].name = "Bob";
  RunOptions options;
  auto f = fault_on(Side::client, "finished", WireFault::Action::flip);
  f.member = "Bob";
  options.faults.push_back(f);
  const auto t = run_scenario(spec, options);
  CHECK(t.connections[0].outcome == Outcome::admitted);
  CHECK(t.connections[1].outcome == Outcome::refused);
}

TEST_CASE("the 3rd record from the client is found by number") {
  WireFault f;
  f.from = Side::client;
  f.record = 3;  // TLS 1.3 with middlebox compatibility: ClientHello, ChangeCipherSpec, the flight
  f.action = WireFault::Action::flip;
  f.offset = 20;
  const auto c = run_with(f);
  CHECK(verdict(c) == "refused by server with bad_record_mac");
}

TEST_CASE(
    "a tampered close_notify after the member said goodbye: the error is raised, never sent") {
  // The member has closed its sending half (RFC 8446 6.1), so its bad_record_mac cannot go out;
  // the visit still ends on it and is not counted as a clean one.
  WireFault f;
  f.from = Side::server;
  f.record = 5;  // ServerHello, ChangeCipherSpec, the encrypted flight, the reply, close_notify
  f.action = WireFault::Action::flip;
  f.offset = 14;
  f.mask = 0x10;
  const auto c = run_with(f);
  CHECK(verdict(c) == "refused by client with bad_record_mac");
  const auto alerts = events_of<AlertEvent>(c);
  REQUIRE(!alerts.empty());
  CHECK(alerts.back()->name == "bad_record_mac");
  CHECK_FALSE(alerts.back()->sent);
}

TEST_CASE("a record cut one byte short, its length fixed up, no longer opens: bad_record_mac") {
  const TlsVersion version = each_tls_version();
  CAPTURE(version);
  const auto c =
      run_with(fault_on(Side::client, "application_data", WireFault::Action::truncate), version);
  CHECK(verdict(c) == "refused by server with bad_record_mac");
  const auto faults = events_of<FaultEvent>(c);
  REQUIRE(faults.size() == 1);
  CHECK(faults[0]->action == "truncate");
  CHECK(faults[0]->description ==
        "cut the last byte off the client's record carrying application_data");
  // The record the club received is whole by its header, one byte shorter than the one sent.
  std::size_t sent = 0, delivered = 0;
  for (const auto* r : events_of<RecordEvent>(c))
    if (r->record_id == faults[0]->record_id)
      (r->phase == RecordEvent::Phase::sent ? sent : delivered) = r->bytes.size();
  CHECK(delivered + 1 == sent);
}
