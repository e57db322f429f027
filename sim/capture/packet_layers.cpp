// Link layer → IP → TCP, each step checking the bytes it reads are in the frame.
#include "capture/packet_layers.h"

#include <algorithm>
#include <cstdio>

namespace tlsclub::capture {

namespace {

constexpr std::uint16_t kEtherIpv4 = 0x0800;
constexpr std::uint16_t kEtherIpv6 = 0x86dd;
constexpr std::uint8_t kProtocolTcp = 6;

std::uint32_t be32(ByteView b, std::size_t at) {
  return (static_cast<std::uint32_t>(b[at]) << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) |
         b[at + 3];
}

// RFC 9293 3.1: the TCP header; `wire` is the segment's length by the IP header.
std::optional<TcpSegment> tcp(ByteView segment, std::size_t wire, Endpoint source,
                              Endpoint destination) {
  if (segment.size() < 20) return std::nullopt;
  const std::size_t header = static_cast<std::size_t>(segment[12] >> 4) * 4;
  if (header < 20 || header > segment.size()) return std::nullopt;
  TcpSegment s;
  source.port = read_u16(segment, 0);
  destination.port = read_u16(segment, 2);
  s.source = source;
  s.destination = destination;
  s.seq = be32(segment, 4);
  s.ack = be32(segment, 8);
  s.flags = segment[13];
  s.payload = segment.subspan(header);
  s.wire_length = static_cast<std::uint32_t>(std::max(wire, header) - header);
  return s;
}

// RFC 791 3.1. Fragments are not reassembled: none of them is used.
std::optional<TcpSegment> ipv4(ByteView packet) {
  if (packet.size() < 20 || (packet[0] >> 4) != 4) return std::nullopt;
  const std::size_t header = static_cast<std::size_t>(packet[0] & 0x0f) * 4;
  const std::size_t total = read_u16(packet, 2);
  if (header < 20 || header > packet.size() || total < header) return std::nullopt;
  const bool more_fragments = (packet[6] & 0x20) != 0;
  const bool later_fragment = (read_u16(packet, 6) & 0x1fff) != 0;
  if (more_fragments || later_fragment || packet[9] != kProtocolTcp) return std::nullopt;
  Endpoint source, destination;
  std::copy_n(packet.begin() + 12, 4, source.address.begin());
  std::copy_n(packet.begin() + 16, 4, destination.address.begin());
  // Cut to the IP length: an Ethernet frame pads a short packet to 60 bytes.
  const ByteView segment = packet.subspan(header, std::min(total, packet.size()) - header);
  return tcp(segment, total - header, source, destination);
}

// RFC 8200 4: walk the extension headers to the upper-layer header.
std::optional<TcpSegment> ipv6(ByteView packet) {
  if (packet.size() < 40 || (packet[0] >> 4) != 6) return std::nullopt;
  const std::size_t payload_length = read_u16(packet, 4);
  if (payload_length == 0) return std::nullopt;  // a jumbogram (RFC 2675): not expected here
  std::uint8_t next = packet[6];
  const std::size_t end = std::min(packet.size(), 40 + payload_length);
  std::size_t at = 40;
  for (int headers = 0; headers < 16 && next != kProtocolTcp; ++headers) {
    if (at + 8 > end) return std::nullopt;
    if (next == 0 || next == 43 || next == 60) {  // hop-by-hop, routing, destination options
      next = packet[at];
      at += (static_cast<std::size_t>(packet[at + 1]) + 1) * 8;
    } else if (next == 44) {  // RFC 8200 4.5 fragment: only an atomic fragment is whole
      if ((read_u16(packet, at + 2) & 0xfff9) != 0) return std::nullopt;
      next = packet[at];
      at += 8;
    } else if (next == 51) {  // RFC 4302 2.2 authentication header: length in 32-bit words
      next = packet[at];
      at += (static_cast<std::size_t>(packet[at + 1]) + 2) * 4;
    } else {
      return std::nullopt;  // no next header (59), ESP, or another protocol
    }
  }
  if (next != kProtocolTcp || at > end) return std::nullopt;
  Endpoint source, destination;
  source.v6 = destination.v6 = true;
  std::copy_n(packet.begin() + 8, 16, source.address.begin());
  std::copy_n(packet.begin() + 24, 16, destination.address.begin());
  return tcp(packet.subspan(at, end - at), 40 + payload_length - at, source, destination);
}

std::optional<TcpSegment> by_ethertype(std::uint16_t type, ByteView packet) {
  if (type == kEtherIpv4) return ipv4(packet);
  if (type == kEtherIpv6) return ipv6(packet);
  return std::nullopt;
}

std::optional<TcpSegment> by_version(ByteView packet) {
  if (packet.empty()) return std::nullopt;
  return (packet[0] >> 4) == 4 ? ipv4(packet) : ipv6(packet);
}

// IEEE 802.3 with any number of IEEE 802.1Q / 802.1ad tags (bounded) before the EtherType.
std::optional<TcpSegment> ethernet(ByteView frame) {
  std::size_t at = 12;
  for (int tags = 0; tags <= 8; ++tags) {
    if (at + 2 > frame.size()) return std::nullopt;
    const std::uint16_t type = read_u16(frame, at);
    if (type != 0x8100 && type != 0x88a8 && type != 0x9100)
      return by_ethertype(type, frame.subspan(at + 2));
    at += 4;
  }
  return std::nullopt;
}

// BSD loopback: the address family in the capturing machine's byte order. AF_INET is 2
// everywhere; AF_INET6 is 24 (NetBSD, OpenBSD), 28 (FreeBSD), 30 (macOS) or 10 (Linux).
std::optional<TcpSegment> null_loopback(ByteView frame) {
  if (frame.size() < 4) return std::nullopt;
  std::uint32_t family =
      frame[0] | (frame[1] << 8) | (frame[2] << 16) | (static_cast<std::uint32_t>(frame[3]) << 24);
  if (family > 0xffff) family = be32(frame, 0);
  const ByteView packet = frame.subspan(4);
  if (family == 2) return ipv4(packet);
  if (family == 10 || family == 24 || family == 28 || family == 30) return ipv6(packet);
  return std::nullopt;
}

}  // namespace

std::optional<TcpSegment> decode_layers(std::uint32_t link_type, ByteView frame) {
  switch (link_type) {
    case kLinkEthernet:
      return ethernet(frame);
    case kLinkNull:
      return null_loopback(frame);
    case kLinkRaw:
      return by_version(frame);
    case kLinkIpv4:
      return ipv4(frame);
    case kLinkIpv6:
      return ipv6(frame);
    case kLinkLinuxSll:  // 16 bytes; the protocol (an EtherType) in the last two
      if (frame.size() < 16) return std::nullopt;
      return by_ethertype(read_u16(frame, 14), frame.subspan(16));
    case kLinkLinuxSll2:  // 20 bytes; the protocol first
      if (frame.size() < 20) return std::nullopt;
      return by_ethertype(read_u16(frame, 0), frame.subspan(20));
    default:
      return std::nullopt;
  }
}

std::string Endpoint::to_string() const {
  char text[64];
  if (!v6) {
    std::snprintf(text, sizeof text, "%u.%u.%u.%u:%u", address[0], address[1], address[2],
                  address[3], static_cast<unsigned>(port));
    return text;
  }
  std::array<unsigned, 8> groups{};
  for (std::size_t i = 0; i < 8; ++i) groups[i] = (address[2 * i] << 8) | address[2 * i + 1];
  // RFC 5952 4.2: the longest run of two or more zero groups (the first of equals) becomes "::".
  int best = -1, best_length = 1;
  for (int i = 0; i < 8;) {
    int j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i > best_length) best = i, best_length = j - i;
    i = j == i ? i + 1 : j;
  }
  std::string out = "[";
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_length - 1;
      continue;
    }
    if (!out.empty() && out.back() != '[' && out.back() != ':') out += ':';
    std::snprintf(text, sizeof text, "%x", groups[i]);
    out += text;
  }
  return out + "]:" + std::to_string(port);
}

}  // namespace tlsclub::capture
