// sim/capture/record_opener and the key schedule of ConnectionOpener: HKDF-Expand-Label against
// RFC 8448's published values, the suites this build can open and why others cannot, and
// TLS 1.3 record sequences written here (KeyUpdate, 0-RTT accepted and refused, a wrong
// secret), sealed with Botan so each case is a few readable lines.
#include <botan/aead.h>
#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

#include "capture/opened_connection.h"
#include "capture/record_opener.h"
#include "core/tls_codes.h"

using namespace tlsclub;
using namespace tlsclub::capture;

namespace {

Bytes hex(std::string text) {
  std::string clean;
  for (const char c : text)
    if (c != ' ') clean += c;
  return from_hex(clean);
}

Bytes cat(Bytes a, const Bytes& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

Bytes record(std::uint8_t type, const Bytes& fragment) {
  return cat({type, 3, 3, static_cast<std::uint8_t>(fragment.size() >> 8),
              static_cast<std::uint8_t>(fragment.size())},
             fragment);
}

Bytes handshake(HandshakeType type, const Bytes& body) {
  return cat({code(type), static_cast<std::uint8_t>(body.size() >> 16),
              static_cast<std::uint8_t>(body.size() >> 8), static_cast<std::uint8_t>(body.size())},
             body);
}

const Bytes kRandom(32, 0xa1);

// RFC 8446 4.1.2: version, random, empty session id, one suite, null compression, no extensions.
Bytes client_hello() {
  return record(22, handshake(HandshakeType::client_hello,
                              cat(cat({3, 3}, kRandom), {0, 0, 2, 0x13, 0x01, 1, 0, 0, 0})));
}

// RFC 8446 4.1.3 with supported_versions = TLS 1.3.
Bytes server_hello(std::uint16_t suite = 0x1301) {
  Bytes body = cat({3, 3}, Bytes(32, 0x55));
  body = cat(body, {0, static_cast<std::uint8_t>(suite >> 8), static_cast<std::uint8_t>(suite), 0,
                    0, 6, 0, 43, 0, 2, 3, 4});
  return record(22, handshake(HandshakeType::server_hello, body));
}

const Bytes kFinished = handshake(HandshakeType::finished, Bytes(32, 0xf1));
const Bytes kEncryptedExtensions = handshake(HandshakeType::encrypted_extensions, {0, 0});

Bytes key_update(bool request) {
  return handshake(HandshakeType::key_update, {static_cast<std::uint8_t>(request ? 1 : 0)});
}

Bytes text(const std::string& s) {
  return Bytes(s.begin(), s.end());
}

// RFC 8446 5.2: TLSInnerPlaintext (content, type) sealed under the secret's key, nonce IV XOR seq.
Bytes seal(ByteView secret, std::uint64_t sequence, std::uint8_t type, const Bytes& content,
           std::uint16_t suite = 0x1301) {
  const auto p = suite_parameters(suite);
  const auto keys = tls13_keys(p, secret);
  Bytes inner = content;
  inner.push_back(type);
  const std::size_t size = inner.size() + p.tag_length;
  const Bytes header{23, 3, 3, static_cast<std::uint8_t>(size >> 8),
                     static_cast<std::uint8_t>(size)};
  Bytes nonce = keys.iv;
  for (std::size_t i = 0; i < 8; ++i)
    nonce[nonce.size() - 1 - i] ^= static_cast<std::uint8_t>(sequence >> (8 * i));
  auto aead = Botan::AEAD_Mode::create_or_throw(p.botan_mode, Botan::Cipher_Dir::Encryption);
  aead->set_key(keys.key);
  aead->set_associated_data(header);
  aead->start(nonce);
  Botan::secure_vector<std::uint8_t> buffer(inner.begin(), inner.end());
  aead->finish(buffer);
  return cat(header, Bytes(buffer.begin(), buffer.end()));
}

const Bytes kClientHandshake(32, 0x11), kServerHandshake(32, 0x22), kClientApp(32, 0x33),
    kServerApp(32, 0x44), kEarly(32, 0x55);

KeyLog key_log(bool early = false) {
  const std::string r = " " + to_hex(kRandom) + " ";
  std::string text = "CLIENT_HANDSHAKE_TRAFFIC_SECRET" + r + to_hex(kClientHandshake) + "\n" +
                     "SERVER_HANDSHAKE_TRAFFIC_SECRET" + r + to_hex(kServerHandshake) + "\n" +
                     "CLIENT_TRAFFIC_SECRET_0" + r + to_hex(kClientApp) + "\n" +
                     "SERVER_TRAFFIC_SECRET_0" + r + to_hex(kServerApp) + "\n";
  if (early) text += "CLIENT_EARLY_TRAFFIC_SECRET" + r + to_hex(kEarly) + "\n";
  KeyLog keys;
  keys.parse(text);
  return keys;
}

std::string as_text(const Bytes& b) {
  return std::string(b.begin(), b.end());
}

}  // namespace

TEST_CASE("capture opener: HKDF-Expand-Label gives RFC 8448's handshake traffic keys and IVs") {
  // RFC 8448 3 (Simple 1-RTT Handshake), "derive write traffic keys for handshake data".
  const Bytes server = hex("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38");
  CHECK(to_hex(hkdf_expand_label("SHA-256", server, "key", {}, 16)) ==
        "3fce516009c21727d0f2e4e86ee403bc");
  CHECK(to_hex(hkdf_expand_label("SHA-256", server, "iv", {}, 12)) == "5d313eb2671276ee13000b30");
  const Bytes client = hex("b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21");
  const auto keys = tls13_keys(suite_parameters(0x1301), client);
  CHECK(to_hex(keys.key) == "dbfaa693d1762c5b666af5d950258d01");
  CHECK(to_hex(keys.iv) == "5bd3c71b836e0b76bb73265f");
}

TEST_CASE("capture opener: suite parameters follow the IANA name") {
  const auto aes256 = suite_parameters(0x1302);
  CHECK(aes256.tls13);
  CHECK(aes256.hash == "SHA-384");
  CHECK(aes256.key_length == 32);
  CHECK(aes256.iv_length == 12);
  CHECK(aes256.unsupported.empty());
  const auto gcm12 = suite_parameters(0xc02f);  // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
  CHECK_FALSE(gcm12.tls13);
  CHECK(gcm12.hash == "SHA-256");
  CHECK(gcm12.iv_length == 4);
  CHECK(gcm12.unsupported.empty());
  const auto chacha12 = suite_parameters(0xcca9);
  CHECK(chacha12.iv_length == 12);
  CHECK(chacha12.unsupported.empty());
  const auto gcm384 = suite_parameters(0xc030);
  CHECK(gcm384.hash == "SHA-384");
  CHECK(gcm384.key_length == 32);
  const auto cbc = suite_parameters(0xc028);  // TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384
  CHECK(cbc.cipher == BulkCipher::cbc);
  CHECK(cbc.mac == "SHA-384");
  CHECK(cbc.mac_length == 48);
  CHECK(suite_parameters(0xc013).mac == "SHA-1");
  CHECK(suite_parameters(0x1305).tag_length == 8);
  CHECK(suite_parameters(0xc0ae).tag_length == 8);  // ..._AES_128_CCM_8, PRF SHA-256
  CHECK(suite_parameters(0xc0ae).hash == "SHA-256");
  CHECK(suite_parameters(0x000a).unsupported.find("not one this reader opens") !=
        std::string::npos);  // 3DES
  CHECK(suite_parameters(0x0a0a).unsupported.find("unknown cipher suite") != std::string::npos);
}

TEST_CASE(
    "capture opener: a suite whose mode this build's Botan lacks says so, it does not crash") {
  // scripts/bootstrap.sh builds Botan without the ccm and cbc modules (today): those suites are
  // refused by name. A build that has them opens them.
  for (const std::uint16_t suite :
       std::initializer_list<std::uint16_t>{0x1304, 0x1305, 0xc013, 0xc028}) {
    const auto p = suite_parameters(suite);
    CAPTURE(p.name);
    if (p.unsupported.empty()) continue;
    CHECK(p.unsupported.find("this build's Botan has no " + p.botan_mode) != std::string::npos);
    RecordOpener opener(p, {Bytes(p.mac_length), Bytes(p.key_length), Bytes(p.iv_length)});
    const auto r = opener.open(record(23, Bytes(64, 0)));
    CHECK_FALSE(r.ok);
    CHECK(r.error.rfind("not supported: ", 0) == 0);
    CHECK(opener.sequence() == 1);
  }
}

TEST_CASE("capture opener: TLS 1.3 records by hand: handshake keys, Finished, KeyUpdate each way") {
  const auto keys = key_log();
  ConnectionOpener o(1, &keys, true);
  o.record(Side::client, client_hello());
  o.record(Side::server, server_hello());
  o.record(Side::server, seal(kServerHandshake, 0, 22, cat(kEncryptedExtensions, kFinished)));
  o.record(Side::server, seal(kServerApp, 0, 23, text("one")));
  o.record(Side::client, seal(kClientHandshake, 0, 22, kFinished));
  o.record(Side::server, seal(kServerApp, 1, 22, key_update(true)));
  const Bytes server_next = tls13_next_secret(suite_parameters(0x1301), kServerApp);
  o.record(Side::server, seal(server_next, 0, 23, text("two")));
  o.record(Side::client, seal(kClientApp, 0, 22, key_update(false)));
  const Bytes client_next = tls13_next_secret(suite_parameters(0x1301), kClientApp);
  o.record(Side::client, seal(client_next, 0, 23, text("three")));
  const auto c = o.finish();
  CHECK(c.version == 0x0304);
  CHECK(c.encrypted == 7);
  CHECK(c.opened == 7);
  REQUIRE(c.records.size() == 9);
  CHECK(c.records[0].key == kCleartext);
  CHECK(c.records[2].key == "server handshake traffic key");
  REQUIRE(c.records[2].messages.size() == 2);
  CHECK(c.records[2].messages[0].name == "encrypted_extensions");
  CHECK(c.records[2].messages[1].name == "finished");
  CHECK(c.records[3].key == "server application traffic key");
  CHECK(as_text(c.records[3].plaintext) == "one");
  CHECK(c.records[4].key == "client handshake traffic key");
  CHECK(c.records[5].sequence == 1);
  CHECK(c.records[5].note.find("asks the peer to update too") != std::string::npos);
  CHECK(c.records[6].key == "server application traffic key (after KeyUpdate 1)");
  CHECK(c.records[6].sequence == 0);
  CHECK(as_text(c.records[6].plaintext) == "two");
  CHECK(c.records[8].key == "client application traffic key (after KeyUpdate 1)");
  CHECK(as_text(c.records[8].plaintext) == "three");
}

TEST_CASE("capture opener: 0-RTT data waits for the ServerHello and opens under the early key") {
  const auto keys = key_log(true);
  ConnectionOpener o(1, &keys, true);
  o.record(Side::client, client_hello());
  o.record(Side::client, seal(kEarly, 0, 23, text("GET / early")));
  o.record(Side::client, seal(kEarly, 1, 22, handshake(HandshakeType::end_of_early_data, {})));
  o.record(Side::server, server_hello());
  o.record(Side::server, seal(kServerHandshake, 0, 22, cat(kEncryptedExtensions, kFinished)));
  o.record(Side::client, seal(kClientHandshake, 0, 22, kFinished));
  const auto c = o.finish();
  CHECK(c.opened == 4);
  REQUIRE(c.records.size() == 6);
  // In the capture's order: the early records before the ServerHello.
  CHECK(c.records[1].key == "client early traffic key");
  CHECK(as_text(c.records[1].plaintext) == "GET / early");
  CHECK(c.records[2].messages.at(0).name == "end_of_early_data");
  CHECK(c.records[5].key == "client handshake traffic key");
}

TEST_CASE("capture opener: 0-RTT refused, the client's next record opens under its handshake key") {
  const auto keys = key_log(true);
  ConnectionOpener o(1, &keys, true);
  o.record(Side::client, client_hello());
  o.record(Side::client, seal(kEarly, 0, 23, text("early")));
  o.record(Side::server, server_hello());
  o.record(Side::server, seal(kServerHandshake, 0, 22, cat(kEncryptedExtensions, kFinished)));
  o.record(Side::client, seal(kClientHandshake, 0, 22, kFinished));
  o.record(Side::client, seal(kClientApp, 0, 23, text("late")));
  const auto c = o.finish();
  CHECK(c.opened == 4);
  REQUIRE(c.records.size() == 6);
  CHECK(c.records[4].key == "client handshake traffic key");
  CHECK(c.records[4].note.find("refused the early data") != std::string::npos);
  CHECK(as_text(c.records[5].plaintext) == "late");
}

TEST_CASE(
    "capture opener: a wrong secret fails each record with its reason, later ones still try") {
  KeyLog keys;
  const std::string r = " " + to_hex(kRandom) + " ";
  keys.parse("SERVER_HANDSHAKE_TRAFFIC_SECRET" + r + to_hex(Bytes(32, 0x99)) + "\n" +
             "SERVER_TRAFFIC_SECRET_0" + r + to_hex(kServerApp) + "\n");
  ConnectionOpener o(1, &keys, true);
  o.record(Side::client, client_hello());
  o.record(Side::server, server_hello());
  o.record(Side::server, seal(kServerHandshake, 0, 22, cat(kEncryptedExtensions, kFinished)));
  o.record(Side::client, seal(kClientHandshake, 0, 22, kFinished));
  o.record(Side::server, record(23, Bytes(5, 0)));  // shorter than a tag
  const auto c = o.finish();
  CHECK(c.opened == 0);
  REQUIRE(c.records.size() == 5);
  CHECK(c.records[2].error == "could not open: authentication tag does not match (wrong key log?)");
  CHECK(c.records[3].error ==
        "could not open: the key log has no CLIENT_HANDSHAKE_TRAFFIC_SECRET for this connection");
  CHECK(c.records[4].error.find("too short") != std::string::npos);
  CHECK(c.records[4].sequence == 1);
}

TEST_CASE("capture opener: without a key log or without a ServerHello, records say why") {
  ConnectionOpener blind(1, nullptr, true);
  blind.record(Side::client, client_hello());
  blind.record(Side::server, server_hello());
  blind.record(Side::server, seal(kServerHandshake, 0, 22, kFinished));
  const auto b = blind.finish();
  CHECK(b.records.at(2).error == "encrypted (no key log)");
  const auto keys = key_log();
  ConnectionOpener cut(2, &keys, true);
  cut.record(Side::client, client_hello());
  cut.record(Side::client, seal(kClientHandshake, 0, 23, text("x")));
  const auto c = cut.finish();
  CHECK(c.records.at(1).error.find("no ServerHello") != std::string::npos);
  CHECK(c.encrypted == 1);
}

namespace {

// RFC 5246 7.4.1.3: a ServerHello without supported_versions is TLS 1.2.
Bytes server_hello12(std::uint16_t suite) {
  Bytes body = cat({3, 3}, Bytes(32, 0x55));
  body = cat(body,
             {0, static_cast<std::uint8_t>(suite >> 8), static_cast<std::uint8_t>(suite), 0, 0, 0});
  return record(22, handshake(HandshakeType::server_hello, body));
}

// RFC 5288 3: the explicit nonce (here the sequence number, as most senders do) opens the
// fragment; the AAD is seq_num, type, version, plaintext length.
Bytes seal12_gcm(const DirectionKeys& keys, std::uint64_t sequence, std::uint8_t type,
                 const Bytes& content) {
  Bytes explicit_nonce, ad;
  for (int i = 7; i >= 0; --i)
    explicit_nonce.push_back(static_cast<std::uint8_t>(sequence >> (8 * i)));
  ad = cat(explicit_nonce, {type, 3, 3, static_cast<std::uint8_t>(content.size() >> 8),
                            static_cast<std::uint8_t>(content.size())});
  auto aead = Botan::AEAD_Mode::create_or_throw("AES-128/GCM", Botan::Cipher_Dir::Encryption);
  aead->set_key(keys.key);
  aead->set_associated_data(ad);
  aead->start(cat(keys.iv, explicit_nonce));
  Botan::secure_vector<std::uint8_t> buffer(content.begin(), content.end());
  aead->finish(buffer);
  return record(type, cat(explicit_nonce, Bytes(buffer.begin(), buffer.end())));
}

}  // namespace

TEST_CASE("capture opener: TLS 1.2 abbreviated handshake: the server changes ciphers first") {
  const Bytes master(48, 0x6d);
  KeyLog keys;
  keys.parse("CLIENT_RANDOM " + to_hex(kRandom) + " " + to_hex(master) + "\n");
  const auto suite = suite_parameters(0xc02f);  // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
  const auto block = tls12_key_block(suite, master, kRandom, Bytes(32, 0x55));
  const Bytes finished = handshake(HandshakeType::finished, Bytes(12, 0xf1));
  ConnectionOpener o(1, &keys, true);
  o.record(Side::client, client_hello());
  o.record(Side::server, server_hello12(0xc02f));
  o.record(Side::server, record(20, {1}));
  o.record(Side::server, seal12_gcm(block.server, 0, 22, finished));
  o.record(Side::client, record(20, {1}));
  o.record(Side::client, seal12_gcm(block.client, 0, 22, finished));
  o.record(Side::client, seal12_gcm(block.client, 1, 23, text("GET /")));
  const auto c = o.finish();
  CHECK(c.version == 0x0303);
  CHECK(c.encrypted == 3);
  CHECK(c.opened == 3);
  REQUIRE(c.records.size() == 7);
  CHECK(c.records[2].note.find("ChangeCipherSpec: the server's next records are protected") == 0);
  CHECK(c.records[3].key == "server write key");
  CHECK(c.records[3].messages.at(0).name == "finished");
  CHECK(c.records[6].key == "client write key");
  CHECK(c.records[6].sequence == 1);
  CHECK(as_text(c.records[6].plaintext) == "GET /");
  REQUIRE(c.notes.size() == 1);
  CHECK(c.notes[0].find("abbreviated handshake (a resumed session)") == 0);
}

TEST_CASE("capture opener: a long record keeps its first bytes and says how long it was") {
  const auto keys = key_log();
  ConnectionOpener o(1, &keys, true);
  o.record(Side::client, client_hello());
  o.record(Side::server, server_hello());
  o.record(Side::server, seal(kServerHandshake, 0, 22, cat(kEncryptedExtensions, kFinished)));
  o.record(Side::server, seal(kServerApp, 0, 23, Bytes(10000, 'x')));
  const auto c = o.finish();
  REQUIRE(c.records.size() == 4);
  CHECK(c.records[3].opened);
  CHECK(c.records[3].plaintext_length == 10000);
  CHECK(c.records[3].plaintext.size() == ConnectionOpener::kKeptPlaintext);
}
