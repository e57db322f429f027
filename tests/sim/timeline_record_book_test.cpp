// The record bookkeeping both recorders share (sim/timeline/record_book.h): which keys protect
// each side's next record, every key's own record numbers (RFC 8446 5.3), whose secrets open
// what, and how events and alerts are numbered. Records are sealed here with Botan's AEAD, so a
// wrong key or a wrong number fails to open.
#include <botan/aead.h>
#include <doctest/doctest.h>

#include <string>

#include "core/tls_codes.h"
#include "timeline/protection.h"
#include "timeline/record_book.h"

using namespace tlsclub;

namespace {

constexpr std::uint16_t kAes128Gcm = 0x1301;  // TLS_AES_128_GCM_SHA256
constexpr std::uint8_t kAppData = code(ContentType::application_data);
constexpr std::uint8_t kHandshake = code(ContentType::handshake);
constexpr std::uint8_t kAlert = code(ContentType::alert);

const std::string kClientHs = "client_handshake_traffic_secret";
const std::string kServerHs = "server_handshake_traffic_secret";
const std::string kClientApp = "client_application_traffic_secret_0";
const std::string kServerApp = "server_application_traffic_secret_0";

Bytes secret(std::uint8_t fill) {
  return Bytes(32, fill);
}

// A TLS 1.3 record as a sender builds it (RFC 8446 5.2): the content and its real type sealed
// under the traffic secret's key, with the IV XOR the record number as nonce and the header as
// additional data.
Bytes seal(ByteView traffic_secret, std::uint64_t sequence, std::uint8_t inner_type,
           const Bytes& content) {
  const Bytes key = hkdf_expand_label("SHA-256", traffic_secret, "key", {}, 16);
  Bytes nonce = hkdf_expand_label("SHA-256", traffic_secret, "iv", {}, 12);
  for (std::size_t i = 0; i < 8; ++i)
    nonce[nonce.size() - 1 - i] ^= static_cast<std::uint8_t>(sequence >> (8 * i));
  Botan::secure_vector<std::uint8_t> inner(content.begin(), content.end());
  inner.push_back(inner_type);
  const std::size_t length = inner.size() + 16;  // the GCM tag
  Bytes record{kAppData, 0x03, 0x03, static_cast<std::uint8_t>(length >> 8),
               static_cast<std::uint8_t>(length)};
  auto aead = Botan::AEAD_Mode::create_or_throw("AES-128/GCM", Botan::Cipher_Dir::Encryption);
  aead->set_key(key);
  aead->set_associated_data(record);
  aead->start(nonce);
  aead->finish(inner);
  record.insert(record.end(), inner.begin(), inner.end());
  return record;
}

// A book for one TLS 1.3 connection with AES-128-GCM negotiated.
struct Fixture {
  Connection connection;
  SimClock clock{SimTime{std::chrono::seconds{1'767'225'600}}};
  RecordBook book;
  explicit Fixture(Keyring keyring) : book(connection, clock, keyring) {
    book.negotiated().cipher_suite = kAes128Gcm;
  }
};

// The content of an opened record, or "-" when it did not open.
std::string content(const std::optional<OpenedRecord>& opened) {
  return opened ? std::string(opened->content.begin(), opened->content.end()) : "-";
}

Bytes text(const std::string& s) {
  return Bytes(s.begin(), s.end());
}

}  // namespace

TEST_CASE("protection names are what keys_of reads back") {
  for (const Side side : {Side::client, Side::server})
    for (const Keys keys :
         {Keys::plaintext, Keys::handshake_traffic, Keys::application_traffic, Keys::tls12_session})
      CHECK(keys_of(protection_name(keys, side)) == keys);
  CHECK(protection_name(Keys::handshake_traffic, Side::server) == kServerHs);
  CHECK(protection_name(Keys::application_traffic, Side::client) == kClientApp);
  CHECK(protection_name(Keys::tls12_session, Side::client) == "tls12_client_write_key");
  CHECK(keys_in_words(protection_name(Keys::tls12_session, Side::server)) == "server session keys");
}

TEST_CASE("the record book numbers events by step and records across both directions") {
  Fixture f(Keyring::each_side);
  f.book.append(ClosedEvent{Side::client, "first"});
  f.book.next_step();
  f.book.next_step();
  f.clock.advance(std::chrono::seconds{5});
  const Event& second = f.book.append(ClosedEvent{Side::server, "second"});
  CHECK(second.seq == 2);
  CHECK(second.step == 2);
  CHECK(second.time == f.clock.now());
  CHECK(f.connection.events.front().seq == 1);
  CHECK(f.connection.events.front().step == 0);

  const Bytes hello{kHandshake, 0x03, 0x01, 0x00, 0x01, 0x01};
  const auto view = *peek_record(hello);
  const RecordEvent one = f.book.next_record(Side::client, view, hello);
  const RecordEvent two = f.book.next_record(Side::server, view, hello);
  CHECK(one.record_id == 1);
  CHECK(two.record_id == 2);
  CHECK(two.from == Side::server);
  CHECK(two.content_type == kHandshake);
  CHECK(two.legacy_version == 0x0301);
  CHECK(two.protection == kPlaintext);
  CHECK(two.bytes == hello);
  CHECK(f.book.records() == 2);
}

TEST_CASE("the record book says which keys protect each side's next record") {
  Fixture f(Keyring::each_side);
  SUBCASE("TLS 1.3: handshake keys, then application keys after the sender's Finished") {
    CHECK(f.book.protection_for(Side::client, kHandshake) == kPlaintext);
    CHECK(f.book.protection_for(Side::client, kAppData) == kClientHs);
    f.book.note_change_cipher_spec(Side::client);  // the middlebox dummy changes nothing
    CHECK(f.book.protection_for(Side::client, kAppData) == kClientHs);
    f.book.switch_to_application_keys(Side::server);
    CHECK(f.book.protection_for(Side::server, kAppData) == kServerApp);
    CHECK(f.book.protection_for(Side::client, kAppData) == kClientHs);
    CHECK(f.book.protection_for(Side::server, kAlert) == kPlaintext);
  }
  SUBCASE("TLS 1.2: plaintext until the sender's ChangeCipherSpec, then its session keys") {
    f.book.negotiated().tls13 = false;
    CHECK(f.book.protection_for(Side::server, kHandshake) == kPlaintext);
    f.book.note_change_cipher_spec(Side::server);
    CHECK(f.book.protection_for(Side::server, kHandshake) == "tls12_server_write_key");
    CHECK(f.book.protection_for(Side::server, kAlert) == "tls12_server_write_key");
    CHECK(f.book.protection_for(Side::client, kHandshake) == kPlaintext);
  }
}

TEST_CASE("each key counts its own records, from zero") {
  Fixture f(Keyring::each_side);
  const Bytes chs = secret(1), shs = secret(2), sap = secret(3);
  f.book.learn_secret(Side::server, kServerHs, shs);
  f.book.learn_secret(Side::server, kServerApp, sap);
  f.book.learn_secret(Side::client, kClientHs, chs);
  // The server's handshake flight in three records, the client's first record between them.
  CHECK(content(f.book.open(Side::server, seal(shs, 0, kHandshake, text("ee")), kServerHs)) ==
        "ee");
  CHECK(content(f.book.open(Side::client, seal(chs, 0, kHandshake, text("fin")), kClientHs)) ==
        "fin");
  CHECK(content(f.book.open(Side::server, seal(shs, 1, kHandshake, text("cert")), kServerHs)) ==
        "cert");
  // After the switch the application key starts again at 0 (RFC 8446 5.3).
  const auto ticket = f.book.open(Side::server, seal(sap, 0, kHandshake, text("nst")), kServerApp);
  CHECK(content(ticket) == "nst");
  REQUIRE(ticket);
  CHECK(ticket->inner_type == kHandshake);
  CHECK(content(f.book.open(Side::server, seal(shs, 2, kHandshake, text("late")), kServerHs)) ==
        "late");
  // A record sealed with the wrong number does not open.
  CHECK(content(f.book.open(Side::server, seal(sap, 0, kAppData, text("again")), kServerApp)) ==
        "-");
}

TEST_CASE("a record its sender sealed counts even when it does not open") {
  Fixture f(Keyring::each_side);
  const Bytes shs = secret(2);
  f.book.learn_secret(Side::server, kServerHs, shs);
  Bytes garbled = seal(shs, 0, kHandshake, text("ee"));
  garbled.back() ^= 0x01;
  CHECK(content(f.book.open(Side::server, garbled, kServerHs)) == "-");
  // The sender used number 0 for it: the next record is number 1.
  CHECK(content(f.book.open(Side::server, seal(shs, 1, kHandshake, text("cert")), kServerHs)) ==
        "cert");
  // Without the secret there is nothing to open with, and no number is used.
  CHECK(content(f.book.open(Side::client, seal(secret(1), 0, kHandshake, text("x")), kClientHs)) ==
        "-");
  f.book.learn_secret(Side::client, kClientHs, secret(1));
  CHECK(content(f.book.open(Side::client, seal(secret(1), 0, kHandshake, text("x")), kClientHs)) ==
        "x");
}

TEST_CASE("after a tampered handshake only the sender's own keys open its records") {
  Fixture f(Keyring::each_side);
  const Bytes client_view = secret(4), server_view = secret(5);
  CHECK(f.book.learn_secret(Side::client, kServerHs, client_view));
  // The server derived another value: the Timeline shows both.
  CHECK(f.book.learn_secret(Side::server, kServerHs, server_view));
  CHECK(content(f.book.open(Side::server, seal(server_view, 0, kHandshake, text("ee")),
                            kServerHs)) == "ee");
  Fixture g(Keyring::each_side);
  g.book.learn_secret(Side::client, kServerHs, client_view);
  CHECK(content(g.book.open(Side::server, seal(client_view, 0, kHandshake, text("ee")),
                            kServerHs)) == "-");
  CHECK_FALSE(g.book.knows_secret(Side::server, kServerHs));
}

TEST_CASE("a secret is news once, unless the two sides disagree") {
  Fixture f(Keyring::each_side);
  CHECK(f.book.learn_secret(Side::client, "shared_secret", secret(7)));
  CHECK_FALSE(f.book.learn_secret(Side::client, "shared_secret", secret(7)));  // reported twice
  CHECK_FALSE(f.book.learn_secret(Side::server, "shared_secret", secret(7)));  // the same value
  CHECK(f.book.learn_secret(Side::server, "exporter_master_secret", secret(8)));
  CHECK(f.book.learn_secret(Side::client, "exporter_master_secret", secret(9)));
  CHECK(f.book.knows_secret(Side::server, "shared_secret"));
}

TEST_CASE("one shared keyring opens both directions") {
  Fixture f(Keyring::shared);
  const Bytes chs = secret(1), shs = secret(2);
  // One endpoint, the client, derives both sides' secrets; a key log would hold them too.
  f.book.learn_secret(Side::client, kServerHs, shs);
  f.book.learn_secret(Side::client, kClientHs, chs);
  CHECK(f.book.knows_secret(Side::server, kClientHs));
  CHECK(content(f.book.open(Side::server, seal(shs, 0, kHandshake, text("ee")), kServerHs)) ==
        "ee");
  CHECK(content(f.book.open(Side::client, seal(chs, 0, kHandshake, text("fin")), kClientHs)) ==
        "fin");
}

TEST_CASE("an observer finds the switch to application keys by the first record they open") {
  Fixture f(Keyring::shared);
  const Bytes shs = secret(2), sap = secret(3);
  f.book.learn_secret(Side::client, kServerHs, shs);
  f.book.learn_secret(Side::client, kServerApp, sap);
  auto first = f.book.open_next(Side::server, seal(shs, 0, kHandshake, text("ee")));
  CHECK(first.protection == kServerHs);
  CHECK(content(first.record) == "ee");
  // Garbage opens under no key and uses up no number.
  Bytes garbled = seal(shs, 1, kHandshake, text("cert"));
  garbled.back() ^= 0x80;
  const auto lost = f.book.open_next(Side::server, garbled);
  CHECK(lost.protection == kServerHs);
  CHECK_FALSE(lost.record);
  CHECK(content(f.book.open_next(Side::server, seal(shs, 1, kHandshake, text("cert"))).record) ==
        "cert");
  CHECK(f.book.protection_for(Side::server, kAppData) == kServerHs);
  // The first application record: the handshake key fails, the application key opens it at 0.
  const auto data = f.book.open_next(Side::server, seal(sap, 0, kAppData, text("hi")));
  CHECK(data.protection == kServerApp);
  CHECK(content(data.record) == "hi");
  CHECK(f.book.protection_for(Side::server, kAppData) == kServerApp);
  // From here on the handshake key is not tried again.
  const auto stale = f.book.open_next(Side::server, seal(shs, 2, kHandshake, text("x")));
  CHECK(stale.protection == kServerApp);
  CHECK_FALSE(stale.record);
  CHECK(content(f.book.open_next(Side::server, seal(sap, 1, kAppData, text("bye"))).record) ==
        "bye");
  // The client's direction never switched.
  CHECK(f.book.protection_for(Side::client, kAppData) == kClientHs);
}

TEST_CASE("alerts: the first fatal one says who refused, close_notify closes its sender's half") {
  Fixture f(Keyring::each_side);
  f.book.alert(Side::client, 1, 0, "");
  CHECK(f.book.sent_close_notify(Side::client));
  CHECK_FALSE(f.book.sent_close_notify(Side::server));
  CHECK_FALSE(f.connection.alert);
  f.book.alert(Side::server, 2, 42, "bad card");
  f.book.alert(Side::client, 2, 48, "unknown ca", /*sent=*/false);
  CHECK(f.book.alerts() == 3);
  CHECK(f.connection.alert == "bad_certificate");
  CHECK(f.connection.refused_by == Side::server);
  REQUIRE(f.connection.events.size() == 3);
  const auto& last = std::get<AlertEvent>(f.connection.events[2].body);
  CHECK(f.connection.events[2].seq == 3);
  CHECK(last.name == "unknown_ca");
  CHECK(last.fatal);
  CHECK_FALSE(last.sent);
  CHECK(last.reason == "unknown ca");
  const auto& first = std::get<AlertEvent>(f.connection.events[0].body);
  CHECK(first.name == "close_notify");
  CHECK_FALSE(first.fatal);
  CHECK(first.sent);
}
