// Promises every decoded message keeps, whatever the bytes (sim/decode/): fields tile the message
// and nest inside their parents, malformed input sets `error` without throwing, errors say what
// went wrong and where, and every emitted key has an explanation (sim/explain/).

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "decode_vectors.h"
#include "explain/catalogue.h"

namespace tlsclub {
namespace {

using namespace test_vectors;

const DecodeContext kTls13{TlsVersion::tls13, Side::server, false};

// Empty when the message keeps its layout promises, else the first broken one.
std::string layout_problem(const DecodedMessage& message) {
  std::size_t at = 0;
  for (const Field& field : message.fields) {
    if (field.offset != at) return field.name + " starts at " + std::to_string(field.offset);
    at += field.length;
  }
  if (at != message.bytes.size()) return "top-level fields end at " + std::to_string(at);
  if (!message.fields.empty() && message.fields.front().name != "header") return "no header";
  std::string problem;
  const auto check = [&](const std::vector<Field>& children, const Field& parent,
                         const auto& self) -> void {
    for (const Field& child : children) {
      if (child.offset < parent.offset ||
          child.offset + child.length > parent.offset + parent.length) {
        problem = child.name + " leaves " + parent.name;
      }
      if (child.explain_key.empty()) problem = child.name + " has no explain_key";
      self(child.children, child, self);
    }
  };
  for (const Field& field : message.fields) check(field.children, field, check);
  return problem;
}

std::set<std::string> emitted_keys(const DecodedMessage& message) {
  std::set<std::string> keys;
  for_each_field(message.fields, [&](const Field& field, int) { keys.insert(field.explain_key); });
  return keys;
}

// Messages whose errors are part of the lesson, each with the error it must report.
struct Broken {
  std::string what;
  Bytes bytes;
  std::string error;
};

std::vector<Broken> broken_messages() {
  const Bytes hello = rfc8448_client_hello();
  Bytes long_suites = hello;
  long_suites[39] = 0xff;  // cipher_suites says 65286 bytes
  Bytes short_extension = hello;
  short_extension[54] = 0xff;  // server_name's extension_data says 255 bytes
  Bytes garbled_certificate = club_certificate_13();
  garbled_certificate[11] = 0x04;  // the badge's outer SEQUENCE tag
  Bytes garbled_ocsp = club_certificate_status();
  garbled_ocsp[8] = 0x31;
  return {
      {"a length beyond the end", long_suites,
       "truncated: cipher_suites says 65286 bytes at offset 39, only 155 left"},
      {"an extension longer than its block", short_extension,
       "truncated: extension server_name says 255 bytes at offset 51, only 141 left"},
      {"a header longer than the message", Bytes(hello.begin(), hello.end() - 10),
       "truncated: the header says the body has 192 bytes, only 182 present"},
      {"bytes after the body", cat({server_hello_done(), hex("0102")}),
       "2 bytes after the end of the server_hello_done body (offset 4)"},
      {"a body longer than its content", message(14, hex("00")),
       "server_hello_done: 1 byte left over at offset 4"},
      {"an extension sent twice", message(8, vec16(cat({ext(0x0000, {}), ext(0x0000, {})}))),
       "extensions: server_name appears twice (RFC 8446 4.2)"},
      {"an empty Finished", message(20, {}), "finished: verify_data is empty"},
      {"a certificate that is not DER", garbled_certificate,
       "cert_data at offset 8: not a valid X.509 certificate (RFC 5280 4.1)"},
      {"an OCSP response that is not DER", garbled_ocsp,
       "ocsp_response: not a valid OCSP response (RFC 6960 4.2.1)"},
      {"a status type other than ocsp", message(22, hex("02000001aa")),
       "status_type 2 is not ocsp (RFC 6066 8)"},
      {"a header cut short", hex("0100"), "truncated: the header needs 4 bytes, only 2 bytes"},
      {"no bytes at all", Bytes{}, "truncated: no handshake header (0 bytes)"},
  };
}

TEST_CASE("every test vector decodes without error and keeps its layout promises") {
  for (const Vector& vector : all_vectors()) {
    CAPTURE(vector.name);
    const auto decoded = decode_handshake_message(vector.bytes, vector.context);
    CHECK(decoded.error == "");
    CHECK(decoded.bytes == vector.bytes);
    CHECK(layout_problem(decoded) == "");
  }
}

TEST_CASE("a message cut at any length never crashes, reports an error and keeps its layout") {
  for (const Vector& vector : all_vectors()) {
    CAPTURE(vector.name);
    for (std::size_t size = 0; size < vector.bytes.size(); ++size) {
      const ByteView cut(vector.bytes.data(), size);
      const auto decoded = decode_handshake_message(cut, vector.context);
      CAPTURE(size);
      if (decoded.error.empty() || !layout_problem(decoded).empty()) {
        CHECK(decoded.error != "");
        CHECK(layout_problem(decoded) == "");
      }
    }
  }
}

TEST_CASE("a message with any byte changed keeps its layout promises") {
  for (const Vector& vector : all_vectors()) {
    CAPTURE(vector.name);
    for (std::size_t at = 0; at < vector.bytes.size(); ++at) {
      for (const unsigned mask : {0x01U, 0x80U, 0xffU}) {
        Bytes tampered = vector.bytes;
        tampered[at] = static_cast<std::uint8_t>(tampered[at] ^ mask);
        const auto decoded = decode_handshake_message(tampered, vector.context);
        const std::string problem = layout_problem(decoded);
        if (!problem.empty()) {
          CAPTURE(at);
          CHECK(problem == "");
        }
      }
    }
  }
}

TEST_CASE("malformed messages report what broke and where, and keep what they decoded") {
  for (const Broken& broken : broken_messages()) {
    CAPTURE(broken.what);
    const auto decoded = decode_handshake_message(broken.bytes, kTls13);
    CHECK(decoded.error == broken.error);
    CHECK(layout_problem(decoded) == "");
  }
  const auto long_suites = decode_handshake_message(broken_messages()[0].bytes, kTls13);
  REQUIRE(find_field(long_suites, "random") != nullptr);
  CHECK(find_field(long_suites, "cipher_suites")->value == "truncated: says 65286 bytes");
}

TEST_CASE("a garbled certificate keeps its bytes and says why Botan rejected it") {
  Bytes garbled = club_certificate_12();
  garbled[10] = 0x04;
  const auto decoded = decode_handshake_message(garbled, DecodeContext{TlsVersion::tls12});
  const Field* certificate = find_field(decoded, "certificate_list/certificate");
  REQUIRE(certificate != nullptr);
  CHECK(certificate->value == "undecodable certificate (499 bytes)");
  const Field* reason = find_field(certificate->children, "parse_error");
  REQUIRE(reason != nullptr);
  CHECK(reason->value.starts_with("not an X.509 certificate: "));
  CHECK(reason->explain_key == "field.parse_error");
  // The next certificate still decodes.
  CHECK(find_field(decoded, "certificate_list")->children.at(1).value ==
        "CN=Town Authority, O=TLS Club (451 bytes)");
}

TEST_CASE("every field key the decoders emit has an explanation, and every explanation is used") {
  std::set<std::string> emitted;
  const auto collect = [&](const DecodedMessage& decoded) {
    for (const auto& key : emitted_keys(decoded)) emitted.insert(key);
  };
  for (const Vector& vector : all_vectors()) {
    collect(decode_handshake_message(vector.bytes, vector.context));
  }
  for (const Broken& broken : broken_messages()) {
    collect(decode_handshake_message(broken.bytes, kTls13));
  }
  const Bytes responder = cat({u8(1), vec16(vec16(hex("a100"))), vec16({})});
  collect(decode_handshake_message(
      message(1, cat({u16(0x0303), filled(32, 0), vec8({}), vec16(u16(0x1301)), vec8(u8(0)),
                      vec16(ext(0x0005, responder))})),
      kTls13));
  std::set<std::string> catalogued;
  for (const Explanation& entry : field_explanations()) catalogued.insert(std::string(entry.key));
  for (const std::string& key : emitted) {
    CAPTURE(key);
    if (key.starts_with("field.")) {
      CHECK(catalogued.count(key) == 1);
    } else {
      CHECK(key.starts_with("extension."));
    }
  }
  for (const std::string& key : catalogued) {
    CAPTURE(key);
    CHECK(emitted.count(key) == 1);
  }
}

TEST_CASE("an extension's key is extension.<its name>, or extension.unknown") {
  const auto hello = decode_handshake_message(club_client_hello(), kTls13);
  const Field* extensions = find_field(hello, "extensions");
  REQUIRE(extensions != nullptr);
  for (const Field& extension : extensions->children) {
    CAPTURE(extension.name);
    if (extension.name.starts_with("unknown_extension_")) {
      CHECK(extension.explain_key == "extension.unknown");
    } else {
      CHECK(extension.explain_key == "extension." + extension.name);
    }
  }
}

TEST_CASE("the fuzz seed corpus holds every test vector behind its context byte") {
  // tests/fuzz/fuzz_decoder.cpp: bit 0 = TLS 1.2, bit 1 = from the server, bit 2 = RSA key
  // exchange.
  const std::filesystem::path corpus =
      std::filesystem::path(TLSCLUB_SOURCE_DIR) / "tests/fuzz/corpus/fuzz_decoder";
  for (const Vector& vector : all_vectors()) {
    CAPTURE(vector.name);
    std::ifstream in(corpus / vector.name, std::ios::binary);
    REQUIRE(in.good());
    const Bytes seed((std::istreambuf_iterator<char>(in)), {});
    const auto context = static_cast<std::uint8_t>(
        (vector.context.version == TlsVersion::tls12 ? 1 : 0) |
        (vector.context.from == Side::server ? 2 : 0) | (vector.context.rsa_key_exchange ? 4 : 0));
    CHECK(seed == cat({u8(context), vector.bytes}));
  }
}

}  // namespace
}  // namespace tlsclub
