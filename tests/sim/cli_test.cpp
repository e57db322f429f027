// tlsclub as a user runs it: exit codes, JSON output, errors that name the argument.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "export_test_tools.h"

namespace {

using Result = tlsclub::test::CommandResult;

// tlsclub itself, as a user runs it (stderr merged into what it printed).
Result run_cli(const std::string& args) {
  return tlsclub::test::run_command(std::string(TLSCLUB_CLI) + " " + args);
}

std::filesystem::path temp_dir() {
  auto dir =
      std::filesystem::temp_directory_path() / ("tlsclub-cli-test-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("tlsclub run prints the demo transcript and exits 0") {
  const auto r = run_cli("run --color never");
  CHECK(r.code == 0);
  CHECK(r.out.find("client builds client_hello") != std::string::npos);
  CHECK(r.out.find("club:") != std::string::npos);
  CHECK(r.out.find("engineer:") != std::string::npos);
  CHECK(r.out.find("Outcome: Alice admitted") != std::string::npos);
}

TEST_CASE("tlsclub run --json writes the documented Timeline") {
  const auto file = temp_dir() / "timeline.json";
  const auto r = run_cli("run --quiet --tls 1.2 --seed 5 --json " + file.string());
  REQUIRE(r.code == 0);
  std::ifstream in(file);
  const auto j = nlohmann::json::parse(in);
  CHECK(j["tls_version"] == "1.2");
  CHECK(j["seed"] == 5);
  const auto& c = j["connections"][0];
  CHECK(c["client"] == "Alice");
  CHECK(c["outcome"] == "admitted");
  CHECK(c["alert"].is_null());
  bool saw_hello = false;
  for (const auto& e : c["events"]) {
    CHECK(e.contains("seq"));
    CHECK(e.contains("kind"));
    if (e["kind"] == "message" && e["message"] == "client_hello") {
      saw_hello = true;
      CHECK(e["from"] == "client");
      CHECK(e["bytes"].get<std::string>().rfind("01", 0) == 0);
    }
  }
  CHECK(saw_hello);
  std::filesystem::remove_all(file.parent_path());
}

TEST_CASE("bad usage exits 2 and names the argument") {
  auto r = run_cli("run --tls 1.4");
  CHECK(r.code == 2);
  CHECK(r.out.find("--tls") != std::string::npos);
  r = run_cli("run --json /nonexistent-folder/x.json --quiet");
  CHECK(r.code == 2);
  CHECK(r.out.find("/nonexistent-folder") != std::string::npos);
  r = run_cli("dance");
  CHECK(r.code == 2);
}
