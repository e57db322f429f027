// tlsclub serve: the scenario's club entrance as a real TLS server on the loopback, for openssl
// s_client, gnutls-cli, curl or a browser. Each visit is recorded as a Timeline. Ctrl-C stops.
#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>

#include "bridge/club_server.h"
#include "cli/commands.h"
#include "cli/one_scenario.h"
#include "core/atomic_file.h"
#include "export/export_file.h"
#include "timeline/json.h"
#include "timeline/outcome.h"
#include "timeline/text.h"

namespace tlsclub::cli {

namespace {

// Set by SIGINT / SIGTERM; the server looks at it between waits of at most a fifth of a second.
std::atomic<bool> g_stop{false};

extern "C" void request_stop(int) {
  g_stop.store(true);
}

void install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = request_stop;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bridge::Millis millis(double seconds) {
  return bridge::Millis(static_cast<long long>(seconds * 1000));
}

// Listening beyond the loopback: where students on other machines find the club. Its badge
// names the club, so they reach it by that name, mapped to one of this machine's addresses.
void print_addresses(const ScenarioSpec& spec, std::uint16_t port) {
  const std::string& name = spec.server.certificate.certificate.common_name;
  const auto addresses = bridge::machine_addresses();
  if (addresses.empty()) {
    std::cout << "this machine has no address but the loopback: other machines cannot reach it"
              << std::endl;
    return;
  }
  std::cout << "visitors reach " << name << " at:";
  for (const std::string& address : addresses) std::cout << " " << address;
  const std::string& first = addresses.front();
  const std::string host = first.find(':') == std::string::npos ? first : "[" + first + "]";
  std::cout << "\n  e.g. curl --cacert AUTHORITY.pem --resolve " << name << ":" << port << ":"
            << host << " https://" << name << ":" << port << "/\n"
            << "  (a browser: map " << name << " to that address in its hosts file; see "
            << "docs/bridge.md)" << std::endl;
}

}  // namespace

CLI::App* add_serve_command(CLI::App& app, ServeArgs& args) {
  auto* cmd = app.add_subcommand(
      "serve",
      "Run the scenario's club entrance as a real TLS server on 127.0.0.1: its badge, chain,\n"
      "OCSP staple and policy, the authorities it trusts for cards, our bouncer. Visit it with\n"
      "openssl s_client, gnutls-cli, `tlsclub knock`, curl or a browser (which get a page about\n"
      "their own visit over HTTP/1.1). Visitors are served side by side; each visit is recorded\n"
      "as a Timeline. Prints 'listening on HOST:PORT' first. Ctrl-C stops. See docs/bridge.md.\n"
      "Exit 0: stopped normally; 2: bad input, or the port could not be used.");
  cmd->add_option("path", args.path, "Scenario file (default: the built-in demo)")
      ->type_name("FILE");
  cmd->add_option("--port", args.port, "TCP port (0: any free port, printed at start)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--listen", args.listen,
                  "Address to listen on (default 127.0.0.1; another address lets other machines "
                  "in, with a warning)")
      ->type_name("ADDR");
  cmd->add_option("--max-connections", args.max_connections,
                  "Stop after this many visits (default: no limit)");
  cmd->add_option("--max-concurrent", args.max_concurrent,
                  "Visits served at once (default 64: a class of browsers, each opening a few "
                  "connections); a connection beyond it is closed at once and counted")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1024}));
  cmd->add_option("--idle-timeout", args.idle_timeout,
                  "Stop after this many seconds without a visitor (default: never)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--handshake-timeout", args.handshake_timeout,
                  "Close a visit whose handshake is not through after this many seconds "
                  "(default 10)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--request-timeout", args.request_timeout,
                  "After the handshake, close a visit whose visitor says nothing for this many "
                  "seconds (default 5: a browser's spare connections)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--timeout", args.timeout,
                  "Close any visit after this many seconds, whatever it is doing (default 30)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--json-dir", args.json_dir,
                  "Write each visit's Timeline to DIR/visit-NNN.json (created when missing)")
      ->type_name("DIR");
  cmd->add_option("--tls", args.tls, "TLS version the club speaks (overrides the scenario)")
      ->check(CLI::IsMember({"1.2", "1.3"}));
  cmd->add_option("--clock", args.clock,
                  "Move the scenario to another time first: 'now' makes its certificates as fresh "
                  "for real clients (which use the real clock) as they are in the scenario")
      ->type_name("now|TIME");
  cmd->add_flag("--transcript", args.transcript, "Print each visit's full transcript");
  cmd->add_option("--color", args.color, "Colour the transcript")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  return cmd;
}

int serve_command(const ServeArgs& args) {
  auto spec = load_one_scenario(args.path, args.tls, args.clock, "serve", std::cerr);
  if (!spec) return kExitBadInput;
  bridge::ServeOptions options;
  options.listen = args.listen;
  options.port = static_cast<std::uint16_t>(args.port);
  options.allow_non_loopback = args.listen != "127.0.0.1";
  options.max_connections = args.max_connections;
  options.idle_timeout = millis(args.idle_timeout);
  options.visit_timeout = millis(args.timeout);
  options.handshake_timeout = millis(args.handshake_timeout);
  options.request_timeout = millis(args.request_timeout);
  options.max_concurrent = args.max_concurrent;
  try {
    if (!args.json_dir.empty()) ensure_export_folder(args.json_dir);
    // Before anything is printed: whoever reads the first line may press Ctrl-C at once.
    install_stop_handlers();
    bridge::ClubServer server(*spec, options);
    if (!bridge::is_loopback_host(args.listen))
      std::cerr << "tlsclub serve: warning: on " << args.listen
                << " other machines can reach this club, and its private keys are teaching "
                   "keys anyone can export\n";
    std::cout << "listening on " << bridge::endpoint_text(server.host(), server.port()) << " as "
              << spec->server.certificate.certificate.common_name << " (" << spec->title
              << "); Ctrl-C stops" << std::endl;
    TextOptions text;
    text.fields = false;
    text.color = args.color == "always" || (args.color == "auto" && isatty(STDOUT_FILENO) != 0);
    if (!bridge::is_loopback_host(args.listen)) print_addresses(*spec, server.port());
    const auto counts = server.run(
        g_stop,
        [&](const Timeline& t, std::size_t n) {
          if (args.transcript) write_text(std::cout, t, text);
          std::cout << "visit " << n << ": " << outcome_sentence(t.connections.at(0)) << std::endl;
          if (!args.json_dir.empty()) {
            char name[32];
            std::snprintf(name, sizeof name, "visit-%03zu.json", n);
            const auto file = std::filesystem::path(args.json_dir) / name;
            write_export_file(file, to_json(t).dump(2) + "\n");
            std::cout << "wrote " << file.string() << std::endl;
          }
        },
        [&](const std::string& peer) {
          std::cout << "turned back " << peer << ": " << args.max_concurrent
                    << " visits under way (--max-concurrent)" << std::endl;
        });
    std::cout << "stopped after " << counts.visits << " visit" << (counts.visits == 1 ? "" : "s");
    if (counts.turned_back > 0) std::cout << "; " << counts.turned_back << " turned back";
    std::cout << std::endl;
  } catch (const bridge::BridgeError& e) {
    std::cerr << "tlsclub serve: error: " << e.what() << "\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace tlsclub::cli
