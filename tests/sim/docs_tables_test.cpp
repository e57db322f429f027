// The docs' tables must say what the code does: docs/timeline-json.md lists exactly the event
// kinds the Timeline has and, for each kind, exactly the keys json.cpp writes (both directions);
// its top-level and connection tables list exactly the keys written there. Every GUI tab
// reference in docs/*.md and README.md ("**Library** (`3`)", "**Library** tab (`3`)") names a tab
// that exists with that number, as gui/view/app_view.cpp defines them, and the student guide
// names every tab with its number.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "markdown_table.h"
#include "timeline/json.h"

namespace {

namespace fs = std::filesystem;
const fs::path kRoot = fs::path(TLSCLUB_SOURCE_DIR);

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << p.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The backticked spans of a cell outside parentheses: the keys, not the values explained in
// brackets after them ("`phase` (`sent` / `delivered`), `from`" -> phase, from).
std::set<std::string> top_level_spans(const std::string& text) {
  std::set<std::string> out;
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '`') {
      const auto end = text.find('`', i + 1);
      if (end == std::string::npos) break;
      if (depth == 0) out.insert(text.substr(i + 1, end - i - 1));
      i = end;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && depth > 0) {
      --depth;
    }
  }
  return out;
}

// The rows of the first table under a "## heading": first cell (unquoted) -> the row's cells.
std::map<std::string, std::vector<std::string>> table_under(const std::string& doc,
                                                            const std::string& heading) {
  std::map<std::string, std::vector<std::string>> rows;
  std::istringstream in(doc);
  std::string line;
  bool in_section = false, in_table = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) {
      if (in_section) break;
      in_section = line == "## " + heading;
      continue;
    }
    if (!in_section) continue;
    if (line.rfind("|", 0) != 0) {
      if (in_table) break;
      continue;
    }
    in_table = true;
    auto c = tlsclub::test::table_cells(line);
    if (c.empty() || c[0].rfind("---", 0) == 0) continue;
    std::string first = c[0];
    if (first.size() >= 2 && first.front() == '`' && first.back() == '`')
      first = first.substr(1, first.size() - 2);
    else
      continue;  // the header row
    rows[first] = c;
  }
  REQUIRE_MESSAGE(!rows.empty(), "no table under '## " << heading << "'");
  return rows;
}

std::set<std::string> keys_of(const nlohmann::ordered_json& j) {
  std::set<std::string> out;
  for (auto it = j.begin(); it != j.end(); ++it) out.insert(it.key());
  return out;
}

std::string joined(const std::set<std::string>& s) {
  std::string out;
  for (const auto& k : s) out += (out.empty() ? "" : ", ") + k;
  return out;
}

// Every kind of event, with the keys json.cpp writes for it (the common ones removed). The
// variant's alternatives are the code's own list of kinds; a message with a decode error shows
// its optional key.
template <std::size_t... I>
std::map<std::string, std::set<std::string>> code_kinds(std::index_sequence<I...>) {
  std::map<std::string, std::set<std::string>> out;
  auto one = [&](tlsclub::EventBody body) {
    if (auto* m = std::get_if<tlsclub::MessageEvent>(&body)) m->message.error = "cut short";
    tlsclub::Event e;
    e.body = std::move(body);
    auto keys = keys_of(tlsclub::to_json(e));
    for (const char* common : {"seq", "step", "kind", "time"}) {
      CHECK_MESSAGE(keys.count(common) == 1, "every event has " << common);
      keys.erase(common);
    }
    out[std::string(tlsclub::kind_of(e.body))] = keys;
  };
  (one(tlsclub::EventBody(std::in_place_index<I>)), ...);
  return out;
}

}  // namespace

TEST_CASE("docs: timeline-json.md lists every event kind and exactly the keys json.cpp writes") {
  const std::string doc = slurp(kRoot / "docs" / "timeline-json.md");
  const auto code = code_kinds(std::make_index_sequence<std::variant_size_v<tlsclub::EventBody>>{});
  CHECK(code.size() == std::variant_size_v<tlsclub::EventBody>);
  const auto documented = table_under(doc, "Events");

  for (const auto& entry : code) {
    const auto& kind = entry.first;
    const auto& keys = entry.second;
    const auto row = documented.find(kind);
    CHECK_MESSAGE(row != documented.end(), "event kind `" << kind << "` is not in the table");
    if (row == documented.end() || row->second.size() < 2) continue;
    const auto doc_keys = top_level_spans(row->second[1]);
    for (const auto& k : keys)
      CHECK_MESSAGE(doc_keys.count(k) == 1, "`" << kind << "` events have key `" << k
                                                << "`, not in its row (" << joined(doc_keys)
                                                << ")");
    for (const auto& k : doc_keys)
      CHECK_MESSAGE(keys.count(k) == 1, "the `" << kind << "` row names `" << k
                                                << "`, which json.cpp does not write ("
                                                << joined(keys) << ")");
  }
  for (const auto& row : documented)
    CHECK_MESSAGE(code.count(row.first) == 1,
                  "the table names kind `" << row.first << "`, which no event has");
}

TEST_CASE("docs: timeline-json.md's top-level and connection tables match json.cpp") {
  const std::string doc = slurp(kRoot / "docs" / "timeline-json.md");
  tlsclub::Timeline t;
  t.connections.emplace_back();
  const auto j = tlsclub::to_json(t);
  auto connection = keys_of(j["connections"][0]);
  const std::vector<std::pair<std::string, std::set<std::string>>> tables = {
      {"Top level", keys_of(j)}, {"A connection", connection}};
  for (const auto& table : tables) {
    const std::string& heading = table.first;
    const std::set<std::string>& keys = table.second;
    std::set<std::string> doc_keys;
    for (const auto& [key, row] : table_under(doc, heading)) doc_keys.insert(key);
    CHECK_MESSAGE(doc_keys == keys, "under '## " << heading << "' the doc lists "
                                                 << joined(doc_keys) << "; json.cpp writes "
                                                 << joined(keys));
  }
}

TEST_CASE("docs: every tab reference names the GUI's tab with its number") {
  // Each tab's title and digit, read as text from the one list of tabs (gui/view/tabs.h): this
  // binary does not link the app.
  const std::string source = slurp(kRoot / "gui" / "view" / "tabs.h");
  std::map<std::string, std::string> tabs;  // title -> digit
  static const std::regex row(R"re(X\(\w+, "[^"]+", "([^"]+)", \w+, ([0-9]), \w+\))re");
  std::istringstream source_lines(source);
  for (std::string line; std::getline(source_lines, line);) {
    std::smatch m;
    if (std::regex_search(line, m, row)) tabs[m[1]] = m[2];
  }
  REQUIRE(tabs.size() >= 9);

  // The keys table's digit row names the tabs with a digit, in key order.
  std::map<std::string, std::string> by_digit;  // digit -> title
  for (const auto& [title, digit] : tabs)
    if (digit != "0") by_digit[digit] = title;
  std::string digit_titles;
  for (const auto& entry : by_digit)
    digit_titles += (digit_titles.empty() ? "" : ", ") + entry.second;
  CHECK_MESSAGE(
      slurp(kRoot / "docs" / "student-guide.md").find("| `1` … `9` | " + digit_titles + " |") !=
          std::string::npos,
      "docs/student-guide.md's keys table should list the digit tabs: " << digit_titles);

  std::vector<fs::path> files = {kRoot / "README.md"};
  for (const auto& e : fs::directory_iterator(kRoot / "docs"))
    if (e.path().extension() == ".md") files.push_back(e.path());

  // "**Library** (top left, `3`)", "**Library** tab (`3`)", "**Lessons** panel (`2`)".
  static const std::regex named(R"(\*\*([^*]+)\*\*[^|*\n]{0,20}?\(([^()`\n]*, )?`([0-9])`\))");
  // A number with no name: "panel `8`", "tab `8`".
  static const std::regex unnamed(R"(\b(panel|tab) `[0-9]`)");
  std::set<std::string> student_guide_tabs;
  // A tab without a digit key (0) is a row of the student guide's panels table by its name alone.
  for (const auto& [title, digit] : tabs)
    if (digit == "0" && slurp(kRoot / "docs" / "student-guide.md").find("| **" + title + "** (") !=
                            std::string::npos)
      student_guide_tabs.insert(title);
  for (const auto& file : files) {
    const std::string where = fs::relative(file, kRoot).generic_string();
    // Line by line: libstdc++'s std::regex recurses once per character it scans, so a whole
    // document as one subject overflows the stack under AddressSanitizer. No reference spans lines.
    std::istringstream lines(slurp(file));
    for (std::string text; std::getline(lines, text);) {
      for (std::sregex_iterator it(text.begin(), text.end(), named), end; it != end; ++it) {
        const std::string name = (*it)[1], number = (*it)[3];
        const auto tab = tabs.find(name);
        CHECK_MESSAGE(tab != tabs.end(),
                      where << ": '" << it->str() << "': there is no tab named '" << name << "'");
        if (tab == tabs.end()) continue;
        CHECK_MESSAGE(tab->second == number, where << ": '" << it->str() << "': the " << name
                                                   << " tab is " << tab->second);
        if (file.filename() == "student-guide.md") student_guide_tabs.insert(name);
      }
      for (std::sregex_iterator it(text.begin(), text.end(), unnamed), end; it != end; ++it)
        CHECK_MESSAGE(false, where << ": '" << it->str() << "': name the tab (**Name** tab (`N`))");
    }
  }
  for (const auto& tab : tabs)
    CHECK_MESSAGE(
        student_guide_tabs.count(tab.first) == 1,
        "docs/student-guide.md does not show the " << tab.first << " tab (`" << tab.second << "`)");
}
