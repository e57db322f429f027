// Certificates from the Timeline: chains root first with the never-sent trust anchor, purposes
// with their OIDs read arc by arc, validity against the simulated clock, PEM.
#include "state/certificates.h"

#include <doctest/doctest.h>

#include "../sim/string_makers.h"
#include "harness.h"
#include "state/lesson.h"
#include "state/oid_arcs.h"

using namespace tlsclub;
using namespace tlsclub::gui;

TEST_CASE("serverAuth's OID reads arc by arc as RFC 5280 names it") {
  CHECK(oid_arcs("1.3.6.1.5.5.7.3.1") ==
        "iso(1) identified-organization(3) dod(6) internet(1) security(5) mechanisms(5) pkix(7) "
        "kp(3) serverAuth(1)");
  CHECK(oid_arcs("2.5.29.37") ==
        "joint-iso-itu-t(2) ds(5) certificateExtension(29) extKeyUsage(37)");
  CHECK(oid_arcs("1.3.6.1.4.1.99999") ==
        "iso(1) identified-organization(3) dod(6) internet(1) private(4) enterprise(1) 99999");
}

TEST_CASE("extended key usage text becomes purposes with OID, name and arcs") {
  const auto p = parse_purposes("1.3.6.1.5.5.7.3.1 (serverAuth), 1.3.6.1.5.5.7.3.2 (clientAuth)");
  REQUIRE(p.size() == 2);
  CHECK(p[0].oid == "1.3.6.1.5.5.7.3.1");
  CHECK(p[0].name == "serverAuth");
  CHECK(p[1].name == "clientAuth");
  CHECK(p[1].arcs.ends_with("kp(3) clientAuth(2)"));
  CHECK(parse_purposes("absent (no limit)").empty());
}

TEST_CASE("the demo's chains: the badge under the district office, under the trusted root") {
  const Lesson lesson = demo_lesson();
  const auto chains = chains_of(lesson.timeline.connections[0]);
  REQUIRE(chains.size() == 2);
  const Chain& badge = chains[0];
  CHECK(badge.owner == Side::server);
  REQUIRE(badge.cards.size() == 3);
  CHECK_FALSE(badge.cards[0].sent);  // the root: a trust anchor, never on the wire
  CHECK(badge.cards[0].subject.find("Town Authority Root CA") != std::string::npos);
  CHECK(badge.cards[0].not_before.has_value());  // dates read from its validity check
  CHECK(badge.cards[1].subject.find("District Office CA") != std::string::npos);
  const CertificateCard& leaf = badge.cards[2];
  CHECK(leaf.subject.find("club.example") != std::string::npos);
  CHECK(leaf.subject_alt_name == "club.example");
  REQUIRE(leaf.purposes.size() == 1);
  CHECK(leaf.purposes[0].name == "serverAuth");
  CHECK(leaf.der.size() > 300);
  CHECK(leaf.der[0] == 0x30);  // a DER SEQUENCE
  const auto inside = validity_fraction(leaf, lesson.timeline.clock);
  REQUIRE(inside.has_value());
  CHECK(*inside > 0.0);
  CHECK(*inside < 1.0);
  CHECK(chains[1].owner == Side::client);
  CHECK(chains[1].cards.back().purposes.at(0).name == "clientAuth");
}

TEST_CASE("an expired card's validity lies before the clock") {
  LessonResult result = open_lesson(test::scenarios_dir() / "client-faults/expired-card.toml");
  REQUIRE(std::holds_alternative<Lesson>(result));
  const Lesson& lesson = std::get<Lesson>(result);
  const auto chains = chains_of(lesson.timeline.connections[0]);
  const Chain* card = nullptr;
  for (const Chain& c : chains)
    if (c.owner == Side::client) card = &c;
  REQUIRE(card != nullptr);
  const auto at = validity_fraction(card->cards.back(), lesson.timeline.clock);
  REQUIRE(at.has_value());
  CHECK(*at > 1.0);
}

TEST_CASE("PEM is base64 of the DER in 64-character lines between the RFC 7468 labels") {
  const Bytes der = {'M', 'a', 'n'};
  CHECK(to_pem(der) == "-----BEGIN CERTIFICATE-----\nTWFu\n-----END CERTIFICATE-----\n");
  CHECK(to_pem(Bytes{'M', 'a'}).find("\nTWE=\n") != std::string::npos);
  CHECK(to_pem(Bytes{'M'}).find("\nTQ==\n") != std::string::npos);
  const Bytes long_der(100, 0);
  const std::string pem = to_pem(long_der);
  CHECK(pem.find(std::string(64, 'A') + "\n") != std::string::npos);
}
