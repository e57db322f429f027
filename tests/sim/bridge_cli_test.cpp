// `tlsclub serve` and `tlsclub knock` as a user runs them: the port printed at start, one line per
// visit, Timelines in --json-dir, exit codes, Ctrl-C, a port in use.
#include <doctest/doctest.h>

#include "bridge/socket.h"
#include "bridge_test_process.h"
#include "export_test_tools.h"

using namespace tlsclub;
using namespace tlsclub::test;
using namespace std::chrono_literals;

namespace {

const std::string kCli = TLSCLUB_CLI;

// Starts `tlsclub serve ARGS --port 0` and reads the port it chose from its first line.
std::uint16_t started(ChildProcess& serve) {
  REQUIRE(serve.started());
  const auto line = serve.read_line(5s);
  REQUIRE_MESSAGE(line.has_value(), serve.output());
  REQUIRE_MESSAGE(line->starts_with("listening on 127.0.0.1:"), *line);
  return static_cast<std::uint16_t>(
      std::stoi(line->substr(std::string("listening on 127.0.0.1:").size())));
}

}  // namespace

TEST_CASE("tlsclub serve and tlsclub knock: admitted is exit 0, refused 1, each visit recorded") {
  ScratchDir dir("bridge-cli");
  const std::string queue = library_path("basics/queue-of-members.toml");
  ChildProcess serve(kCli + " serve " + queue + " --port 0 --max-connections 2 --timeout 5 " +
                     "--json-dir " + (dir / "visits"));
  const auto port = std::to_string(started(serve));
  auto r = run_command(kCli + " knock 127.0.0.1:" + port + " --scenario " + queue +
                       " --member Alice --quiet");
  CHECK_MESSAGE(r.code == 0, r.out);
  CHECK(contains(r.out, "Alice admitted"));
  r = run_command(kCli + " knock 127.0.0.1:" + port + " --scenario " + queue +
                  " --member Carol --no-explain --color never");
  CHECK_MESSAGE(r.code == 1, r.out);
  CHECK(contains(r.out, "alert certificate_expired sent by server"));
  CHECK(contains(r.out, "Outcome: Carol turned away by the club with alert certificate_expired"));
  REQUIRE(serve.wait(5s) == 0);
  const std::string out = serve.output();
  CHECK(contains(out, "visit 1: Alice (127.0.0.1:"));
  CHECK(contains(out, ") admitted (TLS 1.3)"));
  CHECK(contains(out, "visit 2: Carol (127.0.0.1:"));
  CHECK(contains(
      out, ") turned away by the club: the card fails the validity check (certificate_expired)"));
  CHECK(contains(read_text(dir.path() / "visits" / "visit-001.json"), "\"outcome\": \"admitted\""));
  CHECK(contains(read_text(dir.path() / "visits" / "visit-002.json"), "certificate_expired"));
}

TEST_CASE("Ctrl-C stops tlsclub serve at once, cleanly") {
  ChildProcess serve(kCli + " serve --port 0");
  started(serve);
  const auto began = std::chrono::steady_clock::now();
  serve.signal(SIGINT);
  CHECK(serve.wait(3s) == 0);
  CHECK(std::chrono::steady_clock::now() - began < 1s);
  CHECK(contains(serve.output(), "stopped after 0 visits"));
}

TEST_CASE("tlsclub serve on a port in use says which port, and exits 2") {
  const bridge::Listener taken = bridge::listen_on("127.0.0.1", 0);
  const auto port = std::to_string(taken.port);
  const auto r = run_command(kCli + " serve --port " + port);
  CHECK(r.code == 2);
  CHECK(contains(r.out, "port " + port + " on 127.0.0.1 is in use"));
  CHECK(contains(r.out, "hint"));
}

TEST_CASE("tlsclub knock with bad input exits 2 and names it") {
  auto r = run_command(kCli + " knock 127.0.0.1");
  CHECK(r.code == 2);
  CHECK(contains(r.out, "'127.0.0.1' is not HOST:PORT"));
  r = run_command(kCli + " knock 127.0.0.1:4433 --member Zed");
  CHECK(r.code == 2);
  CHECK(contains(r.out, "no member called 'Zed'"));
  r = run_command(kCli + " knock 192.0.2.1:443");
  CHECK(r.code == 2);
  CHECK(contains(r.out, "not a loopback address"));
  r = run_command(kCli + " knock 127.0.0.1:443 --scenario /nonexistent.toml");
  CHECK(r.code == 2);
  CHECK(contains(r.out, "/nonexistent.toml"));
  r = run_command(kCli + " serve --clock yesterday");
  CHECK(r.code == 2);
  CHECK(contains(r.out, "--clock 'yesterday'"));
}
