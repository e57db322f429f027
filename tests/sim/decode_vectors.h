#pragma once
// Handshake messages for the decoder tests and the fuzz seed corpus: the RFC 8448 transcripts
// (TLS 1.3), and hand-built messages for the rest (TLS 1.2, client authentication, OCSP).
// The certificates and the OCSP response were made once with openssl: a town authority (root
// CA, P-256) and the club's badge (CN=club.example, serverAuth+clientAuth, serial 0x1001).

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "decode/handshake_decoder.h"

namespace tlsclub::test_vectors {

inline Bytes hex(std::string_view text) {
  std::string digits;
  for (const char c : text) {
    if (c != ' ' && c != '\n') digits += c;
  }
  return from_hex(digits);
}
inline Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const auto& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}
inline Bytes u8(std::size_t v) {
  return {static_cast<std::uint8_t>(v)};
}
inline Bytes u16(std::size_t v) {
  return {static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)};
}
inline Bytes u24(std::size_t v) {
  return cat({u8(v >> 16), u16(v)});
}
inline Bytes u32(std::size_t v) {
  return cat({u16(v >> 16), u16(v)});
}
inline Bytes vec8(const Bytes& b) {
  return cat({u8(b.size()), b});
}
inline Bytes vec16(const Bytes& b) {
  return cat({u16(b.size()), b});
}
inline Bytes vec24(const Bytes& b) {
  return cat({u24(b.size()), b});
}
inline Bytes filled(std::size_t n, std::uint8_t byte) {
  return Bytes(n, byte);
}
inline Bytes text(std::string_view s) {
  return Bytes(s.begin(), s.end());
}
inline Bytes ext(std::uint16_t type, const Bytes& data) {
  return cat({u16(type), vec16(data)});
}
inline Bytes message(std::uint8_t type, const Bytes& body) {
  return cat({u8(type), u24(body.size()), body});
}

// ---- RFC 8448 3 "Simple 1-RTT Handshake", 4 "Resumed 0-RTT", 5 "HelloRetryRequest" ----

inline Bytes rfc8448_client_hello() {
  return hex(
      "010000c00303cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7000006130113"
      "031302010000910000000b0009000006736572766572ff01000100000a00140012001d001700180019010001"
      "0101020103010400230000003300260024001d002099381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae"
      "4d5413691e529aaf2c002b0003020304000d0020001e04030503060302030804080508060401050106010201"
      "0402050206020202002d00020101001c00024001");
}
inline Bytes rfc8448_server_hello() {
  return hex(
      "020000560303a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155772ed3e2692800130100002e"
      "00330024001d0020c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f002b0002"
      "0304");
}
inline Bytes rfc8448_encrypted_extensions() {
  return hex("080000240022000a00140012001d00170018001901000101010201030104001c0002400100000000");
}
inline Bytes rfc8448_certificate() {
  return hex(
      "0b0001b9000001b50001b0308201ac30820115a003020102020102300d06092a864886f70d01010b0500300e"
      "310c300a06035504031303727361301e170d3136303733303031323335395a170d3236303733303031323335"
      "395a300e310c300a0603550403130372736130819f300d06092a864886f70d010101050003818d0030818902"
      "818100b4bb498f8279303d980836399b36c6988c0c68de55e1bdb826d3901a2461eafd2de49a91d015abbc9a"
      "95137ace6c1af19eaa6af98c7ced43120998e187a80ee0ccb0524b1b018c3e0b63264d449a6d38e22a5fda43"
      "0846748030530ef0461c8ca9d9efbfae8ea6d1d03e2bd193eff0ab9a8002c47428a6d35a8d88d79f7f1e3f02"
      "03010001a31a301830090603551d1304023000300b0603551d0f0404030205a0300d06092a864886f70d0101"
      "0b05000381810085aad2a0e5b9276b908c65f73a7267170618a54c5f8a7b337d2df7a594365417f2eae8f8a5"
      "8c8f8172f9319cf36b7fd6c55b80f21a03015156726096fd335e5e67f2dbf102702e608ccae6bec1fc63a42a"
      "99be5c3eb7107c3c54e9b9eb2bd5203b1c3b84e0a8b2f759409ba3eac9d91d402dcc0cc8f8961229ac9187b4"
      "2b4de10000");
}
inline Bytes rfc8448_certificate_verify() {
  return hex(
      "0f000084080400805a747c5d88fa9bd2e55ab085a61015b7211f824cd484145ab3ff52f1fda8477b0b7abc90"
      "db78e2d33a5c141a078653fa6bef780c5ea248eeaaa785c4f394cab6d30bbe8d4859ee511f602957b15411ac"
      "027671459e46445c9ea58c181e818e95b8c3fb0bf3278409d3be152a3da5043e063dda65cdf5aea20d53dfac"
      "d42f74f3");
}
inline Bytes rfc8448_server_finished() {
  return hex("140000209b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454b78f0718");
}
inline Bytes rfc8448_new_session_ticket() {
  return hex(
      "040000c90000001efad6aac502000000b22c035d829359ee5ff7af4ec900000000262a6494dc486d2c8a34cb"
      "33fa90bf1b0070ad3c498883c9367c09a2be785abc55cd226097a3a982117283f82a03a143efd3ff5dd36d64"
      "e861be7fd61d2827db279cce145077d454a3664d4e6da4d29ee03725a6a4dafcd0fc67d2aea70529513e3da2"
      "677fa5906c5b3f7d8f92f228bda40dda721470f9fbf297b5aea617646fac5c03272e970727c621a79141ef5f"
      "7de6505e5bfbc388e93343694093934ae4d3570008002a000400000400");
}
inline Bytes rfc8448_hello_retry_request() {
  return hex(
      "020000ac0303cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c001301000084"
      "003300020017002c0074007271dcd04bb88bc3189119398a00000000eefafc76c146b823b096f8aacad365dd"
      "0030953f4edf625636e5f21bb2e23fcc654b1b5b40318d10d137abcbb87574e36e8a1f025f7dfa5d6e50781b"
      "5eda4aa15b0c8be778257d16aa3030e9e7841dd9e4c0342267e8ca0caf571fb2b7cff0f934b0002b00020304");
}
inline Bytes rfc8448_resumption_client_hello() {
  return hex(
      "010001fc03031bc3ceb6bbe39cff938355b5a50adb6db21b7a6af649d7b4bc419d7876487d95000006130113"
      "031302010001cd0000000b0009000006736572766572ff01000100000a00140012001d001700180019010001"
      "01010201030104003300260024001d0020e4ffb68ac05f8d96c99da26698346c6be16482badddafe051a66b4"
      "f18d668f0b002a0000002b0003020304000d0020001e04030503060302030804080508060401050106010201"
      "0402050206020202002d00020101001c00024001001500570000000000000000000000000000000000000000"
      "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "0000000000000000000000000000000000000000000000002900dd00b800b22c035d829359ee5ff7af4ec900"
      "000000262a6494dc486d2c8a34cb33fa90bf1b0070ad3c498883c9367c09a2be785abc55cd226097a3a98211"
      "7283f82a03a143efd3ff5dd36d64e861be7fd61d2827db279cce145077d454a3664d4e6da4d29ee03725a6a4"
      "dafcd0fc67d2aea70529513e3da2677fa5906c5b3f7d8f92f228bda40dda721470f9fbf297b5aea617646fac"
      "5c03272e970727c621a79141ef5f7de6505e5bfbc388e93343694093934ae4d357fad6aacb0021203add4fb2"
      "d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d");
}

// ---- the club's PKI (openssl, once) ----

inline Bytes club_badge_der() {
  return hex(
      "308201ef30820195a00302010202021001300a06082a8648ce3d040302302c3117301506035504030c0e546f"
      "776e20417574686f726974793111300f060355040a0c08544c5320436c7562301e170d323631313233313035"
      "3634365a170d3237313132333130353634365a302a3115301306035504030c0c636c75622e6578616d706c65"
      "3111300f060355040a0c08544c5320436c75623059301306072a8648ce3d020106082a8648ce3d0301070342"
      "00042972f9638303d26cef4cd09b28d5dd00a326f070a0362ca03eeadf4003fbe028589bd25019b570fd6678"
      "cdf575f52fbde466d60622ae785037c95d154c14a364a381a83081a530090603551d1304023000300e060355"
      "1d0f0101ff040403020780301d0603551d250416301406082b0601050507030106082b060105050703023029"
      "0603551d1104223020820c636c75622e6578616d706c6582107777772e636c75622e6578616d706c65301d06"
      "03551d0e04160414fe3d9c9771fb64a901ea1f139a100b6932bb240c301f0603551d230418301680149357af"
      "eff14c6130246950ad4d96338be1f957c2300a06082a8648ce3d0403020348003045022100b077946e226355"
      "a73f2e2643921e2e4a4631e88511639bea43e1ac2b57df0f440220351c1c2d3e187fc0d8040876b3870fe875"
      "94c3ecff3435c3dad963a87745a7f4");
}
inline Bytes town_authority_der() {
  return hex(
      "308201bf30820166a00302010202145c29d0736c624a90f03f85b5f53629fd61d00296300a06082a8648ce3d"
      "040302302c3117301506035504030c0e546f776e20417574686f726974793111300f060355040a0c08544c53"
      "20436c7562301e170d3236313132333130353634365a170d3336313132303130353634365a302c3117301506"
      "035504030c0e546f776e20417574686f726974793111300f060355040a0c08544c5320436c75623059301306"
      "072a8648ce3d020106082a8648ce3d03010703420004460aa61e7df19c3405816799e54590569222a748c8aa"
      "c4e8b74e41c7f50e288cf180a045f9dbc3c9e2d0a6ff5cf7edd7f7769cd649d4b5ced0e45322c0a7a768a366"
      "3064301d0603551d0e041604149357afeff14c6130246950ad4d96338be1f957c2301f0603551d2304183016"
      "80149357afeff14c6130246950ad4d96338be1f957c230120603551d130101ff040830060101ff020101300e"
      "0603551d0f0101ff040403020106300a06082a8648ce3d040302034700304402206c17dfdb5a153e9e053ece"
      "f60b83c1acef864661d501d87048585156771342500220032e629d608e9ec8704cd2fd8cf4e7bf5cfed36c22"
      "d4f28c595373b1dd61f56b");
}
// "good" for the badge, signed by the town authority (RFC 6960).
inline Bytes club_ocsp_response_der() {
  return hex(
      "3082011f0a0100a08201183082011406092b060105050730010104820105308201013081a8a12e302c311730"
      "1506035504030c0e546f776e20417574686f726974793111300f060355040a0c08544c5320436c7562180f32"
      "303236313132333130353634395a30653063303b300906052b0e03021a05000414339b0c41ea929b75bee100"
      "c146b92a17560a7bf604149357afeff14c6130246950ad4d96338be1f957c2020210018000180f3230323631"
      "3132333130353634395aa011180f32303236313133303130353634395a300a06082a8648ce3d040302034800"
      "3045022053ad2b4b8f8c34adcba1d65466784261a5db9ec45e1ba630d7b233a2730f5465022100c1549f147c"
      "68595817e3fdf8c1755807d1eef8a9e7d292911b03ce075295d0e7");
}
// The DER Name "CN=Town Authority, O=TLS Club".
inline Bytes town_authority_name_der() {
  return hex(
      "302c3117301506035504030c0e546f776e20417574686f726974793111300f060355040a0c08544c5320436c"
      "7562");
}

// ---- hand-built: what Botan 3.7 sends beyond RFC 8448 ----

inline Bytes sig_algs() {
  return vec16(cat({u16(0x0403), u16(0x0804), u16(0x0807)}));
}
inline Bytes ocsp_request() {
  return cat({u8(1), vec16({}), vec16({})});
}

// A TLS 1.3 ClientHello that also offers TLS 1.2, with every extension the decoders know.
inline Bytes club_client_hello() {
  const Bytes extensions = cat({
      ext(0x0000, vec16(cat({u8(0), vec16(text("club.example"))}))),
      ext(0x0001, u8(4)),
      ext(0x0005, ocsp_request()),
      ext(0x000a, vec16(cat({u16(0x11ec), u16(0x001d), u16(0x0017)}))),
      ext(0x000b, vec8(u8(0))),
      ext(0x000d, sig_algs()),
      ext(0x000e, cat({vec16(u16(0x0001)), vec8({})})),
      ext(0x000f, u8(1)),
      ext(0x0010, vec16(cat({vec8(text("h2")), vec8(text("http/1.1"))}))),
      ext(0x0012, {}),
      ext(0x0013, vec8(cat({u8(2), u8(0)}))),
      ext(0x0014, vec8(u8(0))),
      ext(0x0016, {}),
      ext(0x0017, {}),
      ext(0x001c, u16(16385)),
      ext(0x0023, {}),
      ext(0x002b, vec8(cat({u16(0x0304), u16(0x0303)}))),
      ext(0x002d, vec8(u8(1))),
      ext(0x002f, vec16(vec16(town_authority_name_der()))),
      ext(0x0031, {}),
      ext(0x0032, vec16(cat({u16(0x0403), u16(0x0804)}))),
      ext(0x0033, vec16(cat({u16(0x11ec), vec16(filled(1216, 0x5a)), u16(0x001d),
                             vec16(filled(32, 0x25))}))),
      ext(0xff01, vec8({})),
      ext(0xfe0d, filled(8, 0x11)),
      ext(0x0015, filled(16, 0)),
  });
  const Bytes suites = cat(
      {u16(0x1301), u16(0x1302), u16(0x1303), u16(0xc02b), u16(0xc02f), u16(0xcca9), u16(0x00ff)});
  return message(1, cat({u16(0x0303), filled(32, 0x42), vec8(filled(32, 0x07)), vec16(suites),
                         vec8(u8(0)), vec16(extensions)}));
}

// A TLS 1.3 ServerHello choosing the hybrid X25519MLKEM768 and a resumption PSK.
inline Bytes club_server_hello_13() {
  const Bytes extensions =
      cat({ext(0x002b, u16(0x0304)), ext(0x0033, cat({u16(0x11ec), vec16(filled(1120, 0x6b))})),
           ext(0x0029, u16(0))});
  return message(
      2, cat({u16(0x0303), filled(32, 0x33), vec8({}), u16(0x1301), u8(0), vec16(extensions)}));
}

inline Bytes club_encrypted_extensions() {
  return message(
      8, vec16(cat({ext(0x0000, {}), ext(0x0010, vec16(vec8(text("h2")))),
                    ext(0x000a, vec16(cat({u16(0x11ec), u16(0x001d)}))), ext(0x001c, u16(16385)),
                    ext(0x002a, {}), ext(0x0013, u8(2)), ext(0x1234, hex("cafe"))})));
}

// The badge with its stapled OCSP response, then the town authority (RFC 8446 4.4.2).
inline Bytes club_certificate_13() {
  const Bytes status = cat({u8(1), vec24(club_ocsp_response_der())});
  return message(11, cat({vec8({}), vec24(cat({vec24(club_badge_der()), vec16(ext(0x0005, status)),
                                               vec24(town_authority_der()), vec16({})}))}));
}

// A visitor answers a CertificateRequest without a card (RFC 8446 4.4.2.4).
inline Bytes empty_certificate_13() {
  return message(11, cat({vec8({}), vec24({})}));
}

inline Bytes club_certificate_request_13() {
  const Bytes eku_filter = cat({vec8(hex("551d25")), vec16(hex("300a06082b06010505070302"))});
  return message(
      13,
      cat({vec8({}),
           vec16(cat({ext(0x000d, sig_algs()), ext(0x002f, vec16(vec16(town_authority_name_der()))),
                      ext(0x0030, vec16(eku_filter)), ext(0x0005, ocsp_request())}))}));
}

inline Bytes key_update() {
  return message(24, u8(1));
}
inline Bytes end_of_early_data() {
  return message(5, {});
}
inline Bytes unknown_message() {
  return message(99, hex("abcd"));
}

// TLS 1.2 (RFC 5246 7.4, RFC 8422 5).
inline Bytes club_server_hello_12() {
  const Bytes random = cat({filled(24, 0x21), hex("444f574e47524401")});
  const Bytes extensions =
      cat({ext(0xff01, vec8({})), ext(0x0017, {}), ext(0x000b, vec8(u8(0))), ext(0x0023, {}),
           ext(0x0005, {}), ext(0x0010, vec16(vec8(text("h2")))), ext(0x0016, {})});
  return message(
      2, cat({u16(0x0303), random, vec8(filled(32, 0x07)), u16(0xc02b), u8(0), vec16(extensions)}));
}
inline Bytes minimal_client_hello_12() {
  return message(1, cat({u16(0x0303), filled(32, 0x01), vec8({}),
                         vec16(cat({u16(0xc02f), u16(0x00ff)})), vec8(u8(0))}));
}
inline Bytes club_certificate_12() {
  return message(11, vec24(cat({vec24(club_badge_der()), vec24(town_authority_der())})));
}
inline Bytes club_certificate_status() {
  return message(22, cat({u8(1), vec24(club_ocsp_response_der())}));
}
inline Bytes server_key_exchange_12() {
  return message(
      12, cat({u8(3), u16(0x001d), vec8(filled(32, 0x9f)), u16(0x0403), vec16(filled(71, 0x30))}));
}
inline Bytes certificate_request_12() {
  return message(
      13, cat({vec8(cat({u8(64), u8(1)})), vec16(cat({u16(0x0403), u16(0x0804), u16(0x0401)})),
               vec16(vec16(town_authority_name_der()))}));
}
inline Bytes server_hello_done() {
  return message(14, {});
}
inline Bytes client_key_exchange_ecdhe() {
  return message(16, vec8(cat({u8(4), filled(64, 0x44)})));
}
inline Bytes client_key_exchange_rsa() {
  return message(16, vec16(filled(256, 0x77)));
}
inline Bytes certificate_verify_12() {
  return message(15, cat({u16(0x0403), vec16(filled(71, 0x30))}));
}
inline Bytes finished_12() {
  return message(20, filled(12, 0xf1));
}
inline Bytes new_session_ticket_12() {
  return message(4, cat({u32(7200), vec16(filled(64, 0x7a))}));
}
inline Bytes hello_request() {
  return message(0, {});
}

// ---- one test case per message ----

struct Vector {
  std::string name;
  Bytes bytes;
  DecodeContext context;
};

inline std::vector<Vector> all_vectors() {
  const DecodeContext c13{TlsVersion::tls13, Side::client, false};
  const DecodeContext s13{TlsVersion::tls13, Side::server, false};
  const DecodeContext c12{TlsVersion::tls12, Side::client, false};
  const DecodeContext s12{TlsVersion::tls12, Side::server, false};
  const DecodeContext rsa12{TlsVersion::tls12, Side::client, true};
  return {
      {"rfc8448_client_hello", rfc8448_client_hello(), c13},
      {"rfc8448_server_hello", rfc8448_server_hello(), s13},
      {"rfc8448_encrypted_extensions", rfc8448_encrypted_extensions(), s13},
      {"rfc8448_certificate", rfc8448_certificate(), s13},
      {"rfc8448_certificate_verify", rfc8448_certificate_verify(), s13},
      {"rfc8448_server_finished", rfc8448_server_finished(), s13},
      {"rfc8448_new_session_ticket", rfc8448_new_session_ticket(), s13},
      {"rfc8448_hello_retry_request", rfc8448_hello_retry_request(), s13},
      {"rfc8448_resumption_client_hello", rfc8448_resumption_client_hello(), c13},
      {"club_client_hello", club_client_hello(), c13},
      {"club_server_hello_13", club_server_hello_13(), s13},
      {"club_encrypted_extensions", club_encrypted_extensions(), s13},
      {"club_certificate_13", club_certificate_13(), s13},
      {"empty_certificate_13", empty_certificate_13(), c13},
      {"club_certificate_request_13", club_certificate_request_13(), s13},
      {"key_update", key_update(), c13},
      {"end_of_early_data", end_of_early_data(), c13},
      {"unknown_message", unknown_message(), c13},
      {"club_server_hello_12", club_server_hello_12(), s12},
      {"minimal_client_hello_12", minimal_client_hello_12(), c12},
      {"club_certificate_12", club_certificate_12(), s12},
      {"club_certificate_status", club_certificate_status(), s12},
      {"server_key_exchange_12", server_key_exchange_12(), s12},
      {"certificate_request_12", certificate_request_12(), s12},
      {"server_hello_done", server_hello_done(), s12},
      {"client_key_exchange_ecdhe", client_key_exchange_ecdhe(), c12},
      {"client_key_exchange_rsa", client_key_exchange_rsa(), rsa12},
      {"certificate_verify_12", certificate_verify_12(), c12},
      {"finished_12", finished_12(), c12},
      {"new_session_ticket_12", new_session_ticket_12(), s12},
      {"hello_request", hello_request(), s12},
  };
}

// ---- looking things up in a decoded message ----

// The field at `path` ("extensions/key_share/client_shares"), each step the first child with
// that name; nullptr when there is none.
inline const Field* find_field(const std::vector<Field>& fields, std::string_view path) {
  const std::size_t slash = path.find('/');
  const std::string_view name = path.substr(0, slash);
  for (const Field& field : fields) {
    if (field.name != name) continue;
    if (slash == std::string_view::npos) return &field;
    return find_field(field.children, path.substr(slash + 1));
  }
  return nullptr;
}
inline const Field* find_field(const DecodedMessage& message, std::string_view path) {
  return find_field(message.fields, path);
}

// Calls f(field, depth) for every field of the tree, parents before children.
template <typename F>
void for_each_field(const std::vector<Field>& fields, F&& f, int depth = 0) {
  for (const Field& field : fields) {
    f(field, depth);
    for_each_field(field.children, f, depth + 1);
  }
}

// The bytes a field covers.
inline Bytes bytes_of(const DecodedMessage& message, const Field& field) {
  return Bytes(message.bytes.begin() + static_cast<std::ptrdiff_t>(field.offset),
               message.bytes.begin() + static_cast<std::ptrdiff_t>(field.offset + field.length));
}

// The value of the field at `path`, or a note that says which field is missing.
inline std::string value_at(const DecodedMessage& message, std::string_view path) {
  const Field* field = find_field(message, path);
  return field ? field->value : "<no field " + std::string(path) + ">";
}

}  // namespace tlsclub::test_vectors
