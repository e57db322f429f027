// Certificate, CertificateRequest, CertificateVerify, CertificateStatus and Finished bodies
// (RFC 8446 4.3.2, 4.4; RFC 5246 7.4.2, 7.4.4, 7.4.8, 7.4.9; RFC 6066 8).
#include "decode/decoders.h"

namespace tlsclub::decode_detail {

namespace {

bool tls13(const Cursor& c) {
  return c.context().version == TlsVersion::tls13;
}

// RFC 5246 7.4.4 ClientCertificateType, RFC 8422 5.5.
std::string describe_client_certificate_type(std::uint32_t value) {
  const char* name = value == 1    ? "rsa_sign"
                     : value == 2  ? "dss_sign"
                     : value == 3  ? "rsa_fixed_dh"
                     : value == 4  ? "dss_fixed_dh"
                     : value == 64 ? "ecdsa_sign"
                     : value == 65 ? "rsa_fixed_ecdh"
                     : value == 66 ? "ecdsa_fixed_ecdh"
                                   : "unknown";
  return named8(name, static_cast<std::uint8_t>(value));
}

// One DER certificate with a 3-byte length: TLS 1.2 ASN.1Cert, TLS 1.3 cert_data.
bool take_certificate(Cursor& c, std::vector<Field>& out, std::string_view name) {
  auto certificate = open_vector(c, out, 3, name);
  if (!certificate) return false;
  const ByteView der = certificate->content.peek(certificate->content.left());
  if (!describe_certificate(der, certificate->content.pos(), certificate->field)) {
    c.decoder().fail(std::string(name) + " at offset " + std::to_string(certificate->field.offset) +
                     ": not a valid X.509 certificate (RFC 5280 4.1)");
  }
  out.push_back(std::move(certificate->field));
  return true;
}

// RFC 8446 4.4.2: CertificateEntry { cert_data<1..2^24-1>; Extension extensions<0..2^16-1> }.
bool take_certificate_entry(Cursor& c, std::vector<Field>& out) {
  Field entry = make_field("certificate_entry", "truncated", c.pos(), 0);
  const bool ok = take_certificate(c, entry.children, "cert_data") &&
                  take_extensions(c, entry.children, ExtensionHost::certificate_entry);
  if (!entry.children.empty() && entry.children.front().name == "cert_data") {
    entry.value = entry.children.front().value;
  }
  entry.length = c.pos() - entry.offset;
  out.push_back(std::move(entry));
  return ok;
}

}  // namespace

void decode_certificate(Cursor& body, std::vector<Field>& out) {
  const bool v13 = tls13(body);
  if (v13 && !take_opaque(body, out, 1, "certificate_request_context")) return;
  auto list = open_vector(body, out, 3, "certificate_list");
  if (!list) return;
  auto& items = list->field.children;
  while (!list->content.done()) {
    const bool ok = v13 ? take_certificate_entry(list->content, items)
                        : take_certificate(list->content, items, "certificate");
    if (!ok) break;
  }
  list->field.value = items.empty() ? "(empty: no certificate)"
                                    : std::to_string(items.size()) +
                                          (items.size() == 1 ? " certificate" : " certificates");
  out.push_back(std::move(list->field));
}

void decode_certificate_request(Cursor& body, std::vector<Field>& out) {
  if (tls13(body)) {
    if (!take_opaque(body, out, 1, "certificate_request_context")) return;
    take_extensions(body, out, ExtensionHost::certificate_request);
    return;
  }
  if (!take_number_list(body, out, 1, "certificate_types", 1, "client_certificate_type",
                        describe_client_certificate_type, "types")) {
    return;
  }
  if (!take_number_list(body, out, 2, "supported_signature_algorithms", 2, "signature_scheme",
                        describe_scheme, "schemes")) {
    return;
  }
  decode_certificate_authorities(body, out, "certificate_authorities");
}

void decode_certificate_verify(Cursor& body, std::vector<Field>& out) {
  if (!take_number(body, out, 2, "signature_scheme", describe_scheme)) return;
  take_opaque(body, out, 2, "signature");
}

void decode_certificate_status(Cursor& body, std::vector<Field>& out) {
  take_certificate_status(body, out);
}

void decode_finished(Cursor& body, std::vector<Field>& out) {
  // RFC 8446 4.4.4: verify_data is Hash.length bytes; RFC 5246 7.4.9: 12 bytes.
  if (body.done()) {
    body.decoder().fail("finished: verify_data is empty");
    return;
  }
  take_rest(body, out, "verify_data");
}

}  // namespace tlsclub::decode_detail
