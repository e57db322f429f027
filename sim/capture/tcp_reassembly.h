#pragma once
// TCP streams out of segments (RFC 9293): each direction of each connection delivered in
// sequence order, once, to a StreamVisitor. What a capture can hold and how it is resolved:
// - out of order: buffered until the gap before it fills (bounded per direction; over the
//   bound, the gap is reported and the stream moves on to what it holds);
// - retransmissions and overlaps: the first copy of a byte wins; later copies are dropped, even
//   when they differ (what a receiver that already acknowledged the first copy would do);
// - sequence numbers wrap at 2^32 (RFC 9293 3.4: compared modulo 2^32);
// - a connection caught mid-stream (no SYN seen) starts at the first segment seen;
// - bytes a capture cut short (snap length) and holes at the end are reported as gaps.
// Memory is bounded: per direction, in total, and in the number of live connections (the least
// recently active one is closed to make room).

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <utility>

#include "capture/packet_layers.h"
#include "core/bytes.h"
#include "core/side.h"

namespace tlsclub::capture {

class StreamVisitor {
 public:
  virtual ~StreamVisitor() = default;
  // A new connection; `id` counts from 1 in the order connections are first seen.
  virtual void on_open(std::uint64_t id, const Endpoint& client, const Endpoint& server) = 0;
  // The next bytes of one direction (`from` sent them), in order; `packet` carried their end.
  virtual void on_data(std::uint64_t id, Side from, ByteView bytes, std::uint64_t packet) = 0;
  // `missing` bytes of that direction were never seen: what follows is not what came before.
  virtual void on_gap(std::uint64_t id, Side from, std::uint64_t missing) = 0;
  // Both sides finished (FIN), one reset (RST), the connection was evicted, or the capture ended.
  virtual void on_close(std::uint64_t id) = 0;
};

struct ReassemblyLimits {
  std::size_t per_direction = 4u << 20;  // bytes buffered out of order in one direction
  std::size_t total = 64u << 20;         // bytes buffered out of order, all connections
  std::size_t connections = 4096;        // live connections
};

class TcpReassembler {
 public:
  explicit TcpReassembler(StreamVisitor& visitor, ReassemblyLimits limits = {});
  ~TcpReassembler();
  TcpReassembler(const TcpReassembler&) = delete;
  TcpReassembler& operator=(const TcpReassembler&) = delete;

  void add(const TcpSegment& segment, std::uint64_t packet);
  // The end of the capture: what is buffered is delivered (with its gaps), every connection
  // closed.
  void finish();

  std::size_t buffered() const { return buffered_; }

 private:
  struct Direction;
  struct Connection;
  using Key = std::pair<Endpoint, Endpoint>;  // (lower endpoint, higher endpoint)

  Connection& connection_for(const TcpSegment& s, std::uint64_t packet);
  void add_data(Connection& c, Side from, std::uint32_t seq, ByteView bytes,
                std::uint32_t wire_length, std::uint64_t packet);
  void deliver(Connection& c, Side from, ByteView bytes, std::uint32_t wire_length,
               std::uint64_t packet);
  void drain(Connection& c, Side from, std::uint64_t packet);
  static void advance(Direction& d, std::uint64_t count);
  void skip_gap(Connection& c, Side from, std::uint64_t packet);
  void flush(Connection& c, Side from, std::uint64_t packet);
  void close(const Key& key);
  void evict_one();

  StreamVisitor& visitor_;
  ReassemblyLimits limits_;
  std::map<Key, std::unique_ptr<Connection>> connections_;
  std::uint64_t next_id_ = 1;
  std::size_t buffered_ = 0;
};

}  // namespace tlsclub::capture
