// `tlsclub serve` as a class uses it: many visitors at once, some of them silent or slow, and
// curl and browsers that speak HTTP/1.1 and expect a page back.
#include <atomic>
#include <regex>
#include <thread>
#include <vector>

#include "interop_tools.h"

using namespace tlsclub;
using namespace tlsclub::test;
using namespace std::chrono_literals;

namespace {

// `tlsclub serve` on a free port with extra options; reads "listening on 127.0.0.1:PORT".
class OpenClub {
 public:
  OpenClub(const std::string& scenario, const std::string& clock, const std::string& options)
      : serve_(kCli + " serve " + scenario + " --clock " + clock + " --port 0 " + options) {
    const auto line = serve_.read_line(5s);
    REQUIRE_MESSAGE(line.has_value(), serve_.output());
    const std::string prefix = "listening on 127.0.0.1:";
    REQUIRE_MESSAGE(line->starts_with(prefix), *line);
    port_ = static_cast<std::uint16_t>(std::stoi(line->substr(prefix.size())));
  }
  std::uint16_t port() const { return port_; }
  // Everything it printed once it stopped by itself (--max-connections).
  std::string log(std::chrono::milliseconds wait) {
    const auto code = serve_.wait(wait);
    REQUIRE_MESSAGE(code == 0, serve_.output());
    return serve_.output();
  }

 private:
  ChildProcess serve_;
  std::uint16_t port_ = 0;
};

std::size_t count_of(const std::string& text, const std::regex& pattern) {
  return static_cast<std::size_t>(
      std::distance(std::sregex_iterator(text.begin(), text.end(), pattern), {}));
}

// A visitor that connects and then sends one byte a second (the start of a TLS record header,
// never complete) until `stop`: it holds its visit open as long as the club lets it.
void trickle(std::uint16_t port, const std::atomic<bool>& stop) {
  const bridge::Socket socket = bridge::connect_within("127.0.0.1", port, 2000ms);
  const std::uint8_t header[] = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc};
  for (const std::uint8_t byte : header) {
    for (int tenth = 0; tenth < 10 && !stop.load(); ++tenth) std::this_thread::sleep_for(100ms);
    if (stop.load() || !bridge::write_within(socket, ByteView(&byte, 1), 1000ms)) return;
  }
}

}  // namespace

TEST_CASE("silent and slow visitors never delay the class: 30 s_client visits at once") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  const Door door("basics/queue-of-members.toml", "interop-classroom-concurrent");
  constexpr int kVisits = 30;
  constexpr int kSilent = 3;
  constexpr int kSlow = 2;
  // A visit may take 8 s: one at a time, the three silent visitors alone would hold the door 24 s.
  OpenClub club(door.scenario(), door.clock(),
                "--timeout 8 --max-connections " + std::to_string(kVisits + kSilent + kSlow));
  std::vector<bridge::Socket> silent;
  for (int i = 0; i < kSilent; ++i)
    silent.push_back(bridge::connect_within("127.0.0.1", club.port(), 2000ms));
  std::atomic<bool> stop_trickling{false};
  std::vector<std::thread> slow;
  for (int i = 0; i < kSlow; ++i)
    slow.emplace_back(trickle, club.port(), std::cref(stop_trickling));
  std::this_thread::sleep_for(300ms);  // the silent and slow ones are inside first

  const Visitor alice = door.member("Alice");
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::unique_ptr<ChildProcess>> clients;
  for (int i = 0; i < kVisits; ++i) {
    clients.push_back(std::make_unique<ChildProcess>(
        "openssl s_client -connect 127.0.0.1:" + std::to_string(club.port()) +
            " -servername club.example -verify_return_error -ign_eof -CAfile " + alice.ca +
            " -cert " + alice.leaf + " -cert_chain " + alice.cert + " -key " + alice.key,
        /*stdin_open=*/true));
    clients.back()->write_stdin("hello\n");
    clients.back()->close_stdin();
  }
  int welcomed = 0;
  for (auto& client : clients) {
    client->wait(20s);
    welcomed += contains(client->output(), "Welcome to the club, Alice.") ? 1 : 0;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  stop_trickling = true;
  for (auto& thread : slow) thread.join();
  MESSAGE(kVisits << " visits at once took " << seconds << " s");
  CHECK(welcomed == kVisits);
  CHECK(seconds < 8.0);  // none of them waited for a silent visitor's time-out

  const std::string log = club.log(30s);
  CAPTURE(log);
  CHECK(count_of(log, std::regex("^visit [0-9]+: Alice \\([0-9.:]+\\) admitted",
                                 std::regex::multiline)) == kVisits);
  // One whole line per visit, numbered 1..35 in the order they ended.
  const std::size_t total = kVisits + kSilent + kSlow;
  CHECK(count_of(log, std::regex("^visit [0-9]+: ", std::regex::multiline)) == total);
  CHECK(contains(log, "visit " + std::to_string(total) + ": "));
  CHECK(contains(log, "stopped after " + std::to_string(total) + " visits"));
}

TEST_CASE("a connection beyond --max-concurrent is turned back at once and counted") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  const Door door("basics/queue-of-members.toml", "interop-classroom-bound");
  OpenClub club(door.scenario(), door.clock(), "--timeout 3 --max-concurrent 2 --idle-timeout 1");
  const bridge::Socket first = bridge::connect_within("127.0.0.1", club.port(), 2000ms);
  const bridge::Socket second = bridge::connect_within("127.0.0.1", club.port(), 2000ms);
  std::this_thread::sleep_for(500ms);
  const bridge::Socket third = bridge::connect_within("127.0.0.1", club.port(), 2000ms);
  Bytes nothing;
  // The club closes the third connection without a word, long before the visits' time-out.
  CHECK(bridge::read_within(third, nothing, 2000ms) == bridge::ReadStatus::closed);
  const std::string log = club.log(10s);
  CHECK(contains(log, "turned back 127.0.0.1:"));
  CHECK(contains(log, "stopped after 2 visits; 1 turned back"));
}

TEST_CASE("an HTTP/1.1 request through s_client gets the welcome page of its own visit") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  const Door door("basics/queue-of-members.toml", "interop-classroom-http");
  OpenClub club(door.scenario(), door.clock(), "--timeout 5 --max-connections 1");
  const Visitor alice = door.member("Alice");
  ChildProcess client("openssl s_client -quiet -connect 127.0.0.1:" + std::to_string(club.port()) +
                          " -servername club.example -verify_return_error -ign_eof -CAfile " +
                          alice.ca + " -cert " + alice.leaf + " -cert_chain " + alice.cert +
                          " -key " + alice.key,
                      /*stdin_open=*/true);
  client.write_stdin("GET / HTTP/1.1\r\nHost: club.example\r\nAccept: text/html\r\n\r\n");
  client.close_stdin();
  client.wait(10s);
  const std::string out = client.output();
  CAPTURE(out);
  CHECK(contains(out, "HTTP/1.1 200 OK"));
  CHECK(contains(out, "Content-Type: text/html; charset=utf-8"));
  CHECK(contains(out, "<h1>Welcome to the club, Alice.</h1>"));
  CHECK(contains(out, "<tr><th>version</th><td>TLS 1.3</td></tr>"));
  CHECK(contains(out, "&#10003; validity: "));  // the club's check of Alice's card, passed
  CHECK(contains(club.log(10s), "Alice (127.0.0.1:"));
}

TEST_CASE("curl gets HTTP 200 and a text page, over HTTP/1.1 chosen by ALPN") {
  TLSCLUB_REQUIRE_TOOL("curl");
  const Door door("basics/server-only-tls13.toml", "interop-classroom-curl");
  OpenClub club(door.scenario(), door.clock(), "--timeout 5 --max-connections 1");
  const std::string port = std::to_string(club.port());
  ChildProcess curl("curl --silent --show-error --verbose --max-time 10 --cacert " +
                    door.visitor().ca + " --resolve club.example:" + port +
                    ":127.0.0.1 https://club.example:" + port + "/");
  REQUIRE(curl.wait(15s) == 0);
  const std::string out = curl.output();
  CAPTURE(out);
  CHECK(contains(out, "ALPN: server accepted http/1.1"));
  CHECK(contains(out, "< HTTP/1.1 200 OK"));
  CHECK(contains(out, "Welcome to the club, visitor."));
  CHECK(contains(out, "  version       TLS 1.3"));
  CHECK(contains(out, "your card     none shown"));
  CHECK(contains(out, "it signed the handshake (CertificateVerify, RFC 8446 section 4.4.3)"));
  CHECK(contains(club.log(10s), "admitted (TLS 1.3)"));
}

TEST_CASE("listening beyond the loopback, serve says where students on other machines knock") {
  ChildProcess serve(kCli + " serve --listen 0.0.0.0 --port 0 --idle-timeout 1");
  REQUIRE(serve.wait(10s) == 0);
  const std::string out = serve.output();
  CAPTURE(out);
  CHECK(contains(out, "warning: on 0.0.0.0 other machines can reach this club"));
  // A machine with a network address names it with a curl line; one without says so.
  const std::regex addresses(
      "visitors reach club\\.example at: [0-9a-f.:]+.*\n  e\\.g\\. curl --cacert AUTHORITY\\.pem "
      "--resolve club\\.example:[0-9]+:[0-9a-f.:\\[\\]]+ https://club\\.example:[0-9]+/");
  CHECK((std::regex_search(out, addresses) ||
         contains(out, "this machine has no address but the loopback")));
}

TEST_CASE("a handshake that drips in is closed at --handshake-timeout, not at --timeout") {
  const Door door("basics/queue-of-members.toml", "interop-classroom-handshake-timeout");
  OpenClub club(door.scenario(), door.clock(),
                "--handshake-timeout 1 --timeout 20 --max-connections 1 --transcript");
  std::atomic<bool> stop{false};
  const auto started = std::chrono::steady_clock::now();
  std::thread slow(trickle, club.port(), std::cref(stop));
  const std::string log = club.log(10s);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  stop = true;
  slow.join();
  CAPTURE(log);
  CHECK(contains(log, "gave up waiting: the handshake took longer than 1 s"));
  CHECK(seconds < 4.0);  // the byte a second kept arriving, and still did not hold the visit
}

TEST_CASE("a visitor that finishes the handshake and says nothing is closed at --request-timeout") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  const Door door("basics/server-only-tls13.toml", "interop-classroom-request-timeout");
  OpenClub club(door.scenario(), door.clock(),
                "--request-timeout 1 --timeout 20 --max-connections 1 --transcript");
  const auto started = std::chrono::steady_clock::now();
  // stdin stays open and empty: s_client says nothing after the handshake, like a browser's
  // spare connection.
  ChildProcess client("openssl s_client -connect 127.0.0.1:" + std::to_string(club.port()) +
                          " -servername club.example -CAfile " + door.visitor().ca,
                      /*stdin_open=*/true);
  const std::string log = club.log(10s);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  client.close_stdin();
  client.wait(5s);
  CAPTURE(log);
  CHECK(contains(log, "gave up waiting: the peer said nothing for 1 s"));
  CHECK(seconds < 4.0);
}
