// The classroom kit: the town authority a class imports into its browsers, the same name and key
// as the scenario's (so the club's chains lead to it), constrained to the scenario's own names
// under .example and .test, checked with openssl verify.
#include <botan/data_src.h>
#include <botan/pkix_types.h>
#include <botan/x509cert.h>

#include "export/certificates.h"
#include "export/classroom.h"
#include "export_test_tools.h"
#include "scenario/cast.h"
#include "scenario/scenario.h"

using namespace tlsclub;
using namespace tlsclub::test;

namespace {

std::string openssl_verify(const ScenarioSpec& spec, const std::string& root,
                           const ScratchDir& certs) {
  return run_command("openssl verify -attime " +
                     std::to_string(spec.now.time_since_epoch().count()) + " -CAfile " + root +
                     " -untrusted " + (certs / "club.example.chain.pem") + " " +
                     (certs / "club.example.crt.pem"))
      .out;
}

}  // namespace

TEST_CASE("classroom names are the reserved ones: under .example or .test") {
  for (const char* good : {"club.example", "Club.EXAMPLE.", "a.b.test", "example", "test"})
    CHECK_MESSAGE(is_classroom_name(good), good);
  for (const char* bad : {"", "badexample", "example.com", "club.example.com", "testing",
                          "club.test.org", "www.bank.com", "club.example.."})
    CHECK_FALSE_MESSAGE(is_classroom_name(bad), bad);
}

TEST_CASE("the classroom authority is the scenario's root with the same key, name-constrained") {
  const ScenarioSpec spec = demo_scenario();
  const ClassroomKit kit = classroom_kit(spec);
  CHECK(kit.names == std::vector<std::string>{"club.example"});
  REQUIRE(kit.authorities.size() == 1);
  CHECK(kit.authorities[0].id == "town_authority");

  const Cast cast = build_cast(spec);
  const auto& original = cast.authorities.at("town_authority").certificate;
  Botan::DataSource_Memory pem(kit.authorities[0].pem);
  const Botan::X509_Certificate classroom(pem);
  CHECK(classroom.subject_dn().to_string() == original.subject_dn().to_string());
  CHECK(classroom.subject_public_key_bits() == original.subject_public_key_bits());
  CHECK(classroom.subject_key_id() == original.subject_key_id());
  CHECK_FALSE(
      original.v3_extensions().extension_set(Botan::OID::from_string("X509v3.NameConstraints")));
  CHECK(classroom.is_critical("X509v3.NameConstraints"));

  TLSCLUB_REQUIRE_TOOL("openssl");
  ScratchDir dir("classroom-constraints");
  std::ofstream(dir / "root.pem") << kit.authorities[0].pem;
  const auto text =
      run_command("openssl x509 -noout -ext nameConstraints -in " + (dir / "root.pem"));
  CAPTURE(text.out);
  CHECK(contains(text.out, "X509v3 Name Constraints: critical"));
  CHECK(contains(text.out, "Permitted:\n      DNS:club.example\n"));
}

TEST_CASE("every name the scenario uses is permitted, a wildcard's as its domain") {
  ScenarioSpec spec = demo_scenario();
  spec.server.certificate.certificate.dns_names = {"club.example", "*.rooms.club.test"};
  spec.members.front().server_name = "CLUB.example.";
  CHECK(classroom_kit(spec).names == std::vector<std::string>{"club.example", "rooms.club.test"});
}

TEST_CASE("a name outside .example and .test is refused, saying where it comes from") {
  ScenarioSpec spec = demo_scenario();
  spec.members.front().server_name = "www.bank.com";
  CHECK_THROWS_WITH_AS(classroom_kit(spec),
                       doctest::Contains("member Alice's server_name names 'www.bank.com'"),
                       ClassroomError);
  spec = demo_scenario();
  spec.server.certificate.certificate.dns_names = {"club.example", "mail.example.org"};
  CHECK_THROWS_WITH_AS(classroom_kit(spec),
                       doctest::Contains("the club's badge names 'mail.example.org'"),
                       ClassroomError);
}

TEST_CASE("export_classroom writes the authority and a README naming the names and the steps") {
  ScratchDir dir("classroom-files");
  const auto files = export_classroom(demo_scenario(), dir.path());
  REQUIRE(files.size() == 2);
  CHECK(files[0].path.filename() == "classroom-town_authority.crt.pem");
  CHECK(files[1].path.filename() == "README.txt");
  const std::string readme = read_text(files[1].path);
  CHECK(contains(readme, "ADDRESS  club.example"));
  CHECK(contains(readme, "--clock now --listen 0.0.0.0"));
  CHECK(contains(readme, "Trust this CA to identify websites"));
  CHECK(contains(readme, "remove it"));
}

TEST_CASE("openssl verify: the club's chain leads to the classroom authority, another name not") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  ScratchDir kit("classroom-kit"), good("classroom-good"), rogue("classroom-rogue");
  const ScenarioSpec spec = demo_scenario();
  const std::string root = kit / "classroom-town_authority.crt.pem";
  export_classroom(spec, kit.path());
  export_certificates(spec, good.path());
  CHECK(contains(openssl_verify(spec, root, good), ": OK"));

  // The same authorities (same seed, so the same keys) sign a badge for a real site's name: the
  // scenario's own root would vouch for it, the classroom authority must not.
  ScenarioSpec bank = spec;
  auto& badge = bank.server.certificate.certificate;
  badge.common_name = "www.bank.com";
  badge.dns_names = {"www.bank.com"};
  export_certificates(bank, rogue.path());
  std::filesystem::copy_file(rogue / "www.bank.com.crt.pem", rogue / "club.example.crt.pem");
  std::filesystem::copy_file(rogue / "www.bank.com.chain.pem", rogue / "club.example.chain.pem");
  CHECK(contains(openssl_verify(bank, rogue / "town_authority.crt.pem", rogue), ": OK"));
  const std::string refused = openssl_verify(bank, root, rogue);
  CHECK_MESSAGE(contains(refused, "permitted subtree violation"), refused);
}

TEST_CASE("tlsclub export --classroom: files for now, a located error for a real name") {
  const std::string cli = TLSCLUB_CLI;
  ScratchDir dir("classroom-cli");
  auto r = run_command(cli + " export " + library_path("server-faults/expired-badge.toml") +
                       " --classroom " + (dir / "kit"));
  REQUIRE_MESSAGE(r.code == 0, r.out);
  CHECK(contains(r.out, "wrote 2 files to"));
  CHECK(std::filesystem::exists(dir.path() / "kit" / "classroom-town_authority.crt.pem"));

  const std::string scenario = dir / "bank.toml";
  {
    std::ofstream out(scenario);
    out << "format = 1\n[scenario]\ntitle = \"Bank\"\n[[authority]]\nid = \"town_authority\"\n"
           "name = \"Town Authority Root CA\"\n[server]\nname = \"www.bank.com\"\n"
           "issuer = \"town_authority\"\n[[member]]\nname = \"Alice\"\n"
           "server_name = \"www.bank.com\"\n";
  }
  r = run_command(cli + " export " + scenario + " --classroom " + (dir / "bank-kit"));
  CHECK(r.code == 2);
  CHECK_MESSAGE(contains(r.out, "bank.toml: the club's badge names 'www.bank.com'"), r.out);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "bank-kit"));
}
