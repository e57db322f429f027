#pragma once
// Our own gzip (RFC 1952) and DEFLATE (RFC 1951) decompressor, so a .pcap.gz or .pcapng.gz opens
// as tshark opens it. No zlib: the web build (emscripten) compiles this folder as it is. Streaming
// and bounded: the 32 KiB window DEFLATE back-references reach into, the Huffman tables and a
// small input buffer, whatever the size of the file. CRC-32 and ISIZE of each member are checked.

#include <array>
#include <cstddef>
#include <cstdint>

#include "capture/byte_source.h"

namespace tlsclub::capture {

// True when `head` (at least 2 bytes) starts like a gzip member (RFC 1952 2.3.1: ID1 ID2).
bool looks_gzipped(const std::uint8_t* head, std::size_t size);

// The CRC-32 of RFC 1952 8 (the ISO 3309 / ITU-T V.42 polynomial), continued from `crc`.
std::uint32_t crc32(std::uint32_t crc, const std::uint8_t* data, std::size_t size);

// The decompressed bytes of a gzip stream (one or more members, RFC 1952 2.2). Damaged data
// throws CaptureError located at the byte of the compressed stream being read.
class GzipSource final : public ByteSource {
 public:
  explicit GzipSource(ByteSource& compressed) : in_(compressed) {}
  std::size_t read(std::uint8_t* out, std::size_t size) override;

  // A canonical Huffman code (RFC 1951 3.2.2) as counts per length and symbols in code order.
  struct Huffman {
    std::array<std::uint16_t, 16> count{};
    std::array<std::uint16_t, 288> symbol{};
  };

 private:
  enum class State { member_header, block_header, stored, huffman, trailer, done };

  [[noreturn]] void fail(const char* what) const;
  int next_byte();  // -1 at the end of the input
  std::uint8_t need_byte();
  unsigned bits(int count);
  int decode(const Huffman& code);

  void read_member_header();
  void start_block();
  void read_dynamic_tables();
  void read_trailer();
  // One step of the Huffman block: a literal, the end of the block, or a copy set up.
  void huffman_step(std::uint8_t* out, std::size_t& n);
  void emit(std::uint8_t byte, std::uint8_t* out, std::size_t& n);

  ByteSource& in_;
  std::array<std::uint8_t, 4096> input_{};
  std::size_t input_at_ = 0, input_size_ = 0;
  std::uint64_t consumed_ = 0;  // compressed bytes taken, for the error's location
  std::uint32_t bit_buffer_ = 0;
  int bit_count_ = 0;

  State state_ = State::member_header;
  bool final_block_ = false;
  std::size_t stored_left_ = 0;
  std::size_t copy_left_ = 0, copy_distance_ = 0;
  Huffman lengths_, distances_;

  static constexpr std::size_t kWindow = 32768;  // RFC 1951 2: distances reach 32 KiB back
  std::array<std::uint8_t, kWindow> window_{};
  std::uint64_t member_out_ = 0;  // bytes out of this member: how far back a copy may reach
  std::uint32_t crc_ = 0;
};

}  // namespace tlsclub::capture
