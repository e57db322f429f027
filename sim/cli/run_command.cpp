// tlsclub run: the demo, one scenario file (its transcript), or a library (a summary table).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "capture/wire_view.h"
#include "capture/wire_view_text.h"
#include "cli/commands.h"
#include "cli/scenario_files.h"
#include "core/atomic_file.h"
#include "simulation/expectations.h"
#include "simulation/simulation.h"
#include "timeline/json.h"
#include "timeline/text.h"

namespace tlsclub::cli {

namespace {

void apply_overrides(const RunArgs& args, ScenarioSpec& spec) {
  if (args.tls)
    spec.min_version = spec.max_version =
        *args.tls == "1.2" ? TlsVersion::tls12 : TlsVersion::tls13;
  if (args.seed) spec.seed = *args.seed;
}

// A visit's records as an eavesdropper between the two saw them: each as its receiver got it,
// as `tlsclub export --pcap` writes them, so the view matches `tlsclub open --wire` of the export.
void write_wire_views(std::ostream& out, const Timeline& timeline) {
  for (std::size_t i = 0; i < timeline.connections.size(); ++i) {
    const auto& c = timeline.connections[i];
    std::vector<capture::WireRecord> records;
    for (const auto& e : c.events)
      if (const auto* r = std::get_if<RecordEvent>(&e.body);
          r && r->phase == RecordEvent::Phase::delivered)
        records.push_back(
            {r->from, r->bytes, std::chrono::nanoseconds(e.time.time_since_epoch()).count()});
    out << (i == 0 ? "" : "\n") << "Visit " << i + 1 << ": " << c.client << " at " << c.server_name
        << "\n\n";
    capture::write_wire_view(out, capture::watch_records(records));
  }
}

// One scenario with its transcript, as `tlsclub run` has always shown the demo.
int run_one(const RunArgs& args, const ScenarioSpec& spec) {
  const Timeline timeline = run_scenario(spec);
  if (!args.json.empty()) {
    const std::string text = to_json(timeline).dump(2) + "\n";
    if (args.json == "-")
      std::cout << text;
    else
      write_file_atomically(args.json, text);
  }
  const bool show = !args.quiet && args.json != "-";
  if (show && args.wire) {
    write_wire_views(std::cout, timeline);
  } else if (show) {
    TextOptions options;
    options.explanations = !args.no_explain;
    options.fields = !args.no_fields;
    options.color = args.color == "always" || (args.color == "auto" && isatty(STDOUT_FILENO) != 0);
    write_text(std::cout, timeline, options);
  }
  if (show)
    for (const auto& w : run_warnings(timeline))
      std::cout << "Warning: " << w.member << ": " << w.text << "\n";
  bool all_met = true;
  for (const auto& r : check_expectations(spec, timeline)) {
    all_met = all_met && r.met;
    if (show)
      std::cout << (r.met ? "Expectation met: " : "EXPECTATION NOT MET: ") << r.member
                << " expected " << r.expected << ", got " << r.actual << "\n";
  }
  return all_met ? kExitOk : kExitExpectationNotMet;
}

struct Row {
  std::string scenario, member, expected, actual, ok;
  std::string warning;  // a fault of the file that never applied in this member's visit
};

void print_table(const std::vector<Row>& rows) {
  Row header{"scenario", "member", "expected", "actual", "ok", ""};
  std::array<std::size_t, 4> width{};
  const auto widen = [&](const Row& r) {
    width[0] = std::max(width[0], r.scenario.size());
    width[1] = std::max(width[1], r.member.size());
    width[2] = std::max(width[2], r.expected.size());
    width[3] = std::max(width[3], r.actual.size());
  };
  widen(header);
  for (const auto& r : rows) widen(r);
  const auto print = [&](const Row& r) {
    const auto pad = [](const std::string& s, std::size_t w) {
      return s + std::string(w - s.size(), ' ');
    };
    std::cout << pad(r.scenario, width[0]) << "  " << pad(r.member, width[1]) << "  "
              << pad(r.expected, width[2]) << "  " << pad(r.actual, width[3]) << "  " << r.ok
              << (r.warning.empty() ? "" : "  ⚠ " + r.warning) << "\n";
  };
  print(header);
  for (const auto& r : rows) print(r);
}

// Every scenario, a progress line each on stderr, then the table.
int run_library(const RunArgs& args, std::vector<LoadedScenario>& scenarios) {
  std::vector<Row> rows;
  std::size_t met = 0, not_met = 0, warned = 0;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    auto& s = scenarios[i];
    apply_overrides(args, s.spec);
    std::cerr << "[" << i + 1 << "/" << scenarios.size() << "] " << s.path.string() << "\n";
    const Timeline timeline = run_scenario(s.spec);
    const auto warnings = run_warnings(timeline);
    for (const auto& r : check_expectations(s.spec, timeline)) {
      Row row{s.path.string(), r.member, r.expected, r.actual, r.met ? "ok" : "NOT MET", ""};
      for (const auto& w : warnings)
        if (w.member == r.member) row.warning += (row.warning.empty() ? "" : "; ") + w.text;
      rows.push_back(std::move(row));
      ++(r.met ? met : not_met);
    }
    warned += warnings.size();
  }
  if (!args.quiet) print_table(rows);
  std::cout << scenarios.size() << " scenarios, " << met << " expectations met, " << not_met
            << " not met";
  if (warned > 0) std::cout << ", " << warned << " fault(s) never applied";
  std::cout << "\n";
  return not_met == 0 ? kExitOk : kExitExpectationNotMet;
}

}  // namespace

CLI::App* add_run_command(CLI::App& app, RunArgs& args) {
  auto* cmd = app.add_subcommand(
      "run",
      "Run scenarios. No FILE: the built-in demo (Alice's mutual-TLS visit to club.example).\n"
      "One FILE: its transcript and whether each member's expectation is met.\n"
      "A folder (or several files): every *.toml in it, recursively, then a summary table.\n"
      "Exit 0: every expectation holds; 1: one does not; 2: a file did not load (nothing runs).");
  cmd->add_option("paths", args.paths, "Scenario files or folders")->type_name("FILE|DIR");
  cmd->add_option("--tls", args.tls, "TLS version on both sides (overrides the scenario)")
      ->check(CLI::IsMember({"1.2", "1.3"}));
  cmd->add_option("--seed", args.seed,
                  "Seed of every random stream (same seed, same bytes; overrides the scenario)");
  cmd->add_option(
         "--json", args.json,
         "Also write the Timeline as JSON to FILE ('-' for stdout only); one scenario only")
      ->type_name("FILE");
  cmd->add_flag("-q,--quiet", args.quiet,
                "No transcript or table (with --json FILE: just write the file)");
  cmd->add_flag("--no-explain", args.no_explain, "Leave out the club and engineer sentences");
  cmd->add_flag("--no-fields", args.no_fields, "Leave out the decoded fields of each message");
  cmd->add_flag("--wire", args.wire,
                "Instead of the transcript: what an eavesdropper on the path sees of each visit, "
                "without keys, and what stays sealed (as tlsclub open --wire shows a capture)");
  cmd->add_option("--color", args.color, "Colour the transcript")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  return cmd;
}

int run_command(const RunArgs& args) {
  if (args.paths.empty()) {
    ScenarioSpec spec = demo_scenario(args.tls == "1.2" ? TlsVersion::tls12 : TlsVersion::tls13,
                                      args.seed.value_or(1));
    return run_one(args, spec);
  }
  LoadedSet set = load_paths(args.paths, std::cerr);
  if (set.failed > 0) {
    std::cerr << "tlsclub: " << set.failed << " scenario file(s) did not load; nothing was run\n";
    return kExitBadInput;
  }
  const bool single = !set.any_folder && set.scenarios.size() == 1;
  if (!single && !args.json.empty()) {
    std::cerr << "tlsclub: error: --json takes exactly one scenario file\n";
    return kExitBadInput;
  }
  if (single) {
    apply_overrides(args, set.scenarios[0].spec);
    return run_one(args, set.scenarios[0].spec);
  }
  return run_library(args, set.scenarios);
}

}  // namespace tlsclub::cli
