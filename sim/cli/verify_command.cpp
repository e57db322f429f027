// tlsclub verify: any certificate chain, checked the way the club's bouncer checks a badge. The
// path is built from loose files (endpoint/path_builder.h), then verify_chain records every
// check. Exit 0 valid; 1 invalid, or undecidable without a trust store; 2 bad input.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/trust_store.h"
#include "cli/verify_report.h"
#include "core/atomic_file.h"
#include "endpoint/ip_address.h"
#include "pki/cert_file.h"

namespace tlsclub::cli {

namespace {

std::optional<SimTime> time_from(const std::string& text) {
  if (text == "now")
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return parse_time(text);
}

void append(std::vector<Botan::X509_Certificate>& to, std::vector<Botan::X509_Certificate> from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

CLI::App* add_verify_command(CLI::App& app, VerifyArgs& args) {
  auto* cmd = app.add_subcommand(
      "verify",
      "Check a certificate chain the way the club's bouncer checks a badge: build the path from\n"
      "the leaf through the intermediates to a trusted authority, then run every check (issuer,\n"
      "trust anchor, signature, strength, dates, CA constraints, key usage, purpose, name or\n"
      "address, name constraints, CRLs) and print each with its reason. Files are PEM (several\n"
      "certificates allowed, text around them ignored) or DER. See docs/verify.md.\n"
      "Without --trusted or --trust system the chain cannot end at a trust anchor: those checks\n"
      "are reported as not decidable and the exit code is 1.\n"
      "Exit 0: valid; 1: not valid (or not decidable); 2: bad input.");
  cmd->add_option("leaf", args.leaf,
                  "The certificate to check; more certificates in the same file count as "
                  "untrusted intermediates (like a fullchain.pem)")
      ->type_name("LEAF.pem")
      ->required();
  cmd->add_option("--untrusted", args.untrusted,
                  "Intermediates to build the path from (repeatable)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  // One file per flag: `--trusted a.pem leaf.pem` must not take the leaf for an anchor.
  cmd->add_option("--trusted", args.trusted, "Trust anchors (repeatable)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  cmd->add_option(
         "--trust", args.trust,
         std::string("'system': also trust the machine's authorities (") + kSystemBundle + ")")
      ->check(CLI::IsMember({"system"}));
  cmd->add_option("--time", args.time,
                  "Check at this time: 'now' (default) or e.g. 2026-12-07T12:00:00Z")
      ->type_name("now|TIME");
  auto* host = cmd->add_option("--host", args.host, "The host name the leaf must carry (dNSName)")
                   ->type_name("NAME");
  auto* ip = cmd->add_option("--ip", args.ip, "The IP address the leaf must carry (iPAddress)")
                 ->type_name("ADDR");
  host->excludes(ip);
  cmd->add_option("--purpose", args.purpose,
                  "What the leaf is for: a server's badge (serverAuth, default) or a client's "
                  "card (clientAuth)")
      ->check(CLI::IsMember({"server", "client"}));
  cmd->add_option("--crl", args.crls, "A revocation list to consult, PEM or DER (repeatable)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  cmd->add_option("--json", args.json, "Also write the path, checks and verdict as JSON")
      ->type_name("FILE");
  cmd->add_flag("--no-explain", args.no_explain, "Leave out the club and engineer sentences");
  cmd->add_option("--color", args.color, "Colour the output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  return cmd;
}

int verify_command(const VerifyArgs& args) {
  const auto now = time_from(args.time);
  if (!now) {
    std::cerr << "tlsclub verify: error: --time '" << args.time
              << "' is neither 'now' nor a time like 2026-12-07T12:00:00Z\n";
    return kExitBadInput;
  }
  VerifyRequest request;
  request.now = *now;
  request.server_auth = args.purpose != "client";
  request.by = request.server_auth ? Side::client : Side::server;
  request.check_identity = !args.host.empty() || !args.ip.empty();
  request.hostname = args.host;
  if (!args.ip.empty()) {
    const auto ip = parse_ip_address(args.ip);
    if (!ip) {
      std::cerr << "tlsclub verify: error: --ip '" << args.ip
                << "' is not an IPv4 or IPv6 address\n";
      return kExitBadInput;
    }
    request.ip_address = *ip;
  }
  if (request.check_identity && !request.server_auth) {
    std::cerr << "tlsclub verify: error: --host and --ip check a server's certificate; a "
                 "client's card (--purpose client) carries no name to check\n";
    return kExitBadInput;
  }
  std::vector<Botan::X509_Certificate> leaf_file, untrusted;
  try {
    leaf_file = pki::read_certificates(args.leaf);
    for (const auto& file : args.untrusted) append(untrusted, pki::read_certificates(file));
    for (const auto& file : args.trusted)
      append(request.trusted_roots, pki::read_certificates(file));
    if (args.trust == "system") append(request.trusted_roots, trust_anchors("system"));
    for (const auto& file : args.crls) {
      auto crls = pki::read_crls(file);
      request.crls.insert(request.crls.end(), crls.begin(), crls.end());
    }
  } catch (const pki::CertFileError& e) {
    std::cerr << "tlsclub verify: error: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::runtime_error& e) {
    std::cerr << "tlsclub verify: error: --trust system: " << e.what() << "\n";
    return kExitBadInput;
  }
  // The leaf's own file may carry its chain after it, as servers' fullchain.pem files do.
  untrusted.insert(untrusted.begin(), leaf_file.begin() + 1, leaf_file.end());

  const VerifyReport report =
      check_chain(leaf_file.front(), untrusted, request, !args.host.empty() ? args.host : args.ip);

  if (!args.json.empty()) write_file_atomically(args.json, verify_json(report).dump(2) + "\n");
  const bool color = args.color == "always" || (args.color == "auto" && isatty(STDOUT_FILENO) != 0);
  write_verify_text(std::cout, report, !args.no_explain, color);
  return verdict_of(report) == "valid" ? kExitOk : kExitExpectationNotMet;
}

}  // namespace tlsclub::cli
