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
  std::string color = "auto";
};

int run_command(const RunArgs& args);
int check_command(const std::vector<std::string>& paths);
int list_command(const std::string& dir);

// tlsclub export (sim/cli/export_command.cpp): certificates, Timeline JSON, capture + key log,
// ladder SVG, Markdown handout.
struct ExportArgs {
  std::string path;                   // scenario file; empty: the built-in demo
  std::optional<std::string> tls;     // overrides the scenario's versions
  std::optional<std::uint64_t> seed;  // overrides the scenario's seed
  std::string certs, json, keylog, pcap, svg, markdown;
};
CLI::App* add_export_command(CLI::App& app, ExportArgs& args);
int export_command(const ExportArgs& args);

}  // namespace tlsclub::cli
