// A device's limit on badge lifetimes (max_badge_lifetime_days): the lifetime check, its boundary
// (notBefore to notAfter, to the second), and that a member without a limit makes no such check.
#include <doctest/doctest.h>

#include <chrono>

#include "simulation/simulation.h"
#include "timeline/check_names.h"
#include "timeline_helpers.h"

using namespace tlsclub;

namespace {

using tlsclub::test::checks_named;
using tlsclub::test::each_tls_version;

// The demo club with a badge living `lifetime` from yesterday, and a member allowing 398 days.
ScenarioSpec badge_living(std::chrono::seconds lifetime, TlsVersion version,
                          std::optional<int> limit = 398) {
  ScenarioSpec spec = demo_scenario(version);
  auto& badge = spec.server.certificate.certificate;
  badge.not_before = spec.now - std::chrono::days{1};
  badge.not_after = badge.not_before + lifetime;
  for (MemberSpec& m : spec.members) {
    m.max_badge_lifetime_days = limit;
    m.expect.reset();
  }
  return spec;
}

}  // namespace

TEST_CASE("a badge living exactly the limit passes, one second more fails the lifetime check") {
  const TlsVersion version = each_tls_version();
  CAPTURE(version);
  const auto limit = std::chrono::days{398};

  const Timeline within = run_scenario(badge_living(limit, version));
  const auto passed = checks_named(within.connections.front(), std::string(checks::lifetime));
  REQUIRE(passed.size() == 1);
  CHECK(passed.front()->passed);
  CHECK(passed.front()->reason.find("398 days") != std::string::npos);
  CHECK(within.connections.front().outcome == Outcome::admitted);

  const Timeline over = run_scenario(badge_living(limit + std::chrono::seconds{1}, version));
  const Connection& c = over.connections.front();
  const auto failed = checks_named(c, std::string(checks::lifetime));
  REQUIRE(failed.size() == 1);
  CHECK_FALSE(failed.front()->passed);
  CHECK(failed.front()->by == Side::client);
  CHECK(failed.front()->depth == 0);
  CHECK(c.outcome == Outcome::refused);
  CHECK(c.refused_by == Side::client);
  CHECK(c.alert == "bad_certificate");
}

TEST_CASE("a member without a limit makes no lifetime check, however long the badge lives") {
  const Timeline t =
      run_scenario(badge_living(std::chrono::days{3650}, TlsVersion::tls13, std::nullopt));
  CHECK(checks_named(t.connections.front(), std::string(checks::lifetime)).empty());
  CHECK(t.connections.front().outcome == Outcome::admitted);
}
