// tlsclub: the headless front end. Runs scenarios and prints or exports their Timelines.
//
// Exit codes: 0 success, 1 an expectation not met, 2 bad usage or input.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"

namespace {

constexpr const char* kAbout =
    "TLS Club: real TLS handshakes, step by step.\n"
    "Runs in-memory TLS 1.3 / 1.2 handshakes (Botan) between a simulated club entrance (server)\n"
    "and its members (clients), and shows every record, message, check and secret.\n"
    "Scenario files (TOML) set the stage: see docs/scenario-format.md and scenarios/.\n"
    "The course (tlsclub lessons) walks through them in twelve lessons: docs/lessons/.";

// The running executable (the course is looked for beside it), argv[0] when /proc says nothing.
std::string executable_path(const char* argv0) {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string(argv0) : self.string();
}

// What the command line fills: the arguments of each subcommand.
struct Arguments {
  tlsclub::cli::RunArgs run;
  std::vector<std::string> check_paths;
  std::string list_dir = "scenarios";
  tlsclub::cli::ExportArgs exports;
  tlsclub::cli::ServeArgs serve;
  tlsclub::cli::KnockArgs knock;
  tlsclub::cli::LessonsArgs lessons;
  tlsclub::cli::OpenArgs open;
  tlsclub::cli::VerifyArgs verify;
  tlsclub::cli::DiffArgs diff;
};

// The subcommands, to ask which one the command line chose.
struct Subcommands {
  CLI::App* run;
  CLI::App* check;
  CLI::App* list;
  CLI::App* exports;
  CLI::App* serve;
  CLI::App* knock;
  CLI::App* lessons;
  CLI::App* glossary;
  CLI::App* open;
  CLI::App* verify;
  CLI::App* diff;
};

Subcommands add_subcommands(CLI::App& app, Arguments& args) {
  using namespace tlsclub::cli;
  return {add_run_command(app, args.run),         add_check_command(app, args.check_paths),
          add_list_command(app, args.list_dir),   add_export_command(app, args.exports),
          add_serve_command(app, args.serve),     add_knock_command(app, args.knock),
          add_lessons_command(app, args.lessons), add_glossary_command(app),
          add_open_command(app, args.open),       add_verify_command(app, args.verify),
          add_diff_command(app, args.diff)};
}

int run_chosen(const Subcommands& chosen, const Arguments& args) {
  using namespace tlsclub::cli;
  if (*chosen.run) return run_command(args.run);
  if (*chosen.check) return check_command(args.check_paths);
  if (*chosen.list) return list_command(args.list_dir);
  if (*chosen.exports) return export_command(args.exports);
  if (*chosen.serve) return serve_command(args.serve);
  if (*chosen.knock) return knock_command(args.knock);
  if (*chosen.lessons) return lessons_command(args.lessons);
  if (*chosen.glossary) return glossary_command();
  if (*chosen.open) return open_command(args.open);
  if (*chosen.verify) return verify_command(args.verify);
  if (*chosen.diff) return diff_command(args.diff);
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace tlsclub::cli;
  // Anything thrown, while the commands are set up as much as while one runs, is reported as an
  // error of the input rather than ending the process without a word.
  try {
    CLI::App app{kAbout};
    app.require_subcommand(1);
    app.set_version_flag("--version", "tlsclub 0.1.0");
    Arguments args;
    args.lessons.executable = executable_path(argv[0]);
    const Subcommands subcommands = add_subcommands(app, args);
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      const int code = app.exit(e);
      return code == 0 ? 0 : kExitBadInput;
    }
    return run_chosen(subcommands, args);
  } catch (const std::exception& e) {
    std::cerr << "tlsclub: error: " << e.what() << "\n";
    return kExitBadInput;
  }
}
