#pragma once
// Captures written in the tests themselves: classic pcap and pcapng files (either byte order),
// link-layer, IP and TCP headers, gzip members, so each case of the reader is one readable line.

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

#include "capture/capture_reader.h"
#include "capture/inflate.h"
#include "capture/packet_layers.h"
#include "core/bytes.h"

namespace tlsclub::test {

inline void put(Bytes& out, std::uint64_t value, int size, bool big_endian) {
  for (int i = 0; i < size; ++i) {
    const int shift = 8 * (big_endian ? size - 1 - i : i);
    out.push_back(static_cast<std::uint8_t>(value >> shift));
  }
}
inline void put_be(Bytes& out, std::uint64_t value, int size) {
  put(out, value, size, true);
}
inline void append(Bytes& out, const Bytes& more) {
  out.insert(out.end(), more.begin(), more.end());
}
inline Bytes bytes_of(const std::string& s) {
  return Bytes(s.begin(), s.end());
}

// ---- files ----

struct PcapRecord {
  std::uint32_t seconds = 0, fraction = 0;
  Bytes data;
  std::uint32_t original_length = 0;  // 0: data.size()
};

inline Bytes pcap_header(std::uint32_t link_type, bool big_endian = false, bool nanos = false,
                         std::uint32_t snap_length = 65535) {
  Bytes out;
  put(out, nanos ? 0xa1b23c4d : 0xa1b2c3d4, 4, big_endian);
  put(out, 2, 2, big_endian);
  put(out, 4, 2, big_endian);
  put(out, 0, 4, big_endian);
  put(out, 0, 4, big_endian);
  put(out, snap_length, 4, big_endian);
  put(out, link_type, 4, big_endian);
  return out;
}

inline Bytes pcap_record(const PcapRecord& r, bool big_endian = false) {
  Bytes out;
  put(out, r.seconds, 4, big_endian);
  put(out, r.fraction, 4, big_endian);
  put(out, r.data.size(), 4, big_endian);
  put(out, r.original_length ? r.original_length : r.data.size(), 4, big_endian);
  append(out, r.data);
  return out;
}

inline Bytes pcap_file(std::uint32_t link_type, const std::vector<Bytes>& frames,
                       bool big_endian = false) {
  Bytes out = pcap_header(link_type, big_endian);
  std::uint32_t t = 1700000000;
  for (const auto& f : frames) append(out, pcap_record({t++, 0, f, 0}, big_endian));
  return out;
}

// pcapng blocks (draft-ietf-opsawg-pcapng), in the byte order of the current section.
class Pcapng {
 public:
  Pcapng& section(bool big_endian = false) {
    big_endian_ = big_endian;
    Bytes body;
    put(body, 0x1a2b3c4d, 4, big_endian_);
    put(body, 1, 2, big_endian_);
    put(body, 0, 2, big_endian_);
    put(body, ~0ull, 8, big_endian_);
    return block(0x0a0d0d0a, body);
  }
  // if_tsresol when `resolution` is not 6 (the default); if_tsoffset when `offset` is not 0.
  Pcapng& interface(std::uint16_t link_type, std::uint32_t snap_length = 0,
                    std::uint8_t resolution = 6, std::int64_t offset = 0) {
    Bytes body;
    put(body, link_type, 2, big_endian_);
    put(body, 0, 2, big_endian_);
    put(body, snap_length, 4, big_endian_);
    if (resolution != 6) {
      put(body, 9, 2, big_endian_);
      put(body, 1, 2, big_endian_);
      body.insert(body.end(), {resolution, 0, 0, 0});
    }
    if (offset != 0) {
      put(body, 14, 2, big_endian_);
      put(body, 8, 2, big_endian_);
      put(body, static_cast<std::uint64_t>(offset), 8, big_endian_);
    }
    put(body, 0, 4, big_endian_);  // opt_endofopt
    return block(1, body);
  }
  Pcapng& packet(std::uint32_t interface, std::uint64_t units, const Bytes& data,
                 std::uint32_t original_length = 0) {
    Bytes body;
    put(body, interface, 4, big_endian_);
    put(body, units >> 32, 4, big_endian_);
    put(body, units & 0xffffffff, 4, big_endian_);
    put(body, data.size(), 4, big_endian_);
    put(body, original_length ? original_length : data.size(), 4, big_endian_);
    append(body, data);
    return block(6, pad(body));
  }
  Pcapng& simple(const Bytes& data) {
    Bytes body;
    put(body, data.size(), 4, big_endian_);
    append(body, data);
    return block(3, pad(body));
  }
  Pcapng& secrets(const std::string& key_log) {
    Bytes body;
    put(body, 0x544c534b, 4, big_endian_);
    put(body, key_log.size(), 4, big_endian_);
    append(body, bytes_of(key_log));
    return block(0x0a, pad(body));
  }
  Pcapng& block(std::uint32_t type, const Bytes& body) {
    put(out_, type, 4, big_endian_);
    put(out_, body.size() + 12, 4, big_endian_);
    append(out_, body);
    put(out_, body.size() + 12, 4, big_endian_);
    return *this;
  }
  Pcapng& raw(const Bytes& bytes) {
    append(out_, bytes);
    return *this;
  }
  const Bytes& bytes() const { return out_; }

 private:
  static Bytes pad(Bytes b) {
    while (b.size() % 4) b.push_back(0);
    return b;
  }
  Bytes out_;
  bool big_endian_ = false;
};

// A gzip member of stored DEFLATE blocks (RFC 1951 3.2.4), the CRC and size computed.
inline Bytes gzip_stored(const Bytes& data, std::size_t block = 65535) {
  Bytes out = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255};
  std::size_t at = 0;
  do {
    const std::size_t n = std::min(block, data.size() - at);
    out.push_back(at + n == data.size() ? 1 : 0);
    put(out, n, 2, false);
    put(out, n ^ 0xffff, 2, false);
    out.insert(out.end(), data.begin() + static_cast<std::ptrdiff_t>(at),
               data.begin() + static_cast<std::ptrdiff_t>(at + n));
    at += n;
  } while (at < data.size());
  put(out, capture::crc32(0, data.data(), data.size()), 4, false);
  put(out, data.size(), 4, false);
  return out;
}

// ---- frames ----

inline Bytes tcp_header(std::uint16_t source_port, std::uint16_t destination_port,
                        std::uint32_t seq, std::uint32_t ack, std::uint8_t flags,
                        const Bytes& payload) {
  Bytes out;
  put_be(out, source_port, 2);
  put_be(out, destination_port, 2);
  put_be(out, seq, 4);
  put_be(out, ack, 4);
  out.push_back(5 << 4);
  out.push_back(flags);
  put_be(out, 65535, 2);
  put_be(out, 0, 4);  // checksum (not checked), urgent pointer
  append(out, payload);
  return out;
}

inline Bytes ipv4(std::array<std::uint8_t, 4> source, std::array<std::uint8_t, 4> destination,
                  const Bytes& segment, std::uint8_t protocol = 6,
                  std::uint16_t fragment = 0x4000) {
  Bytes out = {0x45, 0};
  put_be(out, 20 + segment.size(), 2);
  put_be(out, 1, 2);
  put_be(out, fragment, 2);
  out.push_back(64);
  out.push_back(protocol);
  put_be(out, 0, 2);
  out.insert(out.end(), source.begin(), source.end());
  out.insert(out.end(), destination.begin(), destination.end());
  append(out, segment);
  return out;
}

// `extensions`: the extension headers, already chained; `first` names the first one.
inline Bytes ipv6(std::uint8_t last_byte_source, std::uint8_t last_byte_destination,
                  const Bytes& segment, std::uint8_t first = 6, const Bytes& extensions = {}) {
  Bytes out = {0x60, 0, 0, 0};
  put_be(out, extensions.size() + segment.size(), 2);
  out.push_back(first);
  out.push_back(64);
  const Bytes prefix = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  append(out, prefix);
  out.push_back(last_byte_source);
  append(out, prefix);
  out.push_back(last_byte_destination);
  append(out, extensions);
  append(out, segment);
  return out;
}

inline Bytes ethernet(std::uint16_t ether_type, const Bytes& packet,
                      std::initializer_list<std::uint16_t> vlans = {}) {
  Bytes out = {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2};
  for (const auto vlan : vlans) {
    put_be(out, 0x8100, 2);
    put_be(out, vlan, 2);
  }
  put_be(out, ether_type, 2);
  append(out, packet);
  return out;
}

// An IPv4 TCP segment in an Ethernet frame between 192.0.2.1 and 192.0.2.2.
inline Bytes eth_tcp(std::uint16_t source_port, std::uint16_t destination_port, std::uint32_t seq,
                     std::uint8_t flags, const Bytes& payload = {}) {
  const bool from_one = source_port != 443;
  const std::array<std::uint8_t, 4> a = {192, 0, 2, 1}, b = {192, 0, 2, 2};
  return ethernet(0x0800, ipv4(from_one ? a : b, from_one ? b : a,
                               tcp_header(source_port, destination_port, seq, 0, flags, payload)));
}

inline std::istringstream stream_of(const Bytes& b) {
  return std::istringstream(std::string(b.begin(), b.end()));
}

// Every packet of a capture (throws what the reader throws).
inline std::vector<capture::Packet> read_all(const Bytes& file) {
  auto in = stream_of(file);
  capture::CaptureReader reader(in);
  std::vector<capture::Packet> out;
  while (auto p = reader.next()) out.push_back(std::move(*p));
  return out;
}

// The message of the CaptureError reading `file` throws; empty when it reads cleanly.
inline std::string read_error(const Bytes& file) {
  try {
    read_all(file);
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

}  // namespace tlsclub::test
