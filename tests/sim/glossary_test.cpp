// The glossary (sim/explain/glossary.cpp): the club's words, each mapped to a TLS term and to a
// catalogue entry that exists, and docs/glossary.md generated from it.

#include "explain/glossary.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "explain/catalogue.h"

namespace tlsclub {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t count_of(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("every glossary entry has a club word, a TLS term and a meaning") {
  REQUIRE(glossary().size() >= 30);
  for (const GlossaryEntry& e : glossary()) {
    CAPTURE(e.club);
    CHECK_FALSE(e.club.empty());
    CHECK_FALSE(e.tls.empty());
    CHECK_FALSE(e.meaning.empty());
    CHECK(e.meaning.back() == '.');
    CHECK(e.meaning.find('\n') == std::string_view::npos);
  }
}

TEST_CASE("every glossary entry points at a catalogue entry that exists") {
  for (const GlossaryEntry& e : glossary()) {
    CAPTURE(e.club);
    CAPTURE(e.see);
    if (e.see.empty()) continue;
    const Explanation* x = find_explanation(e.see);
    REQUIRE(x != nullptr);
    CHECK(x->key == e.see);  // the entry itself, not a category's fallback
  }
}

TEST_CASE("no club word has two glossary entries") {
  std::set<std::string_view> seen;
  for (const GlossaryEntry& e : glossary()) {
    CAPTURE(e.club);
    CHECK(seen.insert(e.club).second);
  }
}

TEST_CASE("the glossary names the club's core words and the terms the lessons use") {
  std::set<std::string_view> club, tls;
  for (const GlossaryEntry& e : glossary()) {
    club.insert(e.club);
    tls.insert(e.tls);
  }
  // The shared vocabulary of code, UI and docs (one row each).
  for (std::string_view word :
       {"the club entrance", "the bouncer", "a member", "a visitor", "the badge on the door",
        "a membership card", "the town authority", "a district office", "the authority's seal",
        "\"issued to\" / \"issued by\"", "what a card may be used for",
        "the list of cancelled cards", "a fresh stamp from the authority",
        "whispering a secret across the room", "the private key", "showing you hold the key",
        "both sides agree on what was said", "an impostor at the door",
        "the password after the door"}) {
    CAPTURE(word);
    CHECK(club.contains(word));
  }
  // TLS terms the lessons lean on, each under some club word.
  for (std::string_view term :
       {"handshake", "TLS record", "transcript (transcript hash)", "key share",
        "traffic secrets and keys", "forward secrecy", "session ticket (resumption)",
        "downgrade attack", "alert", "root certificate authority (trust anchor)",
        "certificate chain (certification path)", "OID (object identifier)", "key usage",
        "OCSP stapling (status_request)", "soft-fail revocation checking",
        "hard-fail revocation checking", "HelloRetryRequest",
        "hybrid post-quantum group (X25519MLKEM768)", "an established, verified TLS connection"}) {
    CAPTURE(term);
    CHECK(tls.contains(term));
  }
}

TEST_CASE("the glossary page has one table row per entry, each citing its RFC section") {
  const std::string md = glossary_markdown();
  CHECK(md.starts_with("# Glossary"));
  CHECK(md.find("| club | TLS | meaning |") != std::string::npos);
  CHECK(count_of(md, "\n| ") == glossary().size() + 1);  // + the header row
  for (const GlossaryEntry& e : glossary()) {
    CAPTURE(e.club);
    const std::string row = "| " + std::string(e.club) + " | " + std::string(e.tls) + " | ";
    const auto at = md.find(row);
    REQUIRE(at != std::string::npos);
    const std::string line = md.substr(at, md.find('\n', at) - at);
    if (const Explanation* x = find_explanation(e.see))
      CHECK(line.find("(" + std::string(x->rfc) + ")") != std::string::npos);
  }
}

TEST_CASE("docs/glossary.md is the generated glossary") {
  const auto path = std::filesystem::path(TLSCLUB_SOURCE_DIR) / "docs" / "glossary.md";
  REQUIRE_MESSAGE(std::filesystem::exists(path), "run `tlsclub glossary > docs/glossary.md`");
  CHECK_MESSAGE(read_file(path) == glossary_markdown(),
                "docs/glossary.md is out of date: run `tlsclub glossary > docs/glossary.md`");
}

}  // namespace tlsclub
