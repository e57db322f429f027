// The bridge in one process: `tlsclub serve`'s club on a free loopback port and `tlsclub knock`'s
// member, each our own endpoint over a real socket, each recording its side as a Timeline.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "bridge/club_server.h"
#include "bridge/knock.h"
#include "export/svg.h"
#include "export_test_tools.h"
#include "simulation/expectations.h"
#include "timeline/json.h"
#include "timeline_helpers.h"

using namespace tlsclub;
using namespace tlsclub::bridge;
using namespace tlsclub::test;

namespace {

struct LiveVisit {
  Timeline club;    // what the club recorded
  Timeline member;  // what the member recorded
};

// One member visits the scenario's club; both run here, the club on a thread of its own.
LiveVisit visit(const ScenarioSpec& spec, const std::string& member) {
  ServeOptions options;
  options.port = 0;
  options.max_connections = 1;
  options.visit_timeout = Millis{5000};
  ClubServer server(spec, options);
  std::atomic<bool> stop{false};
  LiveVisit v;
  std::thread club([&] { server.run(stop, [&](const Timeline& t, std::size_t) { v.club = t; }); });
  KnockOptions knock_options;
  knock_options.port = server.port();
  knock_options.member = member;
  knock_options.reply_wait = Millis{2000};
  knock_options.timeout = Millis{5000};
  try {
    v.member = knock(spec, knock_options);
  } catch (...) {
    stop = true;
    club.join();
    throw;
  }
  club.join();
  return v;
}

std::string said_by(const Connection& c, Side from) {
  for (const auto& e : c.events)
    if (const auto* a = std::get_if<AppDataEvent>(&e.body); a && a->from == from)
      return std::string(a->data.begin(), a->data.end());
  return "";
}

}  // namespace

TEST_CASE("a member visits the live club over loopback: both sides admit, both record it all") {
  const auto v = visit(demo_scenario(TlsVersion::tls13), "Alice");
  REQUIRE(v.club.connections.size() == 1);
  REQUIRE(v.member.connections.size() == 1);
  const auto& club = v.club.connections[0];
  const auto& member = v.member.connections[0];
  CHECK(member.outcome == Outcome::admitted);
  CHECK(club.outcome == Outcome::admitted);
  CHECK(member.version == "TLS 1.3");
  CHECK(contains(club.client, "Alice (127.0.0.1:"));  // named by the card it showed
  CHECK(club.server_name == "club.example");          // the SNI it asked for
  // Each side sees every handshake message, the other's opened with the traffic secrets.
  const std::vector<std::string> server_sends{"server_hello",        "encrypted_extensions",
                                              "certificate_request", "certificate",
                                              "certificate_verify",  "finished"};
  const std::vector<std::string> client_sends{"client_hello", "certificate", "certificate_verify",
                                              "finished"};
  CHECK(messages_from(member, Side::server) == server_sends);
  CHECK(messages_from(club, Side::server) == server_sends);
  CHECK(messages_from(member, Side::client) == client_sends);
  CHECK(messages_from(club, Side::client) == client_sends);
  CHECK(said_by(club, Side::client) == "Hello, I am Alice.");
  CHECK(said_by(member, Side::server) == "Welcome to the club, Alice.");
  CHECK(first_failing_check(club).empty());
  CHECK(first_failing_check(member).empty());
  // A live Timeline is a Timeline: it exports like a simulated one.
  CHECK(to_json(v.member).dump().size() > 1000);
  CHECK(contains(ladder_svg(v.club), "admitted (TLS 1.3)"));
}

TEST_CASE("the live club refuses an expired card with the alert the scenario predicts") {
  const auto v = visit(library_scenario("basics/queue-of-members.toml"), "Carol");
  const auto& club = v.club.connections.at(0);
  const auto& member = v.member.connections.at(0);
  CHECK(club.outcome == Outcome::refused);
  CHECK(club.alert == "certificate_expired");
  CHECK(club.refused_by == Side::server);
  CHECK(first_failing_check(club) == "validity");
  CHECK(member.outcome == Outcome::refused);
  CHECK(member.alert == "certificate_expired");  // read from the club's encrypted alert
  CHECK(member.refused_by == Side::server);
}

TEST_CASE("a live member refuses a club whose badge names another host") {
  const auto v = visit(library_scenario("server-faults/wrong-host-name.toml"), "Alice");
  const auto& member = v.member.connections.at(0);
  CHECK(member.outcome == Outcome::refused);
  CHECK(member.refused_by == Side::client);
  CHECK(member.alert == "bad_certificate");
  CHECK(first_failing_check(member) == "hostname");
  CHECK(v.club.connections.at(0).outcome == Outcome::refused);
}

TEST_CASE("a live TLS 1.2 visit records the encrypted Finished messages and the data") {
  const auto v = visit(demo_scenario(TlsVersion::tls12), "Alice");
  const auto& member = v.member.connections.at(0);
  CHECK(member.outcome == Outcome::admitted);
  CHECK(member.version == "TLS 1.2");
  const auto from_server = messages_from(member, Side::server);
  CHECK(std::count(from_server.begin(), from_server.end(), "finished") == 1);
  const auto from_client = messages_from(member, Side::client);
  CHECK(std::count(from_client.begin(), from_client.end(), "finished") == 1);
  CHECK(said_by(member, Side::server) == "Welcome to the club, Alice.");
  CHECK(v.club.connections.at(0).outcome == Outcome::admitted);
}

TEST_CASE("a club asked to stop stops within a moment, even with nobody knocking") {
  ServeOptions options;
  options.port = 0;
  ClubServer server(demo_scenario(), options);
  std::atomic<bool> stop{false};
  const auto began = std::chrono::steady_clock::now();
  std::thread club([&] { server.run(stop, {}); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  stop = true;
  club.join();
  CHECK(std::chrono::steady_clock::now() - began < std::chrono::seconds(1));
}

TEST_CASE("plain HTTP at the live club is refused at once, not waited for") {
  ServeOptions options;
  options.port = 0;
  options.max_connections = 1;
  ClubServer server(demo_scenario(), options);
  std::atomic<bool> stop{false};
  Timeline recorded;
  std::thread club(
      [&] { server.run(stop, [&](const Timeline& t, std::size_t) { recorded = t; }); });
  Socket s = connect_within("127.0.0.1", server.port(), Millis{2000});
  const std::string request = "GET / HTTP/1.1\r\nHost: club.example\r\n\r\n";
  REQUIRE(write_within(
      s, ByteView(reinterpret_cast<const std::uint8_t*>(request.data()), request.size()),
      Millis{1000}));
  Bytes answer;
  CHECK(read_within(s, answer, Millis{2000}) == ReadStatus::data);
  CHECK(answer.size() == 7);  // one plaintext alert record
  CHECK(answer.at(0) == 21);
  club.join();
  CHECK(recorded.connections.at(0).alert == "unexpected_message");
}
