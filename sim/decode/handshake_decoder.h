#pragma once
// Pure decoders: bytes in, fields out. No Botan state, no exceptions for malformed input (the
// simulator shows tampered bytes too); a decoder that cannot go on records `error` and keeps the
// fields it got.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/side.h"
#include "core/tls_codes.h"
#include "decode/field.h"

namespace tlsclub {

// The RFC snake_case name of a handshake type (RFC 8446 4, RFC 5246 7.4): 1 -> "client_hello".
// Unknown types give "unknown_<n>".
std::string handshake_type_name(std::uint8_t type);

// What a decoder needs to know beyond the bytes. `version` is the negotiated version (it changes
// how Certificate, CertificateRequest, CertificateVerify, NewSessionTicket are laid out); `from`
// tells ambiguous bodies apart (key_share in ClientHello vs ServerHello); `rsa_key_exchange`
// says a TLS 1.2 ClientKeyExchange carries an RSA-encrypted premaster secret, not an ECDH point.
struct DecodeContext {
  TlsVersion version = TlsVersion::tls13;
  Side from = Side::client;
  bool rsa_key_exchange = false;
};

// `message` is one complete handshake message, header included.
DecodedMessage decode_handshake_message(ByteView message, const DecodeContext& context);

// Names used throughout the product.
std::string extension_name(std::uint16_t type);  // 0x0000 -> "server_name"
std::string group_name(std::uint16_t group);     // 0x001d -> "x25519", 0x11ec -> "X25519MLKEM768"
std::string signature_scheme_name(std::uint16_t s);  // 0x0403 -> "ecdsa_secp256r1_sha256"
// "ecdsa_secp256r1_sha256" -> 0x0403; nothing for a name RFC 8446 4.2.3 does not list.
std::optional<std::uint16_t> signature_scheme_code(std::string_view name);
std::string cipher_suite_name(std::uint16_t suite);  // 0x1301 -> "TLS_AES_128_GCM_SHA256"
std::string alert_name(std::uint8_t description);    // 42 -> "bad_certificate"
// "bad_certificate" -> 42; nothing for a name RFC 8446 6 / RFC 5246 7.2 does not define.
std::optional<std::uint8_t> alert_code(std::string_view name);
// Every alert the decoder names, by code: the one list expectations and faults choose from.
std::span<const std::string_view> alert_names();
std::string content_type_name(std::uint8_t type);  // 22 -> "handshake"
std::string version_name(std::uint16_t version);   // 0x0304 -> "TLS 1.3"

}  // namespace tlsclub
