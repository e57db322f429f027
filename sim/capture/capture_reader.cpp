// The two capture formats, read block by block. Classic pcap: a 24-byte file header, then a
// 16-byte header per packet (seconds, micro- or nanoseconds, captured and original length).
// pcapng (draft-ietf-opsawg-pcapng): blocks of type, total length, body, total length again.
#include "capture/capture_reader.h"

#include <algorithm>
#include <array>

#include "capture/capture_error.h"
#include "capture/inflate.h"

namespace tlsclub::capture {

namespace {

constexpr std::uint32_t kPcapMicros = 0xa1b2c3d4;
constexpr std::uint32_t kPcapNanos = 0xa1b23c4d;
// Wireshark refuses pcap records longer than this when the snapshot length is smaller.
constexpr std::uint32_t kStandardMaxPacket = 262144;

std::uint32_t le32(const std::uint8_t* p) {
  return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

}  // namespace

CaptureReader::CaptureReader(std::istream& in) : file_(std::make_unique<StreamSource>(in)) {
  std::array<std::uint8_t, 4> head{};
  std::size_t got = 0;
  while (got < head.size()) {
    const std::size_t n = file_->read(head.data() + got, head.size() - got);
    if (n == 0) break;
    got += n;
  }
  prefixed_ = std::make_unique<PrefixedSource>(head.data(), got, *file_);
  source_ = prefixed_.get();
  if (looks_gzipped(head.data(), got)) {
    gzip_ = std::make_unique<GzipSource>(*prefixed_);
    source_ = gzip_.get();
    compressed_ = true;
  }
  read_exact(head.data(), head.size(), 0, 0, "the file header");
  if (le32(head.data()) == 0x0a0d0d0a) {  // a pcapng Section Header Block
    format_ = CaptureFormat::pcapng;
    open_section(0);
    return;
  }
  open_pcap(head.data());
}

CaptureReader::~CaptureReader() = default;

void CaptureReader::read_exact(std::uint8_t* out, std::size_t size, std::uint64_t packet,
                               std::uint64_t at, const char* what, std::size_t already) {
  std::size_t got = already;
  try {
    while (got < size) {
      const std::size_t n = source_->read(out + got, size - got);
      if (n == 0) break;
      got += n;
      offset_ += n;
    }
  } catch (const CaptureError& e) {
    throw e.in_packet(packet);
  }
  if (got < size) {
    throw CaptureError(packet, at,
                       std::string("the file ends inside ") + what + " (" + std::to_string(got) +
                           " of " + std::to_string(size) + " bytes)");
  }
}

bool CaptureReader::read_start(std::uint8_t* out, std::size_t size, std::uint64_t packet,
                               const char* what) {
  const std::uint64_t at = offset_;
  std::size_t got = 0;
  try {
    got = source_->read(out, 1);
  } catch (const CaptureError& e) {
    throw e.in_packet(packet);
  }
  if (got == 0) return false;
  offset_ += 1;
  read_exact(out, size, packet, at, what, 1);
  return true;
}

std::uint32_t CaptureReader::u32(const std::uint8_t* p) const {
  if (!big_endian_) return le32(p);
  return (static_cast<std::uint32_t>(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
}

std::uint16_t CaptureReader::u16(const std::uint8_t* p) const {
  return static_cast<std::uint16_t>(big_endian_ ? (p[0] << 8) | p[1] : p[0] | (p[1] << 8));
}

// The libpcap file header: magic, version 2.4, thiszone, sigfigs, snaplen, link type. The magic
// as written tells the byte order (the writer's own) and the timestamp unit.
void CaptureReader::open_pcap(const std::uint8_t* head) {
  const std::uint32_t magic = le32(head);
  const auto swapped = [](std::uint32_t v) {
    return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
  };
  if (magic == kPcapMicros || magic == kPcapNanos) {
    big_endian_ = false;
  } else if (swapped(magic) == kPcapMicros || swapped(magic) == kPcapNanos) {
    big_endian_ = true;
  } else {
    throw CaptureError(0, 0, "not a pcap or pcapng capture (unknown magic number)");
  }
  nanoseconds_ = (big_endian_ ? swapped(magic) : magic) == kPcapNanos;
  std::array<std::uint8_t, 20> rest{};
  read_exact(rest.data(), rest.size(), 0, 4, "the pcap file header");
  if (u16(rest.data()) != 2)
    throw CaptureError(0, 4, "unsupported pcap version " + std::to_string(u16(rest.data())));
  snap_length_ = u32(rest.data() + 12);
  // The link type is the low 16 bits; the high bits may carry FCS information.
  link_type_ = u32(rest.data() + 16) & 0xffff;
}

std::optional<Packet> CaptureReader::next_pcap() {
  const std::uint64_t at = offset_;
  const std::uint64_t number = packets_ + 1;
  std::array<std::uint8_t, 16> header{};
  if (!read_start(header.data(), header.size(), number, "a packet record header"))
    return std::nullopt;
  const std::uint32_t captured = u32(header.data() + 8);
  const std::uint32_t limit = std::max(snap_length_, kStandardMaxPacket);
  if (captured > limit || captured > kMaxBlockSize) {
    throw CaptureError(number, at,
                       "captured length " + std::to_string(captured) +
                           " is larger than the snapshot length " + std::to_string(snap_length_) +
                           " allows (damaged record header?)");
  }
  Packet p;
  p.number = number;
  const std::uint64_t fraction = u32(header.data() + 4);
  p.timestamp_ns = static_cast<std::int64_t>(u32(header.data()) * 1000000000ull +
                                             fraction * (nanoseconds_ ? 1 : 1000));
  p.link_type = link_type_;
  p.original_length = u32(header.data() + 12);
  p.data.resize(captured);
  read_exact(p.data.data(), captured, number, at, "a packet's data");
  ++packets_;
  return p;
}

CaptureFile::CaptureFile(const std::filesystem::path& path) : in_(path, std::ios::binary) {
  if (!in_) throw CaptureError(0, 0, "cannot open " + path.string());
  reader_ = std::make_unique<CaptureReader>(in_);
}

std::optional<Packet> CaptureReader::next() {
  return format_ == CaptureFormat::pcap ? next_pcap() : next_pcapng();
}

}  // namespace tlsclub::capture
