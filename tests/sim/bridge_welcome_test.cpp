// The club's answer once the handshake is through (sim/bridge/welcome_page.h): an HTTP/1.1 page
// about the visit for browsers and curl, the one-line welcome for everyone else.
#include <doctest/doctest.h>

#include <string>

#include "bridge/welcome_page.h"

using namespace tlsclub;
using namespace tlsclub::bridge;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Alice's visit as the club recorded it: TLS 1.3, her card checked.
Connection alice_visit() {
  Connection c;
  c.server_name = "club.example";
  c.events.push_back({0,
                      0,
                      {},
                      EstablishedEvent{Side::server, "TLS 1.3", "TLS_AES_128_GCM_SHA256", "x25519",
                                       "ecdsa_secp256r1_sha256"}});
  CheckEvent validity;
  validity.by = Side::server;
  validity.subject = "CN=Alice";
  validity.check = "validity";
  validity.passed = true;
  validity.reason = "valid 2026-01-30 to 2026-08-18";
  c.events.push_back({1, 0, {}, validity});
  return c;
}

constexpr const char* kBrowser =
    "GET / HTTP/1.1\r\nHost: club.example\r\nUser-Agent: Mozilla/5.0\r\n"
    "Accept: text/html,application/xhtml+xml;q=0.9\r\n\r\n";

}  // namespace

TEST_CASE("an HTTP/1.x request line is told from anything else a visitor says") {
  const auto get = parse_http_request(kBrowser);
  REQUIRE(get);
  CHECK(get->method == "GET");
  CHECK(get->target == "/");
  CHECK(get->accept == "text/html,application/xhtml+xml;q=0.9");
  const auto lower_case_header =
      parse_http_request("GET /x HTTP/1.0\r\naccept:  text/plain \r\n\r\n");
  REQUIRE(lower_case_header);
  CHECK(lower_case_header->accept == "text/plain");
  CHECK_FALSE(parse_http_request("hello\n"));
  CHECK_FALSE(parse_http_request("GET / HTTP/2.0\r\n\r\n"));
  CHECK_FALSE(parse_http_request("GET  HTTP/1.1\r\n\r\n"));
  CHECK_FALSE(parse_http_request(" GET / HTTP/1.1\r\n"));
  CHECK_FALSE(parse_http_request("G(T / HTTP/1.1\r\n"));
  CHECK_FALSE(parse_http_request(""));
}

TEST_CASE("a raw client gets the one-line welcome, by the name on its card") {
  CHECK(welcome_reply("hello\n", alice_visit(), "Alice") == "Welcome to the club, Alice.");
  CHECK(welcome_reply("hello\n", Connection{}, "") == "Welcome to the club, visitor.");
}

TEST_CASE(
    "a browser gets an HTML page about its own visit and curl (Accept */*) the same as text") {
  const std::string html = welcome_reply(kBrowser, alice_visit(), "Alice");
  CAPTURE(html);
  CHECK(html.starts_with("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"));
  CHECK(contains(html, "Connection: close\r\n"));
  CHECK(contains(html, "<h1>Welcome to the club, Alice.</h1>"));
  CHECK(contains(html, "<td>TLS_AES_128_GCM_SHA256</td>"));
  CHECK(contains(html,
                 "<li><b>CN=Alice</b><ul>\n<li class=\"pass\">&#10003; validity: valid 2026-01-30 "
                 "to 2026-08-18"));
  CHECK(contains(html, "RFC 8446 section 4.4.3"));
  const std::size_t body = html.size() - html.find("\r\n\r\n") - 4;
  CHECK(contains(html, "Content-Length: " + std::to_string(body) + "\r\n"));

  const std::string text = welcome_reply(
      "GET / HTTP/1.1\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n", alice_visit(), "Alice");
  CAPTURE(text);
  CHECK(contains(text, "Content-Type: text/plain; charset=utf-8\r\n"));
  CHECK(contains(text, "  version       TLS 1.3\n"));
  CHECK(contains(text, "  your card     shown: Alice\n"));
  CHECK(contains(text, "    CN=Alice\n      pass validity: valid 2026-01-30 to 2026-08-18\n"));
}

TEST_CASE(
    "what the page says of the keys follows the visit: TLS 1.3, ECDHE in 1.2, RSA transport") {
  Connection ecdhe;
  ecdhe.events.push_back(
      {0,
       0,
       {},
       EstablishedEvent{Side::server, "TLS 1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                        "secp256r1", ""}});
  const std::string dh = welcome_reply("GET / HTTP/1.1\r\n\r\n", ecdhe, "");
  CHECK(contains(dh, "signed the club's share (ServerKeyExchange, RFC 5246 section 7.4.3)"));
  CHECK_FALSE(contains(dh, "premaster"));
  Connection rsa;
  rsa.events.push_back(
      {0,
       0,
       {},
       EstablishedEvent{Side::server, "TLS 1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256", "", ""}});
  const std::string transport = welcome_reply("GET / HTTP/1.1\r\n\r\n", rsa, "");
  CHECK(contains(transport, "encrypted the premaster secret to the key on the club's badge"));
  CHECK(contains(transport, "your card     none shown"));
}

TEST_CASE("names from a card are escaped in the page, and HEAD, other pages and other methods") {
  const std::string html = welcome_reply(kBrowser, alice_visit(), "<script>x</script>");
  CHECK_FALSE(contains(html, "<script>"));
  CHECK(contains(html, "&lt;script&gt;x&lt;/script&gt;"));

  const std::string head =
      welcome_reply("HEAD / HTTP/1.1\r\nAccept: text/html\r\n\r\n", alice_visit(), "Alice");
  CHECK(head.starts_with("HTTP/1.1 200 OK\r\n"));
  CHECK(head.ends_with("\r\n\r\n"));  // the headers only
  CHECK(welcome_reply("GET /favicon.ico HTTP/1.1\r\n\r\n", alice_visit(), "")
            .starts_with("HTTP/1.1 404 Not Found\r\n"));
  const std::string post = welcome_reply("POST / HTTP/1.1\r\n\r\n", alice_visit(), "");
  CHECK(post.starts_with("HTTP/1.1 405 Method Not Allowed\r\n"));
  CHECK(contains(post, "Allow: GET, HEAD\r\n"));
}
