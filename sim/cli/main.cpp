// tlsclub: the headless front end. Runs scenarios and prints or exports their Timelines.
//
// Exit codes: 0 success, 1 an expectation not met, 2 bad usage or input.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"

namespace {

// The running executable (the course is looked for beside it), argv[0] when /proc says nothing.
std::string executable_path(const char* argv0) {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string(argv0) : self.string();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace tlsclub::cli;
  CLI::App app{
      "TLS Club: real TLS handshakes, step by step.\n"
      "Runs in-memory TLS 1.3 / 1.2 handshakes (Botan) between a simulated club entrance (server)\n"
      "and its members (clients), and shows every record, message, check and secret.\n"
      "Scenario files (TOML) set the stage: see docs/scenario-format.md and scenarios/.\n"
      "The course (tlsclub lessons) walks through them in twelve lessons: docs/lessons/."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "tlsclub 0.1.0");

  RunArgs args;
  auto* run_cmd = app.add_subcommand(
      "run",
      "Run scenarios. No FILE: the built-in demo (Alice's mutual-TLS visit to club.example).\n"
      "One FILE: its transcript and whether each member's expectation is met.\n"
      "A folder (or several files): every *.toml in it, recursively, then a summary table.\n"
      "Exit 0: every expectation holds; 1: one does not; 2: a file did not load (nothing runs).");
  run_cmd->add_option("paths", args.paths, "Scenario files or folders")->type_name("FILE|DIR");
  run_cmd->add_option("--tls", args.tls, "TLS version on both sides (overrides the scenario)")
      ->check(CLI::IsMember({"1.2", "1.3"}));
  run_cmd->add_option(
      "--seed", args.seed,
      "Seed of every random stream (same seed, same bytes; overrides the scenario)");
  run_cmd
      ->add_option(
          "--json", args.json,
          "Also write the Timeline as JSON to FILE ('-' for stdout only); one scenario only")
      ->type_name("FILE");
  run_cmd->add_flag("-q,--quiet", args.quiet,
                    "No transcript or table (with --json FILE: just write the file)");
  run_cmd->add_flag("--no-explain", args.no_explain, "Leave out the club and engineer sentences");
  run_cmd->add_flag("--no-fields", args.no_fields, "Leave out the decoded fields of each message");
  run_cmd->add_option("--color", args.color, "Colour the transcript")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  std::vector<std::string> check_paths;
  auto* check_cmd = app.add_subcommand(
      "check",
      "Validate scenario files; print every error (exit 2 on any) and warn about each [[fault]] "
      "that never applies (one silent run of a file with faults finds them)");
  check_cmd->add_option("paths", check_paths, "Scenario files or folders")
      ->type_name("FILE|DIR")
      ->required();

  std::string list_dir = "scenarios";
  auto* list_cmd =
      app.add_subcommand("list", "List the scenarios in a folder: title, lesson, level, members");
  list_cmd->add_option("dir", list_dir, "Folder to list (default: scenarios)")->type_name("DIR");

  ExportArgs export_args;
  auto* export_cmd = add_export_command(app, export_args);
  ServeArgs serve_args;
  auto* serve_cmd = add_serve_command(app, serve_args);
  KnockArgs knock_args;
  auto* knock_cmd = add_knock_command(app, knock_args);
  LessonsArgs lessons_args;
  lessons_args.executable = executable_path(argv[0]);
  auto* lessons_cmd = add_lessons_command(app, lessons_args);
  auto* glossary_cmd = add_glossary_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitBadInput;
  }
  try {
    if (*run_cmd) return run_command(args);
    if (*check_cmd) return check_command(check_paths);
    if (*list_cmd) return list_command(list_dir);
    if (*export_cmd) return export_command(export_args);
    if (*serve_cmd) return serve_command(serve_args);
    if (*knock_cmd) return knock_command(knock_args);
    if (*lessons_cmd) return lessons_command(lessons_args);
    if (*glossary_cmd) return glossary_command();
  } catch (const std::exception& e) {
    std::cerr << "tlsclub: error: " << e.what() << "\n";
    return kExitBadInput;
  }
  return 0;
}
