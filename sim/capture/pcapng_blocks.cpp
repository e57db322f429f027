// pcapng blocks (draft-ietf-opsawg-pcapng 3.1): Block Type, Block Total Length, Block Body
// (padded to 32 bits), Block Total Length again. Sections (4.1) set the byte order and start a new
// list of interfaces (4.2); packets come in Enhanced (4.3) and Simple (4.4) Packet Blocks; the
// Decryption Secrets Block (4.7) carries a TLS key log. Every length is checked against the block
// before it is used, and a block is never larger than kMaxBlockSize.
#include <algorithm>
#include <array>

#include "capture/capture_error.h"
#include "capture/capture_reader.h"

namespace tlsclub::capture {

namespace {

constexpr std::uint32_t kByteOrderMagic = 0x1a2b3c4d;
constexpr std::uint32_t kBlockSection = 0x0a0d0d0a;
constexpr std::uint32_t kBlockInterface = 1;
constexpr std::uint32_t kBlockSimplePacket = 3;
constexpr std::uint32_t kBlockEnhancedPacket = 6;
constexpr std::uint32_t kBlockDecryptionSecrets = 0x0000000a;
constexpr std::uint32_t kSecretsTlsKeyLog = 0x544c534b;  // "TLSK"
constexpr std::uint16_t kOptionEnd = 0;
constexpr std::uint16_t kOptionTsResolution = 9;  // if_tsresol
constexpr std::uint16_t kOptionTsOffset = 14;     // if_tsoffset

std::size_t padded(std::size_t n) {
  return (n + 3) & ~static_cast<std::size_t>(3);
}

std::uint64_t to_nanoseconds(std::uint64_t units, std::uint8_t resolution) {
  // if_tsresol (4.2): the high bit clear means units of 10^-x seconds, set means 2^-x. Unsigned
  // arithmetic: absurd values wrap, never UB.
  const unsigned x = resolution & 0x7f;
  if (resolution & 0x80) {
    const std::uint64_t seconds = x >= 64 ? 0 : units >> x;
    std::uint64_t fraction = x >= 64 ? units : units - (seconds << x);
    unsigned shift = x;
    if (shift > 34) {  // keep fraction * 10^9 in 64 bits (and every shift under 64)
      const unsigned drop = shift - 34;
      fraction = drop >= 64 ? 0 : fraction >> drop;
      shift = 34;
    }
    return seconds * 1000000000u + ((fraction * 1000000000u) >> shift);
  }
  std::uint64_t scale = 1;
  if (x <= 9) {
    for (unsigned i = x; i < 9; ++i) scale *= 10;
    return units * scale;
  }
  if (x - 9 > 19) return 0;
  for (unsigned i = 9; i < x; ++i) scale *= 10;
  return units / scale;
}

}  // namespace

// The rest of a block whose first `already` bytes (type, length, ...) are read: the body up to
// the trailing length, which must repeat the first.
Bytes CaptureReader::read_block_rest(std::uint64_t at, std::uint32_t length, std::uint64_t packet,
                                     std::size_t already) {
  // 3.1: the total length counts the 12 bytes of type and both lengths, and is a multiple of 4.
  if (length < already + 4 || length % 4 != 0) {
    throw CaptureError(packet, at,
                       "block total length " + std::to_string(length) +
                           " is impossible (at least " + std::to_string(already + 4) +
                           ", a multiple of 4)");
  }
  if (length > kMaxBlockSize) {
    throw CaptureError(packet, at,
                       "block total length " + std::to_string(length) +
                           " is over the 64 MiB limit (damaged file?)");
  }
  Bytes body(length - already - 4);
  read_exact(body.data(), body.size(), packet, at, "a block");
  std::array<std::uint8_t, 4> trailer{};
  read_exact(trailer.data(), trailer.size(), packet, at, "a block's trailing length");
  if (u32(trailer.data()) != length) {
    throw CaptureError(packet, at,
                       "block trailing length " + std::to_string(u32(trailer.data())) +
                           " does not repeat its total length " + std::to_string(length));
  }
  return body;
}

// 4.1 Section Header Block: type (read), total length, byte-order magic, version 1.x, section
// length, options. The magic is read before the length: it says in which order the length is.
void CaptureReader::open_section(std::uint64_t at) {
  std::array<std::uint8_t, 8> head{};
  read_exact(head.data(), head.size(), 0, at, "a section header block");
  const std::uint8_t* magic = head.data() + 4;
  if (magic[0] == 0x4d && magic[1] == 0x3c && magic[2] == 0x2b && magic[3] == 0x1a) {
    big_endian_ = false;
  } else if (magic[0] == 0x1a && magic[1] == 0x2b && magic[2] == 0x3c && magic[3] == 0x4d) {
    big_endian_ = true;
  } else {
    throw CaptureError(0, at + 8, "section header block without the byte-order magic 0x1a2b3c4d");
  }
  static_assert(kByteOrderMagic == 0x1a2b3c4d);
  const Bytes body = read_block_rest(at, u32(head.data()), 0, 12);
  if (body.size() < 12) throw CaptureError(0, at, "section header block too short");
  const std::uint16_t major = u16(body.data());
  if (major != 1)
    throw CaptureError(0, at + 12, "unsupported pcapng version " + std::to_string(major));
  interfaces_.clear();  // 4.2: interface ids are per section
}

std::optional<Packet> CaptureReader::next_pcapng() {
  for (;;) {
    const std::uint64_t at = offset_;
    const std::uint64_t number = packets_ + 1;
    std::array<std::uint8_t, 8> head{};
    if (!read_start(head.data(), 4, number, "a block header")) return std::nullopt;
    // The section header's type reads the same in either byte order.
    if (head[0] == 0x0a && head[1] == 0x0d && head[2] == 0x0d && head[3] == 0x0a) {
      static_assert(kBlockSection == 0x0a0d0d0a);
      open_section(at);
      continue;
    }
    read_exact(head.data() + 4, 4, number, at, "a block header");
    const std::uint32_t type = u32(head.data());
    const bool packet_block = type == kBlockEnhancedPacket || type == kBlockSimplePacket;
    const Bytes body = read_block_rest(at, u32(head.data() + 4), packet_block ? number : 0, 8);
    if (type == kBlockInterface) {
      read_interface(at, body);
    } else if (type == kBlockEnhancedPacket) {
      return enhanced_packet(at, body);
    } else if (type == kBlockSimplePacket) {
      return simple_packet(at, body);
    } else if (type == kBlockDecryptionSecrets) {
      decryption_secrets(at, body);
    }
    // Anything else (name resolution, statistics, the obsolete Packet Block, custom blocks) is
    // skipped: its length was checked, its content is not needed here.
  }
}

// 4.2 Interface Description Block: link type, reserved, snap length, options (3.5: code,
// length, value padded to 32 bits; opt_endofopt ends the list).
void CaptureReader::read_interface(std::uint64_t at, const Bytes& body) {
  if (body.size() < 8) throw CaptureError(0, at, "interface description block too short");
  Interface i;
  i.link_type = u16(body.data());
  i.snap_length = u32(body.data() + 4);
  for (std::size_t p = 8; p + 4 <= body.size();) {
    const std::uint16_t code = u16(body.data() + p);
    const std::uint16_t length = u16(body.data() + p + 2);
    if (code == kOptionEnd) break;
    if (p + 4 + length > body.size())
      throw CaptureError(0, at + 8 + p, "interface option runs past the end of its block");
    const std::uint8_t* value = body.data() + p + 4;
    if (code == kOptionTsResolution && length == 1) i.resolution = value[0];
    if (code == kOptionTsOffset && length == 8) {
      const std::uint64_t hi = u32(value + (big_endian_ ? 0 : 4));
      const std::uint64_t lo = u32(value + (big_endian_ ? 4 : 0));
      i.offset_seconds = static_cast<std::int64_t>((hi << 32) | lo);
    }
    p += 4 + padded(length);
  }
  // A bounded number of interfaces: each packet names one, and a damaged file could claim many.
  if (interfaces_.size() >= 65536)
    throw CaptureError(0, at, "more than 65536 interfaces in one section");
  interfaces_.push_back(i);
}

// 4.3 Enhanced Packet Block: interface id, timestamp (upper, lower), captured and original
// length, the data padded to 32 bits, options.
Packet CaptureReader::enhanced_packet(std::uint64_t at, const Bytes& body) {
  const std::uint64_t number = packets_ + 1;
  if (body.size() < 20) throw CaptureError(number, at, "enhanced packet block too short");
  const std::uint32_t interface = u32(body.data());
  if (interface >= interfaces_.size()) {
    throw CaptureError(number, at,
                       "interface " + std::to_string(interface) +
                           " has no interface description block in this section");
  }
  const std::uint32_t captured = u32(body.data() + 12);
  if (captured > body.size() - 20) {
    throw CaptureError(
        number, at,
        "captured length " + std::to_string(captured) + " runs past the end of its block");
  }
  const Interface& i = interfaces_[interface];
  const std::uint64_t units =
      (static_cast<std::uint64_t>(u32(body.data() + 4)) << 32) | u32(body.data() + 8);
  Packet p;
  p.number = number;
  p.timestamp_ns =
      static_cast<std::int64_t>(to_nanoseconds(units, i.resolution) +
                                static_cast<std::uint64_t>(i.offset_seconds) * 1000000000u);
  p.link_type = i.link_type;
  p.interface = interface;
  p.original_length = u32(body.data() + 16);
  p.data.assign(body.begin() + 20, body.begin() + 20 + captured);
  ++packets_;
  return p;
}

// 4.4 Simple Packet Block: the original length, then as much of the packet as the first
// interface's snap length (and the block) holds. No timestamp.
Packet CaptureReader::simple_packet(std::uint64_t at, const Bytes& body) {
  const std::uint64_t number = packets_ + 1;
  if (body.size() < 4) throw CaptureError(number, at, "simple packet block too short");
  if (interfaces_.empty())
    throw CaptureError(number, at, "simple packet block before any interface description block");
  const Interface& i = interfaces_[0];
  Packet p;
  p.number = number;
  p.link_type = i.link_type;
  p.original_length = u32(body.data());
  std::size_t captured = std::min<std::size_t>(p.original_length, body.size() - 4);
  if (i.snap_length != 0) captured = std::min<std::size_t>(captured, i.snap_length);
  p.data.assign(body.begin() + 4, body.begin() + 4 + static_cast<std::ptrdiff_t>(captured));
  ++packets_;
  return p;
}

// 4.7 Decryption Secrets Block: secrets type, secrets length, the secrets (padded), options.
void CaptureReader::decryption_secrets(std::uint64_t at, const Bytes& body) {
  if (body.size() < 8) throw CaptureError(0, at, "decryption secrets block too short");
  const std::uint32_t type = u32(body.data());
  const std::uint32_t length = u32(body.data() + 4);
  if (length > body.size() - 8)
    throw CaptureError(0, at, "decryption secrets run past the end of their block");
  if (type != kSecretsTlsKeyLog) return;
  // Bounded like everything else: a file of many secrets blocks cannot grow this without end.
  std::size_t total = length;
  for (const auto& text : key_logs_) total += text.size();
  if (total > kMaxBlockSize)
    throw CaptureError(0, at, "decryption secrets over 64 MiB in total (damaged file?)");
  key_logs_.emplace_back(body.begin() + 8, body.begin() + 8 + length);
}

}  // namespace tlsclub::capture
