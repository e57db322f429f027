// tlsclub export: what a trainer hands out. Runs the scenario once and writes each export asked
// for; every file goes to a temporary name first, so a failed export leaves nothing half-written.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"
#include "cli/one_scenario.h"
#include "export/classroom.h"
#include "export/exports.h"
#include "simulation/simulation.h"

namespace tlsclub::cli {

CLI::App* add_export_command(CLI::App& app, ExportArgs& args) {
  auto* cmd = app.add_subcommand(
      "export",
      "Export a scenario for class: its certificates and keys as PEM, the Timeline as JSON, a\n"
      "packet capture with its key log (Wireshark), the ladder diagram as SVG, a Markdown "
      "handout,\n"
      "the authority a class imports to visit `tlsclub serve` with its browsers.\n"
      "No FILE: the built-in demo. Name at least one output. See docs/exports.md.\n"
      "Exit 0: everything written; 2: bad input or a file that could not be written.");
  cmd->add_option("path", args.path, "Scenario file (default: the built-in demo)")
      ->type_name("FILE");
  cmd->add_option("--tls", args.tls, "TLS version on both sides (overrides the scenario)")
      ->check(CLI::IsMember({"1.2", "1.3"}));
  cmd->add_option("--seed", args.seed, "Seed of every random stream (overrides the scenario)");
  cmd->add_option("--clock", args.clock,
                  "Move the scenario to another time, every date with it: 'now' (certificates "
                  "then look as fresh to real tools as they do in the scenario) or a time")
      ->type_name("now|TIME");
  cmd->add_option("--certs", args.certs,
                  "Write every certificate, private key (0600), chain, trust list, CRL and OCSP "
                  "response as PEM into DIR, with an index.txt (created when missing)")
      ->type_name("DIR");
  cmd->add_option("--classroom", args.classroom,
                  "Write into DIR the town authority for the class's browsers, name-constrained "
                  "to the scenario's names under .example/.test, and a README.txt; without "
                  "--clock, the clock moves to now (see docs/classroom.md)")
      ->type_name("DIR");
  cmd->add_option("--json", args.json, "Write the Timeline as JSON (docs/timeline-json.md)")
      ->type_name("FILE");
  cmd->add_option("--pcap", args.pcap,
                  "Write a packet capture (classic pcap, raw IPv4): one TCP stream per member, "
                  "127.0.0.1 -> 127.0.0.2:443")
      ->type_name("FILE");
  cmd->add_option("--keylog", args.keylog,
                  "Write the NSS key log (SSLKEYLOGFILE) that lets Wireshark decrypt the capture")
      ->type_name("FILE");
  cmd->add_option("--svg", args.svg,
                  "Write the ladder diagram as a standalone SVG (one ladder per member)")
      ->type_name("FILE");
  cmd->add_option("--markdown", args.markdown,
                  "Write a handout: summary, diagram (links the --svg file when given, else a text "
                  "ladder), every step explained, the certificate checks, the outcome")
      ->type_name("FILE");
  return cmd;
}

namespace {

bool nothing_asked(const ExportArgs& a) {
  return a.certs.empty() && a.classroom.empty() && a.json.empty() && a.keylog.empty() &&
         a.pcap.empty() && a.svg.empty() && a.markdown.empty();
}

}  // namespace

int export_command(const ExportArgs& args) {
  if (nothing_asked(args)) {
    std::cerr << "tlsclub export: error: nothing to export (hint: name at least one of --certs "
                 "DIR, --classroom DIR, --json FILE, --pcap FILE, --keylog FILE, --svg FILE, "
                 "--markdown FILE; see tlsclub "
                 "export --help)\n";
    return kExitBadInput;
  }
  // Browsers check the badges against the real time, so a classroom kit is made for now.
  const std::string clock = args.clock.empty() && !args.classroom.empty() ? "now" : args.clock;
  auto loaded = load_one_scenario(args.path, args.tls, clock, "export", std::cerr);
  if (!loaded) return kExitBadInput;
  ScenarioSpec& spec = *loaded;
  if (args.seed) spec.seed = *args.seed;

  if (!args.classroom.empty()) {
    try {
      const auto files = export_classroom(spec, args.classroom);
      std::cout << "wrote " << files.size() << " files to " << args.classroom << " (see "
                << files.back().path.string() << ")\n";
    } catch (const ClassroomError& e) {
      std::cerr << "tlsclub export: error: "
                << (spec.source.empty() ? std::string("the demo") : spec.source) << ": " << e.what()
                << "\n";
      return kExitBadInput;
    }
  }
  if (!args.certs.empty()) {
    const auto files = export_certificates(spec, args.certs);
    std::cout << "wrote " << files.size() << " files to " << args.certs << " (see "
              << files.back().path.string() << ")\n";
  }
  const ExportRequest request{{}, args.json, args.pcap, args.keylog, args.svg, args.markdown};
  if (!request.any()) return kExitOk;  // the certificates alone need no run
  for (const auto& file : write_exports(spec, run_scenario(spec), request))
    std::cout << "wrote " << file.path.string() << " (" << file.description << ")\n";
  return kExitOk;
}

}  // namespace tlsclub::cli
