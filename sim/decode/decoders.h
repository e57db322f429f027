#pragma once
// The body decoders behind decode_handshake_message, one per message, and the shared pieces
// (extensions, certificates) they use. Internal to sim/decode.

#include <vector>

#include "decode/reader.h"

namespace tlsclub::decode_detail {

// Which message an extension block sits in: the same extension has different bodies in
// different messages (RFC 8446 4.2: key_share in ClientHello vs ServerHello).
enum class ExtensionHost {
  client_hello,
  server_hello,
  hello_retry_request,
  encrypted_extensions,
  certificate_request,
  certificate_entry,
  new_session_ticket,
};

// The body of a ServerHello carries SHA-256("HelloRetryRequest") as random (RFC 8446 4.1.3).
bool is_hello_retry_request(ByteView message);

// Each decoder reads the whole body cursor; the caller checks that nothing is left over.
void decode_client_hello(Cursor& body, std::vector<Field>& out);
void decode_server_hello(Cursor& body, std::vector<Field>& out, bool retry_request);
void decode_encrypted_extensions(Cursor& body, std::vector<Field>& out);
void decode_certificate(Cursor& body, std::vector<Field>& out);
void decode_certificate_request(Cursor& body, std::vector<Field>& out);
void decode_certificate_verify(Cursor& body, std::vector<Field>& out);
void decode_certificate_status(Cursor& body, std::vector<Field>& out);
void decode_finished(Cursor& body, std::vector<Field>& out);
void decode_new_session_ticket(Cursor& body, std::vector<Field>& out);
void decode_server_key_exchange(Cursor& body, std::vector<Field>& out);
void decode_client_key_exchange(Cursor& body, std::vector<Field>& out);
void decode_key_update(Cursor& body, std::vector<Field>& out);

// An extensions block: vector<2> of { extension_type, extension_data<2> }, one Field per
// extension named after it. False when the block's own framing failed.
bool take_extensions(Cursor& c, std::vector<Field>& out, ExtensionHost host);
// The content of one extension (its extension_data), as children.
void decode_extension_content(std::uint16_t type, Cursor& content, std::vector<Field>& out,
                              ExtensionHost host);

// Extension contents whose layout RFC 8446 4.2 defines (extension_contents.cpp).
void decode_key_share(Cursor& content, std::vector<Field>& out, ExtensionHost host);
void decode_pre_shared_key(Cursor& content, std::vector<Field>& out, ExtensionHost host);
void decode_status_request(Cursor& content, std::vector<Field>& out, ExtensionHost host);
void decode_certificate_authorities(Cursor& content, std::vector<Field>& out,
                                    std::string_view name);
void decode_oid_filters(Cursor& content, std::vector<Field>& out);
// CertificateStatus: status_type, then for ocsp an OCSPResponse<1..2^24-1> (RFC 6066 8).
void take_certificate_status(Cursor& c, std::vector<Field>& out);

// X.509 and OCSP through Botan (certificate_fields.cpp). Children ranges are the DER's range.
// Sets `field.value` to a one-line summary and appends the decoded parts to its children;
// false (and a "parse_error" child) when Botan rejects the DER.
bool describe_certificate(ByteView der, std::size_t der_offset, Field& field);
bool describe_ocsp_response(ByteView der, std::size_t der_offset, Field& field);
// "CN=club.example, O=TLS Club"; empty when the DER does not decode as a Name.
std::string distinguished_name_text(ByteView der);
// "1.3.6.1.5.5.7.3.1 (serverAuth)" from DER content bytes of an OBJECT IDENTIFIER.
std::string oid_text(ByteView content);

}  // namespace tlsclub::decode_detail
