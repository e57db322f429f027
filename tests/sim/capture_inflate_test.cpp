// sim/capture/inflate: gzip members with stored, fixed-Huffman and dynamic-Huffman DEFLATE
// blocks (the last two made by zlib, level 9), checked to the byte, and damaged on purpose.
#include <doctest/doctest.h>

#include "capture/capture_error.h"
#include "capture_test_tools.h"

using namespace tlsclub;
using namespace tlsclub::test;

namespace {

// What zlib compressed: "member 0 of the club shows a badge; member 1 of ..." (i % 7), 60 times.
Bytes club_text() {
  std::string text;
  for (int i = 0; i < 60; ++i)
    text += "member " + std::to_string(i % 7) + " of the club shows a badge; ";
  return bytes_of(text);
}

// zlib.compressobj(9, DEFLATED, 31, 9, Z_FIXED) and Z_DEFAULT_STRATEGY (a dynamic block).
const char* const kFixedHex =
    "1f8b0800000000000203cb4dcd4d4a2d523050c84f5328c9485548ce294d5228cec82f2f564854484a4c494fb556c8"
    "85a83124428d11116a8c89506342841a5322d49811a166d4efa37e1ff5fba8df47fd3eeaf751bfd3d8ef009781f47c"
    "70080000";
const char* const kDynamicHex =
    "1f8b0800000000000203edcfb90d80301004c056b604fe846a7c70e08093250ca27d021ad8846cf349263ccc4f3428"
    "1baeec588edb5073792a122cadbbcf88cfb484e908d3136620cc48988930baebaebbeebaebaefbcff7179781f47c70"
    "080000";

// Decompresses `gz` reading `chunk` bytes at a time.
Bytes inflate_all(const Bytes& gz, std::size_t chunk = 7) {
  auto in = stream_of(gz);
  capture::StreamSource file(in);
  capture::GzipSource source(file);
  Bytes out;
  std::vector<std::uint8_t> buffer(chunk);
  while (std::size_t n = source.read(buffer.data(), buffer.size()))
    out.insert(out.end(), buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(n));
  return out;
}

std::string inflate_error(const Bytes& gz) {
  try {
    inflate_all(gz);
  } catch (const capture::CaptureError& e) {
    return e.what();
  }
  return {};
}

}  // namespace

TEST_CASE("capture inflate: fixed and dynamic Huffman blocks give zlib's input back") {
  CHECK(inflate_all(from_hex(kFixedHex)) == club_text());
  CHECK(inflate_all(from_hex(kDynamicHex), 1) == club_text());
  CHECK(inflate_all(from_hex(kDynamicHex), 5000) == club_text());
}

TEST_CASE(
    "capture inflate: stored blocks, several members one after the other, and an empty member") {
  const Bytes a = bytes_of("first member "), b(100000, 0x5a);
  Bytes two = gzip_stored(a);
  append(two, gzip_stored(b, 777));
  Bytes expected = a;
  append(expected, b);
  CHECK(inflate_all(two, 4096) == expected);
  CHECK(inflate_all(gzip_stored({})).empty());
}

TEST_CASE("capture inflate: the optional header fields are skipped (RFC 1952 2.3.1)") {
  Bytes gz = gzip_stored(bytes_of("payload"));
  gz[3] = 0x04 | 0x08 | 0x10 | 0x02;  // FEXTRA, FNAME, FCOMMENT, FHCRC
  const Bytes extra = {3, 0, 'a', 'b', 'c', 'n', 'a', 'm', 'e', 0, 'h', 'i', 0, 0x12, 0x34};
  gz.insert(gz.begin() + 10, extra.begin(), extra.end());
  CHECK(inflate_all(gz) == bytes_of("payload"));
}

TEST_CASE("capture inflate: damaged streams are refused with the compressed offset") {
  const Bytes good = from_hex(kDynamicHex);
  Bytes bad = good;
  bad[2] = 7;
  CHECK(inflate_error(bad) ==
        "at byte 3: gzip: compression method is not deflate (RFC 1952 "
        "2.3.1: CM 8)");
  bad = good;
  bad[3] = 0x20;
  CHECK(inflate_error(bad) == "at byte 4: gzip: reserved header flag bits are set");
  bad = good;
  bad[bad.size() - 1] ^= 1;  // ISIZE
  CHECK(inflate_error(bad) ==
        "at byte " + std::to_string(good.size()) + ": gzip: ISIZE does not match the data");
  bad = good;
  bad[bad.size() - 8] ^= 1;  // CRC32
  CHECK(inflate_error(bad).find("CRC-32 of the data does not match") != std::string::npos);
  bad = good;
  bad[10] = 0x07;  // final block of type 3
  CHECK(inflate_error(bad) == "at byte 11: gzip: invalid block type 3");
  bad = good;
  bad.resize(40);
  CHECK(inflate_error(bad) ==
        "at byte 40: gzip: the compressed data ends early (truncated "
        "file?)");
  bad = good;
  append(bad, {0x00, 0x01});  // neither the end nor another member
  CHECK(inflate_error(bad).find("gzip: not a gzip member (bad magic)") != std::string::npos);
}

TEST_CASE("capture inflate: a back-reference before the start of the data is refused") {
  // A fixed block: literal 'a' (0x30 + 0x61 as 8 bits), then length 3 (code 257: 7 bits of 0
  // plus one) at distance 4 (code 3): further back than the one byte written.
  // Bits, least significant first: BFINAL 1, BTYPE 01, then the codes most significant first.
  std::string bits =
      "1"
      "10";
  const auto code = [&](unsigned value, int length) {
    for (int i = length - 1; i >= 0; --i) bits += ((value >> i) & 1) ? '1' : '0';
  };
  code(0x30 + 'a', 8);
  code(1, 7);  // symbol 257: length 3
  code(3, 5);  // distance symbol 3: distance 4
  Bytes deflate;
  for (std::size_t i = 0; i < bits.size(); i += 8) {
    std::uint8_t byte = 0;
    for (std::size_t j = 0; j < 8 && i + j < bits.size(); ++j)
      if (bits[i + j] == '1') byte |= static_cast<std::uint8_t>(1u << j);
    deflate.push_back(byte);
  }
  Bytes gz = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255};
  append(gz, deflate);
  CHECK(inflate_error(gz).find("gzip: distance reaches back before the start of the data") !=
        std::string::npos);
}

TEST_CASE("capture inflate: crc32 is the CRC of RFC 1952 (check value of \"123456789\")") {
  const Bytes digits = bytes_of("123456789");
  CHECK(capture::crc32(0, digits.data(), digits.size()) == 0xcbf43926u);
}
