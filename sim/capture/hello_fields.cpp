// ClientHello (RFC 8446 4.1.2, RFC 5246 7.4.1.2) and ServerHello (RFC 8446 4.1.3, RFC 5246
// 7.4.1.3), read with a cursor that refuses to step past its bytes.
#include "capture/hello_fields.h"

#include <algorithm>
#include <array>

namespace tlsclub::capture {

namespace {

constexpr std::uint16_t kServerName = 0;
constexpr std::uint16_t kAlpn = 16;
constexpr std::uint16_t kSupportedVersions = 43;
constexpr std::uint16_t kKeyShare = 51;

// RFC 8446 4.1.3: SHA-256 of "HelloRetryRequest", the random of a HelloRetryRequest.
constexpr std::array<std::uint8_t, 32> kRetryRandom = {
    0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c};

struct Cursor {
  ByteView rest;
  bool ok = true;

  ByteView take(std::size_t n) {
    if (!ok || n > rest.size()) {
      ok = false;
      return {};
    }
    const ByteView out = rest.first(n);
    rest = rest.subspan(n);
    return out;
  }
  unsigned u8() {
    const ByteView b = take(1);
    return ok ? b[0] : 0;
  }
  std::uint16_t u16() {
    const ByteView b = take(2);
    return ok ? read_u16(b, 0) : 0;
  }
  ByteView vector8() { return take(u8()); }
  ByteView vector16() { return take(u16()); }
};

std::vector<std::uint16_t> u16_list(ByteView bytes) {
  std::vector<std::uint16_t> out;
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) out.push_back(read_u16(bytes, i));
  return out;
}

std::string text_of(ByteView bytes) {
  std::string out;
  for (const auto b : bytes) out += (b >= 0x20 && b < 0x7f) ? static_cast<char>(b) : '?';
  return out;
}

std::vector<std::string> alpn_list(ByteView data) {
  Cursor c{data};
  Cursor list{c.vector16()};
  std::vector<std::string> out;
  while (list.ok && !list.rest.empty()) {
    const ByteView name = list.vector8();
    if (list.ok) out.push_back(text_of(name));
  }
  return out;
}

// RFC 6066 3: ServerNameList of (name_type, HostName); host_name is type 0.
std::string server_name(ByteView data) {
  Cursor c{data};
  Cursor list{c.vector16()};
  while (list.ok && !list.rest.empty()) {
    const unsigned type = list.u8();
    const ByteView name = list.vector16();
    if (list.ok && type == 0) return text_of(name);
  }
  return {};
}

void client_extension(ClientHelloFields& f, std::uint16_t type, ByteView data) {
  if (type == kServerName) {
    f.server_name = server_name(data);
  } else if (type == kAlpn) {
    f.alpn = alpn_list(data);
  } else if (type == kSupportedVersions) {
    Cursor c{data};
    f.supported_versions = u16_list(c.vector8());
  } else if (type == kKeyShare) {
    Cursor c{data};
    Cursor shares{c.vector16()};
    while (shares.ok && !shares.rest.empty()) {
      const std::uint16_t group = shares.u16();
      shares.vector16();
      if (shares.ok) f.key_share_groups.push_back(group);
    }
  }
}

void server_extension(ServerHelloFields& f, std::uint16_t type, ByteView data) {
  Cursor c{data};
  if (type == kSupportedVersions) {
    const std::uint16_t v = c.u16();
    if (c.ok) f.selected_version = v;
  } else if (type == kKeyShare) {
    const std::uint16_t group = c.u16();  // KeyShareEntry.group, or HRR's selected_group
    if (c.ok) f.key_share_group = group;
  } else if (type == kAlpn) {
    const auto names = alpn_list(data);
    if (!names.empty()) f.alpn = names.front();
  }
}

// Calls `each(type, data)` for every extension; false when the block is malformed.
template <typename Each>
bool for_each_extension(Cursor& body, Each each) {
  if (body.rest.empty()) return true;  // RFC 5246: extensions are optional
  Cursor block{body.vector16()};
  while (block.ok && !block.rest.empty()) {
    const std::uint16_t type = block.u16();
    const ByteView data = block.vector16();
    if (block.ok) each(type, data);
  }
  return body.ok && block.ok;
}

}  // namespace

ClientHelloFields parse_client_hello(ByteView body) {
  ClientHelloFields f;
  Cursor c{body};
  f.legacy_version = c.u16();
  const ByteView random = c.take(32);
  f.random.assign(random.begin(), random.end());
  c.vector8();  // legacy_session_id
  f.cipher_suites = u16_list(c.vector16());
  c.vector8();  // legacy_compression_methods
  if (!c.ok) return f;
  f.complete = for_each_extension(
      c, [&](std::uint16_t type, ByteView data) { client_extension(f, type, data); });
  return f;
}

ServerHelloFields parse_server_hello(ByteView body) {
  ServerHelloFields f;
  Cursor c{body};
  f.legacy_version = c.u16();
  const ByteView random = c.take(32);
  f.random.assign(random.begin(), random.end());
  f.hello_retry_request = c.ok && std::equal(random.begin(), random.end(), kRetryRandom.begin());
  c.vector8();  // legacy_session_id_echo
  f.cipher_suite = c.u16();
  c.u8();  // legacy_compression_method
  if (!c.ok) return f;
  f.complete = for_each_extension(
      c, [&](std::uint16_t type, ByteView data) { server_extension(f, type, data); });
  return f;
}

}  // namespace tlsclub::capture
