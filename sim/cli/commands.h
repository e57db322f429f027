#pragma once
// The subcommands of tlsclub. Each returns the process exit code.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace tlsclub::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitExpectationNotMet = 1;
inline constexpr int kExitBadInput = 2;

struct RunArgs {
  std::vector<std::string> paths;     // scenario files or folders; none: the built-in demo
  std::optional<std::string> tls;     // overrides the scenario's versions
  std::optional<std::uint64_t> seed;  // overrides the scenario's seed
  std::string json;
  bool quiet = false;
  bool no_explain = false;
  bool no_fields = false;
  bool wire = false;  // what an eavesdropper on the path sees of each visit, not the transcript
  std::string color = "auto";
};

CLI::App* add_run_command(CLI::App& app, RunArgs& args);
int run_command(const RunArgs& args);

// tlsclub check and tlsclub list (sim/cli/list_command.cpp): `paths` to validate, the `dir` to
// list (default: scenarios).
CLI::App* add_check_command(CLI::App& app, std::vector<std::string>& paths);
int check_command(const std::vector<std::string>& paths);
CLI::App* add_list_command(CLI::App& app, std::string& dir);
int list_command(const std::string& dir);

// tlsclub export (sim/cli/export_command.cpp): certificates, Timeline JSON, capture + key log,
// ladder SVG, Markdown handout.
struct ExportArgs {
  std::string path;                   // scenario file; empty: the built-in demo
  std::optional<std::string> tls;     // overrides the scenario's versions
  std::optional<std::uint64_t> seed;  // overrides the scenario's seed
  std::string clock;                  // "now" or a time: shift the scenario's dates (clock_shift.h)
  std::string certs, json, keylog, pcap, svg, markdown;
  std::string classroom;  // the authority a class imports into its browsers (export/classroom.h)
};
CLI::App* add_export_command(CLI::App& app, ExportArgs& args);
int export_command(const ExportArgs& args);

// tlsclub serve (sim/cli/serve_command.cpp): the club entrance as a real TLS server on loopback.
struct ServeArgs {
  std::string path;  // scenario file; empty: the built-in demo
  std::optional<std::string> tls;
  std::string clock;
  std::string listen = "127.0.0.1";
  int port = 4433;
  std::size_t max_connections = 0;
  std::size_t max_concurrent = 64;
  double idle_timeout = 0;        // the club closes after this long without a visitor
  double timeout = 30;            // seconds: a whole visit
  double handshake_timeout = 10;  // until the handshake is through
  double request_timeout = 5;     // after it, until the visitor speaks
  std::string json_dir;
  bool transcript = false;
  std::string color = "auto";
};
CLI::App* add_serve_command(CLI::App& app, ServeArgs& args);
int serve_command(const ServeArgs& args);

// tlsclub knock (sim/cli/knock_command.cpp): a member visits a real TLS server on loopback.
struct KnockArgs {
  std::string target;    // HOST:PORT
  std::string scenario;  // empty: the built-in demo
  std::string member;    // empty: the scenario's first member
  std::optional<std::string> tls;
  std::string clock;
  std::string server_name;
  double timeout = 10;
  double reply_wait = 2;
  bool allow_remote = false;
  std::string json;
  bool quiet = false;
  bool no_explain = false;
  std::string color = "auto";
};
CLI::App* add_knock_command(CLI::App& app, KnockArgs& args);
int knock_command(const KnockArgs& args);

// tlsclub lessons (sim/cli/lessons_command.cpp): the course in docs/lessons.
struct LessonsArgs {
  std::string executable;       // where tlsclub runs from: the course is looked for beside it
  std::string course;           // --course DIR (default: find_course_dir)
  std::string scenarios;        // --scenarios DIR (default: the library beside the course)
  std::string action = "list";  // list | show | check | try | markdown | myths
  int number = 0;               // show N, try N K
  int task = 0;                 // try N K
  std::string dir;              // markdown DIR
};
CLI::App* add_lessons_command(CLI::App& app, LessonsArgs& args);
int lessons_command(const LessonsArgs& args);

// tlsclub open (sim/cli/open_command.cpp): a real capture's TLS connections, from the plaintext.
struct OpenArgs {
  std::string path;              // the capture file
  bool list = false;             // --list (the default view)
  std::string keylog;            // an NSS key log: opens the records it has secrets for
  std::uint64_t connection = 0;  // --connection N: that connection's records; 0: the list
  bool wire = false;             // --wire: what an eavesdropper sees of connection N
  std::string trust;             // --trust system|FILE: anchors for the bouncer's checks
  std::string json;              // --json FILE: the list, or connection N in full
  bool progress = false;         // --progress: a progress bar even when stderr is no terminal
};
CLI::App* add_open_command(CLI::App& app, OpenArgs& args);
int open_command(const OpenArgs& args);

// tlsclub verify (sim/cli/verify_command.cpp): a certificate chain from files, through the bouncer.
struct VerifyArgs {
  std::string leaf;                    // its first certificate is the leaf; the rest untrusted
  std::vector<std::string> untrusted;  // intermediates
  std::vector<std::string> trusted;    // trust anchors
  std::string trust;                   // "system": also the machine's CA bundle
  std::string time = "now";
  std::string host, ip;  // the identity to check, at most one
  std::string purpose = "server";
  std::vector<std::string> crls;
  std::string json;
  bool no_explain = false;
  std::string color = "auto";
};
CLI::App* add_verify_command(CLI::App& app, VerifyArgs& args);
int verify_command(const VerifyArgs& args);

// tlsclub diff (sim/cli/diff_command.cpp): two runs side by side, aligned by message.
struct DiffArgs {
  std::string a, b;  // scenario files; b empty: the same as a
  std::optional<std::string> tls_a, tls_b;
  std::optional<std::uint64_t> seed_a, seed_b;
  std::string member_a, member_b;  // empty: the first member of the run
  std::string json;
};
CLI::App* add_diff_command(CLI::App& app, DiffArgs& args);
int diff_command(const DiffArgs& args);

// tlsclub glossary (sim/cli/glossary_command.cpp): the club's words and the TLS terms.
CLI::App* add_glossary_command(CLI::App& app);
int glossary_command();

}  // namespace tlsclub::cli
