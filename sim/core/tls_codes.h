#pragma once
// The small fixed vocabularies of the TLS wire, as types: the engine passes these, and the name
// tables (decode/names.cpp) and the JSON spell them.

#include <cstdint>

namespace tlsclub {

enum class TlsVersion { tls12, tls13 };

// RFC 8446 5.1 / RFC 5246 6.2.1 ContentType.
enum class ContentType : std::uint8_t {
  change_cipher_spec = 20,
  alert = 21,
  handshake = 22,
  application_data = 23,
  heartbeat = 24,
};

// RFC 8446 4 / RFC 5246 7.4 HandshakeType (RFC 6066 8 certificate_status).
enum class HandshakeType : std::uint8_t {
  hello_request = 0,
  client_hello = 1,
  server_hello = 2,
  new_session_ticket = 4,
  end_of_early_data = 5,
  encrypted_extensions = 8,
  certificate = 11,
  server_key_exchange = 12,
  certificate_request = 13,
  server_hello_done = 14,
  certificate_verify = 15,
  client_key_exchange = 16,
  finished = 20,
  certificate_status = 22,
  key_update = 24,
  message_hash = 254,
};

constexpr std::uint8_t code(ContentType t) {
  return static_cast<std::uint8_t>(t);
}
constexpr std::uint8_t code(HandshakeType t) {
  return static_cast<std::uint8_t>(t);
}

}  // namespace tlsclub
