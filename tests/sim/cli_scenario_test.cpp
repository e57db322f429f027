// tlsclub with scenario files: run FILE, run DIR (summary table), check, list; exit codes.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "export_test_tools.h"

namespace {

using Result = tlsclub::test::CommandResult;

// tlsclub itself, as a user runs it (stderr merged into what it printed).
Result run_cli(const std::string& args) {
  return tlsclub::test::run_command(std::string(TLSCLUB_CLI) + " " + args);
}

const std::string kLibrary = std::string(TLSCLUB_SOURCE_DIR) + "/scenarios";

bool has(const Result& r, const std::string& text) {
  return r.out.find(text) != std::string::npos;
}

// A folder of its own with one scenario file in it.
struct TempFolder {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("tlsclub-cli-scenario-" + std::to_string(getpid()));
  TempFolder() { std::filesystem::create_directories(dir); }
  ~TempFolder() { std::filesystem::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  }
};

const std::string kScenario = R"(format = 1
[scenario]
title = "t"
[[authority]]
id = "root"
name = "Root CA"
[server]
name = "club.example"
issuer = "root"
[[member]]
name = "Alice"
[member.expect]
outcome = "admitted"
)";

}  // namespace

TEST_CASE("tlsclub run FILE shows the transcript and the expectation") {
  const auto r =
      run_cli("run --color never --no-explain " + kLibrary + "/server-faults/expired-badge.toml");
  CHECK(r.code == 0);
  CHECK(has(r, "client checks O=TLS Club,CN=club.example: validity"));
  CHECK(has(r, "Expectation met: Alice expected refused by client with certificate_expired"));
}

TEST_CASE("tlsclub run FILE exits 1 when an expectation is not met") {
  TempFolder t;
  std::string text = kScenario;
  text.replace(text.find("\"admitted\""), 10, "\"refused\"");
  const auto r = run_cli("run --quiet " + t.write("wrong.toml", text));
  CHECK(r.code == 1);
}

TEST_CASE("tlsclub run DIR runs the whole library and prints the summary table") {
  const auto r = run_cli("run " + kLibrary);
  CHECK(r.code == 0);
  CHECK(has(r, "scenario"));
  CHECK(has(r, "expected"));
  CHECK(has(r, "basics/queue-of-members.toml"));
  CHECK(has(r, "/revocation/stapled-wrong-key.toml"));
  CHECK(has(r, "refused by client with bad_certificate_status_response (ocsp fails)"));
  CHECK(has(r, "0 not met"));
  CHECK_FALSE(has(r, "NOT MET"));
}

TEST_CASE("tlsclub run DIR runs nothing when a file does not load, and exits 2") {
  TempFolder t;
  t.write("good.toml", kScenario);
  std::string bad = kScenario;
  bad.replace(bad.find("issuer ="), 6, "isuer");
  const auto path = t.write("bad.toml", bad);
  const auto r = run_cli("run " + t.dir.string());
  CHECK(r.code == 2);
  CHECK(has(r, path + ":9:1: error[unknown-key]: unknown key `isuer` in [server] (did you mean "
                      "`issuer`?)"));
  CHECK(has(r, "nothing was run"));
  CHECK_FALSE(has(r, "[1/2]"));
}

TEST_CASE("tlsclub check validates without running") {
  auto r = run_cli("check " + kLibrary);
  CHECK(r.code == 0);
  CHECK(has(r, "first-visit-mutual-tls13.toml: ok (1 member)"));
  TempFolder t;
  std::string bad = kScenario;
  bad.replace(bad.find("format = 1"), 10, "format = 7");
  r = run_cli("check " + t.write("v7.toml", bad));
  CHECK(r.code == 2);
  CHECK(has(r, "v7.toml:1:10: error[unsupported-format]: unsupported format version"));
  r = run_cli("check /nonexistent.toml");
  CHECK(r.code == 2);
  CHECK(has(r, "/nonexistent.toml:0:0: error[unreadable-file]"));
}

TEST_CASE("tlsclub list shows title, lesson, level and members") {
  const auto r = run_cli("list " + kLibrary);
  CHECK(r.code == 0);
  CHECK(has(r, "A queue at the door"));
  CHECK(has(r, "lesson: basics  level: beginner  members: Alice, Bob, Carol, Dave"));
}

TEST_CASE("tlsclub run --json takes one scenario only") {
  const auto r = run_cli("run --json - " + kLibrary);
  CHECK(r.code == 2);
  CHECK(has(r, "--json takes exactly one scenario file"));
}
