#include <chrono>

#include "scenario/scenario.h"

namespace tlsclub {

std::string_view to_string(ClientAuth c) {
  switch (c) {
    case ClientAuth::none:
      return "none";
    case ClientAuth::optional:
      return "optional";
    case ClientAuth::required:
      return "required";
  }
  return "none";
}

ScenarioSpec demo_scenario(TlsVersion version, std::uint64_t seed) {
  using namespace std::chrono;
  const SimTime now = *parse_time("2026-03-01T20:00:00Z");
  const auto days = [](int n) { return std::chrono::seconds{std::chrono::days{n}}; };

  ScenarioSpec s;
  s.title = "A member's first visit (mutual TLS)";
  s.summary =
      "Alice shows her membership card at club.example; the club shows its badge. Both come from "
      "the town authority through its district office, and both sides check everything.";
  s.seed = seed;
  s.now = now;
  s.max_version = version;
  s.min_version = version;

  pki::CertificateSpec root;
  root.common_name = "Town Authority Root CA";
  root.organization = "Town Authority";
  root.key_type = pki::KeyType::ecdsa_p256;
  root.not_before = now - days(3650);
  root.not_after = now + days(3650);
  root.is_ca = true;
  s.authorities.push_back({"town_authority", std::nullopt, root, std::nullopt});

  pki::CertificateSpec district = root;
  district.common_name = "District Office CA";
  district.organization = "Town Authority";
  district.not_before = now - days(1000);
  district.not_after = now + days(1000);
  district.path_length = 0;
  s.authorities.push_back({"district_office", "town_authority", district, std::nullopt});

  pki::CertificateSpec badge;
  badge.common_name = "club.example";
  badge.dns_names = {"club.example"};
  badge.key_type = pki::KeyType::ecdsa_p256;
  badge.not_before = now - days(30);
  badge.not_after = now + days(170);
  badge.extended_key_usage = {pki::kServerAuthOid};
  s.server.certificate = {"district_office", badge};
  s.server.client_auth = ClientAuth::required;
  s.server.trusted_authorities = {"town_authority"};

  MemberSpec alice;
  alice.name = "Alice";
  pki::CertificateSpec card;
  card.common_name = "Alice";
  card.organization = "TLS Club members";
  card.key_type = pki::KeyType::ecdsa_p256;
  card.not_before = now - days(10);
  card.not_after = now + days(355);
  card.extended_key_usage = {pki::kClientAuthOid};
  alice.card = EndEntitySpec{"district_office", card};
  alice.trusted_authorities = {"town_authority"};
  alice.expect = Expectation{};  // admitted
  s.members.push_back(alice);
  return s;
}

}  // namespace tlsclub
