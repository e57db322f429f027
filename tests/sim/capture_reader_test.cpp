// sim/capture/capture_reader: classic pcap and pcapng, written here byte by byte, and damaged on
// purpose: every error names the packet and the byte offset.
#include <doctest/doctest.h>

#include <filesystem>

#include "capture/capture_error.h"
#include "capture_test_tools.h"

using namespace tlsclub;
using namespace tlsclub::test;
using capture::CaptureFormat;

TEST_CASE("capture reader: pcap in either byte order reads the same packets") {
  const Bytes a = {1, 2, 3}, b = {4, 5, 6, 7};
  for (const bool big : {false, true}) {
    CAPTURE(big);
    Bytes file = pcap_header(1, big);
    append(file, pcap_record({1700000000, 250000, a, 60}, big));
    append(file, pcap_record({1700000001, 0, b}, big));
    auto in = stream_of(file);
    capture::CaptureReader reader(in);
    CHECK(reader.format() == CaptureFormat::pcap);
    auto p = reader.next();
    REQUIRE(p);
    CHECK(p->number == 1);
    CHECK(p->link_type == 1);
    CHECK(p->data == a);
    CHECK(p->original_length == 60);
    CHECK(p->timestamp_ns == 1700000000250000000);
    p = reader.next();
    REQUIRE(p);
    CHECK(p->number == 2);
    CHECK(p->data == b);
    CHECK_FALSE(reader.next());
  }
}

TEST_CASE("capture reader: pcap with the nanosecond magic keeps nanoseconds") {
  Bytes file = pcap_header(101, false, true);
  append(file, pcap_record({10, 123456789, {0x45}}));
  const auto packets = read_all(file);
  REQUIRE(packets.size() == 1);
  CHECK(packets[0].timestamp_ns == 10123456789);
  CHECK(packets[0].link_type == 101);
}

TEST_CASE("capture reader: pcap: a truncated record names its packet and where it starts") {
  Bytes file = pcap_file(1, {Bytes(10, 1), Bytes(10, 2), Bytes(10, 3)});
  file.erase(file.end() - 4, file.end());
  CHECK(read_error(file) ==
        "packet 3 at byte 76: the file ends inside a packet's data (6 of 10 "
        "bytes)");
  file.resize(24 + 26 + 8);
  CHECK(read_error(file) ==
        "packet 2 at byte 50: the file ends inside a packet record header (8 of 16 bytes)");
}

TEST_CASE(
    "capture reader: pcap: a captured length beyond the snapshot length is damage, not data") {
  Bytes file = pcap_header(1, false, false, 65535);
  append(file, pcap_record({1, 0, {1, 2}}));
  Bytes bogus;
  put(bogus, 1, 4, false);
  put(bogus, 0, 4, false);
  put(bogus, 0x7fffffff, 4, false);  // captured length
  put(bogus, 60, 4, false);
  append(file, bogus);
  CHECK(read_error(file) ==
        "packet 2 at byte 42: captured length 2147483647 is larger than the "
        "snapshot length 65535 allows (damaged record header?)");
}

TEST_CASE("capture reader: not a capture, or an empty file: the error is at byte 0") {
  CHECK(read_error(bytes_of("GET / HTTP/1.1\r\n")) ==
        "at byte 0: not a pcap or pcapng capture (unknown magic number)");
  CHECK(read_error({}) == "at byte 0: the file ends inside the file header (0 of 4 bytes)");
  Bytes header = pcap_header(1);
  header.resize(10);
  CHECK(read_error(header) ==
        "at byte 4: the file ends inside the pcap file header (6 of 20 "
        "bytes)");
}

TEST_CASE(
    "capture reader: pcapng: two interfaces with their own link type and resolution, and a DSB") {
  Pcapng file;
  file.section()
      .interface(1)                      // microseconds
      .interface(101, 0, 9, 1700000000)  // nanoseconds, offset in seconds
      .packet(0, 1700000000123456ull, {1, 2, 3})
      .secrets("CLIENT_RANDOM aa bb\n")
      .packet(1, 42, {4, 5, 6, 7, 8}, 1500);
  auto in = stream_of(file.bytes());
  capture::CaptureReader reader(in);
  CHECK(reader.format() == CaptureFormat::pcapng);
  auto p = reader.next();
  REQUIRE(p);
  CHECK(p->interface == 0);
  CHECK(p->link_type == 1);
  CHECK(p->timestamp_ns == 1700000000123456000);
  p = reader.next();
  REQUIRE(p);
  CHECK(p->number == 2);
  CHECK(p->interface == 1);
  CHECK(p->link_type == 101);
  CHECK(p->data == Bytes{4, 5, 6, 7, 8});
  CHECK(p->original_length == 1500);
  CHECK(p->timestamp_ns == 1700000000000000042);
  CHECK_FALSE(reader.next());
  REQUIRE(reader.key_logs().size() == 1);
  CHECK(reader.key_logs()[0] == "CLIENT_RANDOM aa bb\n");
}

TEST_CASE("capture reader: pcapng: a binary timestamp resolution (2^-x seconds)") {
  Pcapng file;
  file.section().interface(1, 0, 0x80 | 10).packet(0, (5ull << 10) | 512, {1});
  const auto packets = read_all(file.bytes());
  REQUIRE(packets.size() == 1);
  CHECK(packets[0].timestamp_ns == 5500000000);
}

TEST_CASE("capture reader: pcapng: an absurd resolution (2^-127 s) is read without UB") {
  // Found by fuzz_capture_reader: a shift by 93 bits.
  Pcapng file;
  file.section().interface(1, 0, 0xff).packet(0, ~0ull, {1});
  const auto packets = read_all(file.bytes());
  REQUIRE(packets.size() == 1);
  CHECK(packets[0].timestamp_ns == 0);
}

TEST_CASE("capture reader: pcapng: sections in both byte orders, each with its own interfaces") {
  Pcapng file;
  file.section(false).interface(1).packet(0, 1, {1});
  file.section(true).interface(113).interface(276).packet(1, 2, {2}).simple({3, 3});
  const auto packets = read_all(file.bytes());
  REQUIRE(packets.size() == 3);
  CHECK(packets[0].link_type == 1);
  CHECK(packets[1].link_type == 276);
  CHECK(packets[1].data == Bytes{2});
  CHECK(packets[2].link_type == 113);  // a Simple Packet Block is on interface 0
  CHECK(packets[2].data == Bytes{3, 3});
  CHECK(packets[2].number == 3);
}

TEST_CASE("capture reader: pcapng: unknown and obsolete blocks are skipped") {
  Pcapng file;
  file.section()
      .interface(1)
      .block(0x00000bad, Bytes(8, 0))
      .block(2, Bytes(20, 0))
      .packet(0, 1, {9});
  const auto packets = read_all(file.bytes());
  REQUIRE(packets.size() == 1);
  CHECK(packets[0].data == Bytes{9});
}

TEST_CASE("capture reader: pcapng: damaged blocks give located errors") {
  SUBCASE("a block length over the 64 MiB limit") {
    Pcapng file;
    file.section().interface(1);
    const std::size_t at = file.bytes().size();
    Bytes huge;
    put(huge, 6, 4, false);
    put(huge, 0x7ffffff0, 4, false);
    file.raw(huge);
    CHECK(read_error(file.bytes()) == "packet 1 at byte " + std::to_string(at) +
                                          ": block total length 2147483632 is over the 64 MiB "
                                          "limit (damaged file?)");
  }
  SUBCASE("a block length that is not a multiple of 4") {
    Pcapng file;
    file.section().interface(1);
    Bytes odd;
    put(odd, 6, 4, false);
    put(odd, 33, 4, false);
    file.raw(odd);
    CHECK(read_error(file.bytes()).find("block total length 33 is impossible") !=
          std::string::npos);
  }
  SUBCASE("a trailing length that does not repeat the first") {
    Pcapng file;
    file.section().interface(1).packet(0, 1, {1, 2, 3, 4});
    Bytes bytes = file.bytes();
    bytes[bytes.size() - 4] ^= 0x10;
    CHECK(read_error(bytes).find("packet 1 at byte 52: block trailing length") == 0);
  }
  SUBCASE("a packet on an interface never described") {
    Pcapng file;
    file.section().interface(1).packet(3, 1, {1});
    CHECK(read_error(file.bytes()) ==
          "packet 1 at byte 52: interface 3 has no interface "
          "description block in this section");
  }
  SUBCASE("a captured length past the end of its block") {
    Pcapng file;
    file.section().interface(1);
    Bytes body;
    put(body, 0, 4, false);
    put(body, 0, 8, false);
    put(body, 100, 4, false);  // captured length
    put(body, 100, 4, false);
    body.resize(body.size() + 4);
    file.block(6, body);
    CHECK(read_error(file.bytes()) ==
          "packet 1 at byte 52: captured length 100 runs past the end of its block");
  }
  SUBCASE("the file cut inside a packet block") {
    Pcapng file;
    file.section().interface(1).packet(0, 1, {1}).packet(0, 2, Bytes(100, 7));
    Bytes bytes = file.bytes();
    bytes.erase(bytes.end() - 50, bytes.end());
    CHECK(read_error(bytes).find("packet 2 at byte 88: the file ends inside a block") == 0);
  }
  SUBCASE("a section header without the byte-order magic") {
    Bytes bytes = Pcapng().section().bytes();
    bytes[8] = 0;
    CHECK(read_error(bytes) ==
          "at byte 8: section header block without the byte-order magic 0x1a2b3c4d");
  }
}

TEST_CASE("capture reader: gzip: a .pcap.gz and a .pcapng.gz read as the files they hold") {
  const Bytes pcap = pcap_file(1, {Bytes(70000, 1), Bytes(3, 2)});
  Pcapng ng;
  ng.section().interface(1).packet(0, 1, {1}).secrets("# keys\n");
  for (const Bytes& plain : {pcap, ng.bytes()}) {
    const auto direct = read_all(plain);
    // Blocks of 1000 bytes: records cross block boundaries.
    auto in = stream_of(gzip_stored(plain, 1000));
    capture::CaptureReader reader(in);
    CHECK(reader.compressed());
    std::vector<capture::Packet> packets;
    while (auto p = reader.next()) packets.push_back(std::move(*p));
    REQUIRE(packets.size() == direct.size());
    for (std::size_t i = 0; i < packets.size(); ++i) CHECK(packets[i].data == direct[i].data);
  }
}

TEST_CASE("capture reader: gzip: damage inside the compressed data names the packet being read") {
  // 24 + 56 + 56 bytes in stored blocks of 50: the third block (from byte 120 of the .gz: 10
  // bytes of header, then 5 + 50 per block) holds the end of packet 2.
  const Bytes gz = gzip_stored(pcap_file(1, {Bytes(40, 1), Bytes(40, 2)}), 50);
  Bytes bad_length = gz;
  bad_length[123] ^= 1;  // NLEN of the third block
  CHECK(read_error(bad_length) ==
        "packet 2 at byte 125: gzip: stored block length does not match NLEN");
  // The CRC is checked at the end of the member: when the reader looks for a packet 3.
  Bytes bad_data = gz;
  bad_data[bad_data.size() - 12] ^= 1;  // a byte of packet 2
  CHECK(read_error(bad_data) == "packet 3 at byte " + std::to_string(gz.size()) +
                                    ": gzip: CRC-32 of the data does not match the trailer");
  Bytes cut = gz;
  cut.erase(cut.end() - 3, cut.end());
  CHECK(read_error(cut) == "packet 3 at byte " + std::to_string(cut.size()) +
                               ": gzip: the compressed data ends early (truncated file?)");
}

TEST_CASE("capture reader: a file on disk, by its path") {
  const auto dir =
      std::filesystem::path(TLSCLUB_SOURCE_DIR) / "tests" / "sim" / "data" / "captures";
  capture::CaptureFile file(dir / "tls12.pcap");
  std::size_t packets = 0;
  while (file.reader().next()) ++packets;
  CHECK(packets == 14);  // tshark: 14 frames
  CHECK_THROWS_WITH_AS(capture::CaptureFile(dir / "missing.pcap"),
                       doctest::Contains("at byte 0: cannot open"), capture::CaptureError);
}
