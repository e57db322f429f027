// What the explanations say must agree with what the engine does and with what TLS is: the alert a
// check entry names is the alert the bouncer sends for that check, the RFC rules and the stacks'
// choices are told apart, and statements a review found false do not come back.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>

#include "explain/catalogue.h"
#include "explain/glossary.h"
#include "scenario/loader.h"
#include "simulation/simulation.h"

namespace tlsclub {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool has(std::string_view text, std::string_view what) {
  return text.find(what) != std::string_view::npos;
}

const Explanation& entry(std::string_view key) {
  const Explanation* e = find_explanation(key);
  REQUIRE_MESSAGE(e != nullptr, key);
  return *e;
}

const GlossaryEntry& glossary_entry(std::string_view tls_term) {
  for (const GlossaryEntry& g : glossary()) {
    if (g.tls == tls_term) return g;
  }
  FAIL("no glossary entry for " << tls_term);
  return glossary().front();
}

// Every text a student can read in the catalogue and the glossary, with where it is.
std::map<std::string, std::string> all_texts() {
  std::map<std::string, std::string> texts;
  for (const auto category :
       {message_explanations, extension_explanations, field_explanations, check_explanations,
        alert_explanations, secret_explanations, event_explanations}) {
    for (const Explanation& e : category()) {
      texts[std::string(e.key) + " (club)"] = std::string(e.club);
      texts[std::string(e.key) + " (engineer)"] = std::string(e.engineer);
    }
  }
  for (const GlossaryEntry& g : glossary()) texts["glossary: " + std::string(g.club)] = g.meaning;
  for (std::string_view page : {"docs/differences.md", "docs/fault-catalogue.md"})
    texts[std::string(page)] = read_file(std::filesystem::path(TLSCLUB_SOURCE_DIR) / page);
  return texts;
}

}  // namespace

TEST_CASE("each check entry names the alert the bouncer sends when that check fails") {
  // Which alert goes with which failure is mostly the implementation's choice (RFC 8446 6.2), so
  // the catalogue must state this engine's choice, and state it as the engine makes it.
  const auto library = std::filesystem::path(TLSCLUB_SOURCE_DIR) / "scenarios";
  std::map<std::string, std::set<std::string>> sent;  // check -> alerts its failures call for
  for (const auto& file : scenario_files_in(library)) {
    auto loaded = load_scenario_file(file);
    if (!std::holds_alternative<ScenarioSpec>(loaded)) continue;  // the library test reports it
    const Timeline timeline = run_scenario(std::get<ScenarioSpec>(loaded));
    for (const Connection& c : timeline.connections) {
      for (const Event& e : c.events) {
        if (const auto* check = std::get_if<CheckEvent>(&e.body);
            check != nullptr && !check->passed && !check->alert.empty())
          sent[check->check].insert(check->alert);
      }
    }
  }
  REQUIRE(sent.size() >= 8);
  for (const auto& check_alerts : sent) {
    const std::string& check = check_alerts.first;
    const Explanation& e = entry("check." + check);
    for (const std::string& alert : check_alerts.second) {
      CAPTURE(check);
      CAPTURE(alert);
      CHECK_MESSAGE(has(e.engineer, alert), "check." << check << " does not name " << alert);
    }
  }
}

TEST_CASE("the alerts an RFC fixes are told apart from the ones each stack chooses") {
  const Explanation& bad = entry("alert.bad_certificate");
  CHECK(has(bad.engineer, "each stack's choice"));
  for (std::string_view fixed :
       {"decrypt_error", "bad_certificate_status_response", "certificate_required", "SHA-1"})
    CHECK_MESSAGE(has(bad.engineer, fixed), fixed);
  // Where OpenSSL 3 sends another alert than TLS Club, the entry of each alert says so.
  CHECK(has(entry("alert.unknown_ca").engineer, "OpenSSL"));
  CHECK(has(entry("alert.decrypt_error").engineer, "OpenSSL"));
  CHECK(has(entry("alert.certificate_expired").engineer, "OpenSSL"));
  CHECK(has(entry("check.basic_constraints").engineer, "OpenSSL unknown_ca"));
  CHECK(has(entry("check.signature").engineer, "OpenSSL decrypt_error"));
  const std::string differences =
      read_file(std::filesystem::path(TLSCLUB_SOURCE_DIR) / "docs/differences.md");
  CHECK(has(differences, "## Which alert: a choice, not a rule"));
  for (std::string_view row :
       {"| not yet valid (`validity`) | `certificate_expired` | `bad_certificate` |",
        "| issuer's signature does not verify (`signature`) | `bad_certificate` | `decrypt_error` "
        "|",
        "| issuer is not a CA (`basic_constraints`) | `bad_certificate` | `unknown_ca` |",
        "| path length exceeded (`basic_constraints`) | `bad_certificate` | `unknown_ca` |"})
    CHECK_MESSAGE(has(differences, row), row);
  // RFC 8446 4.2 and 6.2 disagree on the alert for a forbidden extension; both places say so.
  CHECK(has(entry("alert.unsupported_extension").engineer, "illegal_parameter"));
  CHECK(has(entry("field.extensions").engineer, "unsupported_extension"));
}

TEST_CASE("the key ladder: the transcript enters the derived secrets, not the ladder's rungs") {
  const std::string meaning(glossary_entry("key schedule (HKDF)").meaning);
  CHECK_FALSE(has(meaning, "each derived from the one before and the transcript"));
  CHECK(has(meaning, "empty string"));
  CHECK(has(meaning, "the transcript enters the traffic, exporter and resumption secrets"));
}

TEST_CASE("a changed plaintext hello is caught by the keys in TLS 1.3, by Finished in TLS 1.2") {
  for (std::string_view key : {"event.record_delivered", "protection.plaintext"}) {
    CAPTURE(key);
    const std::string_view text = entry(key).engineer;
    CHECK(has(text, "TLS 1.3"));
    CHECK(has(text, "handshake traffic keys"));
    CHECK(has(text, "bad_record_mac"));
    CHECK(has(text, "TLS 1.2"));
    CHECK(has(text, "Finished"));
  }
}

TEST_CASE("revocation is taught as it is practised in 2026") {
  CHECK(has(entry("check.crl").engineer, "CRLite"));
  CHECK(has(entry("check.revocation_info").engineer, "CRLSets"));
  CHECK(has(entry("check.ocsp").engineer, "Let's Encrypt ended it in 2025"));
  CHECK(has(glossary_entry("OCSP stapling (status_request)").meaning, "not the normal way"));
  CHECK(has(entry("check.validity").engineer, "47 from 15 March 2029"));
  CHECK(has(entry("check.issuer_known").engineer, "AIA fetching"));
}

TEST_CASE("statements a review found false do not come back") {
  // Each phrase, and why it is false.
  const std::map<std::string_view, std::string_view> false_phrases = {
      {"SHAttered",
       "an identical-prefix collision; forging a certificate needs a chosen-prefix "
       "one (SHA-1 is a Shambles, 2020)"},
      {"ticket's key", "the PSK comes from resumption_master_secret and the ticket's nonce"},
      {"ticket's secret", "the PSK comes from resumption_master_secret and the ticket's nonce"},
      {"is caught by Finished", "in TLS 1.3 a changed hello changes the handshake keys first"},
      {"Any tampering is caught", "in TLS 1.3 a changed hello changes the handshake keys first"},
      {"any tampering with the conversation is caught",
       "in TLS 1.3 a changed hello changes the handshake keys first"},
      {"since 2017", "Chrome dropped the CN fallback in 2017, Apple in 2019"},
      {"every browser", "browsers differ; name them"},
      {"need not ask the authority", "browsers do not ask online; stapling is not the norm"},
      {"that the certificate was logged", "an SCT is a promise to log, not proof of inclusion"},
      {"acceptable when configured", "that is RFC 9325's advice, not RFC 8996's"},
      {"an endpoint that sees them", "0x0301 is allowed in a first ClientHello's record header"},
      {"e.g. for a wrong extended key usage", "TLS Club sends unsupported_certificate for it"},
      {"trusts the authority that issued its badge",
       "the impostor needs a badge for this club's name"},
  };
  for (const auto& said : all_texts()) {
    const std::string& where = said.first;
    for (const auto& falsehood : false_phrases) {
      const std::string_view phrase = falsehood.first, why = falsehood.second;
      CAPTURE(where);
      CAPTURE(why);
      CHECK_MESSAGE(!has(said.second, phrase), phrase);
    }
  }
}

TEST_CASE("an SCT is a promise to log, usually inside the certificate") {
  const Explanation& sct = entry("extension.signed_certificate_timestamp");
  CHECK(has(sct.engineer, "promise"));
  CHECK(has(sct.engineer, "not proof"));
  CHECK(has(sct.engineer, "embedded in the certificate"));
}

}  // namespace tlsclub
