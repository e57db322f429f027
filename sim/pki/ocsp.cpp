// OCSP responses, encoded by hand: Botan parses and checks them but cannot make them. The layout
// follows RFC 6960 4.2.1; its ASN.1 module (Appendix B.1) uses EXPLICIT tags by default, so only
// the CertStatus choices below are IMPLICIT.

#include <botan/der_enc.h>
#include <botan/ocsp.h>

#include "pki/der_support.h"
#include "pki/pki.h"

namespace tlsclub::pki {

namespace {

// RFC 6960 4.2.1: OCSPResponseStatus successful (0), and id-pkix-ocsp-basic, the one response
// type every client MUST support.
constexpr std::size_t kSuccessful = 0;
const char* const kIdPkixOcspBasic = "1.3.6.1.5.5.7.48.1.1";

// CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo,
//                         unknown [2] IMPLICIT UnknownInfo (NULL) }
void encode_cert_status(Botan::DER_Encoder& der, const OcspAnswer& answer) {
  const std::vector<std::uint8_t> null_contents;
  switch (answer.status) {
    case OcspStatus::good:
      der.add_object(Botan::ASN1_Type(0), Botan::ASN1_Class::ContextSpecific, null_contents);
      return;
    case OcspStatus::revoked:
      // RevokedInfo ::= SEQUENCE { revocationTime GeneralizedTime,
      //                            revocationReason [0] EXPLICIT CRLReason OPTIONAL }
      der.start_context_specific(1).encode(
          detail::generalized_time(answer.revocation_time.value_or(answer.this_update)));
      if (answer.reason != RevocationReason::unspecified) {
        der.start_explicit(0)
            .encode(static_cast<std::size_t>(answer.reason), Botan::ASN1_Type::Enumerated,
                    Botan::ASN1_Class::Universal)
            .end_explicit();
      }
      der.end_cons();
      return;
    case OcspStatus::unknown:
      der.add_object(Botan::ASN1_Type(2), Botan::ASN1_Class::ContextSpecific, null_contents);
      return;
  }
}

// ResponseData ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1, responderID,
//   producedAt GeneralizedTime, responses SEQUENCE OF SingleResponse, responseExtensions [1] }
std::vector<std::uint8_t> response_data(const Identity& issuer,
                                        const Botan::X509_Certificate& subject,
                                        const OcspAnswer& answer) {
  // CertID (4.1.1) hashes the issuer's name and key; Botan's CertID uses SHA-1, which every
  // responder and client understands (RFC 5019 2.1.1 makes it the lightweight profile's choice).
  const Botan::OCSP::CertID cert_id(issuer.certificate,
                                    Botan::BigInt::from_bytes(subject.serial_number()));

  std::vector<std::uint8_t> tbs;
  Botan::DER_Encoder der(tbs);
  // DER omits a DEFAULT value, so version v1 is not written.
  der.start_sequence()
      // ResponderID byName [1] Name: the issuer answers for itself (4.2.2.2, "the CA who issued
      // the certificate in question").
      .start_explicit(1)
      .encode(issuer.certificate.subject_dn())
      .end_explicit()
      .encode(detail::generalized_time(answer.this_update))  // producedAt
      .start_sequence()                                      // responses
      .start_sequence()                                      // SingleResponse
      .encode(cert_id);
  encode_cert_status(der, answer);
  der.encode(detail::generalized_time(answer.this_update));
  // nextUpdate [0] EXPLICIT: 4.2.2.1 — without it, "newer information is always available".
  if (answer.next_update) {
    der.start_explicit(0).encode(detail::generalized_time(*answer.next_update)).end_explicit();
  }
  der.end_cons().end_cons().end_cons();
  return tbs;
}

}  // namespace

Bytes make_ocsp_response(const Identity& issuer, const Botan::X509_Certificate& subject,
                         const OcspAnswer& answer, Botan::RandomNumberGenerator& rng,
                         const Botan::Private_Key* signing_key) {
  const Botan::Private_Key& key = signing_key ? *signing_key : *issuer.key;
  auto signer = detail::make_signer(key, detail::default_hash_for(key), rng);

  // BasicOCSPResponse ::= SEQUENCE { tbsResponseData, signatureAlgorithm, signature BIT STRING,
  //   certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL } — no certs: the issuer signs itself,
  // so the client already holds the certificate to check with (4.2.2.2).
  const auto basic = detail::sign_structure(*signer, rng, response_data(issuer, subject, answer));

  // OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED,
  //   responseBytes [0] EXPLICIT ResponseBytes { responseType OID, response OCTET STRING } }
  Bytes out;
  Botan::DER_Encoder(out)
      .start_sequence()
      .encode(kSuccessful, Botan::ASN1_Type::Enumerated, Botan::ASN1_Class::Universal)
      .start_explicit(0)
      .start_sequence()
      .encode(Botan::OID::from_string(kIdPkixOcspBasic))
      .encode(basic, Botan::ASN1_Type::OctetString)
      .end_cons()
      .end_explicit()
      .end_cons();
  return out;
}

}  // namespace tlsclub::pki
