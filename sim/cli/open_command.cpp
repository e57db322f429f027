// tlsclub open: reads a real capture (pcap or pcapng, gzipped or not) and lists its TLS
// connections from what travels in the clear. Exit 0 ok, 2 bad input (the error located).
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "capture/capture_error.h"
#include "capture/capture_summary.h"
#include "capture/capture_text.h"
#include "capture/key_log.h"
#include "cli/commands.h"

namespace tlsclub::cli {

namespace {

// The key log file's lines and the capture's own (pcapng Decryption Secrets Blocks), or the
// error that stops the command.
bool read_key_logs(const OpenArgs& args, const capture::CaptureOverview& overview,
                   capture::KeyLog& keys) {
  for (std::size_t i = 0; i < overview.key_logs.size(); ++i) {
    try {
      keys.parse(overview.key_logs[i]);
    } catch (const capture::KeyLogError& e) {
      std::cerr << "tlsclub open: error: " << args.path << ": decryption secrets block " << i + 1
                << ", " << e.what() << "\n";
      return false;
    }
  }
  if (args.keylog.empty()) return true;
  std::ifstream in(args.keylog, std::ios::binary);
  if (!in) {
    std::cerr << "tlsclub open: error: cannot read the key log " << args.keylog << "\n";
    return false;
  }
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  try {
    keys.parse(text);
  } catch (const capture::KeyLogError& e) {
    std::cerr << "tlsclub open: error: " << args.keylog << ":" << e.line() << ": " << e.message()
              << "\n";
    return false;
  }
  return true;
}

}  // namespace

CLI::App* add_open_command(CLI::App& app, OpenArgs& args) {
  auto* cmd = app.add_subcommand(
      "open",
      "Read a capture (pcap or pcapng, gzipped or not, as tcpdump, dumpcap, Wireshark or\n"
      "tlsclub export write it) and list its TLS connections from what travels in the clear:\n"
      "endpoints, SNI, version, cipher suite, a guessed outcome, bytes each way. Records are not\n"
      "decrypted (yet): --keylog only counts the connections it has secrets for. See\n"
      "docs/captures.md.\n"
      "Exit 0: read; 2: bad input (the error names the packet and byte offset).");
  cmd->add_option("file", args.path, "The capture (.pcap, .pcapng, .pcap.gz, .pcapng.gz)")
      ->type_name("FILE")
      ->required();
  cmd->add_flag("--list", args.list, "One line per TLS connection (the default, for now)");
  cmd->add_option("--keylog", args.keylog,
                  "An NSS key log (SSLKEYLOGFILE): say how many connections it has secrets for")
      ->type_name("FILE");
  return cmd;
}

int open_command(const OpenArgs& args) {
  std::ifstream in(args.path, std::ios::binary);
  if (!in) {
    std::cerr << "tlsclub open: error: cannot read " << args.path << "\n";
    return kExitBadInput;
  }
  capture::CaptureOverview overview;
  try {
    overview = capture::summarize_capture(in);
  } catch (const capture::CaptureError& e) {
    std::cerr << "tlsclub open: error: " << args.path << ": " << e.what() << "\n";
    return kExitBadInput;
  }
  capture::KeyLog keys;
  if (!read_key_logs(args, overview, keys)) return kExitBadInput;
  std::cout << args.path << ": " << capture::overview_line(overview) << "\n";
  for (const auto& c : overview.tls) std::cout << capture::connection_line(c) << "\n";
  if (overview.not_listed > 0)
    std::cout << "(" << overview.not_listed << " more TLS connections not listed)\n";
  if (!args.keylog.empty() || !overview.key_logs.empty()) {
    std::cout << capture::key_log_line(overview, keys) << "\n";
  }
  return kExitOk;
}

}  // namespace tlsclub::cli
