// sim/capture/capture_summary: TLS connections recognised in captures written here (hellos built
// byte by byte) and in real ones (openssl s_client and s_server on the loopback, captured with
// dumpcap: tests/sim/data/captures/make-captures.sh), checked against what tshark shows of them.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "capture/capture_error.h"
#include "capture/capture_text.h"
#include "capture_test_tools.h"

using namespace tlsclub;
using namespace tlsclub::test;
using capture::kTcpAck;
using capture::kTcpSyn;
using capture::Outcome;

namespace {

const std::filesystem::path kCaptures =
    std::filesystem::path(TLSCLUB_SOURCE_DIR) / "tests" / "sim" / "data" / "captures";

capture::CaptureOverview summarize_file(const std::string& name) {
  std::ifstream in(kCaptures / name, std::ios::binary);
  REQUIRE(in.good());
  return capture::summarize_capture(in);
}

capture::CaptureOverview summarize_bytes(const Bytes& file) {
  auto in = stream_of(file);
  return capture::summarize_capture(in);
}

Bytes record(std::uint8_t type, const Bytes& body) {
  Bytes out = {type, 3, 3};
  put_be(out, body.size(), 2);
  append(out, body);
  return out;
}

Bytes handshake(std::uint8_t type, const Bytes& body) {
  Bytes out = {type};
  put_be(out, body.size(), 3);
  append(out, body);
  return out;
}

Bytes extension(std::uint16_t type, const Bytes& data) {
  Bytes out;
  put_be(out, type, 2);
  put_be(out, data.size(), 2);
  append(out, data);
  return out;
}

Bytes client_hello() {
  Bytes body = {3, 3};
  append(body, Bytes(32, 0xaa));  // random
  body.push_back(0);              // session id
  append(body, {0, 4, 0x13, 0x01, 0x13, 0x02, 1, 0});
  Bytes sni = {0, 15, 0, 0, 12};
  append(sni, bytes_of("club.example"));
  Bytes extensions = extension(0, sni);
  append(extensions, extension(16, {0, 3, 2, 'h', '2'}));
  append(extensions, extension(43, {2, 3, 4}));
  append(extensions, extension(51, {0, 6, 0, 0x1d, 0, 2, 9, 9}));
  put_be(body, extensions.size(), 2);
  append(body, extensions);
  return handshake(1, body);
}

Bytes server_hello(std::uint16_t version, std::uint16_t suite) {
  Bytes body = {3, 3};
  append(body, Bytes(32, 0xbb));
  body.push_back(0);
  put_be(body, suite, 2);
  body.push_back(0);
  Bytes extensions;
  if (version == 0x0304) {
    append(extensions, extension(43, {3, 4}));
    append(extensions, extension(51, {0, 0x1d, 0, 1, 7}));
  }
  put_be(body, extensions.size(), 2);
  append(body, extensions);
  return handshake(2, body);
}

// A TLS 1.3 exchange between 192.0.2.1:50000 and 192.0.2.2:443, the ClientHello split across
// two TCP segments and its record split in two records; `finish` adds the client's protected
// Finished and the server's ticket after it.
Bytes tls13_capture(bool finish, bool alert = false, std::size_t reply = 200,
                    std::size_t finished = 40) {
  const Bytes hello = client_hello();
  Bytes first = record(22, Bytes(hello.begin(), hello.begin() + 20));
  append(first, record(22, Bytes(hello.begin() + 20, hello.end())));
  Bytes server = record(22, server_hello(0x0304, 0x1301));
  append(server, record(20, {1}));
  append(server, record(23, Bytes(100, 0x55)));
  std::vector<Bytes> frames = {
      eth_tcp(50000, 443, 100, kTcpSyn), eth_tcp(443, 50000, 900, kTcpSyn | kTcpAck),
      eth_tcp(50000, 443, 101, kTcpAck, Bytes(first.begin(), first.begin() + 30)),
      eth_tcp(50000, 443, 131, kTcpAck, Bytes(first.begin() + 30, first.end())),
      eth_tcp(443, 50000, 901, kTcpAck, server)};
  const std::uint32_t client_next = 101 + static_cast<std::uint32_t>(first.size());
  if (finish) {
    frames.push_back(eth_tcp(50000, 443, client_next, kTcpAck, record(23, Bytes(finished, 1))));
    frames.push_back(eth_tcp(443, 50000, 901 + static_cast<std::uint32_t>(server.size()), kTcpAck,
                             record(23, Bytes(reply, 2))));
  }
  if (alert) frames.push_back(eth_tcp(50000, 443, client_next, kTcpAck, record(21, {2, 40})));
  return pcap_file(1, frames);
}

}  // namespace

TEST_CASE("capture summary: a TLS 1.3 handshake written here, its fields and outcome") {
  const auto o = summarize_bytes(tls13_capture(true));
  CHECK(o.packets == 7);
  REQUIRE(o.tls.size() == 1);
  const auto& c = o.tls[0];
  CHECK(c.client.to_string() == "192.0.2.1:50000");
  CHECK(c.server.to_string() == "192.0.2.2:443");
  CHECK(c.server_name == "club.example");
  CHECK(c.alpn_offered == std::vector<std::string>{"h2"});
  CHECK(c.version == 0x0304);
  CHECK(c.cipher_suite == 0x1301);
  CHECK(c.key_share_group == 0x001d);
  CHECK(c.client_random == Bytes(32, 0xaa));
  CHECK(c.outcome == Outcome::completed);
  CHECK(c.records[0] == 3);
  CHECK(c.records[1] == 4);
  CHECK(capture::connection_line(c) ==
        "#1  192.0.2.1:50000 → 192.0.2.2:443  sni club.example  TLS 1.3  TLS_AES_128_GCM_SHA256  "
        "x25519  completed  c→s " +
            std::to_string(c.bytes[0]) + " B  s→c " + std::to_string(c.bytes[1]) +
            " B  records 3/4");
}

TEST_CASE("capture summary: a handshake that stops, and one refused with an alert in the clear") {
  auto o = summarize_bytes(tls13_capture(false));
  REQUIRE(o.tls.size() == 1);
  CHECK(o.tls[0].outcome == Outcome::incomplete);
  o = summarize_bytes(tls13_capture(false, true));
  REQUIRE(o.tls.size() == 1);
  CHECK(o.tls[0].outcome == Outcome::alert);
  REQUIRE(o.tls[0].alert);
  CHECK(o.tls[0].alert->description == 40);
  CHECK(o.tls[0].alert_from == Side::client);
  CHECK(capture::connection_line(o.tls[0]).find("alert handshake_failure (client)") !=
        std::string::npos);
}

TEST_CASE(
    "capture summary: TLS 1.3 refusals after the hellos are told by an alert's size (19 bytes)") {
  // The server answers the client's Finished with a protected alert: 2 + 1 + 16 bytes.
  auto o = summarize_bytes(tls13_capture(true, false, 19));
  REQUIRE(o.tls.size() == 1);
  CHECK(o.tls[0].outcome == Outcome::encrypted_alert);
  CHECK(o.tls[0].alert_from == Side::server);
  CHECK(capture::connection_line(o.tls[0]).find("  encrypted alert (server)  ") !=
        std::string::npos);
  // The client refuses the server's certificate: an alert instead of its Finished.
  o = summarize_bytes(tls13_capture(true, false, 200, 19));
  REQUIRE(o.tls.size() == 1);
  CHECK(o.tls[0].outcome == Outcome::encrypted_alert);
  CHECK(o.tls[0].alert_from == Side::client);
}

TEST_CASE("capture summary: TCP that is not TLS is counted, not listed") {
  const Bytes http = bytes_of("GET / HTTP/1.1\r\nHost: club.example\r\n\r\n");
  const auto o = summarize_bytes(pcap_file(1, {eth_tcp(50000, 80, 1, kTcpAck, http)}));
  CHECK(o.tls.empty());
  CHECK(o.other_connections == 1);
  CHECK(capture::overview_line(o) == "pcap, 1 packet, 0 TLS connections, 1 other TCP connection");
}

TEST_CASE(
    "capture summary: a real TLS 1.3 capture (pcapng, its key log in a Decryption Secrets Block)") {
  const auto o = summarize_file("tls13.pcapng");
  CHECK(o.format == capture::CaptureFormat::pcapng);
  REQUIRE(o.tls.size() == 1);
  const auto& c = o.tls[0];
  CHECK(c.server.port == 44331);
  CHECK(c.server_name == "club.example");
  CHECK(c.version == 0x0304);
  CHECK(c.cipher_suite == 0x1302);  // tshark: TLS_AES_256_GCM_SHA384
  CHECK(c.outcome == Outcome::completed);
  REQUIRE(o.key_logs.size() == 1);
  capture::KeyLog keys;
  keys.parse(o.key_logs[0]);
  CHECK(capture::connections_with_keys(o, keys) == 1);
}

TEST_CASE("capture summary: a real TLS 1.2 capture (classic pcap) and its key log file") {
  const auto o = summarize_file("tls12.pcap");
  REQUIRE(o.tls.size() == 1);
  const auto& c = o.tls[0];
  CHECK(c.version == 0x0303);
  CHECK(c.cipher_suite == 0xc02b);  // TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
  CHECK(c.outcome == Outcome::completed);
  std::ifstream in(kCaptures / "tls12.keys");
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  capture::KeyLog keys;
  keys.parse(text);
  CHECK(capture::connections_with_keys(o, keys) == 1);
}

TEST_CASE("capture summary: a real TLS 1.2 refusal: the client's unknown_ca alert in the clear") {
  const auto o = summarize_file("tls12-alert.pcap");
  REQUIRE(o.tls.size() == 1);
  CHECK(o.tls[0].outcome == Outcome::alert);
  REQUIRE(o.tls[0].alert);
  CHECK(o.tls[0].alert->description == 48);  // tshark: unknown_ca
  CHECK(o.tls[0].alert_from == Side::client);
}

TEST_CASE(
    "capture summary: a real gzipped pcapng over IPv6 from the \"any\" interface (Linux SLL)") {
  const auto o = summarize_file("tls13-ipv6-any.pcapng.gz");
  CHECK(o.compressed);
  REQUIRE(o.tls.size() == 1);
  CHECK(o.tls[0].server.to_string() == "[::1]:44334");
  CHECK(o.tls[0].version == 0x0304);
  CHECK(o.tls[0].outcome == Outcome::completed);
}

TEST_CASE("capture summary: a real capture cut short names the packet where it ends") {
  std::ifstream in(kCaptures / "tls12.pcap", std::ios::binary);
  Bytes file((std::istreambuf_iterator<char>(in)), {});
  file.erase(file.end() - 10, file.end());
  try {
    summarize_bytes(file);
    FAIL("no error");
  } catch (const capture::CaptureError& e) {
    CHECK(e.packet() == 14);  // tshark: 14 packets
    CHECK(std::string(e.what()).find("the file ends inside a packet's data") != std::string::npos);
  }
}
