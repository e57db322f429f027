// Reassembly by stream position: each direction counts the bytes it has delivered (or reported
// missing) in 64 bits, and a segment's place is that count plus its distance from the next
// expected sequence number, taken modulo 2^32 as a signed 32-bit difference (RFC 9293 3.4), so
// wrap-around needs no special case.
#include "capture/tcp_reassembly.h"

#include <algorithm>
#include <vector>

namespace tlsclub::capture {

struct TcpReassembler::Direction {
  bool started = false;                    // next_seq is known
  std::uint32_t next_seq = 0;              // sequence number of the next byte to deliver
  std::uint64_t position = 0;              // bytes delivered or reported missing so far
  std::map<std::uint64_t, Bytes> pending;  // ahead of `position`, by stream position
  std::size_t pending_bytes = 0;
  bool fin = false;
};

struct TcpReassembler::Connection {
  std::uint64_t id = 0;
  Endpoint client, server;
  Direction directions[2];
  std::uint64_t last_packet = 0;

  Direction& of(Side s) { return directions[s == Side::client ? 0 : 1]; }
};

namespace {

std::pair<Endpoint, Endpoint> key_of(const TcpSegment& s) {
  return {std::min(s.source, s.destination), std::max(s.source, s.destination)};
}

}  // namespace

void TcpReassembler::advance(Direction& d, std::uint64_t count) {
  d.position += count;
  d.next_seq += static_cast<std::uint32_t>(count);  // modulo 2^32
}

TcpReassembler::TcpReassembler(StreamVisitor& visitor, ReassemblyLimits limits)
    : visitor_(visitor), limits_(limits) {}

TcpReassembler::~TcpReassembler() = default;

void TcpReassembler::add(const TcpSegment& s, std::uint64_t packet) {
  const bool syn = (s.flags & kTcpSyn) != 0;
  // A segment with nothing in it (a bare ACK, FIN or RST) opens no connection: after a close,
  // the last ACKs would otherwise each open a new, empty one.
  const Key key = key_of(s);
  const auto found = connections_.find(key);
  if (found == connections_.end() && !syn && s.payload.empty()) return;
  Connection& c = connection_for(s, packet);
  c.last_packet = packet;
  const Side from = s.source == c.client ? Side::client : Side::server;
  Direction& d = c.of(from);
  // RFC 9293 3.4: the SYN takes one sequence number; data, if any, follows it.
  const std::uint32_t data_seq = syn ? s.seq + 1 : s.seq;
  if (syn && d.position == 0 && d.pending.empty()) d.started = true, d.next_seq = data_seq;
  if (!d.started) d.started = true, d.next_seq = data_seq;  // caught mid-stream
  add_data(c, from, data_seq, s.payload, s.wire_length, packet);
  if (s.flags & kTcpFin) d.fin = true;
  if ((s.flags & kTcpRst) || (c.directions[0].fin && c.directions[1].fin)) close(key);
}

TcpReassembler::Connection& TcpReassembler::connection_for(const TcpSegment& s,
                                                           std::uint64_t packet) {
  const Key key = key_of(s);
  const bool syn = (s.flags & kTcpSyn) != 0, ack = (s.flags & kTcpAck) != 0;
  auto found = connections_.find(key);
  // A new SYN on ports whose connection has begun to finish is a new connection (port reuse).
  if (found != connections_.end() && syn && !ack &&
      (found->second->directions[0].fin || found->second->directions[1].fin)) {
    close(key);
    found = connections_.end();
  }
  if (found != connections_.end()) return *found->second;
  if (connections_.size() >= limits_.connections) evict_one();
  auto c = std::make_unique<Connection>();
  c->id = next_id_++;
  c->last_packet = packet;
  // Who is the client: the sender of a SYN, the receiver of a SYN-ACK; without either, the end
  // with the higher port (servers listen on well-known ports, clients use ephemeral ones).
  bool source_is_client = true;
  if (syn) {
    source_is_client = !ack;
  } else if (s.source.port != s.destination.port) {
    source_is_client = s.source.port > s.destination.port;
  }
  c->client = source_is_client ? s.source : s.destination;
  c->server = source_is_client ? s.destination : s.source;
  visitor_.on_open(c->id, c->client, c->server);
  return *connections_.emplace(key, std::move(c)).first->second;
}

void TcpReassembler::add_data(Connection& c, Side from, std::uint32_t seq, ByteView bytes,
                              std::uint32_t wire_length, std::uint64_t packet) {
  Direction& d = c.of(from);
  wire_length = std::max(wire_length, static_cast<std::uint32_t>(bytes.size()));
  if (wire_length == 0) return;
  for (int attempt = 0; attempt < 3; ++attempt) {
    const auto ahead = static_cast<std::int32_t>(seq - d.next_seq);
    if (ahead <= 0) {
      // A retransmission or an overlap: the bytes already delivered win.
      const auto behind = static_cast<std::uint32_t>(-static_cast<std::int64_t>(ahead));
      if (behind >= wire_length) return;
      bytes = bytes.subspan(std::min<std::size_t>(behind, bytes.size()));
      deliver(c, from, bytes, wire_length - behind, packet);
      return;
    }
    const bool fits = d.pending_bytes + bytes.size() <= limits_.per_direction &&
                      buffered_ + bytes.size() <= limits_.total;
    if (fits || attempt >= 1) {
      if (!fits) {  // even with this direction's buffer given up, no room: jump to this segment
        visitor_.on_gap(c.id, from, static_cast<std::uint32_t>(ahead));
        d.position += static_cast<std::uint32_t>(ahead);
        d.next_seq = seq;
        continue;
      }
      std::uint64_t at = d.position + static_cast<std::uint32_t>(ahead);
      // First copy wins: a segment starting where one is held keeps only its longer tail.
      for (auto held = d.pending.find(at); held != d.pending.end() && !bytes.empty();
           held = d.pending.find(at)) {
        const std::size_t skip = std::min(held->second.size(), bytes.size());
        bytes = bytes.subspan(skip);
        at += skip;
      }
      if (bytes.empty()) return;
      d.pending.emplace(at, Bytes(bytes.begin(), bytes.end()));
      d.pending_bytes += bytes.size();
      buffered_ += bytes.size();
      return;
    }
    // Over the bound: stop waiting for the holes before what is held, then try once more.
    flush(c, from, packet);
  }
}

// Delivers a segment that starts at the current position. Held bytes it overlaps were there
// first and win: the segment is delivered up to the next held one, which is then delivered, and
// the segment goes on after it. Its part beyond `bytes` (cut off by the capture's snap length)
// was sent but is not here: a gap.
void TcpReassembler::deliver(Connection& c, Side from, ByteView bytes, std::uint32_t wire_length,
                             std::uint64_t packet) {
  Direction& d = c.of(from);
  const std::uint64_t start = d.position;
  const std::uint64_t end = start + wire_length;
  while (d.position < end) {
    const std::uint64_t stop = d.pending.empty() ? end : std::min(end, d.pending.begin()->first);
    const std::size_t from_index = static_cast<std::size_t>(d.position - start);
    const std::size_t to_index =
        static_cast<std::size_t>(std::min<std::uint64_t>(stop - start, bytes.size()));
    if (from_index < to_index) {
      visitor_.on_data(c.id, from, bytes.subspan(from_index, to_index - from_index), packet);
      advance(d, to_index - from_index);
    }
    if (d.position < stop) {
      visitor_.on_gap(c.id, from, stop - d.position);
      advance(d, stop - d.position);
    }
    drain(c, from, packet);
  }
}

// Delivers what is held at the current position, trimming what was already delivered.
void TcpReassembler::drain(Connection& c, Side from, std::uint64_t packet) {
  Direction& d = c.of(from);
  while (!d.pending.empty() && d.pending.begin()->first <= d.position) {
    const auto it = d.pending.begin();
    const std::uint64_t skip = d.position - it->first;
    if (skip < it->second.size()) {
      const ByteView fresh = ByteView(it->second).subspan(static_cast<std::size_t>(skip));
      visitor_.on_data(c.id, from, fresh, packet);
      advance(d, fresh.size());
    }
    d.pending_bytes -= it->second.size();
    buffered_ -= it->second.size();
    d.pending.erase(it);
  }
}

void TcpReassembler::skip_gap(Connection& c, Side from, std::uint64_t packet) {
  Direction& d = c.of(from);
  const std::uint64_t missing = d.pending.begin()->first - d.position;
  visitor_.on_gap(c.id, from, missing);
  advance(d, missing);
  drain(c, from, packet);
}

void TcpReassembler::flush(Connection& c, Side from, std::uint64_t packet) {
  while (!c.of(from).pending.empty()) skip_gap(c, from, packet);
}

void TcpReassembler::close(const Key& key) {
  const auto found = connections_.find(key);
  if (found == connections_.end()) return;
  Connection& c = *found->second;
  flush(c, Side::client, c.last_packet);
  flush(c, Side::server, c.last_packet);
  visitor_.on_close(c.id);
  connections_.erase(found);
}

void TcpReassembler::evict_one() {
  const auto oldest = std::min_element(
      connections_.begin(), connections_.end(),
      [](const auto& a, const auto& b) { return a.second->last_packet < b.second->last_packet; });
  if (oldest != connections_.end()) close(oldest->first);
}

void TcpReassembler::finish() {
  std::vector<std::pair<std::uint64_t, Key>> order;
  for (const auto& [key, c] : connections_) order.emplace_back(c->id, key);
  std::sort(order.begin(), order.end());
  for (const auto& [id, key] : order) close(key);
}

}  // namespace tlsclub::capture
