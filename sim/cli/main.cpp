// tlsclub: the headless front end. Runs scenarios and prints or exports their Timelines.
//
// Exit codes: 0 success, 1 an expectation not met, 2 bad usage or input.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "core/atomic_file.h"
#include "simulation/expectations.h"
#include "simulation/simulation.h"
#include "timeline/json.h"
#include "timeline/text.h"

namespace {

constexpr int kExitExpectationNotMet = 1;
constexpr int kExitBadInput = 2;

struct RunArgs {
  std::string tls = "1.3";
  std::uint64_t seed = 1;
  std::string json;
  bool quiet = false;
  bool no_explain = false;
  bool no_fields = false;
  std::string color = "auto";
};

int run(const RunArgs& args) {
  using namespace tlsclub;
  const auto version = args.tls == "1.2" ? TlsVersion::tls12 : TlsVersion::tls13;
  const ScenarioSpec spec = demo_scenario(version, args.seed);
  const Timeline timeline = run_scenario(spec);
  if (!args.json.empty()) {
    const std::string text = to_json(timeline).dump(2) + "\n";
    if (args.json == "-")
      std::cout << text;
    else
      write_file_atomically(args.json, text);
  }
  if (!args.quiet && args.json != "-") {
    TextOptions options;
    options.explanations = !args.no_explain;
    options.fields = !args.no_fields;
    options.color = args.color == "always" || (args.color == "auto" && isatty(STDOUT_FILENO) != 0);
    write_text(std::cout, timeline, options);
  }
  bool all_met = true;
  for (const auto& r : check_expectations(spec, timeline)) {
    all_met = all_met && r.met;
    if (!args.quiet && args.json != "-")
      std::cout << (r.met ? "Expectation met: " : "EXPECTATION NOT MET: ") << r.member
                << " expected " << r.expected << ", got " << r.actual << "\n";
  }
  return all_met ? 0 : kExitExpectationNotMet;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "TLS Club: real TLS handshakes, step by step.\n"
      "Runs in-memory TLS 1.3 / 1.2 handshakes (Botan) between a simulated club entrance (server)\n"
      "and its members (clients), and shows every record, message, check and secret."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "tlsclub 0.1.0");

  RunArgs args;
  auto* run_cmd = app.add_subcommand(
      "run", "Run the built-in demo: Alice's mutual-TLS visit to club.example, step by step");
  run_cmd->add_option("--tls", args.tls, "TLS version on both sides")
      ->check(CLI::IsMember({"1.2", "1.3"}));
  run_cmd->add_option("--seed", args.seed, "Seed of every random stream (same seed, same bytes)");
  run_cmd
      ->add_option("--json", args.json,
                   "Also write the Timeline as JSON to FILE ('-' for stdout only)")
      ->type_name("FILE");
  run_cmd->add_flag("-q,--quiet", args.quiet,
                    "No transcript (with --json FILE: just write the file)");
  run_cmd->add_flag("--no-explain", args.no_explain, "Leave out the club and engineer sentences");
  run_cmd->add_flag("--no-fields", args.no_fields, "Leave out the decoded fields of each message");
  run_cmd->add_option("--color", args.color, "Colour the transcript")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitBadInput;
  }
  try {
    if (*run_cmd) return run(args);
  } catch (const std::exception& e) {
    std::cerr << "tlsclub: error: " << e.what() << "\n";
    return kExitBadInput;
  }
  return 0;
}
