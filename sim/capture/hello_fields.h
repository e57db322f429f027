#pragma once
// The plaintext fields of the hellos a capture shows without keys: what the client offered (SNI,
// ALPN, versions, key share groups, its random, which finds its secrets in a key log) and what the
// server chose (version, cipher suite, key share group). sim/decode builds display trees of
// fields with their byte ranges for the inspector; a capture summary needs the values themselves,
// so this is a small bounded parser of its own.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bytes.h"

namespace tlsclub::capture {

struct ClientHelloFields {
  std::uint16_t legacy_version = 0;
  Bytes random;  // 32 bytes
  std::vector<std::uint16_t> cipher_suites;
  std::string server_name;        // RFC 6066 3: the first host_name; empty when none
  std::vector<std::string> alpn;  // RFC 7301 3.1: the protocols offered
  std::vector<std::uint16_t> supported_versions;  // RFC 8446 4.2.1
  std::vector<std::uint16_t> key_share_groups;    // RFC 8446 4.2.8
  bool complete = false;                          // false: the message ended early or was malformed
};

struct ServerHelloFields {
  std::uint16_t legacy_version = 0;
  Bytes random;
  std::uint16_t cipher_suite = 0;
  std::optional<std::uint16_t> selected_version;  // supported_versions (RFC 8446 4.2.1)
  std::optional<std::uint16_t> key_share_group;   // key_share, or HRR's selected_group
  std::string alpn;                               // TLS 1.2 only: 1.3 sends it encrypted
  bool hello_retry_request = false;               // RFC 8446 4.1.3: the special random
  bool complete = false;

  // RFC 8446 4.2.1: supported_versions when present, else the legacy version.
  std::uint16_t version() const { return selected_version.value_or(legacy_version); }
};

// `body` is the handshake message body (after the 4-byte header).
ClientHelloFields parse_client_hello(ByteView body);
ServerHelloFields parse_server_hello(ByteView body);

}  // namespace tlsclub::capture
