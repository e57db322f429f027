// The bridge's sockets: loopback only, clear errors naming the address or port with a hint.
#include <doctest/doctest.h>

#include "bridge/club_server.h"
#include "bridge/knock.h"
#include "bridge/socket.h"
#include "export_test_tools.h"

using namespace tlsclub;
using namespace tlsclub::bridge;
using namespace tlsclub::test;

namespace {

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const BridgeError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("HOST:PORT is split, IPv6 in brackets, anything else names the text") {
  CHECK(split_host_port("127.0.0.1:4433") ==
        std::pair<std::string, std::uint16_t>{"127.0.0.1", 4433});
  CHECK(split_host_port("[::1]:443") == std::pair<std::string, std::uint16_t>{"::1", 443});
  CHECK(split_host_port("localhost:8443").first == "localhost");
  for (const char* bad :
       {"127.0.0.1", ":443", "127.0.0.1:", "127.0.0.1:http", "127.0.0.1:70000", "127.0.0.1:0"}) {
    const auto e = error_of([&] { split_host_port(bad); });
    CHECK_MESSAGE(contains(e, std::string("'") + bad + "'"), bad);
    CHECK(contains(e, "hint"));
  }
}

TEST_CASE("loopback addresses are told apart from the others") {
  CHECK(is_loopback_host("127.0.0.1"));
  CHECK(is_loopback_host("127.1.2.3"));
  CHECK(is_loopback_host("::1"));
  CHECK_FALSE(is_loopback_host("0.0.0.0"));
  CHECK_FALSE(is_loopback_host("10.1.2.3"));
  CHECK_FALSE(is_loopback_host("192.0.2.1"));
}

TEST_CASE("a port in use is named, with a hint") {
  const Listener first = listen_on("127.0.0.1", 0);
  const auto e = error_of([&] { listen_on("127.0.0.1", first.port); });
  CHECK(contains(e, "port " + std::to_string(first.port)));
  CHECK(contains(e, "in use"));
  CHECK(contains(e, "--port"));
}

TEST_CASE("the club serves on loopback only unless told otherwise") {
  ServeOptions options;
  options.listen = "0.0.0.0";
  options.port = 0;
  const auto e = error_of([&] { ClubServer(demo_scenario(), options); });
  CHECK(contains(e, "'0.0.0.0' is not a loopback address"));
  CHECK(contains(e, "hint"));
}

TEST_CASE("knocking where nobody listens, or away from this machine, is a clear error") {
  const std::uint16_t port = [] {
    const Listener l = listen_on("127.0.0.1", 0);
    return l.port;  // closed again when `l` goes: nothing listens there now
  }();
  KnockOptions options;
  options.port = port;
  options.member = "Alice";
  auto e = error_of([&] { knock(demo_scenario(), options); });
  CHECK(contains(e, "nothing is listening on 127.0.0.1:" + std::to_string(port)));
  options.host = "192.0.2.1";
  e = error_of([&] { knock(demo_scenario(), options); });
  CHECK(contains(e, "not a loopback address"));
  options.host = "127.0.0.1";
  options.member = "Mallory";
  e = error_of([&] { knock(demo_scenario(), options); });
  CHECK(contains(e, "no member called 'Mallory'"));
  CHECK(contains(e, "Alice"));
}
