// Extension blocks (RFC 8446 4.2) and the contents of the simple extensions. The structured
// ones (key_share, pre_shared_key, status_request, ...) are in extension_contents.cpp.
#include <algorithm>
#include <iterator>

#include "decode/decoders.h"

namespace tlsclub::decode_detail {

namespace {

// RFC 6066 4.
std::string describe_fragment_length(std::uint32_t value) {
  if (value < 1 || value > 4) return named8("unknown", static_cast<std::uint8_t>(value));
  return "2^" + std::to_string(8 + value) + " (" + std::to_string(1U << (8 + value)) + " bytes)";
}

// RFC 8422 5.1.2.
std::string describe_point_format(std::uint32_t value) {
  static constexpr const char* kNames[] = {"uncompressed", "ansiX962_compressed_prime",
                                           "ansiX962_compressed_char2"};
  return named8(value < 3 ? kNames[value] : "unknown", static_cast<std::uint8_t>(value));
}

// RFC 6520 2.
std::string describe_heartbeat_mode(std::uint32_t value) {
  const char* name = value == 1   ? "peer_allowed_to_send"
                     : value == 2 ? "peer_not_allowed_to_send"
                                  : "unknown";
  return named8(name, static_cast<std::uint8_t>(value));
}

// RFC 7250 3.
std::string describe_certificate_type(std::uint32_t value) {
  static constexpr const char* kNames[] = {"X509", "OpenPGP", "RawPublicKey"};
  return named8(value < 3 ? kNames[value] : "unknown", static_cast<std::uint8_t>(value));
}

// RFC 8446 4.2.9.
std::string describe_psk_mode(std::uint32_t value) {
  const char* name = value == 0 ? "psk_ke" : value == 1 ? "psk_dhe_ke" : "unknown";
  return named8(name, static_cast<std::uint8_t>(value));
}

// RFC 6066 3: server_name_list of { name_type, HostName<1..2^16-1> }.
void decode_server_name(Cursor& content, std::vector<Field>& out) {
  if (content.done()) return;  // the server's acknowledgement is empty
  auto list = open_vector(content, out, 2, "server_name_list");
  if (!list) return;
  Cursor& names = list->content;
  auto& entries = list->field.children;
  while (!names.done()) {
    Field entry = make_field("server_name", "", names.pos(), 0);
    const auto type = take_number(names, entry.children, 1, "name_type", [](std::uint32_t v) {
      return named8(v == 0 ? "host_name" : "unknown", static_cast<std::uint8_t>(v));
    });
    const auto host = type ? take_opaque(names, entry.children, 2, "host_name") : std::nullopt;
    if (host) entry.children.back().value = text_value(*host);
    entry.value = host ? text_value(*host) : "truncated";
    entry.length = names.pos() - entry.offset;
    entries.push_back(std::move(entry));
    if (!host) break;
  }
  list->field.value = list_value(entries, "names");
  out.push_back(std::move(list->field));
}

// RFC 7301 3.1: protocol_name_list of ProtocolName<1..2^8-1>.
void decode_alpn(Cursor& content, std::vector<Field>& out) {
  auto list = open_vector(content, out, 2, "protocol_name_list");
  if (!list) return;
  auto& names = list->field.children;
  while (!list->content.done()) {
    const auto name = take_opaque(list->content, names, 1, "protocol_name");
    if (!name) break;
    names.back().value = text_value(*name);
  }
  list->field.value = list_value(names, "protocols");
  out.push_back(std::move(list->field));
}

void decode_padding(Cursor& content, std::vector<Field>& out) {
  if (content.done()) return;
  const ByteView zeros = take_rest(content, out, "zeros");
  const bool all_zero = std::all_of(zeros.begin(), zeros.end(), [](auto b) { return b == 0; });
  out.back().value = byte_count(zeros.size()) + (all_zero ? " of zeros" : ", not all zero");
}

bool is_client_side(ExtensionHost host) {
  return host == ExtensionHost::client_hello || host == ExtensionHost::certificate_request;
}

}  // namespace

void decode_extension_content(std::uint16_t type, Cursor& content, std::vector<Field>& out,
                              ExtensionHost host) {
  switch (type) {
    case 0:
      return decode_server_name(content, out);
    case 1:
      take_number(content, out, 1, "max_fragment_length", describe_fragment_length);
      return;
    case 5:
      return decode_status_request(content, out, host);
    case 10:
      take_number_list(content, out, 2, "named_group_list", 2, "named_group", describe_group,
                       "groups");
      return;
    case 11:
      take_number_list(content, out, 1, "ec_point_format_list", 1, "ec_point_format",
                       describe_point_format, "formats");
      return;
    case 13:
    case 50:
      take_number_list(content, out, 2, "supported_signature_algorithms", 2, "signature_scheme",
                       describe_scheme, "schemes");
      return;
    case 15:
      take_number(content, out, 1, "heartbeat_mode", describe_heartbeat_mode);
      return;
    case 16:
      return decode_alpn(content, out);
    case 19:
    case 20:
      if (host == ExtensionHost::client_hello) {
        take_number_list(content, out, 1, "certificate_type_list", 1, "certificate_type",
                         describe_certificate_type, "types");
      } else {
        take_number(content, out, 1, "certificate_type", describe_certificate_type);
      }
      return;
    case 21:
      return decode_padding(content, out);
    case 22:  // encrypt_then_mac, extended_master_secret, post_handshake_auth: always empty
    case 23:
    case 49:
      return;
    case 28:
      take_number(content, out, 2, "record_size_limit");
      return;
    case 35:
      if (!content.done()) take_rest(content, out, "ticket");
      return;
    case 41:
      return decode_pre_shared_key(content, out, host);
    case 42:
      if (host == ExtensionHost::new_session_ticket) {
        take_number(content, out, 4, "max_early_data_size");
      }
      return;
    case 43:
      if (is_client_side(host)) {
        take_number_list(content, out, 1, "versions", 2, "version", describe_version, "versions");
      } else {
        take_number(content, out, 2, "selected_version", describe_version);
      }
      return;
    case 44:
      take_opaque(content, out, 2, "cookie");
      return;
    case 45:
      take_number_list(content, out, 1, "ke_modes", 1, "ke_mode", describe_psk_mode, "modes");
      return;
    case 47:
      return decode_certificate_authorities(content, out, "authorities");
    case 48:
      return decode_oid_filters(content, out);
    case 51:
      return decode_key_share(content, out, host);
    case 0xff01:
      take_opaque(content, out, 1, "renegotiated_connection");
      return;
    default:
      if (!content.done()) take_rest(content, out, "extension_data");
  }
}

namespace {

// One Extension: extension_type, extension_data<0..2^16-1>; the Field is named after the type.
bool take_extension(Cursor& c, std::vector<Field>& out, ExtensionHost host) {
  const std::size_t start = c.pos();
  if (!c.need(4, "extension header")) {
    add_undecoded(c, out);
    return false;
  }
  const auto type = static_cast<std::uint16_t>(c.number(2));
  const std::size_t length = c.number(2);
  const std::string name = extension_name(type);
  const bool known = name.rfind("unknown_", 0) != 0;
  Field extension = make_field(name, "", start, 4 + length,
                               known ? "extension." + name : std::string("extension.unknown"));
  extension.children.push_back(make_field("extension_type", named16(name, type), start, 2));
  extension.children.push_back(make_field("length", byte_count(length), start + 2, 2));
  if (length > c.left()) {
    c.decoder().fail("truncated: extension " + name + " says " + byte_count(length) +
                     " at offset " + std::to_string(start) + ", only " + std::to_string(c.left()) +
                     " left");
    extension.value = "truncated";
    extension.length = 4 + c.left();
    add_undecoded(c, extension.children);
    out.push_back(std::move(extension));
    return false;
  }
  Cursor content(c.decoder(), c.pos(), c.pos() + length);
  c.advance(length);
  std::vector<Field> parts;
  decode_extension_content(type, content, parts, host);
  expect_end(content, parts, name);
  extension.value = parts.empty()       ? "(empty)"
                    : parts.size() == 1 ? parts.front().value
                                        : byte_count(length);
  std::move(parts.begin(), parts.end(), std::back_inserter(extension.children));
  out.push_back(std::move(extension));
  return true;
}

}  // namespace

bool take_extensions(Cursor& c, std::vector<Field>& out, ExtensionHost host) {
  auto block = open_vector(c, out, 2, "extensions");
  if (!block) return false;
  auto& extensions = block->field.children;
  std::vector<std::string> seen;
  while (!block->content.done()) {
    if (!take_extension(block->content, extensions, host)) break;
    // RFC 8446 4.2: "There MUST NOT be more than one extension of the same type in a given
    // extension block."
    const std::string& name = extensions.back().name;
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      c.decoder().fail("extensions: " + name + " appears twice (RFC 8446 4.2)");
    }
    seen.push_back(name);
  }
  block->field.value =
      std::to_string(extensions.size()) + (extensions.size() == 1 ? " extension" : " extensions");
  out.push_back(std::move(block->field));
  return true;
}

}  // namespace tlsclub::decode_detail
