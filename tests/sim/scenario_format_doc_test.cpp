// docs/scenario-format.md is the trainer's reference, so it must say exactly what the loader
// does: every key of every table the loader accepts is documented under that table's heading,
// every documented key is accepted, and the check names a `failing_check` may give are the ones
// the loader takes and the bouncer records. Both directions fail by name.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "endpoint/policy.h"
#include "load/error_ids.h"
#include "markdown_table.h"
#include "scenario/format_keys.h"
#include "scenario/format_names.h"
#include "scenario/loader.h"
#include "simulation/simulation.h"
#include "timeline/check_names.h"
#include "wire/fault.h"

namespace {

namespace fs = std::filesystem;
using tlsclub::loader::kFormatTables;

const fs::path kDoc = fs::path(TLSCLUB_SOURCE_DIR) / "docs" / "scenario-format.md";

// What the document says, read from its headings and tables.
struct DocumentedFormat {
  // Table name ("" the top level, "server.ocsp_staple") -> the keys under its heading. A heading
  // that names two tables (`[[note]]` and `[[question]]`) gives both the same keys.
  std::map<std::string, std::set<std::string>> keys;
  // The heading each table was found under, for the failure message.
  std::map<std::string, std::string> heading;
  std::set<std::string> check_names;  // first column of the table under "Check names"
};

// The inline-code spans of a cell: "`key_usage`, `omit_key_usage`" -> both.
std::vector<std::string> code_spans(const std::string& text) {
  static const std::regex span("`([^`]+)`");
  std::vector<std::string> out;
  for (std::sregex_iterator it(text.begin(), text.end(), span), end; it != end; ++it)
    out.push_back((*it)[1]);
  return out;
}

// "[authority.crl]" -> "authority.crl", "[[member]]" -> "member"; "" when not a table name.
std::string table_name(const std::string& span) {
  static const std::regex table(R"(^\[\[?([a-z_.]+)\]\]?$)");
  std::smatch m;
  return std::regex_match(span, m, table) ? std::string(m[1]) : std::string();
}

// A key as a table row writes it: `name`, or a sub-table `[server.ocsp_staple]` (its last part).
std::string key_of(const std::string& span) {
  const std::string table = table_name(span);
  if (table.empty()) return span;
  const auto dot = table.rfind('.');
  return dot == std::string::npos ? table : table.substr(dot + 1);
}

DocumentedFormat read_doc() {
  std::ifstream in(kDoc);
  REQUIRE_MESSAGE(in, "cannot read ", kDoc.string());
  DocumentedFormat doc;
  std::vector<std::string> tables;  // the tables the current heading names
  std::string heading;
  bool checks = false, fenced = false, in_table = false, key_table = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("```", 0) == 0) fenced = !fenced;
    if (fenced) continue;
    if (line.rfind('#', 0) == 0) {
      heading = line;
      tables.clear();
      for (const auto& span : code_spans(line))
        if (const auto name = table_name(span); !name.empty()) tables.push_back(name);
      if (line == "## Top level") tables.push_back("");
      for (const auto& t : tables) doc.heading[t] = heading;
      checks = line.find("Check names") != std::string::npos;
      in_table = false;
      continue;
    }
    if (line.rfind('|', 0) != 0) {
      in_table = false;
      continue;
    }
    const auto row = tlsclub::test::table_cells(line);
    if (row.empty()) continue;
    if (!in_table) {  // the header row says what the table lists
      in_table = true;
      key_table = row[0] == "key" || (checks && row[0] == "check");
      continue;
    }
    if (!key_table || row[0].rfind("---", 0) == 0) continue;
    for (const auto& span : code_spans(row[0])) {
      if (checks) {
        doc.check_names.insert(span);
        continue;
      }
      for (const auto& t : tables) doc.keys[t].insert(key_of(span));
    }
  }
  return doc;
}

std::string shown(std::string_view table) {
  return table.empty() ? std::string("the top level") : "[" + std::string(table) + "]";
}

}  // namespace

TEST_CASE("every key the scenario loader accepts is documented in docs/scenario-format.md") {
  const auto doc = read_doc();
  for (const auto& table : kFormatTables) {
    const std::string name(table.name);
    INFO("docs/scenario-format.md, ", shown(name));
    REQUIRE_MESSAGE(doc.heading.count(name) == 1, "no heading names the table ", shown(name));
    for (std::string_view key : table.keys) {
      const bool documented =
          doc.keys.count(name) == 1 && doc.keys.at(name).count(std::string(key)) == 1;
      CHECK_MESSAGE(documented, "the loader accepts `", key, "` in ", shown(name), " but ",
                    doc.heading.at(name), " does not document it");
    }
  }
}

TEST_CASE("every key docs/scenario-format.md documents is one the scenario loader accepts") {
  const auto doc = read_doc();
  REQUIRE(doc.keys.size() >= kFormatTables.size());
  for (const auto& table_keys : doc.keys) {
    const std::string& name = table_keys.first;
    const std::set<std::string>& keys = table_keys.second;
    const auto table = std::find_if(kFormatTables.begin(), kFormatTables.end(),
                                    [&](const auto& t) { return t.name == name; });
    REQUIRE_MESSAGE(table != kFormatTables.end(), doc.heading.at(name),
                    " documents a table the loader does not read: ", shown(name));
    // A heading that names two tables documents the keys of both; each key belongs to one.
    const std::string heading = doc.heading.at(name);
    for (const auto& key : keys) {
      bool accepted = false;
      for (const auto& t : kFormatTables)
        if (doc.heading.count(std::string(t.name)) == 1 &&
            doc.heading.at(std::string(t.name)) == heading)
          accepted = accepted || std::find(t.keys.begin(), t.keys.end(), key) != t.keys.end();
      CHECK_MESSAGE(accepted, heading, " documents `", key,
                    "`, which the loader rejects (unknown-key) in ", shown(name));
    }
  }
}

TEST_CASE("the document's check names are exactly the failing_check names the loader takes") {
  const auto doc = read_doc();
  REQUIRE_MESSAGE(!doc.check_names.empty(), "docs/scenario-format.md has no \"Check names\" table");
  std::set<std::string> loader;
  for (std::string_view name : tlsclub::check_names()) loader.emplace(name);
  for (const auto& name : loader)
    CHECK_MESSAGE(doc.check_names.count(name) == 1, "failing_check = \"", name,
                  "\" loads, but the Check names table of docs/scenario-format.md lacks it");
  for (const auto& name : doc.check_names)
    CHECK_MESSAGE(loader.count(name) == 1, "docs/scenario-format.md names the check `", name,
                  "`, which failing_check rejects (bad-enum)");
}

TEST_CASE("every check the library's runs record is a name failing_check takes") {
  const auto names = tlsclub::check_names();
  const fs::path library = fs::path(TLSCLUB_SOURCE_DIR) / "scenarios";
  std::size_t checks = 0;
  for (const auto& file : tlsclub::scenario_files_in(library)) {
    auto loaded = tlsclub::load_scenario_file(file);
    if (!std::holds_alternative<tlsclub::ScenarioSpec>(loaded)) continue;  // the library test's
    const auto timeline = tlsclub::run_scenario(std::get<tlsclub::ScenarioSpec>(loaded));
    for (const auto& connection : timeline.connections)
      for (const auto& event : connection.events)
        if (const auto* check = std::get_if<tlsclub::CheckEvent>(&event.body)) {
          ++checks;
          CHECK_MESSAGE(std::find(names.begin(), names.end(), check->check) != names.end(),
                        fs::relative(file, library).string(), " records the check `", check->check,
                        "`, which failing_check does not accept");
        }
  }
  CHECK(checks > 100);
}

TEST_CASE("the signature schemes the document lists are the loader's, and the engine uses each") {
  std::ifstream in(kDoc);
  REQUIRE(in);
  std::string paragraph;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("**Signature schemes**", 0) == 0)
      paragraph = line;
    else if (!paragraph.empty() && !line.empty())
      paragraph += " " + line;
    else if (!paragraph.empty())
      break;
  }
  REQUIRE_MESSAGE(!paragraph.empty(), "docs/scenario-format.md has no **Signature schemes**");
  // The list runs from the key's name to "(all by default ...)".
  const auto end = paragraph.find("(all");
  REQUIRE(end != std::string::npos);
  std::vector<std::string> documented;
  for (const auto& span : code_spans(paragraph.substr(0, end)))
    if (span != "signature_algorithms") documented.push_back(span);
  std::vector<std::string> loader;
  for (std::string_view name : tlsclub::loader::signature_algorithm_names())
    loader.emplace_back(name);
  CHECK(documented == loader);
  for (const auto& name : loader) {
    CAPTURE(name);
    CHECK_NOTHROW(tlsclub::signature_scheme_from_name(name));
  }
}

TEST_CASE("the error ids the documents list are exactly the loaders' (load/error_ids.h)") {
  std::set<std::string> documented;
  for (const char* doc : {"scenario-format.md", "lesson-format.md"}) {
    std::ifstream in(fs::path(TLSCLUB_SOURCE_DIR) / "docs" / doc);
    REQUIRE(in);
    bool ids = false;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind('|', 0) != 0) {
        ids = false;
        continue;
      }
      const auto row = tlsclub::test::table_cells(line);
      if (row.empty()) continue;
      if (row[0] == "id") {
        ids = true;
        continue;
      }
      if (!ids || row[0].rfind("---", 0) == 0) continue;
      const auto spans = code_spans(row[0]);
      REQUIRE_MESSAGE(spans.size() == 1, doc, ": an id row without one `id`: ", line);
      documented.insert(spans[0]);
    }
  }
  std::set<std::string> loader;
  for (const auto id : tlsclub::all_error_ids()) loader.emplace(tlsclub::to_string(id));
  for (const auto& id : loader)
    CHECK_MESSAGE(documented.count(id) == 1, "error[", id,
                  "] can be reported, but no id table of docs/ explains it");
  for (const auto& id : documented)
    CHECK_MESSAGE(loader.count(id) == 1, "docs/ explains error[", id, "], which no loader reports");
}

TEST_CASE("every wire fault action is in the format's action row and the fault catalogue") {
  const auto read = [](const char* name) {
    std::ifstream in(fs::path(TLSCLUB_SOURCE_DIR) / "docs" / name);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string format = read("scenario-format.md");
  const auto row_at = format.find("| `action` |");
  REQUIRE(row_at != std::string::npos);
  const std::string row = format.substr(row_at, format.find('\n', row_at) - row_at);
  const std::string catalogue = read("fault-catalogue.md");
  for (const auto& kind : tlsclub::wire_fault_kinds()) {
    const std::string code = "`" + std::string(kind.name) + "`";
    CHECK_MESSAGE(row.find(code) != std::string::npos,
                  "docs/scenario-format.md's `action` row lacks ", code);
    CHECK_MESSAGE(
        catalogue.find("action = \"" + std::string(kind.name) + "\"") != std::string::npos,
        "docs/fault-catalogue.md has no row for action = \"", kind.name, "\"");
  }
}
