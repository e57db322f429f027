#pragma once
// Helpers of the interop tests: real TLS software (openssl, gnutls) and tlsclub talking over
// 127.0.0.1, on free ports, each side stopping itself within seconds.
#include <doctest/doctest.h>

#include <chrono>
#include <ctime>
#include <functional>
#include <optional>
#include <string>

#include "bridge/socket.h"
#include "bridge_test_process.h"
#include "decode/handshake_decoder.h"
#include "export_test_tools.h"

namespace tlsclub::test {

using namespace std::chrono_literals;

inline const std::string kCli = TLSCLUB_CLI;

// One clock for every process of a test: `--clock now` read twice could fall either side of a
// second and give two different sets of certificate bytes.
inline std::string clock_now() {
  const std::time_t t = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return text;
}

// A port nobody listens on right now (the system's choice for port 0, released again).
inline std::uint16_t free_port() {
  const bridge::Listener l = bridge::listen_on("127.0.0.1", 0);
  return l.port;
}

// The RFC 8446 6 code of an alert name (as OpenSSL's "SSL alert number N" and GnuTLS's
// "Received alert [N]" print it).
inline int alert_number(const std::string& name) {
  const auto code = tlsclub::alert_code(name);
  if (!code) FAIL("unknown alert " << name);
  return code.value_or(0);
}

// `tlsclub serve` on a free port for one visit; reads "listening on 127.0.0.1:PORT".
class Club {
 public:
  Club(const std::string& scenario, const std::string& clock)
      : serve_(kCli + " serve " + scenario + " --clock " + clock +
               " --port 0 --max-connections 1 --timeout 5") {
    const auto line = serve_.read_line(5s);
    REQUIRE_MESSAGE(line.has_value(), serve_.output());
    const std::string prefix = "listening on 127.0.0.1:";
    REQUIRE_MESSAGE(line->starts_with(prefix), *line);
    port_ = std::stoi(line->substr(prefix.size()));
  }
  std::string port() const { return std::to_string(port_); }
  // The club's line about the visit: "visit 1: NAME admitted (TLS 1.3)", "visit 1: NAME turned
  // away by the club: ...", "visit 1: NAME walks away with alert unknown_ca".
  std::string visit() {
    REQUIRE(serve_.wait(8s) == 0);
    const std::string out = serve_.output();
    const auto at = out.find("visit 1: ");
    REQUIRE_MESSAGE(at != std::string::npos, out);
    return out.substr(at, out.find('\n', at) - at);
  }

 private:
  ChildProcess serve_;
  int port_ = 0;
};

struct Visitor {
  std::string ca;    // the file the client trusts
  std::string cert;  // the card with its chain ("" : no card)
  std::string key;
  std::string leaf;  // the card alone (s_client's -cert)
};

// The scenario's certificates, exported at the same clock the club runs at.
class Door {
 public:
  Door(const std::string& scenario, const std::string& name)
      : scenario_(library_path(scenario)), clock_(clock_now()), dir_(name) {
    const auto r = run_command(kCli + " export " + scenario_ + " --clock " + clock_ + " --certs " +
                               dir_.path().string());
    REQUIRE_MESSAGE(r.code == 0, r.out);
  }
  Visitor member(const std::string& name, const std::string& trusts = "town_authority") const {
    const std::string base = dir_ / name;
    return {dir_ / (trusts + ".crt.pem"), base + ".chain.pem", base + ".key.pem",
            base + ".crt.pem"};
  }
  Visitor visitor(const std::string& trusts = "town_authority") const {
    return {dir_ / (trusts + ".crt.pem"), "", "", ""};
  }
  const std::string& scenario() const { return scenario_; }
  const std::string& clock() const { return clock_; }
  std::string file(const std::string& name) const { return dir_ / name; }

 private:
  std::string scenario_;
  std::string clock_;
  ScratchDir dir_;
};

// Starts a server program on a free port, retrying on another port when it cannot bind (another
// test took the port in between). `ready` tells from an output line that it accepts connections.
inline std::unique_ptr<ChildProcess> start_server(
    const std::function<std::string(std::uint16_t)>& command,
    const std::function<bool(const std::string&)>& ready, std::uint16_t& port) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    port = free_port();
    auto server = std::make_unique<ChildProcess>(command(port), /*stdin_open=*/true);
    while (auto line = server->read_line(5s))
      if (ready(*line)) return server;
  }
  FAIL("the server did not start");
  return nullptr;
}

}  // namespace tlsclub::test
