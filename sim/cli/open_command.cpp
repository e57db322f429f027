// tlsclub open: reads a real capture (pcap or pcapng, gzipped or not) and lists its TLS
// connections from what travels in the clear; with a key log it opens their records, and with
// --connection N prints one connection record by record. Exit 0 ok, 2 bad input (the error
// located).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <vector>

#include "capture/capture_error.h"
#include "capture/capture_summary.h"
#include "capture/capture_text.h"
#include "capture/key_log.h"
#include "capture/opened_connection.h"
#include "capture/opened_text.h"
#include "capture/progress_stream.h"
#include "capture/wire_view.h"
#include "capture/wire_view_text.h"
#include "cli/capture_json.h"
#include "cli/captured_chains.h"
#include "cli/commands.h"
#include "cli/trust_store.h"
#include "cli/verify_report.h"
#include "core/atomic_file.h"
#include "core/sim_time.h"

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

// A capture larger than this gets a progress bar on a terminal (smaller ones read in a blink).
constexpr std::uintmax_t kProgressFrom = std::uintmax_t{16} * 1000 * 1000;

// The capture file as a stream that draws a progress bar on stderr while it is read, when stderr
// is a terminal and the file is large, or with --progress; the bar is wiped when done.
class CaptureFile {
 public:
  CaptureFile(const OpenArgs& args, const std::string& what)
      : file_(args.path, std::ios::binary),
        size_(file_size(args.path)),
        show_(args.progress || (isatty(STDERR_FILENO) != 0 && size_ >= kProgressFrom)),
        keep_line_(args.progress),
        buffer_(file_.rdbuf(), show_ ? progress(what) : nullptr, size_ / 100 + 1),
        stream_(&buffer_) {}
  ~CaptureFile() {
    // With --progress the last line stays (a log shows it); on a terminal alone it is wiped.
    if (show_) std::cerr << (keep_line_ ? "\n" : "\r\033[K") << std::flush;
  }
  CaptureFile(const CaptureFile&) = delete;
  CaptureFile& operator=(const CaptureFile&) = delete;

  bool good() const { return file_.good(); }
  std::istream& stream() { return stream_; }

 private:
  static std::uintmax_t file_size(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : size;
  }
  std::function<void(std::uint64_t)> progress(const std::string& what) const {
    return [what, size = size_](std::uint64_t done) {
      std::cerr << "\r" << capture::progress_line(what, done, size) << std::flush;
    };
  }

  std::ifstream file_;
  std::uintmax_t size_;
  bool show_;
  bool keep_line_;
  capture::ProgressBuffer buffer_;
  std::istream stream_;
};

// The capture read a second time, its records opened; nothing (and the error said) when it
// cannot be.
std::optional<std::vector<capture::OpenedConnection>> open_records(const OpenArgs& args,
                                                                   const capture::KeyLog* keys,
                                                                   const capture::OpenOptions& o) {
  CaptureFile in(args, keys != nullptr ? "opening records" : "reading records");
  try {
    return capture::open_capture(in.stream(), keys, o);
  } catch (const capture::CaptureError& e) {
    std::cerr << "tlsclub open: error: " << args.path << ": " << e.what() << "\n";
  }
  return std::nullopt;
}

// A packet's time (ns since the epoch) to the second, as the bouncer's clock takes it.
SimTime capture_time(std::int64_t ns) {
  return SimTime(std::chrono::floor<std::chrono::seconds>(std::chrono::nanoseconds(ns)));
}

struct CheckedChain {
  CapturedChain chain;
  std::optional<VerifyReport> report;  // none when the chain is empty
};

// The bouncer on each chain the connection shows, at the time its record arrived: the club's
// badge for the name the client asked for (SNI), a member's card for client use.
std::vector<CheckedChain> check_chains(const capture::ConnectionSummary& summary,
                                       const capture::OpenedConnection& connection,
                                       const std::vector<Botan::X509_Certificate>& anchors) {
  std::vector<CheckedChain> out;
  for (auto& chain : captured_chains(connection)) {
    CheckedChain checked{std::move(chain), std::nullopt};
    const auto& certs = checked.chain.certificates;
    if (!certs.empty()) {
      const bool server = checked.chain.from == Side::server;
      VerifyRequest request;
      request.now = capture_time(checked.chain.time_ns);
      request.server_auth = server;
      request.by = server ? Side::client : Side::server;
      request.check_identity = server && !summary.server_name.empty();
      request.hostname = server ? summary.server_name : "";
      request.trusted_roots = anchors;
      const std::vector<Botan::X509_Certificate> rest(certs.begin() + 1, certs.end());
      checked.report = check_chain(certs.front(), rest, request, request.hostname);
    }
    out.push_back(std::move(checked));
  }
  return out;
}

void write_chain_checks(std::ostream& out, const capture::OpenedConnection& connection,
                        const std::vector<CheckedChain>& checked, const std::string& trust) {
  out << "\nThe bouncer's checks on the certificates in this connection (trust: "
      << (trust.empty() ? "none given, see --trust" : trust) << ")\n";
  if (checked.empty()) {
    const bool sealed = connection.version == 0x0304 && connection.opened == 0;
    out << (sealed ? "  none readable: TLS 1.3 seals the certificates; give the key log "
                     "(--keylog) to check them\n"
                   : "  no Certificate message in this connection\n");
    return;
  }
  for (const auto& [chain, report] : checked) {
    out << "\n"
        << (chain.from == Side::server ? "Server's" : "Client's") << " certificates, record "
        << chain.record << ", checked at the capture's time "
        << format_time(capture_time(chain.time_ns)) << ":\n";
    for (const auto& why : chain.unreadable)
      out << "  (a certificate could not be read: " << why << ")\n";
    if (report)
      write_verify_text(out, *report, false, false);
    else
      out << "  none sent\n";
  }
}

// --connection N: its records (opened with the key log, or as the wire shows them with --wire),
// the bouncer's checks; --json FILE: all of it as JSON.
int open_one(const OpenArgs& args, const capture::ConnectionSummary& summary,
             const capture::KeyLog* key_log) {
  std::vector<Botan::X509_Certificate> anchors;
  try {
    if (!args.trust.empty()) anchors = trust_anchors(args.trust);
  } catch (const std::runtime_error& e) {
    std::cerr << "tlsclub open: error: --trust: " << e.what() << "\n";
    return kExitBadInput;
  }
  const auto opened = open_records(args, key_log, {args.connection, true});
  if (!opened) return kExitBadInput;
  if (opened->empty()) {
    std::cerr << "tlsclub open: error: connection #" << args.connection
              << " has no records to open\n";
    return kExitBadInput;
  }
  // The eavesdropper has no keys, whatever the key log holds: without one the records read the
  // same, with one the file is read again without it.
  std::optional<std::vector<capture::OpenedConnection>> keyless;
  if (key_log != nullptr && (args.wire || !args.json.empty())) {
    keyless = open_records(args, nullptr, {args.connection, true});
    if (!keyless || keyless->empty()) return kExitBadInput;
  }
  const capture::OpenedConnection& connection = opened->front();
  const capture::WireView wire = capture::watch_wire(keyless ? keyless->front() : connection);
  const auto checked = check_chains(summary, connection, anchors);
  if (!args.json.empty()) {
    std::vector<VerifyReport> reports;
    for (const auto& c : checked)
      if (c.report) reports.push_back(*c.report);
    write_file_atomically(
        args.json, opened_connection_json(summary, connection, reports, wire).dump(2) + "\n");
  }
  if (args.wire) {
    std::cout << capture::connection_line(summary) << "\n\n";
    capture::write_wire_view(std::cout, wire);
  } else {
    capture::write_opened_connection(std::cout, summary, connection);
    write_chain_checks(std::cout, connection, checked, args.trust);
  }
  return kExitOk;
}

}  // namespace

CLI::App* add_open_command(CLI::App& app, OpenArgs& args) {
  auto* cmd = app.add_subcommand(
      "open",
      "Read a capture (pcap or pcapng, gzipped or not, as tcpdump, dumpcap, Wireshark or\n"
      "tlsclub export write it) and list its TLS connections from what travels in the clear:\n"
      "endpoints, SNI, version, cipher suite, a guessed outcome, bytes each way. With a key log\n"
      "(--keylog, or the capture's own Decryption Secrets Blocks) the records are opened: TLS\n"
      "1.3 from the traffic secrets, TLS 1.2 from the master secret (AES-GCM, ChaCha20-Poly1305;\n"
      "AES-CCM and AES-CBC when this build's Botan has them). --connection N prints one\n"
      "connection record by record: direction, content type, the key that protected it, the\n"
      "handshake messages and their fields, the data; --wire instead shows it as an eavesdropper\n"
      "sees it. See docs/captures.md.\n"
      "Exit 0: read; 2: bad input (the error names the packet and byte offset).");
  cmd->add_option("file", args.path, "The capture (.pcap, .pcapng, .pcap.gz, .pcapng.gz)")
      ->type_name("FILE")
      ->required();
  cmd->add_flag("--list", args.list, "One line per TLS connection (the default)");
  cmd->add_option("--keylog", args.keylog,
                  "An NSS key log (SSLKEYLOGFILE): open the records of the connections it has "
                  "secrets for")
      ->type_name("FILE");
  cmd->add_option("--connection", args.connection,
                  "Print connection N (its number in the list) record by record")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--wire", args.wire,
                "With --connection N: what an eavesdropper on the path sees of it, without keys "
                "(the hellos, what else is in the clear, record sizes and times) and what stays "
                "sealed")
      ->needs("--connection");
  cmd->add_option("--trust", args.trust,
                  "With --connection N: the trust anchors for the bouncer's checks of the "
                  "certificates the connection shows: 'system' (the machine's CA bundle) or a "
                  "PEM/DER file. Without it the checks that need an anchor are not decidable")
      ->type_name("system|FILE")
      ->needs("--connection");
  cmd->add_flag("--progress", args.progress,
                "Show a progress bar on stderr while the file is read (the default on a terminal "
                "for captures over 16 MB)");
  cmd->add_option("--json", args.json,
                  "Also write it as JSON to FILE: the list, or with --connection N that "
                  "connection's records, checks and wire view (docs/captures.md)")
      ->type_name("FILE");
  return cmd;
}

int open_command(const OpenArgs& args) {
  capture::CaptureOverview overview;
  {
    CaptureFile in(args, "reading " + args.path);
    if (!in.good()) {
      std::cerr << "tlsclub open: error: cannot read " << args.path << "\n";
      return kExitBadInput;
    }
    try {
      overview = capture::summarize_capture(in.stream());
    } catch (const capture::CaptureError& e) {
      std::cerr << "tlsclub open: error: " << args.path << ": " << e.what() << "\n";
      return kExitBadInput;
    }
  }
  capture::KeyLog keys;
  if (!read_key_logs(args, overview, keys)) return kExitBadInput;
  const bool have_keys = !args.keylog.empty() || !overview.key_logs.empty();
  const capture::KeyLog* key_log = have_keys ? &keys : nullptr;

  if (args.connection != 0) {
    const auto summary = std::find_if(overview.tls.begin(), overview.tls.end(),
                                      [&](const auto& c) { return c.id == args.connection; });
    if (summary == overview.tls.end()) {
      std::cerr << "tlsclub open: error: " << args.path << " has no TLS connection #"
                << args.connection << " (tlsclub open " << args.path << " lists them)\n";
      return kExitBadInput;
    }
    return open_one(args, *summary, key_log);
  }

  std::map<std::uint64_t, std::string> opened_text;
  std::optional<std::vector<capture::OpenedConnection>> opened;
  if (have_keys) {
    opened = open_records(args, key_log, {std::nullopt, false});
    if (!opened) return kExitBadInput;
    for (const auto& c : *opened) opened_text[c.id] = "  " + capture::opened_summary(c);
  }
  if (!args.json.empty())
    write_file_atomically(
        args.json, capture_json(args.path, overview, opened ? &*opened : nullptr).dump(2) + "\n");
  std::cout << args.path << ": " << capture::overview_line(overview) << "\n";
  for (const auto& c : overview.tls)
    std::cout << capture::connection_line(c) << opened_text[c.id] << "\n";
  if (overview.not_listed > 0)
    std::cout << "(" << overview.not_listed << " more TLS connections not listed)\n";
  if (have_keys) std::cout << capture::key_log_line(overview, keys) << "\n";
  return kExitOk;
}

}  // namespace tlsclub::cli
