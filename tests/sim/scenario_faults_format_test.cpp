// Scenario files, the attack and narration sections: [[fault]], [[note]], [[question]], and the
// keys that make forgeries, weak seals, policies and the second factor. What a good file gives,
// and where a trainer is sent for each mistake.
#include <doctest/doctest.h>

#include <variant>

#include "scenario/loader.h"
#include "string_makers.h"

namespace {

using tlsclub::LoadError;
using tlsclub::ScenarioSpec;

const std::string kBase = R"(format = 1
[scenario]
title = "t"
clock = "2026-03-01T20:00:00Z"
[[authority]]
id = "root"
name = "Root CA"
[[authority]]
id = "mallory"
name = "Mallory CA"
[server]
name = "club.example"
issuer = "root"
client_auth = "required"
[[member]]
name = "Alice"
[member.card]
issuer = "root"
)";

ScenarioSpec spec_of(const std::string& extra) {
  auto result = tlsclub::load_scenario(kBase + extra, "good.toml");
  if (auto* errors = std::get_if<std::vector<LoadError>>(&result)) {
    for (const auto& e : *errors) FAIL_CHECK(e.to_string());
    return {};
  }
  return std::get<ScenarioSpec>(std::move(result));
}

// The first error of kBase + extra, as "line:col id".
std::string first_error(const std::string& extra) {
  auto result = tlsclub::load_scenario(kBase + extra, "broken.toml");
  const auto* errors = std::get_if<std::vector<LoadError>>(&result);
  if (errors == nullptr || errors->empty()) return "(loaded)";
  const auto& e = errors->front();
  return std::to_string(e.line) + ":" + std::to_string(e.column) + " " + e.id + " " + e.message;
}

}  // namespace

TEST_CASE("wire faults name their record or message and what they do") {
  const auto spec = spec_of(R"([[fault]]
action = "flip"
from = "server"
message = "certificate_verify"
offset = 40
mask = 0x80
[[fault]]
action = "drop"
member = "Alice"
from = "client"
record = 3
[[fault]]
action = "inject_alert"
from = "server"
message = "server_hello"
alert = "handshake_failure"
[[fault]]
action = "downgrade"
)");
  REQUIRE(spec.faults.size() == 4);
  CHECK(describe(spec.faults[0]) ==
        "flip byte 40 (mask 0x80) of the server's record carrying certificate_verify");
  CHECK(describe(spec.faults[1]) == "drop the 3rd record from the client");
  CHECK(spec.faults[1].member == "Alice");
  CHECK(describe(spec.faults[2]) ==
        "inject a forged handshake_failure alert before the server's record carrying server_hello");
  CHECK(spec.faults[3].action == tlsclub::WireFault::Action::downgrade);
  CHECK(spec.faults[3].message == "client_hello");
}

TEST_CASE("an impostor fault gives the member a man in the middle with another authority") {
  const auto spec = spec_of(
      "[[fault]]\naction = \"impostor\"\nmember = \"Alice\"\n"
      "authority = \"mallory\"\n");
  CHECK(spec.faults.empty());
  CHECK(spec.members[0].intercepted_by == "mallory");
}

TEST_CASE("forgeries, weak seals, policies and passwords read from the cast") {
  const auto spec = spec_of(R"([[member]]
name = "Carol"
password = "tulip"
ciphers = ["chacha20_poly1305"]
key_exchange = ["ecdhe", "rsa"]
[[member]]
name = "Bob"
[member.card]
issuer = "root"
stolen = true
altered_signature = true
signature_hash = "sha1"
)");
  REQUIRE(spec.members.size() == 3);
  const auto& alice = spec.members[0];
  CHECK(alice.card->certificate.hash == "SHA-256");
  CHECK_FALSE(alice.card->stolen);
  const auto& carol = spec.members[1];
  CHECK(carol.password == "tulip");
  CHECK(carol.ciphers == std::vector<std::string>{"chacha20_poly1305"});
  CHECK(carol.key_exchanges.size() == 2);
  const auto& bob = spec.members[2];
  CHECK(bob.card->stolen);
  CHECK(bob.card->altered_signature);
  CHECK(bob.card->certificate.hash == "SHA-1");
}

TEST_CASE("notes and predict questions are anchored to steps") {
  const auto spec = spec_of(R"([[note]]
at = "server.certificate_verify"
text = "The club signs the transcript."
[[question]]
member = "Alice"
at = "check.validity"
question = "Will Alice get in?"
[[question]]
at = "end"
kind = "choice"
question = "Which key protects the Finished?"
choices = ["the badge's key", "the handshake traffic key"]
answer = "the handshake traffic key"
)");
  REQUIRE(spec.notes.size() == 1);
  CHECK(spec.notes[0].anchor.at == "server.certificate_verify");
  CHECK(spec.notes[0].anchor.member.empty());
  REQUIRE(spec.questions.size() == 2);
  CHECK(spec.questions[0].kind == tlsclub::QuestionKind::outcome);
  CHECK(spec.questions[0].anchor.member == "Alice");
  CHECK(spec.questions[1].answer == "the handshake traffic key");
}

TEST_CASE("mistakes in faults, notes and questions are located") {
  // Line 19 is the first line after kBase.
  CHECK(first_error("[[fault]]\naction = \"flip\"\nfrom = \"server\"\n") ==
        "19:1 missing-key a fault names either the `record` (1, 2, ... from that side) or the "
        "`message` it hits");
  CHECK(first_error("[[fault]]\naction = \"drop\"\nmember = \"Alcie\"\nfrom = \"client\"\n"
                    "record = 1\n") ==
        "21:10 dangling-reference member `Alcie` is not a [[member]] name");
  CHECK(first_error("[[fault]]\naction = \"shuffle\"\n").find("20:10 bad-enum") == 0);
  CHECK(first_error("[[fault]]\naction = \"flip\"\nfrom = \"server\"\nrecord = 2\nmask = 0\n")
            .find("23:8 bad-value `mask` must be 1 to 255") == 0);
  CHECK(first_error("[[fault]]\naction = \"impostor\"\nmember = \"Alice\"\n"
                    "authority = \"nobody\"\n") ==
        "22:13 dangling-reference authority `nobody` is not an [[authority]] id");
  CHECK(first_error("[[note]]\nat = \"server.certificate_verfy\"\ntext = \"x\"\n")
            .find("20:6 bad-enum") == 0);
  CHECK(first_error("[[note]]\nat = \"middle\"\ntext = \"x\"\n") ==
        "20:6 bad-value `at = \"middle\"` names no step");
  CHECK(first_error("[[question]]\nat = \"end\"\nkind = \"choice\"\nquestion = \"q\"\n"
                    "choices = [\"a\", \"b\"]\nanswer = \"c\"\n")
            .find("24:10 bad-value `answer` must be one of the `choices`") == 0);
  CHECK(first_error("[[member]]\nname = \"Bob\"\n[member.card]\nissuer = \"root\"\n"
                    "signature_hash = \"md5\"\n")
            .find("23:18 bad-enum") == 0);
}
