// sim/capture/tcp_reassembly: streams in order whatever order the segments came in;
// retransmissions and overlaps resolved first copy wins; sequence numbers wrapping; connections
// caught mid-stream; the memory bounds turning waits into reported gaps.
#include <doctest/doctest.h>

#include <map>

#include "capture/tcp_reassembly.h"
#include "capture_test_tools.h"

using namespace tlsclub;
using namespace tlsclub::test;
using capture::kTcpAck;
using capture::kTcpFin;
using capture::kTcpRst;
using capture::kTcpSyn;

namespace {

// What the visitor was told, as text per connection and direction: data as it is, a gap as
// "[gap N]".
struct Recorder final : capture::StreamVisitor {
  struct Seen {
    capture::Endpoint client, server;
    std::string to_server, to_client;
    bool closed = false;
  };
  std::map<std::uint64_t, Seen> seen;

  void on_open(std::uint64_t id, const capture::Endpoint& c, const capture::Endpoint& s) override {
    seen[id].client = c;
    seen[id].server = s;
  }
  void on_data(std::uint64_t id, Side from, ByteView bytes, std::uint64_t) override {
    (from == Side::client ? seen[id].to_server : seen[id].to_client)
        .append(bytes.begin(), bytes.end());
  }
  void on_gap(std::uint64_t id, Side from, std::uint64_t missing) override {
    (from == Side::client ? seen[id].to_server : seen[id].to_client) +=
        "[gap " + std::to_string(missing) + "]";
  }
  void on_close(std::uint64_t id) override { seen[id].closed = true; }
};

capture::Endpoint endpoint(std::uint8_t last, std::uint16_t port) {
  capture::Endpoint e;
  e.address = {192, 0, 2, last};
  e.port = port;
  return e;
}

// A segment from the client (192.0.2.1:50000) or the server (192.0.2.2:443).
capture::TcpSegment from(Side side, std::uint32_t seq, std::uint8_t flags, const std::string& text,
                         std::vector<std::string>& keep) {
  keep.push_back(text);
  capture::TcpSegment s;
  s.source = side == Side::client ? endpoint(1, 50000) : endpoint(2, 443);
  s.destination = side == Side::client ? endpoint(2, 443) : endpoint(1, 50000);
  s.seq = seq;
  s.flags = flags;
  s.payload = ByteView(reinterpret_cast<const std::uint8_t*>(keep.back().data()), text.size());
  s.wire_length = static_cast<std::uint32_t>(text.size());
  return s;
}

struct Harness {
  Recorder recorder;
  capture::TcpReassembler reassembler;
  std::vector<std::string> keep;
  std::uint64_t packet = 0;

  explicit Harness(capture::ReassemblyLimits limits = {}) : reassembler(recorder, limits) {
    keep.reserve(1000);  // the payload spans point into these strings
  }
  Harness& add(Side side, std::uint32_t seq, std::uint8_t flags, const std::string& text = "") {
    reassembler.add(from(side, seq, flags, text, keep), ++packet);
    return *this;
  }
  Recorder::Seen& only() {
    reassembler.finish();
    REQUIRE(recorder.seen.size() == 1);
    return recorder.seen.begin()->second;
  }
};

constexpr auto C = Side::client;
constexpr auto S = Side::server;

}  // namespace

TEST_CASE("capture reassembly: a handshake and data in order, both directions, closed by FINs") {
  Harness h;
  h.add(C, 100, kTcpSyn).add(S, 900, kTcpSyn | kTcpAck).add(C, 101, kTcpAck);
  h.add(C, 101, kTcpAck, "hello ").add(C, 107, kTcpAck, "club");
  h.add(S, 901, kTcpAck, "welcome");
  h.add(C, 111, kTcpFin | kTcpAck);
  CHECK_FALSE(h.recorder.seen[1].closed);
  h.add(S, 908, kTcpFin | kTcpAck);
  CHECK(h.recorder.seen[1].closed);
  const auto& c = h.only();
  CHECK(c.client.to_string() == "192.0.2.1:50000");
  CHECK(c.server.to_string() == "192.0.2.2:443");
  CHECK(c.to_server == "hello club");
  CHECK(c.to_client == "welcome");
}

TEST_CASE("capture reassembly: out-of-order segments wait for the hole before them") {
  Harness h;
  h.add(C, 100, kTcpSyn).add(C, 111, kTcpAck, "ccc").add(C, 106, kTcpAck, "bbbbb");
  CHECK(h.recorder.seen[1].to_server.empty());
  CHECK(h.reassembler.buffered() == 8);
  h.add(C, 101, kTcpAck, "aaaaa");
  CHECK(h.recorder.seen[1].to_server == "aaaaabbbbbccc");
  CHECK(h.reassembler.buffered() == 0);
}

TEST_CASE("capture reassembly: retransmissions and overlaps: the first copy of a byte wins") {
  Harness h;
  h.add(C, 100, kTcpSyn).add(C, 101, kTcpAck, "abcdef");
  h.add(C, 101, kTcpAck, "abcdef");  // retransmitted as it was
  h.add(C, 104, kTcpAck, "XYZghi");  // overlaps "def" with other bytes: those are dropped
  h.add(C, 113, kTcpAck, "mno");     // ahead: held
  h.add(C, 113, kTcpAck, "MNOpq");   // held again, longer: only its tail "pq" is new
  h.add(C, 110, kTcpAck, "jklMN");   // fills the hole, overlapping what is held
  CHECK(h.only().to_server == "abcdefghijklmnopq");
}

TEST_CASE("capture reassembly: sequence numbers wrap at 2^32") {
  Harness h;
  h.add(C, 0xfffffffd, kTcpSyn);        // data starts at 0xfffffffe
  h.add(C, 0x00000000, kTcpAck, "cd");  // after the wrap, out of order
  h.add(C, 0xfffffffe, kTcpAck, "ab");  // 0xfffffffe, 0xffffffff
  h.add(C, 0xffffffff, kTcpAck, "b!");  // a retransmission: "!" is not new either
  h.add(C, 0x00000002, kTcpAck, "ef");
  CHECK(h.only().to_server == "abcdef");
}

TEST_CASE("capture reassembly: a connection caught mid-stream starts at the first segment seen") {
  Harness h;
  h.add(S, 5000, kTcpAck, "from the server ").add(C, 7000, kTcpAck, "to it");
  h.add(S, 5016, kTcpAck, "again");
  const auto& c = h.only();
  // No SYN: the end with the well-known port is the server.
  CHECK(c.server.to_string() == "192.0.2.2:443");
  CHECK(c.to_client == "from the server again");
  CHECK(c.to_server == "to it");
}

TEST_CASE("capture reassembly: a hole never filled is reported as a gap at the end") {
  Harness h;
  h.add(C, 100, kTcpSyn).add(C, 101, kTcpAck, "abc").add(C, 110, kTcpAck, "xyz");
  CHECK(h.only().to_server == "abc[gap 6]xyz");
}

TEST_CASE(
    "capture reassembly: over the per-direction bound, the gap is reported and the stream goes "
    "on") {
  capture::ReassemblyLimits limits;
  limits.per_direction = 10;
  Harness h(limits);
  h.add(C, 100, kTcpSyn).add(C, 101, kTcpAck, "a");
  h.add(C, 110, kTcpAck, "held-1").add(C, 120, kTcpAck, "held-2");  // 12 bytes: over 10
  CHECK(h.reassembler.buffered() <= 10);
  CHECK(h.recorder.seen[1].to_server.find("a[gap 8]held-1") == 0);
  h.reassembler.finish();
  CHECK(h.recorder.seen[1].to_server == "a[gap 8]held-1[gap 4]held-2");
}

TEST_CASE(
    "capture reassembly: a bounded number of live connections, the least recently active closed") {
  capture::ReassemblyLimits limits;
  limits.connections = 2;
  Recorder recorder;
  capture::TcpReassembler r(recorder, limits);
  std::vector<std::string> keep;
  keep.reserve(10);
  for (std::uint16_t port = 1; port <= 3; ++port) {
    auto s = from(Side::client, 1, kTcpSyn, "", keep);
    s.source.port = static_cast<std::uint16_t>(40000 + port);
    r.add(s, port);
  }
  CHECK(recorder.seen.size() == 3);
  CHECK(recorder.seen[1].closed);
  CHECK_FALSE(recorder.seen[2].closed);
  CHECK_FALSE(recorder.seen[3].closed);
}

TEST_CASE("capture reassembly: a reset closes at once, and bare ACKs after a close open nothing") {
  Harness h;
  h.add(C, 100, kTcpSyn).add(C, 101, kTcpAck, "x").add(S, 1, kTcpRst | kTcpAck);
  CHECK(h.recorder.seen[1].closed);
  h.add(C, 102, kTcpAck);
  CHECK(h.recorder.seen.size() == 1);
}

TEST_CASE("capture reassembly: bytes a capture cut short are a gap, not silently lost") {
  Harness h;
  h.add(C, 100, kTcpSyn);
  auto s = from(C, 101, kTcpAck, "abc", h.keep);
  s.wire_length = 10;  // 7 bytes past the snap length
  h.reassembler.add(s, 2);
  h.add(C, 111, kTcpAck, "def");
  CHECK(h.only().to_server == "abc[gap 7]def");
}

TEST_CASE("capture reassembly: a new SYN on the same ports after a FIN is a new connection") {
  Harness h;
  h.add(C, 100, kTcpSyn).add(C, 101, kTcpAck, "first").add(C, 106, kTcpFin | kTcpAck);
  h.add(C, 5000, kTcpSyn).add(C, 5001, kTcpAck, "second");
  h.reassembler.finish();
  REQUIRE(h.recorder.seen.size() == 2);
  CHECK(h.recorder.seen[1].to_server == "first");
  CHECK(h.recorder.seen[2].to_server == "second");
}
