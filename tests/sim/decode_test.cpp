// The handshake decoders (sim/decode/) on TLS 1.3 messages: the RFC 8448 transcripts decode to
// the values the RFC prints, and hand-built messages cover what RFC 8448 does not show.

#include <doctest/doctest.h>

#include "decode_vectors.h"

namespace tlsclub {
namespace {

using namespace test_vectors;

const DecodeContext kFromClient{TlsVersion::tls13, Side::client, false};
const DecodeContext kFromServer{TlsVersion::tls13, Side::server, false};

std::vector<std::string> child_values(const DecodedMessage& message, std::string_view path) {
  std::vector<std::string> values;
  if (const Field* field = find_field(message, path)) {
    for (const Field& child : field->children) values.push_back(child.value);
  }
  return values;
}

TEST_CASE("the RFC 8448 ClientHello decodes to its random, suites and x25519 key share") {
  const auto hello = decode_handshake_message(rfc8448_client_hello(), kFromClient);
  CHECK(hello.error == "");
  CHECK(hello.name == "client_hello");
  CHECK(hello.type == 1);
  CHECK(hello.bytes == rfc8448_client_hello());
  CHECK(value_at(hello, "header/msg_type") == "client_hello (1)");
  CHECK(value_at(hello, "header/length") == "192 bytes");
  CHECK(value_at(hello, "legacy_version") == "0x0303 (TLS 1.2)");
  CHECK(value_at(hello, "random") ==
        "cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7");
  CHECK(value_at(hello, "legacy_session_id") == "(empty)");
  CHECK(child_values(hello, "cipher_suites") ==
        std::vector<std::string>{"TLS_AES_128_GCM_SHA256 (0x1301)",
                                 "TLS_CHACHA20_POLY1305_SHA256 (0x1303)",
                                 "TLS_AES_256_GCM_SHA384 (0x1302)"});
  CHECK(value_at(hello, "legacy_compression_methods") == "null (0)");
  CHECK(value_at(hello, "extensions/server_name/server_name_list/server_name/host_name") ==
        "server");
  const Field* share = find_field(hello, "extensions/key_share/client_shares/key_share_entry");
  REQUIRE(share != nullptr);
  CHECK(share->value == "x25519 (32 bytes)");
  CHECK(value_at(hello, "extensions/key_share/client_shares/key_share_entry/group") ==
        "x25519 (0x001d)");
  const Field* key =
      find_field(hello, "extensions/key_share/client_shares/key_share_entry/key_exchange");
  REQUIRE(key != nullptr);
  CHECK(key->value == "99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c");
  CHECK(key->length == 2 + 32);  // the length prefix belongs to the field
  CHECK(bytes_of(hello, *key) ==
        hex("0020 99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c"));
  CHECK(value_at(hello, "extensions/supported_versions") == "0x0304 (TLS 1.3)");
  CHECK(value_at(hello, "extensions/psk_key_exchange_modes") == "psk_dhe_ke (1)");
  CHECK(value_at(hello, "extensions/record_size_limit") == "16385");
  CHECK(value_at(hello, "extensions/supported_groups/named_group_list") == "9 groups");
  CHECK(value_at(hello,
                 "extensions/signature_algorithms/supported_signature_algorithms/"
                 "signature_scheme") == "ecdsa_secp256r1_sha256 (0x0403)");
}

TEST_CASE("the RFC 8448 ServerHello selects TLS_AES_128_GCM_SHA256, x25519 and TLS 1.3") {
  const auto hello = decode_handshake_message(rfc8448_server_hello(), kFromServer);
  CHECK(hello.error == "");
  CHECK(hello.name == "server_hello");
  CHECK(value_at(hello, "random") ==
        "a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155772ed3e26928");
  CHECK(value_at(hello, "legacy_session_id_echo") == "(empty)");
  CHECK(value_at(hello, "cipher_suite") == "TLS_AES_128_GCM_SHA256 (0x1301)");
  CHECK(value_at(hello, "legacy_compression_method") == "null (0)");
  CHECK(value_at(hello, "extensions/key_share") == "x25519 (32 bytes)");
  CHECK(value_at(hello, "extensions/key_share/key_share_entry/key_exchange") ==
        "c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f");
  CHECK(value_at(hello, "extensions/supported_versions/selected_version") == "0x0304 (TLS 1.3)");
}

TEST_CASE("a ServerHello with the special random is named hello_retry_request") {
  const auto retry = decode_handshake_message(rfc8448_hello_retry_request(), kFromServer);
  CHECK(retry.error == "");
  CHECK(retry.name == "hello_retry_request");
  CHECK(retry.type == 2);
  CHECK(value_at(retry, "random")
            .starts_with("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c"));
  CHECK(value_at(retry, "extensions/key_share/selected_group") == "secp256r1 (0x0017)");
  CHECK(find_field(retry, "extensions/cookie/cookie")->length == 2 + 114);
  CHECK(value_at(retry, "extensions/supported_versions/selected_version") == "0x0304 (TLS 1.3)");
}

TEST_CASE("the RFC 8448 EncryptedExtensions carry groups, record_size_limit and server_name") {
  const auto ee = decode_handshake_message(rfc8448_encrypted_extensions(), kFromServer);
  CHECK(ee.error == "");
  CHECK(ee.name == "encrypted_extensions");
  CHECK(value_at(ee, "extensions") == "3 extensions");
  CHECK(value_at(ee, "extensions/record_size_limit/record_size_limit") == "16385");
  CHECK(value_at(ee, "extensions/server_name") == "(empty)");
}

TEST_CASE("the RFC 8448 Certificate shows the RSA certificate's fields") {
  const auto certificate = decode_handshake_message(rfc8448_certificate(), kFromServer);
  CHECK(certificate.error == "");
  CHECK(value_at(certificate, "certificate_request_context") == "(empty)");
  CHECK(value_at(certificate, "certificate_list") == "1 certificate");
  const std::string entry = "certificate_list/certificate_entry/cert_data/";
  CHECK(value_at(certificate, entry + "subject") == "CN=rsa");
  CHECK(value_at(certificate, entry + "issuer") == "CN=rsa");
  CHECK(value_at(certificate, entry + "serial_number") == "02");
  CHECK(value_at(certificate, entry + "not_before") == "2016-07-30T01:23:59Z");
  CHECK(value_at(certificate, entry + "not_after") == "2026-07-30T01:23:59Z");
  CHECK(value_at(certificate, entry + "key_usage") == "digitalSignature, keyEncipherment");
  CHECK(value_at(certificate, entry + "basic_constraints") == "CA: false");
  CHECK(value_at(certificate, entry + "public_key") == "RSA (1024 bits)");
  CHECK(value_at(certificate, entry + "signature_algorithm") ==
        "RSA/PKCS1v15(SHA-256) (1.2.840.113549.1.1.11)");
  CHECK(value_at(certificate, "certificate_list/certificate_entry/extensions") == "0 extensions");
}

TEST_CASE("the RFC 8448 CertificateVerify, Finished and NewSessionTicket decode") {
  const auto verify = decode_handshake_message(rfc8448_certificate_verify(), kFromServer);
  CHECK(verify.error == "");
  CHECK(value_at(verify, "signature_scheme") == "rsa_pss_rsae_sha256 (0x0804)");
  CHECK(value_at(verify, "signature").ends_with("… (128 bytes)"));
  CHECK(find_field(verify, "signature")->length == 2 + 128);

  const auto finished = decode_handshake_message(rfc8448_server_finished(), kFromServer);
  CHECK(finished.error == "");
  CHECK(value_at(finished, "verify_data") ==
        "9b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454b78f0718");

  const auto ticket = decode_handshake_message(rfc8448_new_session_ticket(), kFromServer);
  CHECK(ticket.error == "");
  CHECK(value_at(ticket, "ticket_lifetime") == "30 s");
  CHECK(value_at(ticket, "ticket_age_add") == "0xfad6aac5");
  CHECK(value_at(ticket, "ticket_nonce") == "0000");
  CHECK(find_field(ticket, "ticket")->length == 2 + 178);
  CHECK(value_at(ticket, "extensions/early_data/max_early_data_size") == "1024");
}

TEST_CASE("the RFC 8448 resumption ClientHello offers one PSK with its binder") {
  const auto hello = decode_handshake_message(rfc8448_resumption_client_hello(), kFromClient);
  CHECK(hello.error == "");
  CHECK(value_at(hello, "extensions/early_data") == "(empty)");
  CHECK(value_at(hello, "extensions/padding/zeros") == "87 bytes of zeros");
  const std::string psk = "extensions/pre_shared_key/";
  CHECK(find_field(hello, psk + "identities/psk_identity/identity")->length == 2 + 178);
  CHECK(value_at(hello, psk + "identities/psk_identity/obfuscated_ticket_age") == "0xfad6aacb");
  CHECK(value_at(hello, psk + "binders/binder") ==
        "3add4fb2d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d");
}

TEST_CASE("a ClientHello's extensions each decode under their IANA name") {
  const auto hello = decode_handshake_message(club_client_hello(), kFromClient);
  CHECK(hello.error == "");
  CHECK(value_at(hello, "legacy_session_id").size() == 64);
  CHECK(value_at(hello, "extensions/server_name") == "club.example");
  CHECK(value_at(hello, "extensions/max_fragment_length") == "2^12 (4096 bytes)");
  CHECK(value_at(hello, "extensions/status_request/status_type") == "ocsp (1)");
  CHECK(value_at(hello, "extensions/supported_groups") ==
        "X25519MLKEM768 (0x11ec), x25519 (0x001d), secp256r1 (0x0017)");
  CHECK(value_at(hello, "extensions/ec_point_formats") == "uncompressed (0)");
  CHECK(value_at(hello, "extensions/use_srtp/extension_data") == "0002000100");
  CHECK(value_at(hello, "extensions/heartbeat") == "peer_allowed_to_send (1)");
  CHECK(child_values(hello,
                     "extensions/application_layer_protocol_negotiation/"
                     "protocol_name_list") == std::vector<std::string>{"h2", "http/1.1"});
  CHECK(value_at(hello, "extensions/client_certificate_type") == "RawPublicKey (2), X509 (0)");
  CHECK(value_at(hello, "extensions/supported_versions") == "0x0304 (TLS 1.3), 0x0303 (TLS 1.2)");
  CHECK(value_at(hello, "extensions/certificate_authorities/authorities/distinguished_name") ==
        "CN=Town Authority, O=TLS Club");
  CHECK(value_at(hello, "extensions/signature_algorithms_cert") ==
        "ecdsa_secp256r1_sha256 (0x0403), rsa_pss_rsae_sha256 (0x0804)");
  CHECK(value_at(hello, "extensions/key_share") ==
        "X25519MLKEM768 (1216 bytes), x25519 (32 bytes)");
  CHECK(value_at(hello, "extensions/renegotiation_info/renegotiated_connection") == "(empty)");
  CHECK(value_at(hello, "extensions/padding") == "16 bytes of zeros");
  for (const char* empty : {"signed_certificate_timestamp", "encrypt_then_mac",
                            "extended_master_secret", "session_ticket", "post_handshake_auth"}) {
    CAPTURE(empty);
    CHECK(value_at(hello, "extensions/" + std::string(empty)) == "(empty)");
  }
}

TEST_CASE("an unknown extension is named by its number and explained as extension.unknown") {
  const auto hello = decode_handshake_message(club_client_hello(), kFromClient);
  const Field* unknown = find_field(hello, "extensions/unknown_extension_65037");
  REQUIRE(unknown != nullptr);
  CHECK(unknown->explain_key == "extension.unknown");
  CHECK(unknown->value == "1111111111111111");
  const Field* known = find_field(hello, "extensions/key_share");
  REQUIRE(known != nullptr);
  CHECK(known->explain_key == "extension.key_share");
  CHECK(value_at(hello, "extensions/key_share/extension_type") == "key_share (0x0033)");
  CHECK(value_at(hello, "extensions/key_share/length") == "1258 bytes");
}

TEST_CASE("a hybrid post-quantum ServerHello shows the 1120-byte share and the chosen PSK") {
  const auto hello = decode_handshake_message(club_server_hello_13(), kFromServer);
  CHECK(hello.error == "");
  CHECK(value_at(hello, "extensions/key_share") == "X25519MLKEM768 (1120 bytes)");
  CHECK(value_at(hello, "extensions/pre_shared_key/selected_identity") == "0");
}

TEST_CASE("EncryptedExtensions carry the server's single answers") {
  const auto ee = decode_handshake_message(club_encrypted_extensions(), kFromServer);
  CHECK(ee.error == "");
  CHECK(value_at(ee, "extensions/application_layer_protocol_negotiation") == "h2");
  CHECK(value_at(ee, "extensions/client_certificate_type/certificate_type") == "RawPublicKey (2)");
  CHECK(value_at(ee, "extensions/early_data") == "(empty)");
  CHECK(value_at(ee, "extensions/unknown_extension_4660/extension_data") == "cafe");
}

TEST_CASE("a TLS 1.3 Certificate shows the badge, its stapled OCSP response and the authority") {
  const auto certificate = decode_handshake_message(club_certificate_13(), kFromServer);
  CHECK(certificate.error == "");
  const Field* list = find_field(certificate, "certificate_list");
  REQUIRE(list != nullptr);
  REQUIRE(list->children.size() == 2);
  const Field& badge = list->children[0];
  CHECK(badge.value == "CN=club.example, O=TLS Club (499 bytes)");
  const auto& data = badge.children.at(0);
  CHECK(data.name == "cert_data");
  CHECK(bytes_of(certificate, data) == cat({u24(club_badge_der().size()), club_badge_der()}));
  CHECK(value_at(certificate, "certificate_list/certificate_entry/cert_data/subject_alt_name") ==
        "club.example, www.club.example");
  CHECK(value_at(certificate, "certificate_list/certificate_entry/cert_data/extended_key_usage") ==
        "1.3.6.1.5.5.7.3.1 (serverAuth), 1.3.6.1.5.5.7.3.2 (clientAuth)");
  CHECK(value_at(certificate, "certificate_list/certificate_entry/cert_data/key_usage") ==
        "digitalSignature");
  CHECK(value_at(certificate, "certificate_list/certificate_entry/cert_data/serial_number") ==
        "1001");
  CHECK(value_at(certificate, "certificate_list/certificate_entry/cert_data/public_key") ==
        "ECDSA (256 bits)");
  const std::string ocsp = "certificate_list/certificate_entry/extensions/status_request/";
  CHECK(value_at(certificate, ocsp + "status_type") == "ocsp (1)");
  CHECK(value_at(certificate, ocsp + "ocsp_response/response_status") == "successful (0)");
  CHECK(value_at(certificate, ocsp + "ocsp_response/responder") == "CN=Town Authority, O=TLS Club");
  CHECK(value_at(certificate, ocsp + "ocsp_response/cert_status") ==
        "good, this update 2026-11-23T10:56:49Z, next update 2026-11-30T10:56:49Z");
  const Field& authority = list->children[1];
  CHECK(authority.value == "CN=Town Authority, O=TLS Club (451 bytes)");
  const Field* constraints = find_field(authority.children, "cert_data/basic_constraints");
  REQUIRE(constraints != nullptr);
  CHECK(constraints->value == "CA: true, path length 1");
  CHECK(find_field(authority.children, "cert_data/key_usage")->value == "keyCertSign, cRLSign");
}

TEST_CASE("a visitor's empty Certificate decodes as 'no certificate'") {
  const auto certificate = decode_handshake_message(empty_certificate_13(), kFromClient);
  CHECK(certificate.error == "");
  CHECK(value_at(certificate, "certificate_list") == "(empty: no certificate)");
}

TEST_CASE("a TLS 1.3 CertificateRequest lists schemes, authorities and an EKU filter") {
  const auto request = decode_handshake_message(club_certificate_request_13(), kFromServer);
  CHECK(request.error == "");
  CHECK(value_at(request, "certificate_request_context") == "(empty)");
  CHECK(value_at(request, "extensions/signature_algorithms") ==
        "ecdsa_secp256r1_sha256 (0x0403), rsa_pss_rsae_sha256 (0x0804), ed25519 (0x0807)");
  CHECK(value_at(request, "extensions/certificate_authorities") == "CN=Town Authority, O=TLS Club");
  CHECK(value_at(request, "extensions/oid_filters/filters/oid_filter/certificate_extension_oid") ==
        "2.5.29.37 (extKeyUsage)");
  CHECK(value_at(request, "extensions/status_request/responder_id_list") == "(empty)");
}

TEST_CASE("KeyUpdate, EndOfEarlyData and unknown messages decode") {
  const auto update = decode_handshake_message(key_update(), kFromClient);
  CHECK(update.error == "");
  CHECK(value_at(update, "request_update") == "update_requested (1)");

  const auto end = decode_handshake_message(end_of_early_data(), kFromClient);
  CHECK(end.error == "");
  CHECK(end.name == "end_of_early_data");
  CHECK(end.fields.size() == 1);

  const auto unknown = decode_handshake_message(unknown_message(), kFromClient);
  CHECK(unknown.error == "");
  CHECK(unknown.name == "unknown_99");
  CHECK(value_at(unknown, "body") == "abcd");
}

}  // namespace
}  // namespace tlsclub
