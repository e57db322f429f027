// The limits of what a scenario file may say, and of what a run may quietly skip: a default date
// that falls outside 1970..9999, a string with a control character in it (both located loader
// errors), and a [[fault]] that never strikes (a FaultEvent with applied = false, a warning from
// `tlsclub run` and `tlsclub check`).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <variant>
#include <vector>

#include "export_test_tools.h"
#include "load/errors.h"
#include "load/section.h"
#include "load/times.h"
#include "scenario/format_keys.h"
#include "scenario/loader.h"
#include "scenario_text_tools.h"
#include "simulation/expectations.h"
#include "simulation/simulation.h"
#include "timeline/json.h"
#include "timeline_helpers.h"

using tlsclub::test::contains;
using tlsclub::test::errors_of;
using tlsclub::test::events_of;
using tlsclub::test::kSmallScenario;
using tlsclub::test::replace;
using tlsclub::test::spec_of;

namespace {

using tlsclub::FaultEvent;
using tlsclub::LoadError;
using tlsclub::ScenarioSpec;
using tlsclub::Timeline;

// The one error of `text`, which must be `id` at line:column with `message` in its message.
void check_only_error(const std::string& text, const std::string& id, int line, int column,
                      const std::string& message) {
  const auto errors = errors_of(text);
  CHECK_MESSAGE(errors.size() == 1, (errors.empty() ? "no error" : errors[0].to_string()));
  if (errors.empty()) return;
  const auto& e = errors[0];
  INFO(e.to_string());
  CHECK(e.id == id);
  CHECK(e.line == line);
  CHECK(e.column == column);
  CHECK(contains(e.message, message));
}

// ---- faults that never strike -----------------------------------------------------------------

// A club that hands out no session tickets, and a [[fault]] (line 14) waiting for one.
const std::string kTicketFault = R"(format = 1
[scenario]
title = "t"
[[authority]]
id = "root"
name = "Root CA"
[server]
name = "club.example"
issuer = "root"
[[member]]
name = "Alice"
[member.expect]
outcome = "admitted"
[[fault]]
action = "flip"
from = "server"
message = "new_session_ticket"
)";

constexpr int kTicketFaultLine = 14;

std::size_t records_sent_by(const tlsclub::Connection& c, tlsclub::Side side) {
  std::size_t n = 0;
  for (const auto& e : c.events)
    if (const auto* r = std::get_if<tlsclub::RecordEvent>(&e.body);
        r && r->phase == tlsclub::RecordEvent::Phase::sent && r->from == side)
      ++n;
  return n;
}

using Result = tlsclub::test::CommandResult;

Result run_cli(const std::string& args) {
  return tlsclub::test::run_command(std::string(TLSCLUB_CLI) + " " + args);
}

}  // namespace

// ---- 1. default dates --------------------------------------------------------------------------

namespace {

// A clock after 2262-04-11 is itself refused (Botan's nanosecond clock ends there), and the longest
// default is +3650d, so no file reaches the year 10000 through a default: time_or's upper bound is
// tested on a table of its own, with a clock a file cannot have.
std::vector<LoadError> errors_of_default(const std::string& table_text, std::string_view table,
                                         std::span<const std::string_view> keys,
                                         std::string_view key, const char* clock,
                                         std::chrono::seconds fallback) {
  const toml::table root = toml::parse(std::string_view(table_text), std::string_view("late.toml"));
  const auto* t = root.at_path(table).as_table();
  REQUIRE(t != nullptr);
  tlsclub::load::Errors errors("late.toml");
  const tlsclub::load::Section s(*t, std::string(table), keys, errors);
  const auto now = tlsclub::parse_time(clock);
  REQUIRE(now);
  const auto at = tlsclub::load::time_or(s, key, *now, fallback);
  if (!t->contains(key)) CHECK(at == *now + fallback);  // the default, so the caller reads on
  return errors.take();
}

}  // namespace

TEST_CASE("a default date past the year 9999 is a bad-date at the table that left it out") {
  using std::chrono::days;
  using namespace tlsclub::loader;
  SUBCASE("[server] without valid_until (+170d)") {
    const auto errors =
        errors_of_default("format = 1\n\n[server]\nname = \"club.example\"\n", "server",
                          kServerKeys, "valid_until", "9999-12-01T00:00:00Z", days{170});
    CHECK(errors.size() == 1);
    if (!errors.empty())
      CHECK(errors[0].to_string() ==
            "late.toml:3:1: error[bad-date]: `valid_until` is left out, and its default (+170d "
            "from the clock 9999-12-01T00:00:00Z) falls outside the years 1970 to 9999 (set "
            "`valid_until`, or move the scenario's `clock`)");
  }
  SUBCASE("[[authority]] without valid_until (+3650d)") {
    const auto errors =
        errors_of_default("[[authority]]\nid = \"root\"\n", "authority[0]", kAuthorityKeys,
                          "valid_until", "9999-12-01T00:00:00Z", days{3650});
    CHECK(errors.size() == 1);
    for (const auto& e : errors) {
      CHECK(e.id == "bad-date");
      CHECK(e.line == 1);
      CHECK(e.column == 1);
      CHECK(contains(e.message, "`valid_until` is left out, and its default (+3650d"));
    }
  }
  SUBCASE("[authority.crl] without next_update (+6d)") {
    const auto errors = errors_of_default(
        "[[authority]]\nid = \"root\"\n\n[authority.crl]\nrevoked = []\n", "authority[0].crl",
        kCrlKeys, "next_update", "9999-12-28T00:00:00Z", days{6});
    CHECK(errors.size() == 1);
    if (!errors.empty())
      CHECK(errors[0].to_string() ==
            "late.toml:4:1: error[bad-date]: `next_update` is left out, and its default (+6d from "
            "the clock 9999-12-28T00:00:00Z) falls outside the years 1970 to 9999 (set "
            "`next_update`, or move the scenario's `clock`)");
  }
  SUBCASE("the last second of 9999 is still in range, and a key that is set is not a default") {
    CHECK(errors_of_default("[server]\n", "server", kServerKeys, "valid_until",
                            "9999-12-30T23:59:59Z", days{1})
              .empty());
    CHECK(errors_of_default("[server]\nvalid_until = \"9999-12-31\"\n", "server", kServerKeys,
                            "valid_until", "9999-12-01T00:00:00Z", days{0})
              .empty());
  }
}

TEST_CASE("a file whose clock is in December 9999 does not load") {
  // Whatever is said first (the clock, or the default badge it would give), it is a bad-date.
  const auto errors =
      errors_of(replace(kSmallScenario, "2026-03-01T20:00:00Z", "9999-12-01T00:00:00Z"));
  REQUIRE_FALSE(errors.empty());
  CHECK(std::all_of(errors.begin(), errors.end(),
                    [](const LoadError& e) { return e.id == "bad-date"; }));
}

TEST_CASE("a default date before 1970 is a bad-date at the table that left it out") {
  // Four days after the epoch: the authority's -3650d and the server's -30d fall before it.
  const std::string early = replace(kSmallScenario, "2026-03-01T20:00:00Z", "1970-01-05T00:00:00Z");
  const auto errors = errors_of(early);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].to_string() ==
        "broken.toml:5:1: error[bad-date]: `valid_from` is left out, and its default (-3650d from "
        "the clock 1970-01-05T00:00:00Z) falls outside the years 1970 to 9999 (set `valid_from`, "
        "or move the scenario's `clock`)");
  CHECK(errors[1].to_string() ==
        "broken.toml:8:1: error[bad-date]: `valid_from` is left out, and its default (-30d from "
        "the clock 1970-01-05T00:00:00Z) falls outside the years 1970 to 9999 (set `valid_from`, "
        "or move the scenario's `clock`)");
  // Given explicitly, in range, the same file loads.
  auto text = replace(early, "name = \"Root CA\"", "name = \"Root CA\"\nvalid_from = \"-4d\"");
  text = replace(text, "issuer = \"root\"", "issuer = \"root\"\nvalid_from = 1970-01-01");
  const auto spec = spec_of(text);
  REQUIRE(spec.authorities.size() == 1);
  CHECK(tlsclub::format_time(spec.authorities[0].certificate.not_before) == "1970-01-01T00:00:00Z");
  CHECK(tlsclub::format_time(spec.server.certificate.certificate.not_before) ==
        "1970-01-01T00:00:00Z");
}

TEST_CASE("a CRL's or an OCSP staple's default this_update before 1970 is a bad-date") {
  // Noon on the first day: every certificate starts at the clock, so only the -1d defaults fail.
  auto text = replace(kSmallScenario, "2026-03-01T20:00:00Z", "1970-01-01T12:00:00Z");
  text = replace(text, "name = \"Root CA\"", "name = \"Root CA\"\nvalid_from = 0");
  text = replace(text, "issuer = \"root\"", "issuer = \"root\"\nvalid_from = 0");
  SUBCASE("[authority.crl]") {
    // Written last (after [[member]]), the CRL's header is line 15.
    check_only_error(text + "[authority.crl]\nrevoked = []\n", "bad-date", 15, 1,
                     "`this_update` is left out, and its default (-1d from the clock "
                     "1970-01-01T12:00:00Z) falls outside the years 1970 to 9999");
  }
  SUBCASE("[server.ocsp_staple]") {
    check_only_error(
        replace(text, "[[member]]", "[server.ocsp_staple]\nstatus = \"good\"\n[[member]]"),
        "bad-date", 13, 1,
        "`this_update` is left out, and its default (-1d from the clock 1970-01-01T12:00:00Z)");
  }
  SUBCASE("a revoked staple's revoked_at (-2d)") {
    check_only_error(replace(text, "[[member]]",
                             "[server.ocsp_staple]\nstatus = \"revoked\"\nthis_update = 0\n"
                             "[[member]]"),
                     "bad-date", 13, 1, "`revoked_at` is left out, and its default (-2d");
  }
  SUBCASE("this_update given, both load") {
    const auto spec =
        spec_of(replace(text, "[[member]]",
                        "[server.ocsp_staple]\nstatus = \"good\"\nthis_update = \"0\"\n"
                        "[[member]]") +
                "[authority.crl]\nrevoked = []\nthis_update = 1970-01-01\n");
    REQUIRE(spec.server.ocsp_staple);
    REQUIRE(spec.authorities.size() == 1);
    REQUIRE(spec.authorities[0].crl);
    CHECK(tlsclub::format_time(spec.authorities[0].crl->this_update) == "1970-01-01T00:00:00Z");
  }
}

// ---- 2. control characters ---------------------------------------------------------------------

TEST_CASE("a control character in a name or value is a located bad-value naming the code point") {
  struct Case {
    const char* name;
    std::string text;
    int line;
    int column;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"escape in a member name",
       replace(kSmallScenario, "name = \"Alice\"", R"(name = "Al\u001b[31mice")"), 12, 8,
       "`name` contains a control character (U+001B at character 3)"},
      {"NUL in the server name",
       replace(kSmallScenario, "name = \"club.example\"", R"(name = "club\u0000.example")"), 9, 8,
       "`name` contains a control character (U+0000 at character 5)"},
      {"C1 NEL in a member name",
       replace(kSmallScenario, "name = \"Alice\"", R"(name = "Ali\u0085ce")"), 12, 8,
       "`name` contains a control character (U+0085 at character 4)"},
      {"C1 after other non-ASCII",
       replace(kSmallScenario, "name = \"Alice\"", R"(name = "Zoë\u009b")"), 12, 8,
       "(U+009B at character 4)"},
      {"DEL in the title", replace(kSmallScenario, "title = \"t\"", R"(title = "t\u007f")"), 3, 9,
       "`title` contains a control character (U+007F at character 2)"},
      {"newline in a name", replace(kSmallScenario, "name = \"Alice\"", R"(name = "Al\nice")"), 12,
       8, "`name` contains a control character (U+000A at character 3)"},
      {"tab in a name", replace(kSmallScenario, "name = \"Alice\"", R"(name = "Al\tice")"), 12, 8,
       "(U+0009 at character 3)"},
      {"bare carriage return in summary",
       replace(kSmallScenario, "title = \"t\"", "title = \"t\"\nsummary = \"one\\rtwo\""), 4, 11,
       "`summary` contains a control character (U+000D at character 4)"},
      {"escape in prose", replace(kSmallScenario, "title = \"t\"", R"(title = "t"
summary = """
line one
\u001b[2J""")"),
       4, 11, "`summary` contains a control character (U+001B at character 10)"},
      {"an item of a list", replace(kSmallScenario, "issuer = \"root\"", R"(issuer = "root"
dns_names = ["club.example", "evil\u0007"])"),
       11, 30, "`dns_names` contains a control character (U+0007 at character 5)"},
  };
  for (const auto& c : cases) {
    SUBCASE(c.name) {
      const auto errors = errors_of(c.text);
      const auto e = std::find_if(errors.begin(), errors.end(),
                                  [](const LoadError& x) { return x.id == "bad-value"; });
      // No early exit (REQUIRE, return): the subcases after a failing one would not run.
      CHECK_MESSAGE(e != errors.end(), (errors.empty() ? "no error" : errors[0].to_string()));
      if (e != errors.end()) {
        INFO(e->to_string());
        CHECK(e->file == "broken.toml");
        CHECK(e->line == c.line);
        CHECK(e->column == c.column);
        CHECK(contains(e->message, c.message));
        CHECK_FALSE(e->hint.empty());
      }
    }
  }
}

TEST_CASE("the whole error for a control character, with its hint") {
  const auto errors =
      errors_of(replace(kSmallScenario, "name = \"Alice\"", R"(name = "Al\u001b[31mice")"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].to_string() ==
        "broken.toml:12:8: error[bad-value]: `name` contains a control character (U+001B at "
        "character 3) (names and values are one line of visible characters)");
  const auto prose =
      errors_of(replace(kSmallScenario, "title = \"t\"", "title = \"t\"\nsummary = \"a\\rb\""));
  REQUIRE(prose.size() == 1);
  CHECK(prose[0].hint == "only line breaks and tabs may appear in text");
}

TEST_CASE("the club's password records refuse control characters, without printing them") {
  const std::string club = R"(format = 1
[scenario]
title = "t"
[[authority]]
id = "root"
name = "Root"
[server]
name = "club.example"
issuer = "root"
client_auth = "required"
require_password = true
[server.passwords]
)";
  for (const char* line : {R"("Al\u001bice" = "tulip")", R"(Alice = "tu\u001b[2Jlip")"}) {
    INFO(line);
    const auto errors = errors_of(club + line + "\n[[member]]\nname = \"Alice\"\n" +
                                  "[member.card]\nissuer = \"root\"\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].id == "bad-value");
    CHECK(errors[0].line == 13);
    CHECK(errors[0].message.find('\x1b') == std::string::npos);
  }
}

TEST_CASE("prose may break lines and hold tabs") {
  SUBCASE("a multi-line summary") {
    const auto spec = spec_of(replace(kSmallScenario, "title = \"t\"",
                                      "title = \"t\"\nsummary = \"\"\"\nOne.\nTwo.\"\"\""));
    CHECK(spec.summary == "One.\nTwo.");
  }
  SUBCASE("a tab in summary") {
    const auto spec = spec_of(replace(kSmallScenario, "title = \"t\"", R"(title = "t"
summary = "a\tb")"));
    CHECK(spec.summary == "a\tb");
  }
  SUBCASE("a CRLF pair in summary") {
    const auto spec = spec_of(replace(kSmallScenario, "title = \"t\"", R"(title = "t"
summary = "a\r\nb")"));
    CHECK(spec.summary == "a\r\nb");
  }
  SUBCASE("a newline in a note's text") {
    const auto spec = spec_of(kSmallScenario + R"([[note]]
at = "client.client_hello"
text = "First line.\nSecond line."
)");
    REQUIRE(spec.notes.size() == 1);
    CHECK(spec.notes[0].text == "First line.\nSecond line.");
  }
}

// ---- 3. the engine: faults that never applied --------------------------------------------------

TEST_CASE("a fault whose message never comes is recorded as never applied") {
  const auto spec = spec_of(kTicketFault);
  REQUIRE(spec.faults.size() == 1);
  CHECK(spec.faults[0].number == 1);
  CHECK(spec.faults[0].line == kTicketFaultLine);
  const auto timeline = tlsclub::run_scenario(spec);
  const auto faults = events_of<FaultEvent>(timeline);
  REQUIRE(faults.size() == 1);
  const auto& f = *faults[0];
  INFO(f.description);
  CHECK_FALSE(f.applied);
  CHECK(f.number == 1);
  CHECK(f.record_id == 0);
  CHECK(f.from == tlsclub::Side::server);
  CHECK(f.action == "flip");
  CHECK(contains(f.description, "fault 1 never applied"));
  CHECK(contains(f.description, "new_session_ticket"));
  CHECK(f.description ==
        "fault 1 never applied (flip byte 0 (mask 0x01) of the server's record carrying "
        "new_session_ticket): no record from the server carried new_session_ticket in this visit");
  // The visit itself ran as if the fault were not there.
  REQUIRE(timeline.connections.size() == 1);
  CHECK(timeline.connections[0].outcome == tlsclub::Outcome::admitted);

  const auto warnings = tlsclub::run_warnings(timeline);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].member == "Alice");
  CHECK(warnings[0].fault == 1);
  CHECK(warnings[0].text == f.description);

  // In the Timeline's JSON, beside a record number of 0.
  const auto json = tlsclub::to_json(timeline);
  int seen = 0;
  for (const auto& e : json["connections"][0]["events"]) {
    if (e["kind"] != "fault") continue;
    ++seen;
    CHECK(e.value("applied", true) == false);
    CHECK(e.value("fault", 0) == 1);
    CHECK(e.value("record", 99) == 0);
    CHECK(e.value("from", "") == "server");
    CHECK(e.value("description", "") == f.description);
  }
  CHECK(seen == 1);
}

TEST_CASE("a fault on a record past the end says how many records the side sent") {
  const auto spec =
      spec_of(replace(kTicketFault, "from = \"server\"\nmessage = \"new_session_ticket\"",
                      "from = \"client\"\nrecord = 40"));
  const auto timeline = tlsclub::run_scenario(spec);
  const auto faults = events_of<FaultEvent>(timeline);
  REQUIRE(faults.size() == 1);
  const auto sent = records_sent_by(timeline.connections.at(0), tlsclub::Side::client);
  REQUIRE(sent > 1);
  REQUIRE(sent < 40);
  CHECK_FALSE(faults[0]->applied);
  CHECK(faults[0]->number == 1);
  CHECK(faults[0]->record_id == 0);
  CHECK(faults[0]->description ==
        "fault 1 never applied (flip byte 0 (mask 0x01) of the 40th record from the client): the "
        "client sent " +
            std::to_string(sent) + " records in this visit");
}

TEST_CASE("a fault that strikes is applied and keeps its number in the file") {
  // Fault 1 waits for a ticket that never comes; fault 2 hits the club's CertificateVerify.
  const auto text = replace(kTicketFault, "outcome = \"admitted\"",
                            "outcome = \"refused\"\nrefused_by = \"client\"\nalert = "
                            "\"bad_record_mac\"") +
                    "[[fault]]\naction = \"flip\"\nfrom = \"server\"\nmessage = "
                    "\"certificate_verify\"\noffset = 40\n";
  const auto spec = spec_of(text);
  REQUIRE(spec.faults.size() == 2);
  const auto timeline = tlsclub::run_scenario(spec);
  const auto faults = events_of<FaultEvent>(timeline);
  REQUIRE(faults.size() == 2);
  const auto applied =
      std::find_if(faults.begin(), faults.end(), [](const FaultEvent* f) { return f->applied; });
  const auto missed =
      std::find_if(faults.begin(), faults.end(), [](const FaultEvent* f) { return !f->applied; });
  REQUIRE(applied != faults.end());
  REQUIRE(missed != faults.end());
  CHECK((*applied)->number == 2);
  CHECK((*applied)->record_id > 0);
  CHECK_FALSE(contains((*applied)->description, "never applied"));
  CHECK((*missed)->number == 1);
  CHECK((*missed)->record_id == 0);
  for (const auto& r : tlsclub::check_expectations(spec, timeline)) {
    INFO(r.member, " expected ", r.expected, ", got ", r.actual);
    CHECK(r.met);
  }
  const auto warnings = tlsclub::run_warnings(timeline);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].fault == 1);
}

TEST_CASE("no scenario of the library has a fault that never applies") {
  const auto library = std::filesystem::path(TLSCLUB_SOURCE_DIR) / "scenarios";
  const auto files = tlsclub::scenario_files_in(library);
  REQUIRE(files.size() >= 30);
  std::size_t with_faults = 0;
  for (const auto& file : files) {
    const std::string name = std::filesystem::relative(file, library).string();
    INFO(name);
    auto loaded = tlsclub::load_scenario_file(file);
    CHECK(std::holds_alternative<ScenarioSpec>(loaded));
    const auto* spec = std::get_if<ScenarioSpec>(&loaded);
    if (spec == nullptr) continue;  // scenario_library_test.cpp says why
    with_faults += spec->faults.empty() ? 0 : 1;
    const auto timeline = tlsclub::run_scenario(*spec);
    for (const auto& w : tlsclub::run_warnings(timeline)) FAIL_CHECK(w.member << ": " << w.text);
    for (const auto* f : events_of<FaultEvent>(timeline)) {
      INFO(f->description);
      CHECK(f->applied);
      CHECK(f->number > 0);
    }
  }
  CHECK(with_faults >= 5);  // the wire-attacks lesson: the check above is not vacuous
}

// ---- 4. the CLI --------------------------------------------------------------------------------

TEST_CASE("tlsclub check warns at the fault's line and still exits 0") {
  const tlsclub::test::ScratchDir dir("scenario-limits-check");
  const auto file = dir / "ticket.toml";
  std::ofstream(file) << kTicketFault;
  const auto r = run_cli("check " + file);
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(contains(r.out, file + ": ok (1 member)\n"));
  CHECK(contains(r.out, file + ":" + std::to_string(kTicketFaultLine) +
                            ": warning: in Alice's visit, fault 1 never applied (flip byte 0 "
                            "(mask 0x01) of the server's record carrying new_session_ticket): no "
                            "record from the server carried new_session_ticket in this visit\n"));
  // A file whose faults all strike has no warning.
  const auto quiet = run_cli(
      "check " + tlsclub::test::library_path("wire-attacks/tampered-certificate-verify.toml"));
  CHECK(quiet.code == 0);
  CHECK_FALSE(contains(quiet.out, "warning"));
}

TEST_CASE("tlsclub run FILE prints the warning after the transcript") {
  const tlsclub::test::ScratchDir dir("scenario-limits-run");
  const auto file = dir / "ticket.toml";
  std::ofstream(file) << kTicketFault;
  const auto r = run_cli("run --color never --no-explain " + file);
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(contains(r.out,
                 "\nWarning: Alice: fault 1 never applied (flip byte 0 (mask 0x01) of the "
                 "server's record carrying new_session_ticket)"));
  CHECK(contains(r.out, "Expectation met: Alice"));
  // The transcript shows it too, where the visit ended.
  CHECK(contains(r.out, "⚠ fault 1 never applied"));
}

TEST_CASE("tlsclub run DIR marks the row and counts the faults never applied") {
  const tlsclub::test::ScratchDir dir("scenario-limits-dir");
  std::ofstream(dir / "ticket.toml") << kTicketFault;
  const auto r = run_cli("run --color never " + dir.path().string());
  INFO(r.out);
  CHECK(r.code == 0);
  std::string row;
  for (std::size_t at = 0; at < r.out.size();) {
    const auto end = r.out.find('\n', at);
    const auto line = r.out.substr(at, end - at);
    if (contains(line, "ticket.toml") && contains(line, "Alice")) row = line;
    at = end == std::string::npos ? r.out.size() : end + 1;
  }
  CHECK(contains(row, "  ok  ⚠ fault 1 never applied (flip byte 0 (mask 0x01)"));
  CHECK(contains(r.out, "1 scenarios, 1 expectations met, 0 not met, 1 fault(s) never applied\n"));
  // The library's own summary line has no such count.
  const auto library = run_cli("run --quiet " + std::string(TLSCLUB_SOURCE_DIR) + "/scenarios");
  CHECK(library.code == 0);
  CHECK_FALSE(contains(library.out, "never applied"));
}
