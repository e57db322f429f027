// The exported capture and key log, read back by tshark: the handshake message types and the
// record counts of each TCP stream match the Timeline; with the key log tshark decrypts the TLS
// 1.3 Certificate and Finished and the application data, without it it cannot; likewise TLS 1.2.
#include <algorithm>
#include <map>

#include "decode/handshake_decoder.h"
#include "export/capture.h"
#include "export/export_file.h"
#include "export/keylog.h"
#include "export/tcp_stream.h"
#include "export_test_tools.h"
#include "simulation/simulation.h"
#include "string_makers.h"

using namespace tlsclub;
using namespace tlsclub::test;

namespace {

std::map<std::string, int> handshake_types() {
  std::map<std::string, int> out;
  for (int t = 0; t < 256; ++t) out[handshake_type_name(static_cast<std::uint8_t>(t))] = t;
  return out;
}

// Per connection: the handshake types of every delivered record, and how many records there were.
struct StreamView {
  std::vector<int> types;
  std::size_t records = 0;
  std::vector<std::string> app_data;
};

StreamView expected(const Connection& c) {
  static const auto types = handshake_types();
  StreamView v;
  for (const auto& e : c.events) {
    if (const auto* a = std::get_if<AppDataEvent>(&e.body))
      v.app_data.emplace_back(a->data.begin(), a->data.end());
    const auto* r = std::get_if<RecordEvent>(&e.body);
    if (r == nullptr || r->phase != RecordEvent::Phase::delivered) continue;
    ++v.records;
    for (const auto& m : r->messages)
      if (auto it = types.find(m); it != types.end()) v.types.push_back(it->second);
  }
  return v;
}

std::vector<std::string> split(const std::string& s, char by) {
  std::vector<std::string> out;
  std::string part;
  for (const char c : s) {
    if (c == by) {
      out.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  if (!part.empty()) out.push_back(part);
  return out;
}

// What tshark sees, per TCP stream. `keylog` empty: no key log.
std::map<int, StreamView> tshark_view(const std::string& pcap, const std::string& keylog) {
  std::string command = "tshark -n -r " + pcap +
                        " --disable-protocol http -o data.show_as_text:TRUE"
                        " -T fields -E separator=/t -e tcp.stream -e tls.record.length"
                        " -e tls.handshake.type -e data.text";
  if (!keylog.empty()) command += " -o tls.keylog_file:" + keylog;
  const auto r = run_command(command, Stderr::dropped);
  REQUIRE(r.code == 0);
  std::map<int, StreamView> out;
  for (const auto& line : split(r.out, '\n')) {
    auto cols = split(line, '\t');
    cols.resize(4);
    if (cols[0].empty()) continue;
    auto& v = out[std::stoi(cols[0])];
    v.records += split(cols[1], ',').size();
    for (const auto& t : split(cols[2], ',')) v.types.push_back(std::stoi(t));
    if (!cols[3].empty()) v.app_data.push_back(cols[3]);
  }
  return out;
}

bool has(const std::vector<int>& types, int t) {
  return std::find(types.begin(), types.end(), t) != types.end();
}

struct Exported {
  Timeline timeline;
  std::string pcap, keylog;
};

Exported export_to(const ScratchDir& dir, const ScenarioSpec& spec) {
  Exported e{run_scenario(spec), dir / "capture.pcap", dir / "keys.txt"};
  const Bytes pcap = capture_pcap(e.timeline);
  write_export_file(e.pcap, std::string(pcap.begin(), pcap.end()));
  write_export_file(e.keylog, nss_key_log(e.timeline));
  return e;
}

constexpr int kCertificate = 11, kCertificateVerify = 15, kFinished = 20;

}  // namespace

TEST_CASE("the Internet checksum is RFC 1071's") {
  const Bytes example{0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};  // RFC 1071 3
  CHECK(internet_checksum(example) == static_cast<std::uint16_t>(~0xddf2));
}

TEST_CASE("a capture opens with a TCP handshake and closes with FINs, one stream per member") {
  const auto timeline = run_scenario(library_scenario("basics/queue-of-members.toml"));
  const auto packets = capture_packets(timeline);
  std::size_t expected_packets = 0;
  for (const auto& c : timeline.connections) expected_packets += 6 + expected(c).records;
  CHECK(packets.size() == expected_packets);
  CHECK(packets.front().micros == timeline.clock.time_since_epoch().count() * 1000000);
  CHECK(packets.front().data[33] == kTcpSyn);  // IPv4 header (20) + TCP flags at 13
  CHECK(packets.back().data[33] == kTcpAck);   // the last ACK of the FIN exchange
  CHECK(capture_pcap(timeline) ==
        capture_pcap(run_scenario(library_scenario("basics/queue-of-members.toml"))));
}

TEST_CASE("the key log has the TLS 1.3 traffic secrets under the ClientHello's random") {
  const auto timeline = run_scenario(demo_scenario(TlsVersion::tls13));
  const std::string log = nss_key_log(timeline);
  std::string random;
  for (const auto& e : timeline.connections[0].events)
    if (const auto* m = std::get_if<MessageEvent>(&e.body); m && m->message.name == "client_hello")
      random = to_hex(ByteView(m->message.bytes).subspan(6, 32));
  REQUIRE(random.size() == 64);
  for (const char* label : {"CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                            "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0"})
    CHECK_MESSAGE(contains(log, std::string(label) + " " + random + " "), label);
  CHECK(contains(nss_key_log(run_scenario(demo_scenario(TlsVersion::tls12))), "CLIENT_RANDOM "));
}

TEST_CASE("tshark reads a TLS 1.3 capture: types and counts match, the key log opens it") {
  TLSCLUB_REQUIRE_TOOL("tshark");
  ScratchDir dir("export-capture-13");
  const auto e = export_to(dir, library_scenario("basics/queue-of-members.toml"));
  const auto opened = tshark_view(e.pcap, e.keylog);
  const auto sealed = tshark_view(e.pcap, "");
  REQUIRE(opened.size() == e.timeline.connections.size());
  for (std::size_t i = 0; i < e.timeline.connections.size(); ++i) {
    const auto& c = e.timeline.connections[i];
    CAPTURE(c.client);
    const auto want = expected(c);
    const auto& got = opened.at(static_cast<int>(i));
    CHECK(got.types == want.types);
    CHECK(got.records == want.records);
    CHECK(got.app_data == want.app_data);
    CHECK(has(got.types, kCertificate));
    CHECK(has(got.types, kFinished));
    // Without the key log an eavesdropper sees the hellos only, and no data.
    const auto& blind = sealed.at(static_cast<int>(i));
    CHECK(blind.records == want.records);
    CHECK(blind.types == std::vector<int>{1, 2});
    CHECK(blind.app_data.empty());
  }
  CHECK(opened.at(0).app_data ==
        std::vector<std::string>{"Hello, it's Alice", "Welcome to the club, Alice."});
}

TEST_CASE("tshark reads a TLS 1.2 capture: the key log opens the Finished and the data") {
  TLSCLUB_REQUIRE_TOOL("tshark");
  ScratchDir dir("export-capture-12");
  const auto e = export_to(dir, library_scenario("versions/mutual-tls12.toml"));
  const auto opened = tshark_view(e.pcap, e.keylog);
  const auto sealed = tshark_view(e.pcap, "");
  const auto want = expected(e.timeline.connections.at(0));
  CHECK(opened.at(0).types == want.types);
  CHECK(opened.at(0).records == want.records);
  CHECK(opened.at(0).app_data == want.app_data);
  CHECK(std::count(want.types.begin(), want.types.end(), kFinished) == 2);
  // TLS 1.2 shows the certificates to everyone; only the Finished and the data are sealed.
  const auto& blind = sealed.at(0).types;
  CHECK(has(blind, kCertificate));
  CHECK(has(blind, kCertificateVerify));
  CHECK_FALSE(has(blind, kFinished));
  CHECK(sealed.at(0).app_data.empty());
}

TEST_CASE("tlsclub export --pcap --keylog --json writes all three") {
  ScratchDir dir("export-capture-cli");
  const auto r =
      run_command(std::string(TLSCLUB_CLI) + " export --tls 1.2 --pcap " + (dir / "a.pcap") +
                  " --keylog " + (dir / "a.keys") + " --json " + (dir / "a.json"));
  CHECK_MESSAGE(r.code == 0, r.out);
  for (const char* f : {"a.pcap", "a.keys", "a.json"})
    CHECK(std::filesystem::file_size(dir.path() / f) > 100);
  CHECK(contains(read_text(dir.path() / "a.keys"), "CLIENT_RANDOM "));
}
