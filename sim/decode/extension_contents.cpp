// Extension contents with nested structure: key_share (RFC 8446 4.2.8), pre_shared_key
// (4.2.11), status_request (RFC 6066 8, RFC 8446 4.4.2.1), certificate_authorities (4.2.4),
// oid_filters (4.2.5).
#include "decode/decoders.h"

namespace tlsclub::decode_detail {

namespace {

// KeyShareEntry: group, key_exchange<1..2^16-1>. False when it ran out of bytes.
bool take_key_share_entry(Cursor& c, std::vector<Field>& out) {
  Field entry = make_field("key_share_entry", "truncated", c.pos(), 0);
  const auto group = take_number(c, entry.children, 2, "group", describe_group);
  const auto key = group ? take_opaque(c, entry.children, 2, "key_exchange") : std::nullopt;
  if (key) {
    entry.value =
        group_name(static_cast<std::uint16_t>(*group)) + " (" + byte_count(key->size()) + ")";
  }
  entry.length = c.pos() - entry.offset;
  out.push_back(std::move(entry));
  return key.has_value();
}

// PskIdentity: identity<1..2^16-1>, obfuscated_ticket_age.
bool take_psk_identity(Cursor& c, std::vector<Field>& out) {
  Field entry = make_field("psk_identity", "truncated", c.pos(), 0);
  const auto identity = take_opaque(c, entry.children, 2, "identity");
  const auto age = identity
                       ? take_number(c, entry.children, 4, "obfuscated_ticket_age", describe_hex)
                       : std::nullopt;
  if (age) entry.value = hex_value(*identity);
  entry.length = c.pos() - entry.offset;
  out.push_back(std::move(entry));
  return age.has_value();
}

// A vector<2> whose items are read one by one by `take_item` until it fails or the end.
template <typename TakeItem>
bool take_list(Cursor& c, std::vector<Field>& out, std::string_view name, std::string_view noun,
               TakeItem take_item) {
  auto list = open_vector(c, out, 2, name);
  if (!list) return false;
  while (!list->content.done()) {
    if (!take_item(list->content, list->field.children)) break;
  }
  list->field.value = list_value(list->field.children, noun);
  out.push_back(std::move(list->field));
  return true;
}

std::string describe_status_type(std::uint32_t value) {
  return named8(value == 1 ? "ocsp" : "unknown", static_cast<std::uint8_t>(value));
}

}  // namespace

void decode_key_share(Cursor& content, std::vector<Field>& out, ExtensionHost host) {
  switch (host) {
    case ExtensionHost::client_hello:
      take_list(content, out, "client_shares", "key shares", take_key_share_entry);
      return;
    case ExtensionHost::hello_retry_request:
      take_number(content, out, 2, "selected_group", describe_group);
      return;
    default:
      take_key_share_entry(content, out);
  }
}

void decode_pre_shared_key(Cursor& content, std::vector<Field>& out, ExtensionHost host) {
  if (host != ExtensionHost::client_hello) {
    take_number(content, out, 2, "selected_identity");
    return;
  }
  if (!take_list(content, out, "identities", "identities", take_psk_identity)) return;
  take_list(content, out, "binders", "binders", [](Cursor& c, std::vector<Field>& items) {
    return take_opaque(c, items, 1, "binder").has_value();
  });
}

void take_certificate_status(Cursor& c, std::vector<Field>& out) {
  const auto type = take_number(c, out, 1, "status_type", describe_status_type);
  if (!type) return;
  if (*type != 1) {  // RFC 6066 8: ocsp is the only CertificateStatusType
    c.decoder().fail("status_type " + std::to_string(*type) + " is not ocsp (RFC 6066 8)");
    add_undecoded(c, out);
    return;
  }
  auto response = open_vector(c, out, 3, "ocsp_response");
  if (!response) return;
  const ByteView der = response->content.peek(response->content.left());
  if (!describe_ocsp_response(der, response->content.pos(), response->field)) {
    c.decoder().fail("ocsp_response: not a valid OCSP response (RFC 6960 4.2.1)");
  }
  out.push_back(std::move(response->field));
}

void decode_status_request(Cursor& content, std::vector<Field>& out, ExtensionHost host) {
  if (host == ExtensionHost::certificate_entry) return take_certificate_status(content, out);
  if (content.done()) return;  // the server's acknowledgement (ServerHello, EncryptedExtensions)
  const auto type = take_number(content, out, 1, "status_type", describe_status_type);
  if (!type || *type != 1) return;  // unknown request types: left over, reported by the caller
  take_list(content, out, "responder_id_list", "responder ids",
            [](Cursor& c, std::vector<Field>& items) {
              return take_opaque(c, items, 2, "responder_id").has_value();
            });
  take_opaque(content, out, 2, "request_extensions");
}

void decode_certificate_authorities(Cursor& content, std::vector<Field>& out,
                                    std::string_view name) {
  take_list(content, out, name, "names", [](Cursor& c, std::vector<Field>& items) {
    const auto der = take_opaque(c, items, 2, "distinguished_name");
    if (!der) return false;
    const std::string text = distinguished_name_text(*der);
    if (!text.empty()) items.back().value = text;
    return true;
  });
}

void decode_oid_filters(Cursor& content, std::vector<Field>& out) {
  take_list(content, out, "filters", "filters", [](Cursor& c, std::vector<Field>& items) {
    Field filter = make_field("oid_filter", "truncated", c.pos(), 0);
    const auto oid = take_opaque(c, filter.children, 1, "certificate_extension_oid");
    if (oid) filter.children.back().value = oid_text(*oid);
    const auto values =
        oid ? take_opaque(c, filter.children, 2, "certificate_extension_values") : std::nullopt;
    if (values) filter.value = oid_text(*oid);
    filter.length = c.pos() - filter.offset;
    items.push_back(std::move(filter));
    return values.has_value();
  });
}

}  // namespace tlsclub::decode_detail
