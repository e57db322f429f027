// Revocation end to end: CRLs the authorities publish, the OCSP stamp the club staples, and what
// each side does when it requires revocation information (hard-fail).
#include <doctest/doctest.h>

#include <chrono>

#include "simulation/simulation.h"
#include "timeline_helpers.h"

using namespace tlsclub;

namespace {

using tlsclub::test::checks_named;
using tlsclub::test::each_tls_version;
using tlsclub::test::find_message;

std::chrono::seconds days(int n) {
  return std::chrono::days{n};
}

ScenarioSpec with_staple(pki::OcspStatus status, TlsVersion version = TlsVersion::tls13) {
  auto spec = demo_scenario(version);
  OcspStapleSpec staple;
  staple.answer.status = status;
  staple.answer.this_update = spec.now - days(1);
  staple.answer.next_update = spec.now + days(6);
  if (status == pki::OcspStatus::revoked) staple.answer.revocation_time = spec.now - days(2);
  spec.server.ocsp_staple = staple;
  return spec;
}

}  // namespace

TEST_CASE("a stapled good OCSP answer passes the ocsp check and Alice is admitted") {
  const Timeline t = run_scenario(with_staple(pki::OcspStatus::good));
  const auto& c = t.connections.front();
  const auto ocsp = checks_named(c, "ocsp");
  REQUIRE(ocsp.size() == 1);
  CHECK(ocsp.front()->passed);
  CHECK(ocsp.front()->by == Side::client);
  CHECK(c.outcome == Outcome::admitted);
}

TEST_CASE("a stapled revoked answer makes the member refuse the club with certificate_revoked") {
  const TlsVersion version = each_tls_version();
  CAPTURE(version);
  const Timeline t = run_scenario(with_staple(pki::OcspStatus::revoked, version));
  const auto& c = t.connections.front();
  CHECK(c.refused_by == Side::client);
  CHECK(c.alert == "certificate_revoked");
  // TLS 1.2 carries the stamp in its own CertificateStatus message (RFC 6066 8).
  if (version == TlsVersion::tls12) CHECK(find_message(c, "certificate_status") != nullptr);
}

TEST_CASE(
    "a stapled answer signed by the wrong key is caught, though Botan's own check would pass it") {
  auto spec = with_staple(pki::OcspStatus::good);
  spec.server.ocsp_staple->signed_by_wrong_key = true;
  const Timeline t = run_scenario(spec);
  const auto& c = t.connections.front();
  const auto ocsp = checks_named(c, "ocsp");
  REQUIRE(ocsp.size() == 1);
  CHECK_FALSE(ocsp.front()->passed);
  CHECK(ocsp.front()->status == "OCSP signature error");
  CHECK(c.alert == "bad_certificate_status_response");
}

TEST_CASE("a stale stapled answer fails the ocsp check") {
  auto spec = with_staple(pki::OcspStatus::good);
  spec.server.ocsp_staple->answer.this_update = spec.now - days(20);
  spec.server.ocsp_staple->answer.next_update = spec.now - days(13);
  const Timeline t = run_scenario(spec);
  CHECK(t.connections.front().alert == "bad_certificate_status_response");
}

TEST_CASE(
    "Alice's card on the district office's CRL makes the club refuse her with "
    "certificate_revoked") {
  auto spec = demo_scenario();
  CrlSpec crl;
  crl.revoked = {"Alice"};
  crl.this_update = spec.now - days(1);
  crl.next_update = spec.now + days(6);
  spec.authorities[1].crl = crl;
  const Timeline t = run_scenario(spec);
  const auto& c = t.connections.front();
  CHECK(c.refused_by == Side::server);
  CHECK(c.alert == "certificate_revoked");
  // The club's own badge is checked against the same list and passes.
  bool badge_checked = false;
  for (const auto* check : checks_named(c, "crl"))
    if (check->by == Side::client) badge_checked = check->passed;
  CHECK(badge_checked);
}

TEST_CASE("a member who requires revocation information refuses a club that has none (hard-fail)") {
  auto spec = demo_scenario();
  spec.members[0].require_revocation_info = true;
  const Timeline t = run_scenario(spec);
  const auto& c = t.connections.front();
  CHECK(c.refused_by == Side::client);
  CHECK(c.alert == "certificate_unknown");
  // Both the badge and the district office's certificate lack it; the root is a trust anchor.
  const auto missing = checks_named(c, "revocation_info");
  REQUIRE(missing.size() == 2);
  CHECK(missing[0]->depth == 0);
  CHECK(missing[1]->depth == 1);
}

TEST_CASE(
    "a club that issues session tickets sends a decoded NewSessionTicket after the handshake") {
  auto spec = demo_scenario();
  spec.server.session_tickets = 1;
  const Timeline t = run_scenario(spec);
  const auto& c = t.connections.front();
  CHECK(c.outcome == Outcome::admitted);
  CHECK(find_message(c, "new_session_ticket") != nullptr);
  for (const auto& e : c.events)
    if (const auto* m = std::get_if<MessageEvent>(&e.body);
        m && m->message.name == "new_session_ticket")
      CHECK(m->protection == "server_application_traffic_secret_0");
}

TEST_CASE("a CRL naming someone who is not in the scenario is a clear error") {
  auto spec = demo_scenario();
  CrlSpec crl;
  crl.revoked = {"Mallory"};
  spec.authorities[1].crl = crl;
  CHECK_THROWS_WITH_AS(run_scenario(spec), doctest::Contains("Mallory"), std::invalid_argument);
}
