// sim/capture/packet_layers: every link type read, IPv4 and IPv6 (with extension headers), and
// frames that are not TCP, cut short or fragmented give nothing.
#include <doctest/doctest.h>

#include "capture_test_tools.h"

using namespace tlsclub;
using namespace tlsclub::test;
using capture::decode_layers;

namespace {

const std::array<std::uint8_t, 4> kClient = {192, 0, 2, 1}, kServer = {198, 51, 100, 7};
const Bytes kHello = bytes_of("hello");

Bytes segment() {
  return tcp_header(50000, 443, 1000, 2000, capture::kTcpAck, kHello);
}

Bytes v4() {
  return ipv4(kClient, kServer, segment());
}

void check_v4(const std::optional<capture::TcpSegment>& s) {
  REQUIRE(s);
  CHECK(s->source.to_string() == "192.0.2.1:50000");
  CHECK(s->destination.to_string() == "198.51.100.7:443");
  CHECK(s->seq == 1000);
  CHECK(s->ack == 2000);
  CHECK(s->flags == capture::kTcpAck);
  CHECK(Bytes(s->payload.begin(), s->payload.end()) == kHello);
  CHECK(s->wire_length == 5);
}

Bytes with_prefix(Bytes prefix, const Bytes& packet) {
  append(prefix, packet);
  return prefix;
}

}  // namespace

TEST_CASE("capture layers: Ethernet, with and without 802.1Q tags, padded to 60 bytes") {
  check_v4(decode_layers(capture::kLinkEthernet, ethernet(0x0800, v4())));
  check_v4(decode_layers(capture::kLinkEthernet, ethernet(0x0800, v4(), {0x0064, 0x00c8})));
  Bytes padded = ethernet(
      0x0800, ipv4(kClient, kServer, tcp_header(50000, 443, 1000, 2000, capture::kTcpAck, {})));
  padded.resize(60);  // the IP length says the segment is empty: the padding is no payload
  const auto s = decode_layers(capture::kLinkEthernet, padded);
  REQUIRE(s);
  CHECK(s->payload.empty());
  CHECK_FALSE(decode_layers(capture::kLinkEthernet, ethernet(0x0806, v4())));  // ARP
}

TEST_CASE("capture layers: Linux cooked captures (SLL and SLL2)") {
  Bytes sll(16, 0);
  sll[14] = 0x08;
  check_v4(decode_layers(capture::kLinkLinuxSll, with_prefix(sll, v4())));
  Bytes sll2(20, 0);
  sll2[0] = 0x08;
  check_v4(decode_layers(capture::kLinkLinuxSll2, with_prefix(sll2, v4())));
  CHECK_FALSE(decode_layers(capture::kLinkLinuxSll2, Bytes(19, 0)));
}

TEST_CASE("capture layers: BSD loopback in either byte order, every IPv6 family value") {
  check_v4(decode_layers(capture::kLinkNull, with_prefix({2, 0, 0, 0}, v4())));
  check_v4(decode_layers(capture::kLinkNull, with_prefix({0, 0, 0, 2}, v4())));
  const Bytes v6 = ipv6(1, 2, segment());
  for (const std::uint8_t family :
       {std::uint8_t{10}, std::uint8_t{24}, std::uint8_t{28}, std::uint8_t{30}}) {
    CAPTURE(family);
    CHECK(decode_layers(capture::kLinkNull, with_prefix({family, 0, 0, 0}, v6)));
    CHECK(decode_layers(capture::kLinkNull, with_prefix({0, 0, 0, family}, v6)));
  }
  CHECK_FALSE(decode_layers(capture::kLinkNull, with_prefix({7, 0, 0, 0}, v4())));
}

TEST_CASE("capture layers: raw IP (101 by version, 228 IPv4, 229 IPv6)") {
  check_v4(decode_layers(capture::kLinkRaw, v4()));
  check_v4(decode_layers(capture::kLinkIpv4, v4()));
  const Bytes frame = ipv6(1, 2, segment());  // the segment's payload points into it
  const auto s = decode_layers(capture::kLinkRaw, frame);
  REQUIRE(s);
  CHECK(s->source.to_string() == "[2001:db8::1]:50000");
  CHECK(s->destination.to_string() == "[2001:db8::2]:443");
  CHECK(decode_layers(capture::kLinkIpv6, ipv6(1, 2, segment())));
  CHECK_FALSE(decode_layers(capture::kLinkIpv6, v4()));
  CHECK_FALSE(decode_layers(999, v4()));
}

TEST_CASE("capture layers: IPv6 extension headers are walked to TCP") {
  // hop-by-hop (0) → routing (43) → destination options (60) → atomic fragment (44) → TCP.
  Bytes ext;
  append(ext, {43, 0, 0, 0, 0, 0, 0, 0});
  append(ext, {60, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  append(ext, {44, 0, 0, 0, 0, 0, 0, 0});
  append(ext, {6, 0, 0, 0, 0, 0, 0, 1});
  const Bytes frame = ipv6(1, 2, segment(), 0, ext);  // the segment's payload points into it
  const auto s = decode_layers(capture::kLinkRaw, frame);
  REQUIRE(s);
  CHECK(Bytes(s->payload.begin(), s->payload.end()) == kHello);
  // A real fragment (more fragments follow) is not used.
  const Bytes fragment = {6, 0, 0, 1, 0, 0, 0, 1};
  CHECK_FALSE(decode_layers(capture::kLinkRaw, ipv6(1, 2, segment(), 44, fragment)));
  // An extension header that runs past the packet.
  CHECK_FALSE(decode_layers(capture::kLinkRaw, ipv6(1, 2, {}, 0, {6, 9, 0, 0, 0, 0, 0, 0})));
}

TEST_CASE("capture layers: IPv4 options, fragments and other protocols") {
  Bytes with_options = v4();
  with_options[0] = 0x46;  // a 24-byte header: four bytes of options (NOPs) before TCP
  with_options.insert(with_options.begin() + 20, {1, 1, 1, 1});
  with_options[3] = static_cast<std::uint8_t>(with_options[3] + 4);
  check_v4(decode_layers(capture::kLinkRaw, with_options));
  CHECK_FALSE(decode_layers(capture::kLinkRaw, ipv4(kClient, kServer, segment(), 17)));  // UDP
  CHECK_FALSE(decode_layers(capture::kLinkRaw, ipv4(kClient, kServer, segment(), 6, 0x2000)));
  CHECK_FALSE(decode_layers(capture::kLinkRaw, ipv4(kClient, kServer, segment(), 6, 0x0010)));
}

TEST_CASE("capture layers: a frame cut short keeps what was captured and the length sent") {
  Bytes cut = v4();
  cut.erase(cut.end() - 2, cut.end());
  const auto s = decode_layers(capture::kLinkRaw, cut);
  REQUIRE(s);
  CHECK(s->payload.size() == 3);
  CHECK(s->wire_length == 5);
  for (std::size_t n = 0; n < 40; ++n) {  // every shorter prefix: nothing, never a bad read
    CAPTURE(n);
    CHECK_FALSE(decode_layers(capture::kLinkRaw, Bytes(cut.begin(), cut.begin() + n)));
  }
}

TEST_CASE("capture layers: endpoints print as RFC 5952 says") {
  capture::Endpoint e;
  e.v6 = true;
  e.port = 443;
  CHECK(e.to_string() == "[::]:443");
  e.address[15] = 1;
  CHECK(e.to_string() == "[::1]:443");
  e.address = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1};
  CHECK(e.to_string() == "[2001:db8:0:1::1]:443");
  e.address = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1};
  CHECK(e.to_string() == "[2001:db8::1:0:0:1]:443");  // the first of two equal runs
}
