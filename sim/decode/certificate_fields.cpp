// X.509 certificates, distinguished names and OCSP responses, decoded by Botan. Botan throws on
// malformed DER; every entry point here catches and reports instead (the bytes may be tampered).
#include <botan/ber_dec.h>
#include <botan/ocsp.h>
#include <botan/pk_keys.h>
#include <botan/pkix_types.h>
#include <botan/x509_ext.h>
#include <botan/x509cert.h>

#include <exception>

#include "decode/decoders.h"
#include "decode/x509_names.h"

namespace tlsclub::decode_detail {

namespace {

// "2026/03/01 20:00:00 UTC" -> "2026-03-01T20:00:00Z".
std::string iso_time(const Botan::X509_Time& time) {
  if (!time.time_is_set()) return "(not set)";
  std::string text = time.readable_string();
  if (text.size() < 19) return text;
  text.resize(19);
  text[4] = '-';
  text[7] = '-';
  text[10] = 'T';
  return text + "Z";
}

std::string dn_text(const Botan::X509_DN& dn) {
  std::string text;
  for (const auto& [oid, value] : dn.dn_info()) {
    const std::string dotted = oid.to_string();
    const std::string_view name = oid_name(dotted);
    if (!text.empty()) text += ", ";
    text += (name.empty() ? dotted : std::string(name)) + "=" + value.value();
  }
  return text.empty() ? "(empty name)" : text;
}

std::string join(const std::vector<std::string>& items, std::string_view none) {
  if (items.empty()) return std::string(none);
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

// RFC 5280 4.2.1.3, in bit order.
std::string key_usage_text(const Botan::X509_Certificate& cert) {
  if (!cert.v3_extensions().extension_set(Botan::OID("2.5.29.15"))) return "absent (no limit)";
  using KC = Botan::Key_Constraints;
  static constexpr std::pair<KC::Bits, const char*> kBits[] = {
      {KC::DigitalSignature, "digitalSignature"},
      {KC::NonRepudiation, "nonRepudiation"},
      {KC::KeyEncipherment, "keyEncipherment"},
      {KC::DataEncipherment, "dataEncipherment"},
      {KC::KeyAgreement, "keyAgreement"},
      {KC::KeyCertSign, "keyCertSign"},
      {KC::CrlSign, "cRLSign"},
      {KC::EncipherOnly, "encipherOnly"},
      {KC::DecipherOnly, "decipherOnly"}};
  std::vector<std::string> names;
  for (const auto& [bit, name] : kBits) {
    if (cert.constraints().includes(bit)) names.emplace_back(name);
  }
  return join(names, "(no bits set)");
}

std::string extended_key_usage_text(const Botan::X509_Certificate& cert) {
  std::vector<std::string> purposes;
  for (const auto& oid : cert.extended_key_usage())
    purposes.push_back(oid_with_name(oid.to_string()));
  return join(purposes, "absent (no limit)");
}

std::string basic_constraints_text(const Botan::X509_Certificate& cert) {
  using Botan::Cert_Extension::Basic_Constraints;
  const auto* constraints = cert.v3_extensions().get_extension_object_as<Basic_Constraints>();
  if (constraints == nullptr) return "absent (not a CA)";
  if (!constraints->get_is_ca()) return "CA: false";
  const std::size_t limit = constraints->get_path_limit();
  return "CA: true, " + (limit == Botan::Cert_Extension::NO_CERT_PATH_LIMIT
                             ? std::string("no path length limit")
                             : "path length " + std::to_string(limit));
}

std::string public_key_text(const Botan::X509_Certificate& cert) {
  try {
    const auto key = cert.subject_public_key();
    return key->algo_name() + " (" + std::to_string(key->key_length()) + " bits)";
  } catch (...) {
    return "unsupported key: " + cert.subject_public_key_algo().oid().to_formatted_string();
  }
}

std::string algorithm_text(const Botan::AlgorithmIdentifier& algorithm) {
  const std::string dotted = algorithm.oid().to_string();
  const std::string name = algorithm.oid().human_name_or_empty();
  return name.empty() ? dotted : name + " (" + dotted + ")";
}

std::vector<std::pair<std::string, std::string>> certificate_parts(
    const Botan::X509_Certificate& cert) {
  std::vector<std::string> dns_names(cert.subject_alt_name().dns().begin(),
                                     cert.subject_alt_name().dns().end());
  return {
      {"subject", dn_text(cert.subject_dn())},
      {"issuer", dn_text(cert.issuer_dn())},
      {"serial_number", hex_value(cert.serial_number())},
      {"not_before", iso_time(cert.not_before())},
      {"not_after", iso_time(cert.not_after())},
      {"subject_alt_name", join(dns_names, "(no DNS names)")},
      {"key_usage", key_usage_text(cert)},
      {"extended_key_usage", extended_key_usage_text(cert)},
      {"basic_constraints", basic_constraints_text(cert)},
      {"public_key", public_key_text(cert)},
      {"signature_algorithm", algorithm_text(cert.signature_algorithm())},
  };
}

void add_parse_error(Field& field, std::size_t offset, std::size_t length, std::string_view what,
                     const char* reason) {
  field.children.push_back(make_field("parse_error", std::string(what) + ": " + reason, offset,
                                      length, "field.parse_error"));
}

// RFC 6960 4.2.1 / 4.2.2.3: the SingleResponses inside a successful BasicOCSPResponse.
std::vector<Botan::OCSP::SingleResponse> single_responses(ByteView der) {
  Botan::BER_Decoder outer = Botan::BER_Decoder(der).start_sequence();
  std::size_t status = 0;
  outer.decode(status, Botan::ASN1_Type::Enumerated, Botan::ASN1_Class::Universal);
  Botan::BER_Decoder response_bytes = outer.start_context_specific(0).start_sequence();
  Botan::OID type;
  response_bytes.decode(type);
  Botan::BER_Decoder basic =
      Botan::BER_Decoder(response_bytes.get_next_octet_string()).start_sequence();
  std::vector<std::uint8_t> tbs;
  basic.start_sequence().raw_bytes(tbs).end_cons();
  const auto explicit_tag = Botan::ASN1_Class::ContextSpecific | Botan::ASN1_Class::Constructed;
  std::size_t version = 0;
  Botan::X509_DN signer;
  std::vector<std::uint8_t> key_hash;
  Botan::X509_Time produced_at;
  std::vector<Botan::OCSP::SingleResponse> responses;
  Botan::BER_Decoder(tbs)
      .decode_optional(version, Botan::ASN1_Type(0), explicit_tag)
      .decode_optional(signer, Botan::ASN1_Type(1), explicit_tag)
      .decode_optional_string(key_hash, Botan::ASN1_Type::OctetString, 2, explicit_tag)
      .decode(produced_at)
      .decode_list(responses);
  return responses;
}

std::string cert_status_text(const Botan::OCSP::SingleResponse& response) {
  static constexpr const char* kStatus[] = {"good", "revoked", "unknown"};
  const std::size_t status = response.cert_status();
  return std::string(status < 3 ? kStatus[status] : "invalid") + ", this update " +
         iso_time(response.this_update()) + ", next update " + iso_time(response.next_update());
}

std::string response_status_text(Botan::OCSP::Response_Status_Code status) {
  static constexpr const char* kNames[] = {"successful",  "malformedRequest", "internalError",
                                           "tryLater",    "(unused)",         "sigRequired",
                                           "unauthorized"};
  const auto code = static_cast<std::size_t>(status);
  return named8(code < 7 ? kNames[code] : "unknown", static_cast<std::uint8_t>(code));
}

}  // namespace

bool describe_certificate(ByteView der, std::size_t der_offset, Field& field) {
  try {
    const Botan::X509_Certificate cert(der.data(), der.size());
    auto parts = certificate_parts(cert);
    for (auto& [name, value] : parts) {
      field.children.push_back(
          make_field(name, std::move(value), der_offset, der.size(), "field.certificate." + name));
    }
    field.value = field.children.front().value + " (" + byte_count(der.size()) + ")";
    return true;
  } catch (const std::exception& e) {
    field.value = "undecodable certificate (" + byte_count(der.size()) + ")";
    add_parse_error(field, der_offset, der.size(), "not an X.509 certificate", e.what());
    return false;
  } catch (...) {
    field.value = "undecodable certificate (" + byte_count(der.size()) + ")";
    add_parse_error(field, der_offset, der.size(), "not an X.509 certificate", "unknown error");
    return false;
  }
}

bool describe_ocsp_response(ByteView der, std::size_t der_offset, Field& field) {
  try {
    const Botan::OCSP::Response response(der.data(), der.size());
    const auto add = [&](std::string_view name, std::string value) {
      field.children.push_back(make_field(name, std::move(value), der_offset, der.size(),
                                          "field.ocsp." + std::string(name)));
    };
    add("response_status", response_status_text(response.status()));
    field.value = field.children.back().value;
    if (response.status() != Botan::OCSP::Response_Status_Code::Successful) return true;
    add("responder", response.signer_name().empty()
                         ? "key hash " + hex_value(response.signer_key_hash())
                         : dn_text(response.signer_name()));
    add("produced_at", iso_time(response.produced_at()));
    for (const auto& single : single_responses(der)) add("cert_status", cert_status_text(single));
    if (field.children.back().name == "cert_status") field.value = field.children.back().value;
    return true;
  } catch (const std::exception& e) {
    field.value = "undecodable OCSP response (" + byte_count(der.size()) + ")";
    add_parse_error(field, der_offset, der.size(), "not an OCSP response", e.what());
    return false;
  } catch (...) {
    field.value = "undecodable OCSP response (" + byte_count(der.size()) + ")";
    add_parse_error(field, der_offset, der.size(), "not an OCSP response", "unknown error");
    return false;
  }
}

std::string distinguished_name_text(ByteView der) {
  try {
    Botan::X509_DN dn;
    Botan::BER_Decoder(der).decode(dn).verify_end();
    return dn_text(dn);
  } catch (...) {
    return {};
  }
}

}  // namespace tlsclub::decode_detail
