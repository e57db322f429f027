// Certificates exported as files that openssl reads: x509 -text, verify at the scenario's clock,
// crl, ocsp -respin. Keys are private to their owner (mode 0600).
#include <sys/stat.h>

#include "export/certificates.h"
#include "export/clock_shift.h"
#include "export_test_tools.h"
#include "scenario/scenario.h"

using namespace tlsclub;
using namespace tlsclub::test;

namespace {

std::string attime(const ScenarioSpec& spec) {
  return std::to_string(spec.now.time_since_epoch().count());
}

std::string openssl_verify(const ScenarioSpec& spec, const ScratchDir& dir, const std::string& root,
                           const std::string& leaf) {
  return run_command("openssl verify -attime " + attime(spec) + " -CAfile " + (dir / root) +
                     ".crt.pem -untrusted " + (dir / leaf) + ".chain.pem " + (dir / leaf) +
                     ".crt.pem")
      .out;
}

}  // namespace

TEST_CASE("export_certificates names every file after its role and lists it in index.txt") {
  ScratchDir dir("export-certs-names");
  const auto files = export_certificates(demo_scenario(), dir.path());
  for (const char* name :
       {"town_authority.crt.pem", "town_authority.key.pem", "district_office.crt.pem",
        "district_office.key.pem", "club.example.crt.pem", "club.example.key.pem",
        "club.example.chain.pem", "club.example.trust.pem", "Alice.crt.pem", "Alice.key.pem",
        "Alice.chain.pem", "Alice.trust.pem", "index.txt"})
    CHECK_MESSAGE(std::filesystem::exists(dir.path() / name), name);
  REQUIRE(files.back().path.filename() == "index.txt");
  const std::string index = read_text(dir.path() / "index.txt");
  for (const auto& f : files) {
    CHECK(std::filesystem::exists(f.path));
    CHECK_FALSE(f.description.empty());
    if (f.path.filename() != "index.txt") CHECK(contains(index, f.path.filename().string()));
  }
  CHECK(contains(index, "-attime 1772395200"));
}

TEST_CASE("exported private keys are readable by their owner only, certificates by all") {
  ScratchDir dir("export-certs-modes");
  for (const auto& f : export_certificates(demo_scenario(), dir.path())) {
    struct stat st {};
    REQUIRE(stat(f.path.c_str(), &st) == 0);
    const bool key = f.path.filename().string().ends_with(".key.pem");
    CHECK_MESSAGE((st.st_mode & 0777) == (key ? 0600u : 0644u), f.path.string());
  }
}

TEST_CASE("the same scenario exports byte-identical files") {
  ScratchDir a("export-certs-a"), b("export-certs-b");
  const auto first = export_certificates(demo_scenario(), a.path());
  export_certificates(demo_scenario(), b.path());
  for (const auto& f : first)
    CHECK_MESSAGE(read_text(f.path) == read_text(b.path() / f.path.filename()), f.path.string());
}

TEST_CASE(
    "openssl reads every exported certificate and verifies the chains at the scenario clock") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  ScratchDir dir("export-certs-openssl");
  const auto spec = demo_scenario();
  for (const auto& f : export_certificates(spec, dir.path())) {
    const auto name = f.path.filename().string();
    if (name.ends_with(".crt.pem")) {
      const auto r = run_command("openssl x509 -noout -text -in " + f.path.string());
      CHECK_MESSAGE(r.code == 0, name, r.out);
      CHECK(contains(r.out, "Signature Algorithm: ecdsa-with-SHA256"));
    }
    if (name.ends_with(".key.pem"))
      CHECK_MESSAGE(run_command("openssl pkey -noout -in " + f.path.string()).code == 0, name);
  }
  CHECK(contains(openssl_verify(spec, dir, "town_authority", "club.example"),
                 "club.example.crt.pem: OK"));
  CHECK(contains(openssl_verify(spec, dir, "town_authority", "Alice"), "Alice.crt.pem: OK"));
  // The key belongs to the certificate: the same public key comes out of both.
  const auto from_cert = run_command("openssl x509 -noout -pubkey -in " + (dir / "Alice.crt.pem"));
  const auto from_key = run_command("openssl pkey -pubout -in " + (dir / "Alice.key.pem"));
  CHECK(from_cert.out == from_key.out);
}

TEST_CASE("openssl verify refuses an exported expired badge, as the member does") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  ScratchDir dir("export-certs-expired");
  const auto spec = library_scenario("server-faults/expired-badge.toml");
  export_certificates(spec, dir.path());
  const auto out = openssl_verify(spec, dir, "town_authority", "club.example");
  CHECK(contains(out, "certificate has expired"));
}

TEST_CASE("openssl reads an exported CRL that lists the revoked card") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  ScratchDir dir("export-certs-crl");
  const auto spec = library_scenario("revocation/card-on-crl.toml");
  const auto files = export_certificates(spec, dir.path());
  std::string crl;
  for (const auto& f : files)
    if (f.path.string().ends_with(".crl.pem")) crl = f.path.string();
  REQUIRE_FALSE(crl.empty());
  const auto r = run_command("openssl crl -noout -text -in " + crl);
  CHECK(r.code == 0);
  CHECK(contains(r.out, "Revoked Certificates:"));
  CHECK(contains(r.out, "Key Compromise"));
}

TEST_CASE("openssl ocsp reads the exported staple: revoked, and signed by the badge's issuer") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  ScratchDir dir("export-certs-ocsp");
  const auto spec = library_scenario("revocation/stapled-revoked.toml");
  export_certificates(spec, dir.path());
  REQUIRE(std::filesystem::exists(dir.path() / "club.example.ocsp.pem"));
  const auto r =
      run_command("openssl ocsp -respin " + (dir / "club.example.ocsp.der") + " -issuer " +
                  (dir / "district_office.crt.pem") + " -cert " + (dir / "club.example.crt.pem") +
                  " -VAfile " + (dir / "district_office.crt.pem") + " -no_cert_checks");
  CHECK_MESSAGE(contains(r.out, "Response verify OK"), r.out);
  // openssl checks the times against the real clock ("Status times invalid"), then reads on.
  CHECK_MESSAGE(contains(r.out, "\nrevoked\n"), r.out);
  CHECK(contains(r.out, "Reason: keyCompromise"));
  CHECK(contains(r.out, "This Update: Feb 28 20:00:00 2026 GMT"));
}

TEST_CASE("a member named like a file path stays inside the folder") {
  ScratchDir dir("export-certs-names-odd");
  auto spec = demo_scenario();
  spec.members[0].name = "../Eve and/or Mallory";
  spec.members.push_back(spec.members[0]);  // the same name twice gets a name of its own
  for (const auto& f : export_certificates(spec, dir.path()))
    CHECK(f.path.parent_path() == dir.path());
  CHECK(std::filesystem::exists(dir.path() / ".._Eve_and_or_Mallory.crt.pem") == false);
  CHECK(std::filesystem::exists(dir.path() / "_.._Eve_and_or_Mallory.crt.pem"));
  CHECK(std::filesystem::exists(dir.path() / "member-_.._Eve_and_or_Mallory.crt.pem"));
}

TEST_CASE("exporting into a file that is not a folder names it and gives a hint") {
  ScratchDir dir("export-certs-bad");
  const auto file = dir.path() / "plain-file";
  std::ofstream(file) << "x";
  try {
    export_certificates(demo_scenario(), file);
    FAIL("expected an error");
  } catch (const std::runtime_error& e) {
    CHECK(contains(e.what(), file.string()));
    CHECK(contains(e.what(), "hint"));
  }
}

TEST_CASE("tlsclub export --certs writes the folder, without an output it names the options") {
  ScratchDir dir("export-certs-cli");
  const std::string cli = TLSCLUB_CLI;
  auto r = run_command(cli + " export " + library_path("basics/queue-of-members.toml") +
                       " --certs " + (dir / "certs"));
  CHECK_MESSAGE(r.code == 0, r.out);
  CHECK(std::filesystem::exists(dir.path() / "certs" / "harbour_authority.crt.pem"));
  CHECK(std::filesystem::exists(dir.path() / "certs" / "Dave.key.pem"));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "certs" / "Bob.crt.pem"));  // a visitor
  r = run_command(cli + " export " + library_path("basics/queue-of-members.toml"));
  CHECK(r.code == 2);
  CHECK(contains(r.out, "--certs"));
  r = run_command(cli + " export /nonexistent/scenario.toml --certs " + (dir / "x"));
  CHECK(r.code == 2);
  CHECK(contains(r.out, "/nonexistent/scenario.toml"));
}

TEST_CASE("a scenario moved to another clock keeps every certificate's age") {
  auto spec = library_scenario("revocation/stapled-revoked.toml");
  const auto before = spec;
  const SimTime later = spec.now + std::chrono::days{400};
  shift_clock(spec, later);
  CHECK(spec.now == later);
  CHECK(spec.server.certificate.certificate.not_after - spec.now ==
        before.server.certificate.certificate.not_after - before.now);
  CHECK(spec.authorities[1].certificate.not_before - spec.now ==
        before.authorities[1].certificate.not_before - before.now);
  CHECK(*spec.server.ocsp_staple->answer.revocation_time - spec.now ==
        *before.server.ocsp_staple->answer.revocation_time - before.now);
  CHECK(clock_from_argument("2026-03-01T20:00:00Z") == before.now);
  CHECK_FALSE(clock_from_argument("soon").has_value());
}

TEST_CASE("certificates exported at --clock now verify with openssl at the real time") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  ScratchDir dir("export-certs-now");
  const auto r =
      run_command(std::string(TLSCLUB_CLI) + " export --clock now --certs " + dir.path().string());
  REQUIRE_MESSAGE(r.code == 0, r.out);
  const auto v =
      run_command("openssl verify -CAfile " + (dir / "town_authority.crt.pem") + " -untrusted " +
                  (dir / "club.example.chain.pem") + " " + (dir / "club.example.crt.pem"));
  CHECK_MESSAGE(contains(v.out, "club.example.crt.pem: OK"), v.out);
}

TEST_CASE("an intercepted member's impostor badge is exported next to the real one") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  ScratchDir dir("export-certs-impostor");
  const auto spec = library_scenario("wire-attacks/man-in-the-middle.toml");
  export_certificates(spec, dir.path());
  const std::string member = spec.members.at(0).name;
  REQUIRE(std::filesystem::exists(dir.path() / (member + ".impostor.crt.pem")));
  CHECK(std::filesystem::exists(dir.path() / (member + ".impostor.key.pem")));
  const auto r =
      run_command("openssl x509 -noout -subject -in " + (dir / (member + ".impostor.crt.pem")));
  CHECK(contains(r.out, "club.example"));
  CHECK(contains(read_text(dir.path() / "index.txt"), "impostor"));
}
