#pragma once
// Synthetic TCP/IPv4 framing for exported captures: the records of one connection become the
// payload of one TCP stream with a correct three-way handshake, sequence and acknowledgement
// numbers, checksums and a FIN exchange (RFC 9293 3.5, 3.6; RFC 791). Nothing here touches a
// network: it only builds the bytes a capture on the loopback would have seen.

#include <array>
#include <cstdint>
#include <vector>

#include "core/bytes.h"
#include "core/side.h"

namespace tlsclub {

struct TcpAddress {
  std::array<std::uint8_t, 4> ip{};
  std::uint16_t port = 0;
};

// One TCP connection between a client and a server. Each call appends one IPv4 packet (no link
// layer: LINKTYPE_RAW) to `packets`.
class TcpStream {
 public:
  // `client_isn` and `server_isn`: initial sequence numbers (deterministic in exports).
  TcpStream(TcpAddress client, TcpAddress server, std::uint32_t client_isn,
            std::uint32_t server_isn);

  void open();                             // SYN, SYN-ACK, ACK
  void data(Side from, ByteView payload);  // one segment, PSH|ACK
  void close(Side first);                  // FIN|ACK each way, then the last ACK

  const std::vector<Bytes>& packets() const { return packets_; }

 private:
  struct Half {
    TcpAddress address;
    std::uint32_t next_seq = 0;  // sequence number of the next byte this side sends
    std::uint16_t ip_id = 0;
  };
  Half& half(Side s) { return s == Side::client ? client_ : server_; }
  void segment(Side from, std::uint8_t flags, ByteView payload);

  Half client_;
  Half server_;
  std::vector<Bytes> packets_;
};

inline constexpr std::uint8_t kTcpFin = 0x01;
inline constexpr std::uint8_t kTcpSyn = 0x02;
inline constexpr std::uint8_t kTcpPsh = 0x08;
inline constexpr std::uint8_t kTcpAck = 0x10;

// The Internet checksum (RFC 1071) of `bytes`, starting from a partial sum.
std::uint16_t internet_checksum(ByteView bytes, std::uint32_t sum = 0);

}  // namespace tlsclub
