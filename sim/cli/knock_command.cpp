// tlsclub knock: a member of the scenario visits a real TLS server on the loopback (openssl
// s_server, gnutls-serv, `tlsclub serve`) with its card, trust and SNI; our bouncer checks the
// badge. Prints the transcript; exit 0 admitted, 1 refused, 2 bad input.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "bridge/knock.h"
#include "cli/commands.h"
#include "cli/one_scenario.h"
#include "core/atomic_file.h"
#include "timeline/json.h"
#include "timeline/text.h"

namespace tlsclub::cli {

CLI::App* add_knock_command(CLI::App& app, KnockArgs& args) {
  auto* cmd = app.add_subcommand(
      "knock",
      "Visit a real TLS server on this machine as one of the scenario's members: its card, the\n"
      "authorities its device trusts, its SNI, its policy; our bouncer checks the badge. Prints\n"
      "the transcript and the outcome. See docs/bridge.md.\n"
      "Exit 0: admitted; 1: refused; 2: bad input or nothing to connect to.");
  cmd->add_option("target", args.target, "Where the server listens, e.g. 127.0.0.1:4433")
      ->type_name("HOST:PORT")
      ->required();
  cmd->add_option("--scenario", args.scenario, "Scenario file (default: the built-in demo)")
      ->type_name("FILE");
  cmd->add_option("--member", args.member, "Who knocks (default: the scenario's first member)")
      ->type_name("NAME");
  cmd->add_option("--server-name", args.server_name,
                  "Ask for this host name (SNI) instead of the member's")
      ->type_name("NAME");
  cmd->add_option("--tls", args.tls, "TLS version the member speaks (overrides the scenario)")
      ->check(CLI::IsMember({"1.2", "1.3"}));
  cmd->add_option("--clock", args.clock,
                  "Move the scenario to another time first ('now' or a time): the member checks "
                  "the badge at the scenario's clock")
      ->type_name("now|TIME");
  cmd->add_option("--timeout", args.timeout, "Give up after this many seconds (default 10)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--reply-wait", args.reply_wait,
                  "Seconds to wait for the server's answer before saying goodbye (default 2)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--allow-remote", args.allow_remote,
                "Allow a host that is not this machine (prints a warning)");
  cmd->add_option("--json", args.json, "Also write the visit's Timeline as JSON")
      ->type_name("FILE");
  cmd->add_flag("-q,--quiet", args.quiet, "Print the outcome only");
  cmd->add_flag("--no-explain", args.no_explain, "Leave out the club and engineer sentences");
  cmd->add_option("--color", args.color, "Colour the transcript")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  return cmd;
}

int knock_command(const KnockArgs& args) {
  auto spec = load_one_scenario(args.scenario, args.tls, args.clock, "knock", std::cerr);
  if (!spec) return kExitBadInput;
  try {
    bridge::KnockOptions options;
    std::tie(options.host, options.port) = bridge::split_host_port(args.target);
    options.member =
        args.member.empty() && !spec->members.empty() ? spec->members[0].name : args.member;
    options.server_name = args.server_name;
    options.allow_non_loopback = args.allow_remote;
    options.timeout = bridge::Millis(static_cast<long long>(args.timeout * 1000));
    options.reply_wait = bridge::Millis(static_cast<long long>(args.reply_wait * 1000));
    if (args.allow_remote && !bridge::is_loopback_host(options.host))
      std::cerr << "tlsclub knock: warning: " << options.host
                << " is not this machine: the member's card and key go over the network\n";
    const Timeline t = bridge::knock(*spec, options);
    if (!args.json.empty()) write_file_atomically(args.json, to_json(t).dump(2) + "\n");
    const Connection& c = t.connections.at(0);
    if (!args.quiet) {
      TextOptions text;
      text.fields = false;
      text.explanations = !args.no_explain;
      text.color = args.color == "always" || (args.color == "auto" && isatty(STDOUT_FILENO) != 0);
      write_text(std::cout, t, text);
    } else {
      std::cout << c.client << " " << to_string(c.outcome)
                << (c.alert ? " (alert " + *c.alert + ")" : std::string()) << "\n";
    }
    return c.outcome == Outcome::admitted ? kExitOk : kExitExpectationNotMet;
  } catch (const bridge::BridgeError& e) {
    std::cerr << "tlsclub knock: error: " << e.what() << "\n";
    return kExitBadInput;
  }
}

}  // namespace tlsclub::cli
