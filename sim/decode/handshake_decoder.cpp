// decode_handshake_message: the header, then the body decoder for the message type. Pure and
// total: any bytes give a DecodedMessage, malformed ones with `error` set.
#include "decode/handshake_decoder.h"

#include <algorithm>

#include "decode/decoders.h"

namespace tlsclub {

namespace {

using namespace decode_detail;

constexpr std::size_t kHeaderSize = 4;  // RFC 8446 4: msg_type (1), length (uint24)

// Bodies without content: RFC 5246 7.4.1.1 (hello_request), 7.4.5 (server_hello_done),
// RFC 8446 4.5 (end_of_early_data).
bool has_empty_body(std::uint8_t type) {
  return type == code(HandshakeType::hello_request) ||
         type == code(HandshakeType::end_of_early_data) ||
         type == code(HandshakeType::server_hello_done);
}

void decode_body(std::uint8_t type, bool retry_request, Cursor& body, std::vector<Field>& out) {
  switch (static_cast<HandshakeType>(type)) {
    case HandshakeType::client_hello:
      return decode_client_hello(body, out);
    case HandshakeType::server_hello:
      return decode_server_hello(body, out, retry_request);
    case HandshakeType::new_session_ticket:
      return decode_new_session_ticket(body, out);
    case HandshakeType::encrypted_extensions:
      return decode_encrypted_extensions(body, out);
    case HandshakeType::certificate:
      return decode_certificate(body, out);
    case HandshakeType::server_key_exchange:
      return decode_server_key_exchange(body, out);
    case HandshakeType::certificate_request:
      return decode_certificate_request(body, out);
    case HandshakeType::certificate_verify:
      return decode_certificate_verify(body, out);
    case HandshakeType::client_key_exchange:
      return decode_client_key_exchange(body, out);
    case HandshakeType::finished:
      return decode_finished(body, out);
    case HandshakeType::certificate_status:
      return decode_certificate_status(body, out);
    case HandshakeType::key_update:
      return decode_key_update(body, out);
    default:
      if (!has_empty_body(type)) take_rest(body, out, "body");
  }
}

Field header_field(const DecodedMessage& message, std::size_t available) {
  Field header = make_field("header", message.name, 0, std::min(available, kHeaderSize));
  header.children.push_back(
      make_field("msg_type", named8(handshake_type_name(message.type), message.type), 0, 1));
  if (available >= kHeaderSize) {
    const std::uint32_t length = read_u24(message.bytes, 1);
    header.value += ", body " + byte_count(length);
    header.children.push_back(make_field("length", byte_count(length), 1, 3));
  }
  return header;
}

}  // namespace

namespace decode_detail {

bool is_hello_retry_request(ByteView message) {
  // RFC 8446 4.1.3: SHA-256("HelloRetryRequest").
  static constexpr std::uint8_t kRetryRandom[32] = {0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11,
                                                    0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
                                                    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e,
                                                    0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c};
  constexpr std::size_t kRandomAt = kHeaderSize + 2;
  if (message.size() < kRandomAt + 32 || message[0] != 2) return false;
  return std::equal(std::begin(kRetryRandom), std::end(kRetryRandom), message.begin() + kRandomAt);
}

}  // namespace decode_detail

DecodedMessage decode_handshake_message(ByteView message, const DecodeContext& context) {
  DecodedMessage result;
  result.bytes.assign(message.begin(), message.end());
  if (message.empty()) {
    result.name = "empty";
    result.error = "truncated: no handshake header (0 bytes)";
    return result;
  }
  result.type = message[0];
  const bool retry_request = is_hello_retry_request(message);
  result.name = retry_request ? "hello_retry_request" : handshake_type_name(result.type);
  result.fields.push_back(header_field(result, message.size()));

  Decoder decoder{message, context, {}};
  if (message.size() < kHeaderSize) {
    decoder.fail("truncated: the header needs 4 bytes, only " + byte_count(message.size()));
    result.error = decoder.error;
    return result;
  }
  const std::size_t declared = read_u24(message, 1);
  const std::size_t present = message.size() - kHeaderSize;
  if (declared > present) {
    decoder.fail("truncated: the header says the body has " + byte_count(declared) + ", only " +
                 std::to_string(present) + " present");
  }
  Cursor body(decoder, kHeaderSize, kHeaderSize + std::min(declared, present));
  decode_body(result.type, retry_request, body, result.fields);
  expect_end(body, result.fields, result.name);
  if (declared < present) {
    decoder.fail(byte_count(present - declared) + " after the end of the " + result.name +
                 " body (offset " + std::to_string(body.end()) + ")");
    Cursor extra(decoder, body.end(), message.size());
    add_undecoded(extra, result.fields);
  }
  result.error = decoder.error;
  return result;
}

}  // namespace tlsclub
