// The handshake decoders (sim/decode/) on TLS 1.2 messages (RFC 5246 7.4, RFC 8422 5, RFC 6066 8),
// and the wire-value names the whole product uses.

#include <doctest/doctest.h>

#include "decode_vectors.h"

namespace tlsclub {
namespace {

using namespace test_vectors;

const DecodeContext kFromClient{TlsVersion::tls12, Side::client, false};
const DecodeContext kFromServer{TlsVersion::tls12, Side::server, false};

TEST_CASE("a TLS 1.2 ServerHello from a TLS 1.3 server shows the downgrade sentinel") {
  const auto hello = decode_handshake_message(club_server_hello_12(), kFromServer);
  CHECK(hello.error == "");
  CHECK(value_at(hello, "random")
            .ends_with("444f574e47524401 (downgrade sentinel: TLS 1.2 negotiated)"));
  CHECK(find_field(hello, "legacy_session_id_echo")->length == 1 + 32);
  CHECK(value_at(hello, "cipher_suite") == "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (0xc02b)");
  CHECK(value_at(hello, "extensions") == "7 extensions");
  CHECK(value_at(hello, "extensions/renegotiation_info/renegotiated_connection") == "(empty)");
  CHECK(value_at(hello, "extensions/ec_point_formats") == "uncompressed (0)");
  CHECK(value_at(hello, "extensions/status_request") == "(empty)");
  CHECK(value_at(hello, "extensions/application_layer_protocol_negotiation") == "h2");
}

TEST_CASE("a TLS 1.2 ClientHello may end after the compression methods") {
  const auto hello = decode_handshake_message(minimal_client_hello_12(), kFromClient);
  CHECK(hello.error == "");
  CHECK(find_field(hello, "extensions") == nullptr);
  CHECK(
      value_at(hello, "cipher_suites") ==
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (0xc02f), TLS_EMPTY_RENEGOTIATION_INFO_SCSV (0x00ff)");
}

TEST_CASE("a TLS 1.2 Certificate is a plain list of DER certificates") {
  const auto certificate = decode_handshake_message(club_certificate_12(), kFromServer);
  CHECK(certificate.error == "");
  CHECK(find_field(certificate, "certificate_request_context") == nullptr);
  const Field* list = find_field(certificate, "certificate_list");
  REQUIRE(list != nullptr);
  REQUIRE(list->children.size() == 2);
  CHECK(list->children[0].name == "certificate");
  CHECK(list->children[0].explain_key == "field.certificate");
  CHECK(value_at(certificate, "certificate_list/certificate/subject") ==
        "CN=club.example, O=TLS Club");
  CHECK(value_at(certificate, "certificate_list/certificate/issuer") ==
        "CN=Town Authority, O=TLS Club");
  CHECK(value_at(certificate, "certificate_list/certificate/not_before") == "2026-11-23T10:56:46Z");
  CHECK(value_at(certificate, "certificate_list/certificate/not_after") == "2027-11-23T10:56:46Z");
  CHECK(find_field(list->children[0].children, "subject")->explain_key ==
        "field.certificate.subject");
  CHECK(list->children[1].value == "CN=Town Authority, O=TLS Club (451 bytes)");
}

TEST_CASE("a CertificateStatus carries a good OCSP response") {
  const auto status = decode_handshake_message(club_certificate_status(), kFromServer);
  CHECK(status.error == "");
  CHECK(value_at(status, "status_type") == "ocsp (1)");
  CHECK(value_at(status, "ocsp_response/produced_at") == "2026-11-23T10:56:49Z");
  CHECK(value_at(status, "ocsp_response").starts_with("good, this update"));
}

TEST_CASE("an ECDHE ServerKeyExchange shows the curve, the point and the signature") {
  const auto exchange = decode_handshake_message(server_key_exchange_12(), kFromServer);
  CHECK(exchange.error == "");
  CHECK(value_at(exchange, "curve_type") == "named_curve (3)");
  CHECK(value_at(exchange, "named_group") == "x25519 (0x001d)");
  CHECK(value_at(exchange, "public").starts_with("x25519 (32 bytes): 9f9f"));
  CHECK(value_at(exchange, "signature_scheme") == "ecdsa_secp256r1_sha256 (0x0403)");
  CHECK(find_field(exchange, "signature")->length == 2 + 71);
}

TEST_CASE("a ServerKeyExchange with explicit curve parameters is an error") {
  Bytes tampered = server_key_exchange_12();
  tampered[4] = 1;  // explicit_prime
  const auto exchange = decode_handshake_message(tampered, kFromServer);
  CHECK(exchange.error == "server_key_exchange: curve_type 1 is not named_curve (RFC 8422 5.4)");
  CHECK(value_at(exchange, "curve_type") == "explicit_prime (1)");
  CHECK(find_field(exchange, "undecoded") != nullptr);
}

TEST_CASE("a TLS 1.2 CertificateRequest lists types, schemes and authorities") {
  const auto request = decode_handshake_message(certificate_request_12(), kFromServer);
  CHECK(request.error == "");
  CHECK(value_at(request, "certificate_types") == "ecdsa_sign (64), rsa_sign (1)");
  CHECK(value_at(request, "supported_signature_algorithms") ==
        "ecdsa_secp256r1_sha256 (0x0403), rsa_pss_rsae_sha256 (0x0804), rsa_pkcs1_sha256 (0x0401)");
  CHECK(value_at(request, "certificate_authorities/distinguished_name") ==
        "CN=Town Authority, O=TLS Club");
}

TEST_CASE("ClientKeyExchange holds an ECDH point, or an RSA-encrypted premaster secret") {
  const auto ecdhe = decode_handshake_message(client_key_exchange_ecdhe(), kFromClient);
  CHECK(ecdhe.error == "");
  CHECK(find_field(ecdhe, "ecdh_yc")->length == 1 + 65);

  DecodeContext rsa = kFromClient;
  rsa.rsa_key_exchange = true;
  const auto encrypted = decode_handshake_message(client_key_exchange_rsa(), rsa);
  CHECK(encrypted.error == "");
  CHECK(find_field(encrypted, "encrypted_pre_master_secret")->length == 2 + 256);
}

TEST_CASE("TLS 1.2 CertificateVerify, Finished, NewSessionTicket and the empty messages decode") {
  const auto verify = decode_handshake_message(certificate_verify_12(), kFromClient);
  CHECK(verify.error == "");
  CHECK(value_at(verify, "signature_scheme") == "ecdsa_secp256r1_sha256 (0x0403)");

  const auto finished = decode_handshake_message(finished_12(), kFromClient);
  CHECK(finished.error == "");
  CHECK(value_at(finished, "verify_data") == "f1f1f1f1f1f1f1f1f1f1f1f1");

  const auto ticket = decode_handshake_message(new_session_ticket_12(), kFromServer);
  CHECK(ticket.error == "");
  CHECK(value_at(ticket, "ticket_lifetime_hint") == "7200 s (2 h)");
  CHECK(find_field(ticket, "ticket")->length == 2 + 64);

  for (const Bytes& empty : {server_hello_done(), hello_request()}) {
    const auto message = decode_handshake_message(empty, kFromServer);
    CHECK(message.error == "");
    CHECK(message.fields.size() == 1);
  }
  CHECK(decode_handshake_message(hello_request(), kFromServer).name == "hello_request");
}

TEST_CASE("handshake types are named as in RFC 8446 4 and RFC 5246 7.4") {
  CHECK(handshake_type_name(0) == "hello_request");
  CHECK(handshake_type_name(1) == "client_hello");
  CHECK(handshake_type_name(8) == "encrypted_extensions");
  CHECK(handshake_type_name(12) == "server_key_exchange");
  CHECK(handshake_type_name(16) == "client_key_exchange");
  CHECK(handshake_type_name(22) == "certificate_status");
  CHECK(handshake_type_name(24) == "key_update");
  CHECK(handshake_type_name(99) == "unknown_99");
}

TEST_CASE("extensions are named as in the IANA registry") {
  CHECK(extension_name(0x0000) == "server_name");
  CHECK(extension_name(0x0010) == "application_layer_protocol_negotiation");
  CHECK(extension_name(0x0017) == "extended_master_secret");
  CHECK(extension_name(0x002b) == "supported_versions");
  CHECK(extension_name(0x0033) == "key_share");
  CHECK(extension_name(0xff01) == "renegotiation_info");
  CHECK(extension_name(0x001b) == "unknown_extension_27");
  CHECK(extension_name(0xfe0d) == "unknown_extension_65037");
}

TEST_CASE("groups and signature schemes are named, unknown ones shown in hex") {
  CHECK(group_name(0x001d) == "x25519");
  CHECK(group_name(0x0017) == "secp256r1");
  CHECK(group_name(0x0019) == "secp521r1");
  CHECK(group_name(0x001e) == "x448");
  CHECK(group_name(0x0100) == "ffdhe2048");
  CHECK(group_name(0x0104) == "ffdhe8192");
  CHECK(group_name(0x11ec) == "X25519MLKEM768");
  CHECK(group_name(0x11eb) == "SecP256r1MLKEM768");
  CHECK(group_name(0x11ed) == "SecP384r1MLKEM1024");
  CHECK(group_name(0x0201) == "MLKEM768");
  CHECK(group_name(0x1234) == "0x1234");
  CHECK(signature_scheme_name(0x0403) == "ecdsa_secp256r1_sha256");
  CHECK(signature_scheme_name(0x0603) == "ecdsa_secp521r1_sha512");
  CHECK(signature_scheme_name(0x0807) == "ed25519");
  CHECK(signature_scheme_name(0x0806) == "rsa_pss_rsae_sha512");
  CHECK(signature_scheme_name(0x080b) == "rsa_pss_pss_sha512");
  CHECK(signature_scheme_name(0x0501) == "rsa_pkcs1_sha384");
  CHECK(signature_scheme_name(0x0201) == "rsa_pkcs1_sha1");
  CHECK(signature_scheme_name(0x0203) == "ecdsa_sha1");
  CHECK(signature_scheme_name(0x0402) == "0x0402");
}

TEST_CASE("cipher suites are named by their IANA names") {
  CHECK(cipher_suite_name(0x1301) == "TLS_AES_128_GCM_SHA256");
  CHECK(cipher_suite_name(0x1303) == "TLS_CHACHA20_POLY1305_SHA256");
  CHECK(cipher_suite_name(0x1305) == "TLS_AES_128_CCM_8_SHA256");
  CHECK(cipher_suite_name(0xc02c) == "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
  CHECK(cipher_suite_name(0xcca8) == "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
  CHECK(cipher_suite_name(0xc027) == "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");
  CHECK(cipher_suite_name(0xc0ac) == "TLS_ECDHE_ECDSA_WITH_AES_128_CCM");
  CHECK(cipher_suite_name(0x009c) == "TLS_RSA_WITH_AES_128_GCM_SHA256");
  CHECK(cipher_suite_name(0x00ff) == "TLS_EMPTY_RENEGOTIATION_INFO_SCSV");
  CHECK(cipher_suite_name(0x0a0a) == "0x0a0a");
}

TEST_CASE("alerts, content types and versions are named") {
  const std::pair<int, const char*> alerts[] = {{0, "close_notify"},
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
                                                {120, "no_application_protocol"}};
  for (const auto& alert : alerts) {
    // Not a structured binding: clang 14 cannot capture one in doctest's CAPTURE lambda.
    const auto code = alert.first;
    CAPTURE(code);
    CHECK(alert_name(static_cast<std::uint8_t>(code)) == alert.second);
  }
  CHECK(alert_name(200) == "unknown_alert_200");
  CHECK(content_type_name(20) == "change_cipher_spec");
  CHECK(content_type_name(21) == "alert");
  CHECK(content_type_name(22) == "handshake");
  CHECK(content_type_name(23) == "application_data");
  CHECK(content_type_name(24) == "heartbeat");
  CHECK(content_type_name(99) == "unknown_content_type_99");
  CHECK(version_name(0x0300) == "SSL 3.0");
  CHECK(version_name(0x0301) == "TLS 1.0");
  CHECK(version_name(0x0302) == "TLS 1.1");
  CHECK(version_name(0x0303) == "TLS 1.2");
  CHECK(version_name(0x0304) == "TLS 1.3");
  CHECK(version_name(0x7f1c) == "0x7f1c");
}

}  // namespace
}  // namespace tlsclub
