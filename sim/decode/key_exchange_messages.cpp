// NewSessionTicket, KeyUpdate (RFC 8446 4.6.1, 4.6.3; RFC 5077 3.3) and the TLS 1.2 key
// exchange messages ServerKeyExchange / ClientKeyExchange (RFC 8422 5.4, 5.7; RFC 5246 7.4.7.1).
#include "decode/decoders.h"

namespace tlsclub::decode_detail {

namespace {

std::string describe_seconds(std::uint32_t value) {
  std::string text = std::to_string(value) + " s";
  if (value >= 86400 && value % 86400 == 0)
    return text + " (" + std::to_string(value / 86400) + " d)";
  if (value >= 3600 && value % 3600 == 0) return text + " (" + std::to_string(value / 3600) + " h)";
  return text;
}

// RFC 8422 5.4 ECCurveType.
std::string describe_curve_type(std::uint32_t value) {
  const char* name = value == 1   ? "explicit_prime"
                     : value == 2 ? "explicit_char2"
                     : value == 3 ? "named_curve"
                                  : "unknown";
  return named8(name, static_cast<std::uint8_t>(value));
}

// RFC 8446 4.6.3 KeyUpdateRequest.
std::string describe_key_update(std::uint32_t value) {
  const char* name = value == 0   ? "update_not_requested"
                     : value == 1 ? "update_requested"
                                  : "unknown";
  return named8(name, static_cast<std::uint8_t>(value));
}

}  // namespace

void decode_new_session_ticket(Cursor& body, std::vector<Field>& out) {
  if (body.context().version == TlsVersion::tls12) {
    if (!take_number(body, out, 4, "ticket_lifetime_hint", describe_seconds)) return;
    take_opaque(body, out, 2, "ticket");
    return;
  }
  if (!take_number(body, out, 4, "ticket_lifetime", describe_seconds)) return;
  if (!take_number(body, out, 4, "ticket_age_add", describe_hex)) return;
  if (!take_opaque(body, out, 1, "ticket_nonce")) return;
  if (!take_opaque(body, out, 2, "ticket")) return;
  take_extensions(body, out, ExtensionHost::new_session_ticket);
}

void decode_server_key_exchange(Cursor& body, std::vector<Field>& out) {
  const auto curve_type = take_number(body, out, 1, "curve_type", describe_curve_type);
  if (!curve_type) return;
  if (*curve_type != 3) {
    // RFC 8422 5.4: explicit curves are deprecated; named_curve is the only type left.
    body.decoder().fail("server_key_exchange: curve_type " + std::to_string(*curve_type) +
                        " is not named_curve (RFC 8422 5.4)");
    add_undecoded(body, out);
    return;
  }
  const auto group = take_number(body, out, 2, "named_group", describe_group);
  if (!group) return;
  const auto point = take_opaque(body, out, 1, "public");
  if (!point) return;
  out.back().value = group_name(static_cast<std::uint16_t>(*group)) + " (" +
                     byte_count(point->size()) + "): " + hex_value(*point);
  if (!take_number(body, out, 2, "signature_scheme", describe_scheme)) return;
  take_opaque(body, out, 2, "signature");
}

void decode_client_key_exchange(Cursor& body, std::vector<Field>& out) {
  if (body.context().rsa_key_exchange) {
    take_opaque(body, out, 2, "encrypted_pre_master_secret");  // RFC 5246 7.4.7.1
  } else {
    take_opaque(body, out, 1, "ecdh_yc");  // RFC 8422 5.7 ClientECDiffieHellmanPublic
  }
}

void decode_key_update(Cursor& body, std::vector<Field>& out) {
  take_number(body, out, 1, "request_update", describe_key_update);
}

}  // namespace tlsclub::decode_detail
