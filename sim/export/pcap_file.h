#pragma once
// The classic libpcap file format (what tcpdump writes and Wireshark reads): a 24-byte global
// header, then per packet a 16-byte header (time in seconds and microseconds, lengths) and the
// bytes. Little-endian, microsecond resolution.

#include <cstdint>
#include <vector>

#include "core/bytes.h"

namespace tlsclub {

inline constexpr std::uint32_t kLinktypeRaw = 101;  // the packet starts at its IPv4 header

struct CapturedPacket {
  std::int64_t micros = 0;  // since the Unix epoch
  Bytes data;
};

Bytes pcap_file(const std::vector<CapturedPacket>& packets, std::uint32_t linktype = kLinktypeRaw);

}  // namespace tlsclub
