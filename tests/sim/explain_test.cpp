// The explanations catalogue (sim/explain/): every entry is complete, well-keyed and cites a known
// RFC section. explain_coverage_test.cpp checks that every key the engine emits has an entry.

#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <regex>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "explain/catalogue.h"

namespace tlsclub {
namespace {

struct Category {
  std::string_view name;
  std::span<const Explanation> entries;
  std::vector<std::string_view> prefixes;
};

std::vector<Category> all_categories() {
  return {
      {"messages", message_explanations(), {"message."}},
      {"extensions", extension_explanations(), {"extension."}},
      {"fields", field_explanations(), {"field."}},
      {"checks", check_explanations(), {"check."}},
      {"alerts", alert_explanations(), {"alert."}},
      {"secrets", secret_explanations(), {"secret."}},
      {"events",
       event_explanations(),
       {"event.", "record.", "protection.", "outcome.", "version.", "group.", "myth."}},
  };
}

std::vector<std::string_view> split_references(std::string_view rfc) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = rfc.find("; ", start);
    parts.push_back(rfc.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 2;
  }
}

bool has_stray_whitespace(std::string_view text) {
  return text.empty() || text.front() == ' ' || text.back() == ' ' ||
         text.find("  ") != std::string_view::npos || text.find('\n') != std::string_view::npos;
}

// Every RFC (and draft) an entry may cite: a typo in a number shows up here, not in a student's
// browser. Extend it when an entry legitimately needs another document.
constexpr std::string_view kKnownDocuments[] = {
    "RFC 8446", "RFC 5246", "RFC 5280", "RFC 6960", "RFC 6066",
    "RFC 7301", "RFC 8996", "RFC 5077", "RFC 8422", "RFC 7627",
    "RFC 9525", "RFC 8701", "RFC 8449", "RFC 7250", "RFC 7685",
    "RFC 7366", "RFC 5746", "RFC 5764", "RFC 6520", "RFC 6962",
    "RFC 7507", "RFC 4279", "RFC 7748", "RFC 3552", "draft-ietf-tls-ecdhe-mlkem",
};

// The documents the issue requires the catalogue to teach from: each is cited somewhere.
constexpr std::string_view kRequiredDocuments[] = {
    "RFC 8446", "RFC 5246", "RFC 5280", "RFC 6960",
    "RFC 6066", "RFC 7301", "RFC 8996", "draft-ietf-tls-ecdhe-mlkem",
};

std::string_view document_of(std::string_view reference) {
  return reference.substr(0, reference.rfind(' '));
}

// A sentence ends at ". " or "; " inside the text, or at a final ".". Crude on purpose ("e.g. "
// counts as an end too): it is a floor against one-line engineer texts, not a grammar check.
std::size_t count_sentences(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == ';') && text[i + 1] == ' ') ++count;
  }
  if (text.ends_with('.')) ++count;
  return count;
}

}  // namespace

TEST_CASE(
    "every explanation has a key, a title, a club sentence, an engineer sentence and an RFC") {
  for (const Category& category : all_categories()) {
    for (const Explanation& entry : category.entries) {
      CAPTURE(entry.key);
      CHECK_FALSE(entry.key.empty());
      CHECK_FALSE(entry.title.empty());
      CHECK_FALSE(entry.club.empty());
      CHECK_FALSE(entry.engineer.empty());
      CHECK_FALSE(entry.rfc.empty());
    }
  }
}

TEST_CASE("explanation texts have no stray whitespace") {
  for (const Category& category : all_categories()) {
    for (const Explanation& entry : category.entries) {
      CAPTURE(entry.key);
      CHECK_FALSE(has_stray_whitespace(entry.title));
      CHECK_FALSE(has_stray_whitespace(entry.club));
      CHECK_FALSE(has_stray_whitespace(entry.engineer));
    }
  }
}

TEST_CASE("every key starts with its category's prefix") {
  for (const Category& category : all_categories()) {
    for (const Explanation& entry : category.entries) {
      CAPTURE(category.name);
      CAPTURE(entry.key);
      bool prefixed = false;
      for (std::string_view prefix : category.prefixes) {
        prefixed = prefixed || (entry.key.starts_with(prefix) && entry.key.size() > prefix.size());
      }
      CHECK(prefixed);
    }
  }
}

TEST_CASE("every RFC reference names a document and a section") {
  // "RFC 8446 4.1.2", "RFC 8446 D.4" (an appendix), "draft-ietf-tls-ecdhe-mlkem 3"; joined by "; ".
  const std::regex reference(R"((RFC \d+|draft-[a-z0-9-]+) ([A-Z]|\d+)(\.\d+)*)");
  for (const Category& category : all_categories()) {
    for (const Explanation& entry : category.entries) {
      for (std::string_view part : split_references(entry.rfc)) {
        CAPTURE(entry.key);
        CAPTURE(part);
        CHECK(std::regex_match(part.begin(), part.end(), reference));
      }
    }
  }
}

TEST_CASE("keys are unique across categories") {
  std::set<std::string_view> seen;
  for (const Category& category : all_categories()) {
    for (const Explanation& entry : category.entries) {
      CAPTURE(entry.key);
      CHECK(seen.insert(entry.key).second);
    }
  }
}

TEST_CASE("find_explanation finds every entry of every category") {
  for (const Category& category : all_categories()) {
    for (const Explanation& entry : category.entries) {
      CAPTURE(entry.key);
      CHECK(find_explanation(entry.key) == &entry);
    }
  }
}

TEST_CASE("find_explanation returns nullptr for a key with no entry") {
  CHECK(find_explanation("message.no_such_message") == nullptr);
  CHECK(find_explanation("message.") == nullptr);
  CHECK(find_explanation("client_hello") == nullptr);
  CHECK(find_explanation("") == nullptr);
  CHECK(find_explanation("zzz") == nullptr);
}

TEST_CASE("every RFC reference cites a known document") {
  const std::set<std::string_view> known(std::begin(kKnownDocuments), std::end(kKnownDocuments));
  for (const Category& category : all_categories()) {
    for (const Explanation& entry : category.entries) {
      for (std::string_view part : split_references(entry.rfc)) {
        CAPTURE(entry.key);
        CAPTURE(part);
        CHECK(known.contains(document_of(part)));
      }
    }
  }
}

TEST_CASE("every document the catalogue must teach from is cited, with a section") {
  std::set<std::string_view> cited;
  for (const Category& category : all_categories()) {
    for (const Explanation& entry : category.entries) {
      for (std::string_view part : split_references(entry.rfc)) cited.insert(document_of(part));
    }
  }
  for (std::string_view document : kRequiredDocuments) {
    CAPTURE(document);
    CHECK(cited.contains(document));
  }
}

TEST_CASE("the references the issue asks for are where a student looks for them") {
  const auto cites = [](std::string_view key, std::string_view reference) {
    const Explanation* e = find_explanation(key);
    REQUIRE(e != nullptr);
    CAPTURE(key);
    CAPTURE(e->rfc);
    const auto parts = split_references(e->rfc);
    CHECK(std::find(parts.begin(), parts.end(), reference) != parts.end());
  };
  cites("extension.application_layer_protocol_negotiation", "RFC 7301 3.1");
  cites("extension.server_name", "RFC 6066 3");
  cites("extension.status_request", "RFC 6066 8");
  cites("extension.status_request", "RFC 8446 4.4.2.1");
  cites("check.ocsp", "RFC 6960 4.2.2.2");
  cites("check.signature", "RFC 5280 6.1.3");
  cites("check.crl", "RFC 5280 6.3");
  cites("alert.protocol_version", "RFC 8996 4");
  cites("version.tls11", "RFC 8996 5");
  cites("group.X25519MLKEM768", "draft-ietf-tls-ecdhe-mlkem 3");
}

TEST_CASE("engineer texts are a short paragraph, club texts a sentence or two") {
  for (const Category& category : all_categories()) {
    for (const Explanation& entry : category.entries) {
      CAPTURE(entry.key);
      CHECK(entry.engineer.size() <= 640);
      CHECK(entry.club.size() <= 280);
    }
  }
}

TEST_CASE("every engineer text is a paragraph: at least two sentences") {
  for (const Category& category : all_categories()) {
    for (const Explanation& entry : category.entries) {
      CAPTURE(entry.key);
      CAPTURE(entry.engineer);
      CHECK(count_sentences(entry.engineer) >= 2);
    }
  }
}

TEST_CASE("count_sentences counts full stops and semicolons between sentences") {
  CHECK(count_sentences("One sentence.") == 1);
  CHECK(count_sentences("One sentence with 0x0303 and RFC 8446 4.1.2") == 0);
  CHECK(count_sentences("First. Second.") == 2);
  CHECK(count_sentences("First; second.") == 2);
  CHECK(count_sentences("First. Second; third.") == 3);
}

TEST_CASE("the certificate myth is named and corrected") {
  const Explanation* myth = find_explanation("myth.certificate_encrypts_traffic");
  REQUIRE(myth != nullptr);
  CHECK(myth->club.find("Myth") != std::string_view::npos);
  CHECK(myth->engineer.find("only signs") != std::string_view::npos);
  CHECK(myth->engineer.find("(EC)DHE") != std::string_view::npos);
}

}  // namespace tlsclub
