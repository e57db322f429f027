// Every RFC section the explanations, the glossary and the hand-written pages on differences and
// faults cite is checked against tests/sim/data/rfc-section-titles.tsv, a table of the real
// section titles: a citation to a section that does not exist fails, and so does one whose text
// mentions none of the cited section's topics (a citation to a section about something else, the
// way "draft-ietf-tls-hybrid-design 3.2", a section on transmitting keys, was once cited for the
// security goal of hybrids).

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "explain/catalogue.h"
#include "explain/glossary.h"

namespace tlsclub {
namespace {

struct Section {
  std::string title;
  std::vector<std::string> topics;  // lower case; the citing text must contain one
};

// "RFC 8446 4.4.2" -> its row.
using SectionTable = std::map<std::string, Section, std::less<>>;

std::filesystem::path source_dir() {
  return std::filesystem::path(TLSCLUB_SOURCE_DIR);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Rows that do not parse are reported by the table's own test case; here they are skipped.
SectionTable load_table(std::vector<std::string>* malformed = nullptr) {
  SectionTable table;
  std::istringstream in(read_file(source_dir() / "tests/sim/data/rfc-section-titles.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.starts_with('#')) continue;
    const std::vector<std::string> fields = split(line, '\t');
    if (fields.size() != 4 || fields[0].empty() || fields[1].empty() || fields[2].empty() ||
        fields[3].empty()) {
      if (malformed != nullptr) malformed->push_back(line);
      continue;
    }
    Section section{fields[2], {}};
    for (const std::string& topic : split(fields[3], ',')) {
      if (!topic.empty()) section.topics.push_back(lower(topic));
    }
    const std::string key = fields[0] + " " + fields[1];
    if (!table.emplace(key, std::move(section)).second && malformed != nullptr)
      malformed->push_back("duplicate: " + line);
  }
  return table;
}

// "RFC 8446 4.4.2.4", "RFC 8446 D.4", "draft-ietf-tls-ecdhe-mlkem 3.1.1"; an RFC named without a
// section ("RFC 5280, or ...") is not a section citation.
const std::regex& citation_pattern() {
  static const std::regex pattern(
      R"((RFC \d+|draft-[a-z0-9-]*[a-z0-9]) ([A-Z](?:\.\d+)+|\d+(?:\.\d+)*)(?![\w.]*\d))");
  return pattern;
}

std::vector<std::string> citations_in(std::string_view text) {
  std::vector<std::string> found;
  const std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), citation_pattern());
       it != std::sregex_iterator(); ++it) {
    found.push_back(it->str());
  }
  return found;
}

// One place that cites: where it is, what it says, what it cites.
struct Citing {
  std::string where;  // "alert.bad_certificate", "glossary: the key ladder", "docs/<page>.md:12"
  std::string text;   // everything the reader sees there, the topic check reads it
  std::vector<std::string> citations;
  // A glossary row shows all the sections of the catalogue entry it points at; one of them fitting
  // the row's few words is enough.
  bool one_topic_suffices = false;
};

std::vector<Citing> catalogue_citings() {
  std::vector<Citing> out;
  for (const auto category :
       {message_explanations, extension_explanations, field_explanations, check_explanations,
        alert_explanations, secret_explanations, event_explanations}) {
    for (const Explanation& e : category()) {
      Citing c;
      c.where = std::string(e.key);
      c.text = std::string(e.key) + " " + std::string(e.title) + " " + std::string(e.club) + " " +
               std::string(e.engineer);
      // The reference field is "; "-separated; an item that is not a section citation stays
      // whole so the table lookup reports it.
      std::string_view rest = e.rfc;
      while (!rest.empty()) {
        const std::size_t end = rest.find("; ");
        c.citations.emplace_back(rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 2);
      }
      for (const std::string& inline_citation : citations_in(c.text))
        c.citations.push_back(inline_citation);
      out.push_back(std::move(c));
    }
  }
  return out;
}

// A glossary row's own words may cite; the page also shows the sections of the catalogue entry the
// row points at (docs/glossary.md), and one of those must fit the row.
std::vector<Citing> glossary_citings() {
  std::vector<Citing> out;
  for (const GlossaryEntry& g : glossary()) {
    const std::string where = "glossary: " + std::string(g.club);
    const std::string text =
        std::string(g.club) + " " + std::string(g.tls) + " " + std::string(g.meaning);
    if (auto inline_citations = citations_in(text); !inline_citations.empty())
      out.push_back({where, text, std::move(inline_citations)});
    if (const Explanation* see = find_explanation(g.see); see != nullptr && !g.see.empty())
      out.push_back(
          {where + " (shown: " + std::string(g.see) + ")", text, citations_in(see->rfc), true});
  }
  return out;
}

// The hand-written pages this table also covers, one citing per line (a table row, a sentence).
constexpr std::string_view kCheckedPages[] = {"docs/differences.md", "docs/fault-catalogue.md"};

std::vector<Citing> page_citings() {
  std::vector<Citing> out;
  for (std::string_view page : kCheckedPages) {
    std::istringstream in(read_file(source_dir() / page));
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      Citing c;
      c.where = std::string(page) + ":" + std::to_string(number);
      c.text = line;
      c.citations = citations_in(line);
      if (!c.citations.empty()) out.push_back(std::move(c));
    }
  }
  return out;
}

std::vector<Citing> all_citings() {
  std::vector<Citing> all = catalogue_citings();
  for (auto& c : glossary_citings()) all.push_back(std::move(c));
  for (auto& c : page_citings()) all.push_back(std::move(c));
  return all;
}

// Empty when the citation holds; otherwise what is wrong, with the section's title so a reviewer
// sees at once what the cited section is about.
std::string citation_problem(const SectionTable& table, std::string_view citation,
                             std::string_view text) {
  const auto row = table.find(citation);
  if (row == table.end())
    return "cites " + std::string(citation) +
           ", which is not in tests/sim/data/rfc-section-titles.tsv (a section that does not "
           "exist, or one nobody has checked yet: read it and add its title)";
  const std::string haystack = lower(text);
  for (const std::string& topic : row->second.topics) {
    if (haystack.find(topic) != std::string::npos) return {};
  }
  std::string topics;
  for (const std::string& topic : row->second.topics)
    topics += (topics.empty() ? "" : ", ") + topic;
  return "cites " + std::string(citation) + " \"" + row->second.title +
         "\", but mentions none of its topics (" + topics + ")";
}

}  // namespace

TEST_CASE("the RFC section table is well formed") {
  std::vector<std::string> malformed;
  const SectionTable table = load_table(&malformed);
  CHECK(table.size() >= 100);
  for (const std::string& line : malformed) {
    CAPTURE(line);
    CHECK_MESSAGE(false, "want: document<TAB>section<TAB>title<TAB>topic,topic, once per section");
  }
  for (const auto& row : table) {
    const std::string& citation = row.first;
    CAPTURE(citation);
    std::smatch whole;
    CHECK(std::regex_match(citation, whole, citation_pattern()));
    CHECK_FALSE(row.second.topics.empty());
  }
}

TEST_CASE("every RFC section cited by the catalogue, the glossary and the pages exists") {
  const SectionTable table = load_table();
  std::size_t checked = 0;
  for (const Citing& c : all_citings()) {
    for (const std::string& citation : c.citations) {
      ++checked;
      if (table.contains(citation)) continue;
      CAPTURE(c.where);
      FAIL_CHECK(citation_problem(table, citation, c.text));
    }
  }
  CHECK(checked >= 400);
}

TEST_CASE("every cited section is about what the citing text talks about") {
  const SectionTable table = load_table();
  for (const Citing& c : all_citings()) {
    if (c.one_topic_suffices) {
      std::string problems;
      for (const std::string& citation : c.citations) {
        const std::string problem = citation_problem(table, citation, c.text);
        if (problem.empty()) {
          problems.clear();
          break;
        }
        problems += problem + "\n";
      }
      CAPTURE(c.where);
      CAPTURE(c.text);
      CHECK_MESSAGE(problems.empty(), "no shown section fits the row:\n" << problems);
      continue;
    }
    for (const std::string& citation : c.citations) {
      if (!table.contains(citation)) continue;  // the test above reports it
      const std::string problem = citation_problem(table, citation, c.text);
      if (problem.empty()) continue;
      CAPTURE(c.where);
      CAPTURE(c.text);
      FAIL_CHECK(problem);
    }
  }
}

TEST_CASE("every row of the section table is cited: the table lists exactly what is checked") {
  const SectionTable table = load_table();
  std::set<std::string, std::less<>> cited;
  for (const Citing& c : all_citings()) cited.insert(c.citations.begin(), c.citations.end());
  for (const auto& row : table) {
    const std::string& citation = row.first;
    const Section& section = row.second;
    CAPTURE(citation);
    CAPTURE(section.title);
    CHECK_MESSAGE(cited.contains(citation), "no longer cited: remove the row");
  }
}

TEST_CASE("the citation check catches a missing section and a section about something else") {
  const SectionTable table = load_table();
  // A section that is not in the table (the old hybrid-design citation) fails.
  CHECK_FALSE(
      citation_problem(table, "draft-ietf-tls-hybrid-design 3.2", "an attacker must break both")
          .empty());
  CHECK_FALSE(citation_problem(table, "RFC 8446 4.4.9", "Finished").empty());
  // A real section cited for another topic fails: 4.2.2 is the cookie, not alerts.
  CHECK(citation_problem(table, "RFC 8446 4.2.2", "a fatal alert ends the handshake")
            .find("\"Cookie\"") != std::string::npos);
  // The same section cited for its own topic holds.
  CHECK(citation_problem(table, "RFC 8446 4.2.2", "the server's cookie is echoed").empty());
  // Inline citations are found, an RFC named without a section is not a citation.
  CHECK(citations_in("as RFC 6066 8 requires (see RFC 5280, and RFC 8446 D.4).") ==
        std::vector<std::string>{"RFC 6066 8", "RFC 8446 D.4"});
  CHECK(citations_in("(RFC 9325 3.1.1) and draft-ietf-tls-ecdhe-mlkem 3.1.2;") ==
        std::vector<std::string>{"RFC 9325 3.1.1", "draft-ietf-tls-ecdhe-mlkem 3.1.2"});
}

}  // namespace tlsclub
