// `tlsclub knock` visits openssl s_server and gnutls-serv serving exported chains: a good chain,
// an expired one and one for another host name. The member's checks give the verdicts its
// scenario expects, with the alert it predicts; the exit code says admitted (0) or refused (1).
#include "bridge/knock.h"
#include "export/certificates.h"
#include "export/clock_shift.h"
#include "interop_tools.h"
#include "simulation/expectations.h"

using namespace tlsclub;
using namespace tlsclub::test;

namespace {

struct Served {
  ScenarioSpec spec;  // at the clock the certificates were exported at
  std::string dir;
};

Served export_club(const std::string& scenario, const ScratchDir& dir) {
  Served s{library_scenario(scenario), dir.path().string()};
  shift_clock(s.spec, *clock_from_argument(clock_now()));
  export_certificates(s.spec, dir.path());
  return s;
}

std::unique_ptr<ChildProcess> s_server(const Served& s, std::uint16_t& port) {
  const std::string club = s.dir + "/club.example";
  return start_server(
      [&](std::uint16_t p) {
        return "openssl s_server -accept 127.0.0.1:" + std::to_string(p) + " -naccept 1 -rev" +
               " -cert " + club + ".crt.pem -cert_chain " + club + ".chain.pem -key " + club +
               ".key.pem";
      },
      [](const std::string& line) { return line == "ACCEPT"; }, port);
}

// gnutls-serv cannot be told to listen on loopback only; it is reached on 127.0.0.1 all the same.
std::unique_ptr<ChildProcess> gnutls_serv(const Served& s, std::uint16_t& port) {
  const std::string club = s.dir + "/club.example";
  return start_server(
      [&](std::uint16_t p) {
        return "gnutls-serv --echo --disable-client-cert -p " + std::to_string(p) +
               " --x509certfile " + club + ".chain.pem --x509keyfile " + club + ".key.pem";
      },
      [](const std::string& line) { return contains(line, "listening on IPv4"); }, port);
}

// The member knocks; its verdict must be the one its scenario expects.
void expect_verdict(const Served& s, std::uint16_t port) {
  bridge::KnockOptions options;
  options.port = port;
  options.member = s.spec.members.at(0).name;
  options.reply_wait = bridge::Millis{300};
  options.timeout = bridge::Millis{5000};
  const Timeline t = bridge::knock(s.spec, options);
  const auto results = check_expectations(s.spec, t);
  REQUIRE(results.size() == 1);
  CHECK_MESSAGE(results[0].met, "expected ", results[0].expected, ", got ", results[0].actual);
}

const char* const kScenarios[] = {"basics/server-only-tls13.toml",
                                  "server-faults/expired-badge.toml",
                                  "server-faults/wrong-host-name.toml"};

}  // namespace

TEST_CASE("tlsclub knock at openssl s_server: good, expired and wrong-host chains as expected") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  for (const char* scenario : kScenarios) {
    CAPTURE(scenario);
    ScratchDir dir("interop-knock-openssl");
    const Served s = export_club(scenario, dir);
    std::uint16_t port = 0;
    auto server = s_server(s, port);
    expect_verdict(s, port);
    server->wait(3s);
  }
}

TEST_CASE("tlsclub knock at gnutls-serv: good, expired and wrong-host chains as expected") {
  TLSCLUB_REQUIRE_TOOL("gnutls-serv");
  for (const char* scenario : kScenarios) {
    CAPTURE(scenario);
    ScratchDir dir("interop-knock-gnutls");
    const Served s = export_club(scenario, dir);
    std::uint16_t port = 0;
    auto server = gnutls_serv(s, port);
    expect_verdict(s, port);
    server->signal(SIGTERM);
    server->wait(3s);
  }
}

TEST_CASE("tlsclub knock's exit code: 0 admitted by s_server, 1 when it refuses the badge") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  for (const auto& [file, code] :
       {std::pair{"basics/server-only-tls13.toml", 0}, {"server-faults/expired-badge.toml", 1}}) {
    const std::string scenario = file;
    CAPTURE(scenario);
    ScratchDir dir("interop-knock-exit");
    const Served s = export_club(scenario, dir);
    std::uint16_t port = 0;
    auto server = s_server(s, port);
    const auto r = run_command(kCli + " knock 127.0.0.1:" + std::to_string(port) + " --scenario " +
                               library_path(scenario) + " --clock " + format_time(s.spec.now) +
                               " --reply-wait 0.3 --quiet");
    CHECK_MESSAGE(r.code == code, r.out);
    server->wait(3s);
  }
}
