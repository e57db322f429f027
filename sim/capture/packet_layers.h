#pragma once
// From a captured frame to its TCP segment: the link layer (Ethernet with 802.1Q tags, Linux
// cooked SLL and SLL2, BSD loopback, raw IP), IPv4 or IPv6 (with its extension headers), TCP.
// Pure functions over the frame's bytes; anything that is not a whole TCP header, or that the
// frame is too short for, gives nothing (never a read out of bounds).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>

#include "core/bytes.h"

namespace tlsclub::capture {

// Link types (the LINKTYPE_ registry, draft-ietf-opsawg-pcaplinktype).
inline constexpr std::uint32_t kLinkNull = 0;  // BSD loopback: a 4-byte address family
inline constexpr std::uint32_t kLinkEthernet = 1;
inline constexpr std::uint32_t kLinkRaw = 101;  // IPv4 or IPv6, told by the version nibble
inline constexpr std::uint32_t kLinkLinuxSll = 113;
inline constexpr std::uint32_t kLinkIpv4 = 228;
inline constexpr std::uint32_t kLinkIpv6 = 229;
inline constexpr std::uint32_t kLinkLinuxSll2 = 276;

// An IPv4 or IPv6 address and a port: one end of a TCP connection.
struct Endpoint {
  bool v6 = false;
  std::array<std::uint8_t, 16> address{};  // IPv4 in the first 4 bytes
  std::uint16_t port = 0;

  // "192.0.2.1:443", "[2001:db8::1]:443" (RFC 5952: lower case, the longest run of zero groups
  // shortened to "::").
  std::string to_string() const;

  // Written out rather than defaulted: the web build's libc++ 13 has no operator<=> for
  // std::array.
  friend bool operator==(const Endpoint& a, const Endpoint& b) {
    return a.v6 == b.v6 && a.address == b.address && a.port == b.port;
  }
  friend bool operator!=(const Endpoint& a, const Endpoint& b) { return !(a == b); }
  friend bool operator<(const Endpoint& a, const Endpoint& b) {
    return std::tie(a.v6, a.address, a.port) < std::tie(b.v6, b.address, b.port);
  }
};

// RFC 9293 3.1 control bits.
inline constexpr std::uint8_t kTcpFin = 0x01;
inline constexpr std::uint8_t kTcpSyn = 0x02;
inline constexpr std::uint8_t kTcpRst = 0x04;
inline constexpr std::uint8_t kTcpAck = 0x10;

struct TcpSegment {
  Endpoint source, destination;
  std::uint32_t seq = 0, ack = 0;
  std::uint8_t flags = 0;
  ByteView payload;  // inside the frame given to decode_layers
  // The payload's length on the wire by the IP header: more than payload.size() when the capture
  // cut the frame short (a snap length), so the reassembler can say bytes are missing.
  std::uint32_t wire_length = 0;
};

// The TCP segment a frame carries, or nothing: not TCP, an IP fragment (reassembling IP
// fragments is not done: the first fragment's TCP payload would be short, so none is used),
// an unknown link type, or a frame too short for its headers. The payload is cut to the IP
// length (Ethernet pads short frames) and to what was captured.
std::optional<TcpSegment> decode_layers(std::uint32_t link_type, ByteView frame);

}  // namespace tlsclub::capture
