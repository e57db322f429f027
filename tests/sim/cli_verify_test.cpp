// tlsclub verify as a user runs it, on chains openssl makes at test time and on one the engine's
// own authorities issue with a CRL: exit 0 valid, 1 naming the failing check, 2 bad input.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/drbg.h"
#include "pki/pki.h"
#include "verify_test_tools.h"

namespace {

using Result = tlsclub::test::CommandResult;

Result verify(const std::filesystem::path& dir, const std::string& args) {
  return tlsclub::test::run_command("cd '" + dir.string() + "' && '" + std::string(TLSCLUB_CLI) +
                                    "' verify --color never " + args);
}

bool has(const Result& r, const std::string& text) {
  return r.out.find(text) != std::string::npos;
}

// "<check> failed on": the verdict line names the check that decided it.
bool fails_on(const Result& r, const std::string& check) {
  return r.code == 1 && has(r, "Verdict: INVALID — " + check + " failed on");
}

#define CHAINS()                                   \
  TLSCLUB_REQUIRE_TOOL("openssl");                 \
  const auto dir = tlsclub::test::verify_chains(); \
  REQUIRE(!dir.empty())

}  // namespace

TEST_CASE("tlsclub verify accepts a good chain and prints the path and every check") {
  CHAINS();
  const auto r =
      verify(dir, "leaf.pem --untrusted inter.pem --trusted root.pem --host club.example");
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(has(r, "Verdict: VALID"));
  CHECK(has(r, "[0] leaf: CN=club.example,O=TLS Club Tests"));
  CHECK(has(r, "[2] anchor: CN=Test Root,O=TLS Club Tests"));
  CHECK(has(r, "✓ [0] CN=club.example,O=TLS Club Tests: hostname — 'club.example' matches"));
  // A fullchain.pem carries its intermediate, and the host may be an address.
  CHECK(verify(dir, "fullchain.pem --trusted root.pem --ip 2001:db8::7").code == 0);
  CHECK(verify(dir, "fullchain.pem --trusted root.pem --ip 192.0.2.7").code == 0);
}

TEST_CASE("tlsclub verify names the failing check of a bad chain") {
  CHAINS();
  const std::string trust = " --untrusted inter.pem --trusted root.pem";
  const std::time_t month_later = std::time(nullptr) + std::time_t{30} * 86400;
  const std::string later = tlsclub::test::utc_text(month_later, "%Y-%m-%dT%H:%M:%SZ");
  CHECK(fails_on(verify(dir, "short.pem" + trust + " --time " + later), "validity"));
  CHECK(fails_on(verify(dir, "leaf.pem" + trust + " --host other.example"), "hostname"));
  CHECK(fails_on(verify(dir, "leaf.pem" + trust + " --ip 192.0.2.8"), "hostname"));
  CHECK(fails_on(verify(dir, "client.pem" + trust + " --purpose server"), "extended_key_usage"));
  CHECK(verify(dir, "client.pem" + trust + " --purpose client").code == 0);
  // A root nobody trusts: missing, its issuer is unknown; sent along, it is no anchor.
  CHECK(fails_on(verify(dir, "stranger-leaf.pem --trusted root.pem"), "issuer_known"));
  CHECK(fails_on(verify(dir, "stranger-leaf.pem --untrusted stranger-root.pem --trusted root.pem"),
                 "trust_anchor"));
}

TEST_CASE("tlsclub verify finds a leaf on a DER CRL") {
  tlsclub::test::ScratchDir scratch("verify-crl");
  const auto& dir = scratch.path();
  const auto at = [](const char* t) { return *tlsclub::parse_time(t); };
  auto rng = tlsclub::make_drbg(7, "verify-crl");
  tlsclub::pki::CertificateSpec root_spec;
  root_spec.common_name = "CRL Root";
  root_spec.not_before = at("2026-01-01");
  root_spec.not_after = at("2036-01-01");
  const auto root = tlsclub::pki::make_root(root_spec, *rng);
  tlsclub::pki::CertificateSpec leaf_spec;
  leaf_spec.common_name = "club.example";
  leaf_spec.dns_names = {"club.example"};
  leaf_spec.not_before = at("2026-01-01");
  leaf_spec.not_after = at("2027-01-01");
  leaf_spec.serial = 4242;
  const auto leaf = tlsclub::pki::issue(root, leaf_spec, *rng);
  const auto crl = tlsclub::pki::make_crl(root, {{4242, at("2026-06-01")}}, at("2026-06-01"),
                                          at("2027-06-01"), 1, *rng);
  const auto write = [&](const char* name, const tlsclub::Bytes& bytes) {
    std::ofstream(dir / name, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
  };
  write("leaf.pem", tlsclub::pki::to_pem(leaf.certificate));
  write("root.pem", tlsclub::pki::to_pem(root.certificate));
  write("revoked.crl", crl);
  const std::string base =
      "leaf.pem --trusted root.pem --host club.example --time 2026-12-07T12:00:00Z";
  CHECK(verify(dir, base).code == 0);
  const auto r = verify(dir, base + " --crl revoked.crl");
  INFO(r.out);
  CHECK(fails_on(r, "crl"));
  CHECK(has(r, "certificate_revoked"));
}

TEST_CASE("tlsclub verify without a trust store says the anchor checks are not decidable") {
  CHAINS();
  const auto r = verify(dir, "fullchain.pem --host club.example --json out.json");
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK(has(r, "not decidable without a trust store"));
  CHECK(has(r, "Verdict: NOT VALID as far as can be told"));
  std::ifstream in(dir / "out.json");
  const auto j = nlohmann::json::parse(in);
  CHECK(j["format"] == "tlsclub-verify/1");
  CHECK(j["verdict"] == "undecided");
  CHECK(j["trust_store"] == false);
  CHECK(j["path"].size() == 2);
  bool undecided_seen = false;
  for (const auto& c : j["checks"]) undecided_seen = undecided_seen || c["decided"] == false;
  CHECK(undecided_seen);
}

TEST_CASE("tlsclub verify --json writes the verdict, the path and each check") {
  CHAINS();
  const auto r = verify(dir,
                        "leaf.pem --untrusted inter.pem --trusted root.pem --host nope.example "
                        "--json bad.json");
  CHECK(r.code == 1);
  std::ifstream in(dir / "bad.json");
  const auto j = nlohmann::json::parse(in);
  CHECK(j["verdict"] == "invalid");
  CHECK(j["failed_check"] == "hostname");
  CHECK(j["anchored"] == true);
  CHECK(j["path"][2]["role"] == "anchor");
  CHECK(j["checks"][0]["kind"] == "check");
}

TEST_CASE("tlsclub verify reports bad input at its file and line, exit 2") {
  CHAINS();
  {
    std::ofstream broken(dir / "broken.pem");
    broken
        << "a note\n\n-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n";
  }
  const auto r = verify(dir, "broken.pem --trusted root.pem");
  CHECK(r.code == 2);
  CHECK(has(r, "broken.pem:3: the base64 of this CERTIFICATE block is broken"));
  const auto missing = verify(dir, "leaf.pem --trusted no-such-root.pem");
  CHECK(missing.code == 2);
  CHECK(has(missing, "no-such-root.pem: cannot open the file"));
  CHECK(verify(dir, "leaf.pem --trusted root.pem --time yesterday").code == 2);
  CHECK(verify(dir, "leaf.pem --trusted root.pem --ip club.example").code == 2);
  CHECK(verify(dir, "leaf.pem --trusted root.pem --ip 192.0.2.7 --host club.example").code == 2);
}
