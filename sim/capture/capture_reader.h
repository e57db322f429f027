#pragma once
// Packets out of a capture file, one at a time: classic pcap (the libpcap format, both byte
// orders, microsecond and nanosecond timestamps) and pcapng (draft-ietf-opsawg-pcapng: several
// sections, either byte order, interfaces with their link type and timestamp resolution, Enhanced
// and Simple Packet Blocks, and the TLS key log of Decryption Secrets Blocks). Either may be
// gzip-compressed. The file is read as a stream: memory is bounded by the largest block allowed
// (kMaxBlockSize), never by the size of the file.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capture/byte_source.h"
#include "core/bytes.h"

namespace tlsclub::capture {

// A block (pcapng) or record (pcap) longer than this is taken for damage, not data.
inline constexpr std::uint32_t kMaxBlockSize = 64u << 20;

enum class CaptureFormat { pcap, pcapng };

struct Packet {
  std::uint64_t number = 0;           // 1-based, in file order (Wireshark's frame number)
  std::int64_t timestamp_ns = 0;      // since the Unix epoch
  std::uint32_t link_type = 0;        // LINKTYPE_* (1 Ethernet, 101 raw IP, 113 Linux SLL, ...)
  Bytes data;                         // the bytes captured (at most the snapshot length)
  std::uint32_t original_length = 0;  // the packet's length on the wire
  std::uint32_t interface = 0;        // pcapng interface id in its section; 0 for pcap
};

class CaptureReader {
 public:
  // Reads the file header; throws CaptureError when `in` holds no capture this reader knows.
  explicit CaptureReader(std::istream& in);
  ~CaptureReader();
  CaptureReader(const CaptureReader&) = delete;
  CaptureReader& operator=(const CaptureReader&) = delete;

  // The next packet, nothing at the end of the file; throws CaptureError (with the packet's
  // number and the offset of its record or block) on damage.
  std::optional<Packet> next();

  CaptureFormat format() const { return format_; }
  bool compressed() const { return compressed_; }
  std::uint64_t packets_read() const { return packets_; }
  // The TLS key log texts of the Decryption Secrets Blocks read so far (pcapng only).
  const std::vector<std::string>& key_logs() const { return key_logs_; }

 private:
  struct Interface {
    std::uint32_t link_type = 0;
    std::uint32_t snap_length = 0;
    std::uint8_t resolution = 6;      // if_tsresol: 10^-6 unless said otherwise
    std::int64_t offset_seconds = 0;  // if_tsoffset
  };

  // Fills `out`, the first `already` bytes of which are there; the file ending first is an error
  // of `packet` located at `at` (the start of its record or block).
  void read_exact(std::uint8_t* out, std::size_t size, std::uint64_t packet, std::uint64_t at,
                  const char* what, std::size_t already = 0);
  // read_exact, except that the end of the file right here is the clean end: false.
  bool read_start(std::uint8_t* out, std::size_t size, std::uint64_t packet, const char* what);
  std::uint32_t u32(const std::uint8_t* p) const;
  std::uint16_t u16(const std::uint8_t* p) const;

  void open_pcap(const std::uint8_t* head);
  std::optional<Packet> next_pcap();
  void open_section(std::uint64_t at);
  Bytes read_block_rest(std::uint64_t at, std::uint32_t length, std::uint64_t packet,
                        std::size_t already);
  std::optional<Packet> next_pcapng();
  std::optional<Packet> read_block(std::uint64_t at, std::uint32_t type, const Bytes& body);
  void read_interface(std::uint64_t at, const Bytes& body);
  Packet enhanced_packet(std::uint64_t at, const Bytes& body);
  Packet simple_packet(std::uint64_t at, const Bytes& body);
  void decryption_secrets(std::uint64_t at, const Bytes& body);

  std::unique_ptr<ByteSource> file_;
  std::unique_ptr<ByteSource> prefixed_;
  std::unique_ptr<ByteSource> gzip_;
  ByteSource* source_ = nullptr;
  std::uint64_t offset_ = 0;  // bytes of the (decompressed) capture read so far
  bool compressed_ = false;
  CaptureFormat format_ = CaptureFormat::pcap;
  bool big_endian_ = false;
  std::uint64_t packets_ = 0;
  // pcap
  bool nanoseconds_ = false;
  std::uint32_t snap_length_ = 0;
  std::uint32_t link_type_ = 0;
  // pcapng: the interfaces of the current section
  std::vector<Interface> interfaces_;
  std::vector<std::string> key_logs_;
};

// A capture file on disk and its reader: CaptureFile("visit.pcapng.gz").reader().next().
class CaptureFile {
 public:
  // Throws CaptureError when the file cannot be opened or holds no capture.
  explicit CaptureFile(const std::filesystem::path& path);
  CaptureReader& reader() { return *reader_; }

 private:
  std::ifstream in_;
  std::unique_ptr<CaptureReader> reader_;
};

}  // namespace tlsclub::capture
