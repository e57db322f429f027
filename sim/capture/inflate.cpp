// gzip members (RFC 1952 2.3) around DEFLATE blocks (RFC 1951 3.2), decoded the canonical way
// (count of codes per length, symbols in code order, as RFC 1951 3.2.2 builds them): slower than a
// table-driven decoder and much simpler to check; captures for class are small.
#include "capture/inflate.h"

#include "capture/capture_error.h"

namespace tlsclub::capture {

namespace {

using Huffman = GzipSource::Huffman;

constexpr std::array<std::uint32_t, 256> make_crc_table() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}
constexpr auto kCrcTable = make_crc_table();

// RFC 1951 3.2.5: base lengths and distances and their extra bits.
constexpr std::uint16_t kLengthBase[29] = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                           15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                           67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                           2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::uint16_t kDistanceBase[30] = {
    1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
    193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::uint8_t kDistanceExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                             6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// RFC 1951 3.2.7: the order code length code lengths are sent in.
constexpr std::uint8_t kCodeLengthOrder[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                               11, 4,  12, 3, 13, 2, 14, 1, 15};

// Builds `code` from the code lengths of its symbols. Returns the number of unused codes left at
// the longest length: 0 for a complete code, more for an incomplete one, -1 when over-subscribed.
int build(Huffman& code, const std::uint8_t* lengths, int symbols) {
  code.count.fill(0);
  for (int s = 0; s < symbols; ++s) ++code.count[lengths[s]];
  if (code.count[0] == symbols) return 0;  // no codes: complete, and any use of it fails
  int left = 1;
  for (int len = 1; len < 16; ++len) {
    left <<= 1;
    left -= code.count[len];
    if (left < 0) return -1;
  }
  std::array<std::uint16_t, 16> offsets{};
  for (int len = 1; len < 15; ++len) offsets[len + 1] = offsets[len] + code.count[len];
  for (int s = 0; s < symbols; ++s)
    if (lengths[s] != 0) code.symbol[offsets[lengths[s]]++] = static_cast<std::uint16_t>(s);
  return left;
}

}  // namespace

bool looks_gzipped(const std::uint8_t* head, std::size_t size) {
  return size >= 2 && head[0] == 0x1f && head[1] == 0x8b;
}

std::uint32_t crc32(std::uint32_t crc, const std::uint8_t* data, std::size_t size) {
  crc = ~crc;
  for (std::size_t i = 0; i < size; ++i) crc = kCrcTable[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return ~crc;
}

void GzipSource::fail(const char* what) const {
  throw CaptureError(0, consumed_, std::string("gzip: ") + what);
}

int GzipSource::next_byte() {
  if (input_at_ == input_size_) {
    input_size_ = in_.read(input_.data(), input_.size());
    input_at_ = 0;
    if (input_size_ == 0) return -1;
  }
  ++consumed_;
  return input_[input_at_++];
}

std::uint8_t GzipSource::need_byte() {
  const int b = next_byte();
  if (b < 0) fail("the compressed data ends early (truncated file?)");
  return static_cast<std::uint8_t>(b);
}

// RFC 1951 3.1.1: data elements are packed starting with the least-significant bit.
unsigned GzipSource::bits(int count) {
  while (bit_count_ < count) {
    bit_buffer_ |= static_cast<std::uint32_t>(need_byte()) << bit_count_;
    bit_count_ += 8;
  }
  const unsigned value = bit_buffer_ & ((1u << count) - 1);
  bit_buffer_ >>= count;
  bit_count_ -= count;
  return value;
}

// RFC 1951 3.1.1: Huffman codes are packed starting with the most-significant bit of the code.
int GzipSource::decode(const Huffman& code) {
  int value = 0, first = 0, index = 0;
  for (int len = 1; len < 16; ++len) {
    value |= static_cast<int>(bits(1));
    const int count = code.count[len];
    if (value - count < first) return code.symbol[index + (value - first)];
    index += count;
    first = (first + count) << 1;
    value <<= 1;
  }
  fail("invalid Huffman code");
}

void GzipSource::read_member_header() {
  // RFC 1952 2.3: ID1 ID2 CM FLG MTIME(4) XFL OS, then the optional fields FLG announces.
  if (need_byte() != 0x1f || need_byte() != 0x8b) fail("not a gzip member (bad magic)");
  if (need_byte() != 8) fail("compression method is not deflate (RFC 1952 2.3.1: CM 8)");
  const std::uint8_t flags = need_byte();
  // RFC 1952 2.3.1.2: "A compliant decompressor must give an error indication if any reserved
  // bit is non-zero".
  if (flags & 0xe0) fail("reserved header flag bits are set");
  for (int i = 0; i < 6; ++i) need_byte();  // MTIME, XFL, OS
  if (flags & 0x04) {                       // FEXTRA
    const unsigned length = need_byte() | (need_byte() << 8);
    for (unsigned i = 0; i < length; ++i) need_byte();
  }
  if (flags & 0x08)
    while (need_byte() != 0) {  // FNAME, zero-terminated
    }
  if (flags & 0x10)
    while (need_byte() != 0) {  // FCOMMENT, zero-terminated
    }
  if (flags & 0x02) need_byte(), need_byte();  // FHCRC (not checked: the data's CRC is)
  final_block_ = false;
  member_out_ = 0;
  crc_ = 0;
  state_ = State::block_header;
}

void GzipSource::start_block() {
  if (final_block_) {
    state_ = State::trailer;
    return;
  }
  final_block_ = bits(1) != 0;
  switch (bits(2)) {
    case 0: {  // RFC 1951 3.2.4: stored, from the next byte boundary: LEN, NLEN, data
      bit_buffer_ = 0, bit_count_ = 0;
      const unsigned length = need_byte() | (need_byte() << 8);
      const unsigned complement = need_byte() | (need_byte() << 8);
      if ((length ^ 0xffffu) != complement) fail("stored block length does not match NLEN");
      stored_left_ = length;
      state_ = State::stored;
      return;
    }
    case 1: {  // RFC 1951 3.2.6: the fixed codes
      std::uint8_t lengths[288];
      for (int s = 0; s < 288; ++s) lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
      build(lengths_, lengths, 288);
      for (int s = 0; s < 30; ++s) lengths[s] = 5;
      build(distances_, lengths, 30);
      state_ = State::huffman;
      return;
    }
    case 2:
      read_dynamic_tables();
      state_ = State::huffman;
      return;
    default:
      fail("invalid block type 3");
  }
}

// RFC 1951 3.2.7: HLIT, HDIST, HCLEN, the code length code, then both codes' lengths.
void GzipSource::read_dynamic_tables() {
  const int literal_count = static_cast<int>(bits(5)) + 257;
  const int distance_count = static_cast<int>(bits(5)) + 1;
  const int code_length_count = static_cast<int>(bits(4)) + 4;
  if (literal_count > 286 || distance_count > 30) fail("too many length or distance codes");
  std::uint8_t lengths[320] = {};
  for (int i = 0; i < code_length_count; ++i)
    lengths[kCodeLengthOrder[i]] = static_cast<std::uint8_t>(bits(3));
  Huffman code_lengths;
  if (build(code_lengths, lengths, 19) != 0) fail("incomplete code length code");
  const int total = literal_count + distance_count;
  for (int at = 0; at < total;) {
    int symbol = decode(code_lengths);
    if (symbol < 16) {
      lengths[at++] = static_cast<std::uint8_t>(symbol);
      continue;
    }
    std::uint8_t value = 0;
    int repeat = 0;
    if (symbol == 16) {
      if (at == 0) fail("repeat of a code length with none before");
      value = lengths[at - 1];
      repeat = 3 + static_cast<int>(bits(2));
    } else if (symbol == 17) {
      repeat = 3 + static_cast<int>(bits(3));
    } else {
      repeat = 11 + static_cast<int>(bits(7));
    }
    if (at + repeat > total) fail("code lengths run past the codes");
    while (repeat-- > 0) lengths[at++] = value;
  }
  if (lengths[256] == 0) fail("no end-of-block code");
  // Incomplete codes are allowed only with a single code (zlib and puff accept that case).
  const int left = build(lengths_, lengths, literal_count);
  if (left < 0 || (left > 0 && literal_count - lengths_.count[0] != 1))
    fail("invalid literal/length code lengths");
  const int dleft = build(distances_, lengths + literal_count, distance_count);
  if (dleft < 0 || (dleft > 0 && distance_count - distances_.count[0] != 1))
    fail("invalid distance code lengths");
}

void GzipSource::emit(std::uint8_t byte, std::uint8_t* out, std::size_t& n) {
  out[n++] = byte;
  window_[member_out_ % kWindow] = byte;
  ++member_out_;
  crc_ = crc32(crc_, &byte, 1);
}

void GzipSource::huffman_step(std::uint8_t* out, std::size_t& n) {
  if (copy_left_ > 0) {
    emit(window_[(member_out_ - copy_distance_) % kWindow], out, n);
    --copy_left_;
    return;
  }
  const int symbol = decode(lengths_);
  if (symbol < 256) {
    emit(static_cast<std::uint8_t>(symbol), out, n);
    return;
  }
  if (symbol == 256) {
    state_ = State::block_header;
    return;
  }
  const int length_index = symbol - 257;
  if (length_index >= 29) fail("invalid length symbol");
  copy_left_ = kLengthBase[length_index] + bits(kLengthExtra[length_index]);
  const int distance_symbol = decode(distances_);
  if (distance_symbol >= 30) fail("invalid distance symbol");
  copy_distance_ = kDistanceBase[distance_symbol] + bits(kDistanceExtra[distance_symbol]);
  if (copy_distance_ > member_out_) fail("distance reaches back before the start of the data");
}

// RFC 1952 2.3.1: CRC32 and ISIZE (the length modulo 2^32), little-endian, after the data.
void GzipSource::read_trailer() {
  bit_buffer_ = 0, bit_count_ = 0;
  std::uint32_t crc = 0, size = 0;
  for (int i = 0; i < 4; ++i) crc |= static_cast<std::uint32_t>(need_byte()) << (8 * i);
  for (int i = 0; i < 4; ++i) size |= static_cast<std::uint32_t>(need_byte()) << (8 * i);
  if (crc != crc_) fail("CRC-32 of the data does not match the trailer");
  if (size != static_cast<std::uint32_t>(member_out_)) fail("ISIZE does not match the data");
  // RFC 1952 2.2: a gzip file is a series of members; another may follow.
  const int more = next_byte();
  if (more < 0) {
    state_ = State::done;
    return;
  }
  --input_at_, --consumed_;  // hand the byte back to the next member's header
  state_ = State::member_header;
}

std::size_t GzipSource::read(std::uint8_t* out, std::size_t size) {
  std::size_t n = 0;
  while (n < size) {
    switch (state_) {
      case State::done:
        return n;
      case State::member_header:
        read_member_header();
        break;
      case State::block_header:
        start_block();
        break;
      case State::stored:
        if (stored_left_ == 0) {
          state_ = State::block_header;
        } else {
          emit(need_byte(), out, n);
          --stored_left_;
        }
        break;
      case State::huffman:
        huffman_step(out, n);
        break;
      case State::trailer:
        read_trailer();
        break;
    }
  }
  return n;
}

}  // namespace tlsclub::capture
