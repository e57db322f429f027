// Scenario files: what a good file gives, and for each kind of mistake the stable error id and
// the exact place (file:line:col) a trainer is sent to.
#include <doctest/doctest.h>

#include <algorithm>
#include <variant>

#include "scenario/loader.h"
#include "scenario_text_tools.h"
#include "string_makers.h"

using tlsclub::test::errors_of;
using tlsclub::test::kSmallScenario;
using tlsclub::test::replace;
using tlsclub::test::spec_of;

namespace {

using tlsclub::LoadError;
using tlsclub::ScenarioSpec;

struct Broken {
  const char* name;
  std::string text;
  const char* id;
  int line;
  int column;
  const char* message;  // a part of the message
};

}  // namespace

TEST_CASE("a minimal scenario loads with the documented defaults") {
  const auto spec = spec_of(kSmallScenario);
  CHECK(spec.title == "t");
  CHECK(spec.source == "good.toml");
  CHECK(tlsclub::format_time(spec.now) == "2026-03-01T20:00:00Z");
  REQUIRE(spec.authorities.size() == 1);
  CHECK_FALSE(spec.authorities[0].parent);
  CHECK(spec.server.certificate.certificate.dns_names == std::vector<std::string>{"club.example"});
  CHECK(spec.server.certificate.certificate.extended_key_usage ==
        std::vector<std::string>{tlsclub::pki::kServerAuthOid});
  CHECK(spec.server.certificate.certificate.not_before ==
        spec.now - std::chrono::seconds{std::chrono::days{30}});
  REQUIRE(spec.members.size() == 1);
  CHECK(spec.members[0].server_name == "club.example");
  CHECK(spec.members[0].trusted_authorities == std::vector<std::string>{"root"});
  CHECK_FALSE(spec.members[0].card);
  CHECK_FALSE(spec.members[0].expect);
}

TEST_CASE("times are absolute, TOML dates, or offsets from the clock") {
  auto text = replace(kSmallScenario, "issuer = \"root\"",
                      "issuer = \"root\"\nvalid_from = -1s\nvalid_until = 2027-01-02T03:04:05Z");
  text = replace(text, "valid_from = -1s", "valid_from = \"-1s\"");
  const auto spec = spec_of(text);
  const auto& c = spec.server.certificate.certificate;
  CHECK(c.not_before == spec.now - std::chrono::seconds{1});
  CHECK(tlsclub::format_time(c.not_after) == "2027-01-02T03:04:05Z");
  const auto weeks = spec_of(replace(kSmallScenario, "issuer = \"root\"",
                                     "issuer = \"root\"\nvalid_until = \"+2w\"\nvalid_from = 0"));
  CHECK(weeks.server.certificate.certificate.not_after ==
        weeks.now + std::chrono::seconds{std::chrono::days{14}});
  CHECK(weeks.server.certificate.certificate.not_before == weeks.now);
}

TEST_CASE("tls is one version or the lowest and highest") {
  auto spec = spec_of(replace(kSmallScenario, "title = \"t\"", "title = \"t\"\ntls = \"1.2\""));
  CHECK(spec.min_version == tlsclub::TlsVersion::tls12);
  CHECK(spec.max_version == tlsclub::TlsVersion::tls12);
  spec =
      spec_of(replace(kSmallScenario, "title = \"t\"", "title = \"t\"\ntls = [\"1.2\", \"1.3\"]"));
  CHECK(spec.min_version == tlsclub::TlsVersion::tls12);
  CHECK(spec.max_version == tlsclub::TlsVersion::tls13);
}

TEST_CASE("extended key usage takes names and dotted OIDs") {
  const auto spec = spec_of(replace(kSmallScenario, "issuer = \"root\"",
                                    "issuer = \"root\"\nextended_key_usage = "
                                    "[\"serverAuth\", \"OCSPSigning\", \"1.2.3.4\"]"));
  CHECK(spec.server.certificate.certificate.extended_key_usage ==
        std::vector<std::string>{"1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.9", "1.2.3.4"});
}

TEST_CASE("each kind of mistake gives its id at the exact line and column") {
  const std::vector<Broken> cases = {
      {"syntax", replace(kSmallScenario, "title = \"t\"", "title = \"t"), "syntax", 3, 11,
       "unescaped control characters"},
      {"unknown key", replace(kSmallScenario, "issuer = \"root\"", "isuer = \"root\""),
       "unknown-key", 10, 1, "unknown key `isuer` in [server]"},
      {"wrong type", replace(kSmallScenario, "title = \"t\"", "title = \"t\"\nseed = \"one\""),
       "wrong-type", 4, 8, "`seed` must be an integer, not a string"},
      {"missing issuer", replace(kSmallScenario, "issuer = \"root\"\n", ""), "missing-key", 8, 1,
       "[server] needs `issuer`"},
      {"dangling issuer", replace(kSmallScenario, "issuer = \"root\"", "issuer = \"rot\""),
       "dangling-reference", 10, 10, "issuer `rot` is not an [[authority]] id"},
      {"dangling trust",
       replace(kSmallScenario, "name = \"Alice\"",
               "name = \"Alice\"\ntrusted_authorities = [\"x\"]"),
       "dangling-reference", 13, 24, "trusted authority `x`"},
      {"cycle",
       replace(kSmallScenario, "name = \"Root CA\"", "name = \"Root CA\"\nissuer = \"root\""),
       "cycle", 8, 10, "root → root"},
      {"bad date",
       replace(kSmallScenario, "issuer = \"root\"", "issuer = \"root\"\nvalid_from = \"-30x\""),
       "bad-date", 11, 14, "`valid_from` = \"-30x\" is not a date"},
      {"bad enum",
       replace(kSmallScenario, "issuer = \"root\"", "issuer = \"root\"\nclient_auth = \"requird\""),
       "bad-enum", 11, 15, "`client_auth` = \"requird\" is not allowed"},
      {"unsupported format", replace(kSmallScenario, "format = 1", "format = 2"),
       "unsupported-format", 1, 10, "unsupported format version"},
      {"duplicate member", kSmallScenario + "[[member]]\nname = \"Alice\"\n", "duplicate", 14, 8,
       "member name `Alice` is used twice"},
      {"duplicate authority",
       replace(kSmallScenario, "[server]", "[[authority]]\nid = \"root\"\nname = \"R2\"\n[server]"),
       "duplicate", 9, 6, "authority id `root` is used twice"},
      {"validity order",
       replace(kSmallScenario, "issuer = \"root\"",
               "issuer = \"root\"\nvalid_from = \"+1d\"\nvalid_until = \"-1d\""),
       "bad-validity", 12, 15, "`valid_until` comes before `valid_from`"},
      {"unknown group",
       replace(kSmallScenario, "name = \"Alice\"", "name = \"Alice\"\ngroups = [\"x25518\"]"),
       "bad-enum", 13, 11, "`groups` = \"x25518\""},
      {"unknown signature scheme",
       replace(kSmallScenario, "name = \"Alice\"",
               "name = \"Alice\"\nsignature_algorithms = [\"ed25518\"]"),
       "bad-enum", 13, 25, "`signature_algorithms` = \"ed25518\""},
      {"no signature scheme",
       replace(kSmallScenario, "issuer = \"root\"", "issuer = \"root\"\nsignature_algorithms = []"),
       "bad-value", 11, 24, "`signature_algorithms` is empty"},
      {"crl lists a stranger",
       replace(kSmallScenario, "name = \"Root CA\"",
               "name = \"Root CA\"\ncrl = { revoked = [\"Alicia\"] }"),
       "dangling-reference", 8, 20, "the CRL lists `Alicia`"},
      {"no format", replace(kSmallScenario, "format = 1\n", ""), "missing-key", 1, 1,
       "`format = 1`"},
  };
  for (const auto& c : cases) {
    SUBCASE(c.name) {
      const auto errors = errors_of(c.text);
      // The error the case is about (others may follow from it: a misspelt key leaves one missing).
      const auto e = std::find_if(errors.begin(), errors.end(),
                                  [&](const LoadError& x) { return x.id == c.id; });
      REQUIRE_MESSAGE(e != errors.end(), (errors.empty() ? "no error" : errors[0].to_string()));
      INFO(e->to_string());
      CHECK(e->file == "broken.toml");
      CHECK(e->line == c.line);
      CHECK(e->column == c.column);
      CHECK(e->message.find(c.message) != std::string::npos);
    }
  }
}

TEST_CASE("an unknown key names the key it probably meant") {
  const auto errors = errors_of(replace(kSmallScenario, "issuer = \"root\"", "isuer = \"root\""));
  REQUIRE(errors.size() == 2);  // and so [server] has no issuer
  CHECK(errors[0].to_string() ==
        "broken.toml:8:1: error[missing-key]: [server] needs `issuer` (add `issuer = ...` to this "
        "table)");
  CHECK(errors[1].to_string() ==
        "broken.toml:10:1: error[unknown-key]: unknown key `isuer` in [server] (did you mean "
        "`issuer`?)");
}

TEST_CASE("a misspelt table is an unknown key at the top level") {
  const auto errors = errors_of(replace(kSmallScenario, "[server]", "[servr]"));
  REQUIRE(errors.size() == 2);  // and so the file has no [server]
  CHECK(errors[1].to_string() ==
        "broken.toml:8:2: error[unknown-key]: unknown key `servr` at the top level (did you mean "
        "`server`?)");
}

TEST_CASE("a required table written as [[name]] says how to write it") {
  const auto errors = errors_of(replace(kSmallScenario, "[server]", "[[server]]"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].to_string() ==
        "broken.toml:8:1: error[wrong-type]: `server` must be a table, not an array (write one "
        "[server] header, not [[server]])");
  const auto missing = errors_of(replace(kSmallScenario, "[scenario]\ntitle = \"t\"\n", ""));
  REQUIRE_FALSE(missing.empty());
  CHECK(missing[0].to_string() ==
        "broken.toml:1:1: error[missing-key]: the file needs a [scenario] table (add [scenario] "
        "with at least `title = \"...\"`)");
}

TEST_CASE("a bad enum value lists the allowed ones") {
  const auto errors = errors_of(
      replace(kSmallScenario, "issuer = \"root\"", "issuer = \"root\"\nkey = \"ecdsa_p265\""));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].hint ==
        "did you mean `ecdsa_p256`? allowed: ecdsa_p256, ecdsa_p384, ed25519, rsa_2048, rsa_3072 "
        "or rsa_1024");
}

TEST_CASE("every error of a file is reported, not just the first") {
  auto text = replace(kSmallScenario, "title = \"t\"", "title = 3\nlevel = \"expert\"");
  text = replace(text, "issuer = \"root\"", "issuer = \"nobody\"");
  const auto errors = errors_of(text);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].id == "wrong-type");
  CHECK(errors[1].id == "bad-enum");
  CHECK(errors[2].id == "dangling-reference");
}

TEST_CASE("an unreadable file is an error at line 0") {
  const auto result = tlsclub::load_scenario_file("/nonexistent/scenario.toml");
  const auto* errors = std::get_if<std::vector<LoadError>>(&result);
  REQUIRE(errors != nullptr);
  REQUIRE(errors->size() == 1);
  CHECK(errors->front().id == "unreadable-file");
  CHECK(errors->front().line == 0);
  CHECK(errors->front().to_string().rfind("/nonexistent/scenario.toml:0:0: error[unreadable-file]",
                                          0) == 0);
}

TEST_CASE("a member's limit on badge lifetimes is whole days, 1 to 36500") {
  const auto member = [](const char* value) {
    return replace(kSmallScenario, "name = \"Alice\"",
                   std::string("name = \"Alice\"\nmax_badge_lifetime_days = ") + value);
  };
  CHECK_FALSE(spec_of(kSmallScenario).members[0].max_badge_lifetime_days);
  CHECK(spec_of(member("398")).members[0].max_badge_lifetime_days == 398);
  for (const char* bad : {"0", "-5", "36501"}) {
    CAPTURE(bad);
    const auto errors = errors_of(member(bad));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].id == "bad-value");
    CHECK(errors[0].line == 13);
    CHECK(errors[0].message.find("1 to 36500") != std::string::npos);
  }
}
