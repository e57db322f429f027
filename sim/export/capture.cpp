#include "export/capture.h"

#include <algorithm>

#include "export/tcp_stream.h"

namespace tlsclub {

namespace {

constexpr std::int64_t kPacketGap = 1000;         // microseconds between packets
constexpr std::int64_t kConnectionGap = 1000000;  // members arrive at least a second apart

// Deterministic initial sequence numbers that still look like real ones (SplitMix64).
std::uint32_t initial_sequence(std::uint64_t seed, std::size_t connection, Side side) {
  std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (2 * connection + (side == Side::server) + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return static_cast<std::uint32_t>(z ^ (z >> 31));
}

// The side that closes first sends the first FIN: the one that gave up or sent the fatal alert.
Side first_to_close(const Connection& c) {
  for (const auto& e : c.events)
    if (const auto* closed = std::get_if<ClosedEvent>(&e.body)) return closed->side;
  return Side::client;
}

TcpStream stream_of(const Timeline& timeline, const Connection& c, std::size_t index) {
  const TcpAddress client{{127, 0, 0, 1},
                          static_cast<std::uint16_t>(kCaptureFirstClientPort + index)};
  const TcpAddress server{{127, 0, 0, 2}, kCaptureServerPort};
  TcpStream tcp(client, server, initial_sequence(timeline.seed, index, Side::client),
                initial_sequence(timeline.seed, index, Side::server));
  tcp.open();
  // What each receiver got, in the order it got it: a tampered record as it arrived, a dropped
  // one not at all, a replayed one twice, a forged one as if its claimed sender had sent it.
  for (const auto& e : c.events)
    if (const auto* r = std::get_if<RecordEvent>(&e.body);
        r && r->phase == RecordEvent::Phase::delivered)
      tcp.data(r->from, r->bytes);
  tcp.close(first_to_close(c));
  return tcp;
}

}  // namespace

std::vector<CapturedPacket> capture_packets(const Timeline& timeline) {
  std::vector<CapturedPacket> out;
  const std::int64_t clock = timeline.clock.time_since_epoch().count() * 1000000;
  std::int64_t next = clock;
  for (std::size_t i = 0; i < timeline.connections.size(); ++i) {
    next = std::max(next, clock + static_cast<std::int64_t>(i) * kConnectionGap);
    const TcpStream tcp = stream_of(timeline, timeline.connections[i], i);
    for (const auto& packet : tcp.packets()) {
      out.push_back({next, packet});
      next += kPacketGap;
    }
    next += kConnectionGap;
  }
  return out;
}

Bytes capture_pcap(const Timeline& timeline) {
  return pcap_file(capture_packets(timeline));
}

}  // namespace tlsclub
