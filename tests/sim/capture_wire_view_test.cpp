// What the wire shows (sim/capture/wire_view): a simulated visit seen from its records and the
// same visit exported as a capture give the same view; TLS 1.3 shows the hellos and hides the
// certificates, TLS 1.2 shows both chains (the member's card too) and hides the Finished; a real
// OpenSSL capture; RSA key exchange named for what it is; `open --wire` and `run --wire`.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "capture/opened_connection.h"
#include "capture/wire_view.h"
#include "capture/wire_view_text.h"
#include "export/capture.h"
#include "export_test_tools.h"
#include "simulation/simulation.h"

using namespace tlsclub;
using namespace tlsclub::capture;
using namespace tlsclub::test;

namespace {

// The visit as an eavesdropper between the two saw it: each record as its receiver got it.
WireView simulated_view(const Connection& c) {
  std::vector<WireRecord> records;
  for (const auto& e : c.events)
    if (const auto* r = std::get_if<RecordEvent>(&e.body);
        r && r->phase == RecordEvent::Phase::delivered)
      records.push_back({r->from, r->bytes, 0});
  return watch_records(records);
}

// The same run exported as a pcap and read back without keys.
std::vector<WireView> captured_views(const Timeline& timeline) {
  const Bytes pcap = capture_pcap(timeline);
  std::istringstream in(std::string(pcap.begin(), pcap.end()));
  std::vector<WireView> out;
  for (const auto& c : open_capture(in, nullptr, {})) out.push_back(watch_wire(c));
  return out;
}

void check_same(const WireView& a, const WireView& b) {
  REQUIRE(a.records.size() == b.records.size());
  for (std::size_t i = 0; i < a.records.size(); ++i) {
    CHECK(a.records[i].from == b.records[i].from);
    CHECK(a.records[i].wire_type == b.records[i].wire_type);
    CHECK(a.records[i].length == b.records[i].length);
    CHECK(a.records[i].shows == b.records[i].shows);
  }
  CHECK(a.clear_messages == b.clear_messages);
  CHECK(a.chains.size() == b.chains.size());
  CHECK(a.bytes[0] == b.bytes[0]);
  CHECK(a.bytes[1] == b.bytes[1]);
  CHECK(hidden_from_the_wire(a) == hidden_from_the_wire(b));
}

std::string text_of(const WireView& view) {
  std::ostringstream out;
  write_wire_view(out, view);
  return out.str();
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("wire view: TLS 1.3 shows the hellos, the certificates and the card stay sealed") {
  const Timeline t = run_scenario(demo_scenario(TlsVersion::tls13));
  const WireView view = simulated_view(t.connections.at(0));
  REQUIRE(view.client_hello);
  CHECK(view.client_hello->server_name == "club.example");
  REQUIRE(view.version() == 0x0304);
  CHECK(view.chains.empty());
  CHECK(view.clear_messages ==
        std::vector<std::string>{"client: client_hello", "server: server_hello"});
  CHECK(view.sealed_records[0] > 0);
  CHECK(view.sealed_records[1] > 0);
  for (const auto& r : view.records)
    if (r.sealed) CHECK(r.wire_type == 23);  // RFC 8446 5.2: always application_data outside
  const auto text = text_of(view);
  CHECK(has(text, "club.example  (server_name, RFC 6066 3)"));
  CHECK(has(text, "who the member is does not show on the wire"));
  CHECK(has(text, "The badge's key only signs"));
  CHECK_FALSE(has(text, "Alice"));
}

TEST_CASE("wire view: TLS 1.2 shows both chains, the member's card included, and seals Finished") {
  const Timeline t = run_scenario(demo_scenario(TlsVersion::tls12));
  const WireView view = simulated_view(t.connections.at(0));
  REQUIRE(view.version() == 0x0303);
  REQUIRE(view.chains.size() == 2);
  CHECK(view.chains[0].from == Side::server);
  CHECK(has(view.chains[0].certificates.at(0).subject, "CN=club.example"));
  CHECK(view.chains[1].from == Side::client);
  CHECK(has(view.chains[1].certificates.at(0).subject, "CN=Alice"));
  std::size_t finished = 0;
  for (const auto& r : view.records)
    if (r.shows == "sealed (by its place: the Finished)") ++finished;
  CHECK(finished == 2);
  const auto text = text_of(view);
  CHECK(has(text, "who the member is, RFC 5246 7.4.6"));
  CHECK(has(text, "the Finished messages that prove both sides saw the same handshake"));
}

TEST_CASE("wire view: a visit and its exported capture show the same, TLS 1.3 and TLS 1.2") {
  for (const auto version : {TlsVersion::tls13, TlsVersion::tls12}) {
    auto spec = library_scenario("basics/queue-of-members.toml");
    spec.min_version = spec.max_version = version;
    const Timeline t = run_scenario(spec);
    const auto captured = captured_views(t);
    REQUIRE(captured.size() == t.connections.size());
    for (std::size_t i = 0; i < captured.size(); ++i) {
      INFO("connection " << i + 1);
      check_same(simulated_view(t.connections[i]), captured[i]);
    }
  }
  const Timeline t12 = run_scenario(demo_scenario(TlsVersion::tls12));
  check_same(simulated_view(t12.connections.at(0)), captured_views(t12).at(0));
}

TEST_CASE("wire view: a HelloRetryRequest shows the group the server asked for") {
  const Timeline t = run_scenario(library_scenario("versions/hello-retry-request.toml"));
  const WireView view = simulated_view(t.connections.at(0));
  REQUIRE(view.retry_group);
  REQUIRE(view.server_hello);
  CHECK(view.server_hello->key_share_group == view.retry_group);
  CHECK(has(text_of(view), "HelloRetryRequest: send a key share for"));
}

TEST_CASE("wire view: a real OpenSSL TLS 1.2 capture, read without its key log") {
  std::ifstream in(std::string(TLSCLUB_SOURCE_DIR) + "/tests/sim/data/captures/tls12.pcap",
                   std::ios::binary);
  const auto opened = open_capture(in, nullptr, {});
  REQUIRE_FALSE(opened.empty());
  const WireView view = watch_wire(opened.front());
  REQUIRE(view.version() == 0x0303);
  REQUIRE_FALSE(view.chains.empty());
  CHECK_FALSE(view.chains.front().certificates.empty());
  CHECK(view.sealed_records[0] + view.sealed_records[1] > 0);
}

TEST_CASE("wire view: RSA key exchange is named as no forward secrecy, a lone hello as unsealed") {
  const Timeline t = run_scenario(library_scenario("versions/rsa-key-exchange-tls12.toml"));
  const WireView view = simulated_view(t.connections.at(0));
  CHECK(view.rsa_key_exchange());
  const auto text = text_of(view);
  CHECK(has(text, "no forward secrecy"));
  CHECK_FALSE(has(text, "the shared secret cannot be computed"));
  CHECK_FALSE(simulated_view(run_scenario(demo_scenario(TlsVersion::tls12)).connections.at(0))
                  .rsa_key_exchange());

  const WireView lone;
  REQUIRE(hidden_from_the_wire(lone).size() == 1);
  CHECK(has(hidden_from_the_wire(lone).front(), "nothing is sealed yet"));
  CHECK(has(text_of(lone), "(no ClientHello)"));
}
