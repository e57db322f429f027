// tlsclub diff as a user runs it: exit codes, the aligned steps, errors, the JSON.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "export_test_tools.h"

namespace {

using Result = tlsclub::test::CommandResult;

Result diff(const std::string& args) {
  return tlsclub::test::run_command(std::string(TLSCLUB_CLI) + " diff " + args);
}

const std::string kSource = TLSCLUB_SOURCE_DIR;
const std::string kFirstVisit = kSource + "/scenarios/basics/first-visit-mutual-tls13.toml";
const std::string kQueue = kSource + "/scenarios/basics/queue-of-members.toml";

bool says(const Result& r, const std::string& text) {
  return r.out.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("tlsclub diff of a scenario with itself is the same and exits 0") {
  const auto r = diff(kFirstVisit);
  CHECK(r.code == 0);
  CHECK(says(r, "same      client client_hello"));
  CHECK_FALSE(says(r, "changed"));
  CHECK(says(r, "The two runs are the same."));
}

TEST_CASE("tlsclub diff --tls-a 1.2 --tls-b 1.3 shows the messages only one version has") {
  const auto r = diff(kFirstVisit + " --tls-a 1.2 --tls-b 1.3");
  CHECK(r.code == 1);
  CHECK(says(r, "only in A server server_key_exchange"));
  CHECK(says(r, "only in B server encrypted_extensions"));
  CHECK(says(r, "Secrets only in A: tls12_master_secret"));
  CHECK(says(r, "The two runs differ."));
}

TEST_CASE("tlsclub diff --seed-b changes the client_hello inside the random") {
  const auto r = diff(kFirstVisit + " --seed-a 1 --seed-b 2");
  CHECK(r.code == 1);
  CHECK(says(r, "changed   client client_hello  (first difference at byte "));
  CHECK(says(r, "Outcome (same)"));
}

TEST_CASE("tlsclub diff of Alice and Carol in the queue: validity fails only for Carol") {
  const auto r = diff(kQueue + " --member-a Alice --member-b Carol");
  CHECK(r.code == 1);
  CHECK(says(r, "Failed checks only in B: server: validity at depth 0"));
  CHECK(says(r, "Outcome (differs)"));
  CHECK(says(r, "Alice admitted"));
}

TEST_CASE("tlsclub diff with an unknown member exits 2 and lists the members") {
  const auto r = diff(kQueue + " --member-b Zoe");
  CHECK(r.code == 2);
  CHECK(says(r, "--member-b 'Zoe' is not a member"));
  CHECK(says(r, "Alice, Bob, Carol"));
}

TEST_CASE("tlsclub diff with a missing file exits 2") {
  CHECK(diff(kSource + "/no-such-scenario.toml").code == 2);
}

TEST_CASE("tlsclub diff --json writes tlsclub-diff/1") {
  const auto file = std::filesystem::temp_directory_path() /
                    ("tlsclub-diff-test-" + std::to_string(getpid()) + ".json");
  const auto r = diff(kFirstVisit + " --tls-a 1.2 --tls-b 1.3 --json " + file.string());
  REQUIRE(r.code == 1);
  std::ifstream in(file);
  const auto j = nlohmann::json::parse(in);
  std::filesystem::remove(file);
  CHECK(j["format"] == "tlsclub-diff/1");
  CHECK(j["same"] == false);
  CHECK(j["a"]["tls_version"] == "1.2");
  CHECK(j["b"]["tls_version"] == "1.3");
  bool saw_ske = false, saw_ee = false;
  for (const auto& s : j["steps"]) {
    CHECK(s.contains("kind"));
    CHECK(s.contains("from"));
    CHECK(s.contains("first_difference"));
    CHECK(s.contains("fields"));
    saw_ske = saw_ske || (s["message"] == "server_key_exchange" && s["kind"] == "only_a");
    saw_ee = saw_ee || (s["message"] == "encrypted_extensions" && s["kind"] == "only_b");
  }
  CHECK(saw_ske);
  CHECK(saw_ee);
  CHECK(j["outcome"]["same"] == true);
  CHECK(j["outcome"]["a"]["outcome"] == "admitted");
  CHECK(j["failed_checks"]["only_a"].is_array());
  CHECK(j["secrets"]["only_a"][0] == "tls12_master_secret");
}
