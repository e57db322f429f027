// The IANA/RFC names of wire values, used throughout the product. Cipher suites live in
// cipher_suite_names.cpp.
#include <array>
#include <string_view>
#include <utility>

#include "decode/reader.h"

namespace tlsclub {

namespace {

template <typename Code, std::size_t N>
std::string_view find_name(const std::array<std::pair<Code, std::string_view>, N>& table,
                           Code code) {
  for (const auto& [value, name] : table) {
    if (value == code) return name;
  }
  return {};
}

// RFC 8446 4 and RFC 5246 7.4 (HandshakeType), RFC 6066 8 (certificate_status).
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 16> kHandshakeTypes{{
    {0, "hello_request"},
    {1, "client_hello"},
    {2, "server_hello"},
    {4, "new_session_ticket"},
    {5, "end_of_early_data"},
    {8, "encrypted_extensions"},
    {11, "certificate"},
    {12, "server_key_exchange"},
    {13, "certificate_request"},
    {14, "server_hello_done"},
    {15, "certificate_verify"},
    {16, "client_key_exchange"},
    {20, "finished"},
    {22, "certificate_status"},
    {24, "key_update"},
    {254, "message_hash"},
}};

// IANA "TLS ExtensionType Values": the ones TLS Club explains.
constexpr std::array<std::pair<std::uint16_t, std::string_view>, 28> kExtensions{{
    {0, "server_name"},
    {1, "max_fragment_length"},
    {5, "status_request"},
    {10, "supported_groups"},
    {11, "ec_point_formats"},
    {13, "signature_algorithms"},
    {14, "use_srtp"},
    {15, "heartbeat"},
    {16, "application_layer_protocol_negotiation"},
    {18, "signed_certificate_timestamp"},
    {19, "client_certificate_type"},
    {20, "server_certificate_type"},
    {21, "padding"},
    {22, "encrypt_then_mac"},
    {23, "extended_master_secret"},
    {28, "record_size_limit"},
    {35, "session_ticket"},
    {41, "pre_shared_key"},
    {42, "early_data"},
    {43, "supported_versions"},
    {44, "cookie"},
    {45, "psk_key_exchange_modes"},
    {47, "certificate_authorities"},
    {48, "oid_filters"},
    {49, "post_handshake_auth"},
    {50, "signature_algorithms_cert"},
    {51, "key_share"},
    {0xff01, "renegotiation_info"},
}};

// IANA "TLS Supported Groups" (RFC 8446 4.2.7, RFC 7919, draft-ietf-tls-ecdhe-mlkem).
constexpr std::array<std::pair<std::uint16_t, std::string_view>, 22> kGroups{{
    {0x0017, "secp256r1"},
    {0x0018, "secp384r1"},
    {0x0019, "secp521r1"},
    {0x001a, "brainpoolP256r1"},
    {0x001b, "brainpoolP384r1"},
    {0x001c, "brainpoolP512r1"},
    {0x001d, "x25519"},
    {0x001e, "x448"},
    {0x001f, "brainpoolP256r1tls13"},
    {0x0020, "brainpoolP384r1tls13"},
    {0x0021, "brainpoolP512r1tls13"},
    {0x0100, "ffdhe2048"},
    {0x0101, "ffdhe3072"},
    {0x0102, "ffdhe4096"},
    {0x0103, "ffdhe6144"},
    {0x0104, "ffdhe8192"},
    {0x0200, "MLKEM512"},
    {0x0201, "MLKEM768"},
    {0x0202, "MLKEM1024"},
    {0x11eb, "SecP256r1MLKEM768"},
    {0x11ec, "X25519MLKEM768"},
    {0x11ed, "SecP384r1MLKEM1024"},
}};

// RFC 8446 4.2.3 SignatureScheme, RFC 8734 (brainpool), draft-ietf-tls-mldsa.
constexpr std::array<std::pair<std::uint16_t, std::string_view>, 22> kSignatureSchemes{{
    {0x0201, "rsa_pkcs1_sha1"},
    {0x0203, "ecdsa_sha1"},
    {0x0401, "rsa_pkcs1_sha256"},
    {0x0403, "ecdsa_secp256r1_sha256"},
    {0x0501, "rsa_pkcs1_sha384"},
    {0x0503, "ecdsa_secp384r1_sha384"},
    {0x0601, "rsa_pkcs1_sha512"},
    {0x0603, "ecdsa_secp521r1_sha512"},
    {0x0804, "rsa_pss_rsae_sha256"},
    {0x0805, "rsa_pss_rsae_sha384"},
    {0x0806, "rsa_pss_rsae_sha512"},
    {0x0807, "ed25519"},
    {0x0808, "ed448"},
    {0x0809, "rsa_pss_pss_sha256"},
    {0x080a, "rsa_pss_pss_sha384"},
    {0x080b, "rsa_pss_pss_sha512"},
    {0x081a, "ecdsa_brainpoolP256r1tls13_sha256"},
    {0x081b, "ecdsa_brainpoolP384r1tls13_sha384"},
    {0x081c, "ecdsa_brainpoolP512r1tls13_sha512"},
    {0x0904, "mldsa44"},
    {0x0905, "mldsa65"},
    {0x0906, "mldsa87"},
}};

// RFC 8446 6 and RFC 5246 7.2 AlertDescription.
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 34> kAlerts{{
    {0, "close_notify"},
    {10, "unexpected_message"},
    {20, "bad_record_mac"},
    {21, "decryption_failed"},
    {22, "record_overflow"},
    {30, "decompression_failure"},
    {40, "handshake_failure"},
    {41, "no_certificate"},
    {42, "bad_certificate"},
    {43, "unsupported_certificate"},
    {44, "certificate_revoked"},
    {45, "certificate_expired"},
    {46, "certificate_unknown"},
    {47, "illegal_parameter"},
    {48, "unknown_ca"},
    {49, "access_denied"},
    {50, "decode_error"},
    {51, "decrypt_error"},
    {60, "export_restriction"},
    {70, "protocol_version"},
    {71, "insufficient_security"},
    {80, "internal_error"},
    {86, "inappropriate_fallback"},
    {90, "user_canceled"},
    {100, "no_renegotiation"},
    {109, "missing_extension"},
    {110, "unsupported_extension"},
    {111, "certificate_unobtainable"},
    {112, "unrecognized_name"},
    {113, "bad_certificate_status_response"},
    {114, "bad_certificate_hash_value"},
    {115, "unknown_psk_identity"},
    {116, "certificate_required"},
    {120, "no_application_protocol"},
}};

// RFC 8446 5.1 ContentType (heartbeat: RFC 6520).
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 5> kContentTypes{{
    {20, "change_cipher_spec"},
    {21, "alert"},
    {22, "handshake"},
    {23, "application_data"},
    {24, "heartbeat"},
}};

constexpr std::array<std::pair<std::uint16_t, std::string_view>, 8> kVersions{{
    {0x0300, "SSL 3.0"},
    {0x0301, "TLS 1.0"},
    {0x0302, "TLS 1.1"},
    {0x0303, "TLS 1.2"},
    {0x0304, "TLS 1.3"},
    {0xfeff, "DTLS 1.0"},
    {0xfefd, "DTLS 1.2"},
    {0xfefc, "DTLS 1.3"},
}};

}  // namespace

std::string handshake_type_name(std::uint8_t type) {
  const auto name = find_name(kHandshakeTypes, type);
  return name.empty() ? "unknown_" + std::to_string(type) : std::string(name);
}

std::string extension_name(std::uint16_t type) {
  const auto name = find_name(kExtensions, type);
  return name.empty() ? "unknown_extension_" + std::to_string(type) : std::string(name);
}

std::string group_name(std::uint16_t group) {
  const auto name = find_name(kGroups, group);
  return name.empty() ? decode_detail::hex16(group) : std::string(name);
}

std::string signature_scheme_name(std::uint16_t s) {
  const auto name = find_name(kSignatureSchemes, s);
  return name.empty() ? decode_detail::hex16(s) : std::string(name);
}

std::optional<std::uint16_t> signature_scheme_code(std::string_view name) {
  for (const auto& [code, known] : kSignatureSchemes)
    if (known == name) return code;
  return std::nullopt;
}

std::optional<std::uint8_t> alert_code(std::string_view name) {
  for (const auto& [code, known] : kAlerts)
    if (known == name) return code;
  return std::nullopt;
}

std::span<const std::string_view> alert_names() {
  static const auto kNames = [] {
    std::array<std::string_view, kAlerts.size()> names;
    for (std::size_t i = 0; i < kAlerts.size(); ++i) names[i] = kAlerts[i].second;
    return names;
  }();
  return kNames;
}

std::string alert_name(std::uint8_t description) {
  const auto name = find_name(kAlerts, description);
  return name.empty() ? "unknown_alert_" + std::to_string(description) : std::string(name);
}

std::string content_type_name(std::uint8_t type) {
  const auto name = find_name(kContentTypes, type);
  return name.empty() ? "unknown_content_type_" + std::to_string(type) : std::string(name);
}

std::string version_name(std::uint16_t version) {
  const auto name = find_name(kVersions, version);
  return name.empty() ? decode_detail::hex16(version) : std::string(name);
}

}  // namespace tlsclub
