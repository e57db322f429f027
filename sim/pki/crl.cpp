// Certificate revocation lists, encoded by hand. Botan's X509_CA::new_crl/update_crl stamp every
// entry with the real clock (CRL_Entry has no date setter), which would make the town's lists
// differ from run to run; here every date is the scenario's.

#include <botan/der_enc.h>
#include <botan/pkix_types.h>
#include <botan/x509_ext.h>

#include "pki/der_support.h"
#include "pki/pki.h"

namespace tlsclub::pki {

namespace {

// RFC 5280 5.1.2.1: "When extensions are used, as required by this profile, this field MUST be
// present and MUST specify version 2 (the integer value is 1)."
constexpr std::size_t kCrlVersionV2 = 1;

// revokedCertificates ::= SEQUENCE OF SEQUENCE { userCertificate, revocationDate,
// crlEntryExtensions OPTIONAL } (RFC 5280 5.1).
void encode_entries(Botan::DER_Encoder& der, const std::vector<CrlEntry>& entries) {
  // RFC 5280 5.1.2.6: "When there are no revoked certificates, the revoked certificates list
  // MUST be absent."
  if (entries.empty()) return;
  der.start_sequence();
  for (const auto& entry : entries) {
    der.start_sequence()
        .encode(Botan::BigInt::from_u64(entry.serial))
        .encode(detail::rfc5280_time(entry.revocation_date));
    // RFC 5280 5.3.1: "CRL issuers are strongly encouraged to include meaningful reason codes
    // ... the reason code CRL entry extension SHOULD be absent instead of using the
    // unspecified (0) reasonCode value." Extensions SIZE (1..MAX): no empty SEQUENCE either.
    if (entry.reason != RevocationReason::unspecified) {
      Botan::Extensions entry_extensions;
      entry_extensions.add(std::make_unique<Botan::Cert_Extension::CRL_ReasonCode>(
          static_cast<Botan::CRL_Code>(entry.reason)));
      der.start_sequence().encode(entry_extensions).end_cons();
    }
    der.end_cons();
  }
  der.end_cons();
}

}  // namespace

Bytes make_crl(const Identity& issuer, const std::vector<CrlEntry>& entries, SimTime this_update,
               SimTime next_update, std::uint64_t crl_number, Botan::RandomNumberGenerator& rng,
               const Botan::Private_Key* signing_key) {
  const Botan::Private_Key& key = signing_key ? *signing_key : *issuer.key;
  auto signer = detail::make_signer(key, detail::default_hash_for(key), rng);

  // RFC 5280 5.2.1 (authorityKeyIdentifier: "Conforming CRL issuers MUST use the key
  // identifier method, and MUST include this extension in all CRLs issued") and 5.2.3 (cRLNumber:
  // "conforming CRL issuers MUST include this extension in all CRLs"). Neither is critical.
  Botan::Extensions crl_extensions;
  crl_extensions.add(std::make_unique<Botan::Cert_Extension::Authority_Key_ID>(
      issuer.certificate.subject_key_id()));
  crl_extensions.add(std::make_unique<Botan::Cert_Extension::CRL_Number>(crl_number));

  // TBSCertList, RFC 5280 5.1. The issuer Name is the authority's subject exactly as encoded in
  // its certificate (Botan keeps the parsed bytes), so name matching cannot drift.
  std::vector<std::uint8_t> tbs;
  Botan::DER_Encoder der(tbs);
  der.start_sequence()
      .encode(kCrlVersionV2)
      .encode(signer->algorithm_identifier())  // 5.1.2.2: MUST equal signatureAlgorithm
      .encode(issuer.certificate.subject_dn())
      .encode(detail::rfc5280_time(this_update))   // 5.1.2.4
      .encode(detail::rfc5280_time(next_update));  // 5.1.2.5: "MUST include nextUpdate"
  encode_entries(der, entries);
  der.start_explicit(0).start_sequence().encode(crl_extensions).end_cons().end_explicit();
  der.end_cons();

  return detail::sign_structure(*signer, rng, tbs);
}

}  // namespace tlsclub::pki
