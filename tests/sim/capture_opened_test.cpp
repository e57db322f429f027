// sim/capture/opened_connection on whole captures: real ones made by OpenSSL (TLS 1.3 with the
// capture's own Decryption Secrets Block, TLS 1.2 AES-GCM with its key log file) and the
// engine's own, exported with their key logs: the handshake messages the records give back are
// the simulated Timeline's, byte for byte; TLS 1.2 with AES-GCM and ChaCha20-Poly1305; a
// HelloRetryRequest; session tickets and a resumed visit; a wrong key log.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "capture/opened_connection.h"
#include "capture/opened_text.h"
#include "export/capture.h"
#include "export/keylog.h"
#include "export_test_tools.h"
#include "simulation/simulation.h"

using namespace tlsclub;
using namespace tlsclub::capture;
using namespace tlsclub::test;

namespace {

const std::string kCaptures = std::string(TLSCLUB_SOURCE_DIR) + "/tests/sim/data/captures/";

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

std::vector<OpenedConnection> open_file(const std::string& path, const KeyLog* keys) {
  std::istringstream in(file_text(path));
  return open_capture(in, keys, {});
}

struct Exported {
  Timeline timeline;
  std::vector<OpenedConnection> opened;
};

// The scenario run, its capture and key log written by sim/export, the capture opened with it.
// `damage`: change the key log's text first (a wrong key log).
Exported export_and_open(const ScenarioSpec& spec, bool damage = false) {
  Exported e{run_scenario(spec), {}};
  const Bytes pcap = capture_pcap(e.timeline);
  std::string log = nss_key_log(e.timeline);
  if (damage) {
    // The last hex digit of every secret: each line ends in its secret.
    for (std::size_t at = log.find('\n'); at != std::string::npos; at = log.find('\n', at + 1))
      log[at - 1] = log[at - 1] == '0' ? '1' : '0';
  }
  KeyLog keys;
  keys.parse(log);
  std::istringstream in(std::string(pcap.begin(), pcap.end()));
  e.opened = open_capture(in, &keys, {});
  return e;
}

// The handshake messages one side built in the simulation, and the ones its records gave back.
std::vector<Bytes> simulated(const Connection& c, Side from) {
  std::vector<Bytes> out;
  for (const auto& e : c.events)
    if (const auto* m = std::get_if<MessageEvent>(&e.body); m && m->from == from)
      out.push_back(m->message.bytes);
  return out;
}
std::vector<Bytes> recovered(const OpenedConnection& c, Side from) {
  std::vector<Bytes> out;
  for (const auto& r : c.records)
    if (r.from == from)
      for (const auto& m : r.messages) out.push_back(m.bytes);
  return out;
}
std::vector<std::string> data_of(const OpenedConnection& c) {
  std::vector<std::string> out;
  for (const auto& r : c.records)
    if (r.opened && r.content_type == 23) out.emplace_back(r.plaintext.begin(), r.plaintext.end());
  return out;
}
std::vector<std::string> simulated_data(const Connection& c) {
  std::vector<std::string> out;
  for (const auto& e : c.events)
    if (const auto* a = std::get_if<AppDataEvent>(&e.body))
      out.emplace_back(a->data.begin(), a->data.end());
  return out;
}

void check_matches_timeline(const Exported& e) {
  REQUIRE(e.opened.size() == e.timeline.connections.size());
  for (std::size_t i = 0; i < e.opened.size(); ++i) {
    const auto& c = e.timeline.connections[i];
    CAPTURE(c.client);
    const auto& o = e.opened[i];
    CHECK(o.encrypted > 0);
    CHECK(o.opened == o.encrypted);
    CHECK(recovered(o, Side::client) == simulated(c, Side::client));
    CHECK(recovered(o, Side::server) == simulated(c, Side::server));
    CHECK(data_of(o) == simulated_data(c));
    for (const auto& r : o.records) CHECK_MESSAGE(r.error.empty(), r.error);
  }
}

// close_notify alerts opened (RFC 8446 6.1: level warning, description 0).
std::size_t closes(const OpenedConnection& c) {
  return static_cast<std::size_t>(
      std::count_if(c.records.begin(), c.records.end(), [](const auto& r) {
        return r.opened && r.content_type == 21 && r.plaintext == Bytes{1, 0};
      }));
}

bool has_key(const OpenedConnection& c, const std::string& key) {
  return std::any_of(c.records.begin(), c.records.end(),
                     [&](const OpenedRecord& r) { return r.key == key && r.opened; });
}

}  // namespace

TEST_CASE("capture opened: a real OpenSSL TLS 1.3 capture opens with its own secrets block") {
  KeyLog keys;
  keys.parse(file_text(kCaptures + "tls13.keys"));
  const auto opened = open_file(kCaptures + "tls13.pcapng", &keys);
  REQUIRE(opened.size() == 1);
  const auto& c = opened[0];
  CHECK(c.cipher_suite == 0x1302);  // TLS_AES_256_GCM_SHA384: HKDF with SHA-384
  CHECK(c.encrypted > 0);
  CHECK(c.opened == c.encrypted);
  std::vector<std::string> names;
  for (const auto& r : c.records)
    for (const auto& m : r.messages) names.push_back(m.name);
  for (const char* name : {"client_hello", "server_hello", "encrypted_extensions", "certificate",
                           "certificate_verify", "finished", "new_session_ticket"})
    CHECK_MESSAGE(std::find(names.begin(), names.end(), name) != names.end(), name);
  CHECK(has_key(c, "server handshake traffic key"));
  // No application data in this capture: each side closes with close_notify, under its
  // application key.
  CHECK(data_of(c).empty());
  CHECK(closes(c) == 2);
  CHECK(has_key(c, "client application traffic key"));
}

TEST_CASE("capture opened: a real OpenSSL TLS 1.2 AES-128-GCM capture opens with its key log") {
  KeyLog keys;
  keys.parse(file_text(kCaptures + "tls12.keys"));
  const auto opened = open_file(kCaptures + "tls12.pcap", &keys);
  REQUIRE(opened.size() == 1);
  const auto& c = opened[0];
  CHECK(c.version == 0x0303);
  CHECK(c.opened == c.encrypted);
  CHECK(c.encrypted == 4);  // each side's Finished and close_notify
  std::size_t finished = 0;
  for (const auto& r : c.records)
    for (const auto& m : r.messages) finished += m.name == "finished" && r.opened;
  CHECK(finished == 2);
  CHECK(has_key(c, "client write key"));
  CHECK(has_key(c, "server write key"));
  CHECK(closes(c) == 2);
}

TEST_CASE(
    "capture opened: an exported TLS 1.3 queue: the records give back the Timeline's messages") {
  const auto e = export_and_open(library_scenario("basics/queue-of-members.toml"));
  check_matches_timeline(e);
  CHECK(has_key(e.opened[0], "client application traffic key"));
  CHECK(data_of(e.opened[0]) ==
        std::vector<std::string>{"Hello, it's Alice", "Welcome to the club, Alice."});
  // Bob, Carol and Dave are refused: the club's alert, opened under its handshake key.
  const auto& bob = e.opened[1];
  CHECK(std::any_of(bob.records.begin(), bob.records.end(), [](const OpenedRecord& r) {
    return r.opened && r.content_type == 21 && r.from == Side::server;
  }));
}

TEST_CASE("capture opened: the demo with its client certificate, TLS 1.3 and TLS 1.2") {
  check_matches_timeline(export_and_open(demo_scenario(TlsVersion::tls13)));
  check_matches_timeline(export_and_open(demo_scenario(TlsVersion::tls12)));
}

TEST_CASE("capture opened: TLS 1.2 exports with AES-128-GCM, AES-256-GCM and ChaCha20-Poly1305") {
  for (const std::string cipher : {"aes_128_gcm", "aes_256_gcm", "chacha20_poly1305"}) {
    CAPTURE(cipher);
    auto spec = library_scenario("versions/ecdhe-tls12.toml");
    spec.server.ciphers = {cipher};
    const auto e = export_and_open(spec);
    check_matches_timeline(e);
    REQUIRE_FALSE(e.opened.empty());
    const auto suite = suite_parameters(e.opened[0].cipher_suite.value_or(0));
    CHECK(suite.name.find(cipher == "aes_128_gcm"   ? "AES_128_GCM"
                          : cipher == "aes_256_gcm" ? "AES_256_GCM"
                                                    : "CHACHA20_POLY1305") != std::string::npos);
    CHECK(has_key(e.opened[0], "server write key"));
  }
}

TEST_CASE("capture opened: TLS 1.3 exports with ChaCha20-Poly1305 and AES-128-GCM") {
  for (const std::string cipher : {"chacha20_poly1305", "aes_128_gcm"}) {
    CAPTURE(cipher);
    auto spec = library_scenario("basics/queue-of-members.toml");
    spec.server.ciphers = {cipher};
    check_matches_timeline(export_and_open(spec));
  }
}

TEST_CASE("capture opened: a HelloRetryRequest, two ClientHellos, then the records open") {
  const auto e = export_and_open(library_scenario("versions/hello-retry-request.toml"));
  check_matches_timeline(e);
  std::size_t hellos = 0;
  for (const auto& m : recovered(e.opened.at(0), Side::client)) hellos += m.at(0) == 1;
  CHECK(hellos == 2);
}

TEST_CASE("capture opened: TLS 1.3 session tickets, and a visit resumed with one") {
  check_matches_timeline(export_and_open(library_scenario("versions/session-ticket.toml")));
  check_matches_timeline(export_and_open(library_scenario("versions/resumption.toml")));
}

TEST_CASE("capture opened: a wrong key log: every encrypted record says why, nothing crashes") {
  const auto e = export_and_open(library_scenario("basics/queue-of-members.toml"), true);
  REQUIRE_FALSE(e.opened.empty());
  for (const auto& c : e.opened) {
    CHECK(c.opened == 0);
    CHECK(c.encrypted > 0);
    for (const auto& r : c.records) {
      if (!r.encrypted) continue;
      CHECK(r.error == "could not open: authentication tag does not match (wrong key log?)");
      CHECK(r.packet > 0);
    }
  }
}

TEST_CASE("capture opened: the text names the keys, the messages and the data") {
  const auto e = export_and_open(library_scenario("basics/queue-of-members.toml"));
  std::ostringstream out;
  write_opened_connection(out, ConnectionSummary{}, e.opened.at(0));
  const std::string text = out.str();
  CHECK(text.find("key: server handshake traffic key (sequence 0)") != std::string::npos);
  CHECK(text.find("    encrypted_extensions (") != std::string::npos);
  CHECK(text.find("data (17 bytes): \"Hello, it's Alice\"") != std::string::npos);
  CHECK(data_text(Bytes{0, 1, 0xff}) == "0001ff");
  CHECK(data_text(Bytes(300, 'a')).size() == 200 + 2 + std::string("…").size());
}
