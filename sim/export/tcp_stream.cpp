#include "export/tcp_stream.h"

namespace tlsclub {

namespace {

constexpr std::size_t kIpHeader = 20;
constexpr std::uint8_t kTtl = 64;
constexpr std::uint8_t kProtocolTcp = 6;
constexpr std::uint16_t kWindow = 65535;
constexpr std::uint16_t kLoopbackMss = 65495;  // what Linux announces on lo (MTU 65536)

void put16(Bytes& b, std::size_t at, std::uint16_t v) {
  b[at] = static_cast<std::uint8_t>(v >> 8);
  b[at + 1] = static_cast<std::uint8_t>(v);
}

void put32(Bytes& b, std::size_t at, std::uint32_t v) {
  put16(b, at, static_cast<std::uint16_t>(v >> 16));
  put16(b, at + 2, static_cast<std::uint16_t>(v));
}

}  // namespace

std::uint16_t internet_checksum(ByteView bytes, std::uint32_t sum) {
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) sum += read_u16(bytes, i);
  if (bytes.size() % 2 == 1) sum += static_cast<std::uint32_t>(bytes.back()) << 8;
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return static_cast<std::uint16_t>(~sum);
}

TcpStream::TcpStream(TcpAddress client, TcpAddress server, std::uint32_t client_isn,
                     std::uint32_t server_isn)
    : client_{client, client_isn, static_cast<std::uint16_t>(client_isn)},
      server_{server, server_isn, static_cast<std::uint16_t>(server_isn)} {}

void TcpStream::segment(Side from, std::uint8_t flags, ByteView payload) {
  Half& me = half(from);
  const Half& peer = half(peer_of(from));
  // A SYN carries the maximum segment size option (RFC 9293 3.7.1); other segments no option.
  const bool syn = (flags & kTcpSyn) != 0;
  const std::size_t tcp_header = syn ? 24 : 20;
  const std::size_t total = kIpHeader + tcp_header + payload.size();
  Bytes p(total, 0);

  p[0] = 0x45;  // IPv4, header of 5 words
  put16(p, 2, static_cast<std::uint16_t>(total));
  put16(p, 4, me.ip_id++);
  put16(p, 6, 0x4000);  // don't fragment
  p[8] = kTtl;
  p[9] = kProtocolTcp;
  std::copy(me.address.ip.begin(), me.address.ip.end(), p.begin() + 12);
  std::copy(peer.address.ip.begin(), peer.address.ip.end(), p.begin() + 16);
  put16(p, 10, internet_checksum(ByteView(p).first(kIpHeader)));

  const std::size_t t = kIpHeader;
  put16(p, t, me.address.port);
  put16(p, t + 2, peer.address.port);
  put32(p, t + 4, me.next_seq);
  const bool acks = (flags & kTcpAck) != 0;
  put32(p, t + 8, acks ? peer.next_seq : 0);
  p[t + 12] = static_cast<std::uint8_t>((tcp_header / 4) << 4);
  p[t + 13] = flags;
  put16(p, t + 14, kWindow);
  if (syn) {
    p[t + 20] = 2;  // kind: maximum segment size
    p[t + 21] = 4;
    put16(p, t + 22, kLoopbackMss);
  }
  std::copy(payload.begin(), payload.end(),
            p.begin() + static_cast<std::ptrdiff_t>(t + tcp_header));

  // The checksum covers a pseudo-header: both addresses, the protocol and the TCP length.
  std::uint32_t pseudo = kProtocolTcp + static_cast<std::uint32_t>(total - kIpHeader);
  for (std::size_t i = 12; i < 20; i += 2) pseudo += read_u16(p, i);
  put16(p, t + 16, internet_checksum(ByteView(p).subspan(t), pseudo));

  // SYN and FIN each take one sequence number (RFC 9293 3.4).
  me.next_seq +=
      static_cast<std::uint32_t>(payload.size()) + (syn ? 1 : 0) + ((flags & kTcpFin) != 0 ? 1 : 0);
  packets_.push_back(std::move(p));
}

void TcpStream::open() {
  segment(Side::client, kTcpSyn, {});
  segment(Side::server, kTcpSyn | kTcpAck, {});
  segment(Side::client, kTcpAck, {});
}

void TcpStream::data(Side from, ByteView payload) {
  segment(from, kTcpPsh | kTcpAck, payload);
}

void TcpStream::close(Side first) {
  segment(first, kTcpFin | kTcpAck, {});
  segment(peer_of(first), kTcpFin | kTcpAck, {});
  segment(first, kTcpAck, {});
}

}  // namespace tlsclub
