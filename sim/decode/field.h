#pragma once
// A decoded protocol field: what the inspector shows as a tree, with the exact bytes it came from.

#include <cstddef>
#include <string>
#include <vector>

#include "core/bytes.h"

namespace tlsclub {

struct Field {
  std::string name;         // RFC name, snake_case: "random", "legacy_session_id", "key_share"
  std::string value;        // human-readable value: "0x0303 (TLS 1.2)", "x25519 (32 bytes)", hex
  std::size_t offset = 0;   // byte offset inside DecodedMessage::bytes (the whole message)
  std::size_t length = 0;   // bytes covered, including any length prefix of the field
  std::string explain_key;  // key into the explanations catalogue, e.g. "field.random"
  std::vector<Field> children;
};

// One handshake message, as it was on the wire: 4-byte header (msg_type, uint24 length) + body.
struct DecodedMessage {
  std::string name;  // RFC name in snake_case: "client_hello", "certificate_verify", ...
  std::uint8_t type = 0;
  Bytes bytes;                // header + body
  std::vector<Field> fields;  // top-level fields, in wire order, first one is the header
  std::string error;          // non-empty when the body could not be fully decoded (truncated...)
};

}  // namespace tlsclub
