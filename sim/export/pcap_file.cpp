#include "export/pcap_file.h"

namespace tlsclub {

namespace {

constexpr std::uint32_t kMagicMicroseconds = 0xa1b2c3d4;
constexpr std::uint32_t kSnapLength = 262144;

void put_le(Bytes& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

}  // namespace

Bytes pcap_file(const std::vector<CapturedPacket>& packets, std::uint32_t linktype) {
  Bytes out;
  put_le(out, kMagicMicroseconds, 4);
  put_le(out, 2, 2);  // version 2.4
  put_le(out, 4, 2);
  put_le(out, 0, 4);  // GMT offset
  put_le(out, 0, 4);  // timestamp accuracy
  put_le(out, kSnapLength, 4);
  put_le(out, linktype, 4);
  for (const auto& p : packets) {
    put_le(out, static_cast<std::uint64_t>(p.micros / 1000000), 4);
    put_le(out, static_cast<std::uint64_t>(p.micros % 1000000), 4);
    put_le(out, p.data.size(), 4);  // captured length
    put_le(out, p.data.size(), 4);  // length on the wire
    out.insert(out.end(), p.data.begin(), p.data.end());
  }
  return out;
}

}  // namespace tlsclub
