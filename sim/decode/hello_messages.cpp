// ClientHello, ServerHello / HelloRetryRequest and EncryptedExtensions bodies
// (RFC 8446 4.1.2, 4.1.3, 4.3.1; RFC 5246 7.4.1.2, 7.4.1.3).
#include <algorithm>

#include "decode/decoders.h"

namespace tlsclub::decode_detail {

namespace {

std::string describe_compression(std::uint32_t value) {
  return named8(value == 0 ? "null" : "unknown", static_cast<std::uint8_t>(value));
}

// RFC 8446 4.1.3: a TLS 1.3 server that negotiates an older version marks its random.
std::string server_random_value(ByteView random, bool retry_request) {
  if (retry_request) return hex_value(random) + " (SHA-256 of \"HelloRetryRequest\")";
  static constexpr std::uint8_t kDowngrade[7] = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44};
  const ByteView tail = random.last(8);
  if (!std::equal(std::begin(kDowngrade), std::end(kDowngrade), tail.begin())) {
    return hex_value(random);
  }
  if (tail[7] == 0x01) return hex_value(random) + " (downgrade sentinel: TLS 1.2 negotiated)";
  if (tail[7] == 0x00) return hex_value(random) + " (downgrade sentinel: TLS 1.1 or older)";
  return hex_value(random);
}

}  // namespace

void decode_client_hello(Cursor& body, std::vector<Field>& out) {
  if (!take_number(body, out, 2, "legacy_version", describe_version)) return;
  if (!take_fixed(body, out, 32, "random")) return;
  if (!take_opaque(body, out, 1, "legacy_session_id")) return;
  if (!take_number_list(body, out, 2, "cipher_suites", 2, "cipher_suite", describe_suite,
                        "cipher suites")) {
    return;
  }
  if (!take_number_list(body, out, 1, "legacy_compression_methods", 1, "compression_method",
                        describe_compression, "methods")) {
    return;
  }
  // RFC 5246 7.4.1.2: a TLS 1.2 ClientHello may end here; RFC 8446 4.1.2 requires extensions.
  if (body.done()) return;
  take_extensions(body, out, ExtensionHost::client_hello);
}

void decode_server_hello(Cursor& body, std::vector<Field>& out, bool retry_request) {
  if (!take_number(body, out, 2, "legacy_version", describe_version)) return;
  const auto random = take_fixed(body, out, 32, "random");
  if (!random) return;
  out.back().value = server_random_value(*random, retry_request);
  if (!take_opaque(body, out, 1, "legacy_session_id_echo")) return;
  if (!take_number(body, out, 2, "cipher_suite", describe_suite)) return;
  if (!take_number(body, out, 1, "legacy_compression_method", describe_compression)) return;
  if (body.done()) return;  // RFC 5246 7.4.1.3: extensions are optional in TLS 1.2
  take_extensions(body, out,
                  retry_request ? ExtensionHost::hello_retry_request : ExtensionHost::server_hello);
}

void decode_encrypted_extensions(Cursor& body, std::vector<Field>& out) {
  take_extensions(body, out, ExtensionHost::encrypted_extensions);
}

}  // namespace tlsclub::decode_detail
