#pragma once
// A Timeline as a packet capture Wireshark and tshark open: every record each receiver got, in
// delivery order, inside a synthetic TCP/IPv4 stream per member (member 127.0.0.1, a port of its
// own; the club 127.0.0.2:443). Timestamps start at the scenario clock, one millisecond apart, so
// the same Timeline always gives the same file. With the key log (keylog.h) Wireshark decrypts it.

#include <cstdint>
#include <vector>

#include "core/bytes.h"
#include "export/pcap_file.h"
#include "timeline/timeline.h"

namespace tlsclub {

inline constexpr std::uint16_t kCaptureServerPort = 443;
inline constexpr std::uint16_t kCaptureFirstClientPort = 50001;  // member i: 50001 + i

// The packets, in order (connection by connection).
std::vector<CapturedPacket> capture_packets(const Timeline& timeline);

// The classic pcap file of capture_packets (LINKTYPE_RAW).
Bytes capture_pcap(const Timeline& timeline);

}  // namespace tlsclub
