#pragma once
// Internal to sim/pki: the pieces that certificates, CRLs and OCSP responses share — times on
// the scenario clock, serial numbers from the issuer's DRBG, and the signer an authority uses.
// Not part of the engine's interface (pki.h is).

#include <botan/asn1_obj.h>
#include <botan/bigint.h>
#include <botan/pk_keys.h>
#include <botan/pubkey.h>
#include <botan/rng.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/sim_time.h"

namespace tlsclub::pki::detail {

// RFC 5280 4.1.2.5 / 5.1.2.4: dates through 2049 MUST be UTCTime, 2050 on GeneralizedTime.
// (Botan's X509_Time picks the same way from a time_point; this only converts the clock.)
Botan::ASN1_Time rfc5280_time(SimTime t);

// RFC 6960 4.2.1: every OCSP time is a GeneralizedTime, whatever the year.
Botan::ASN1_Time generalized_time(SimTime t);

// RFC 5280 4.1.2.2: a positive integer of at most 20 octets. 63 bits from the DRBG, never zero,
// so the same seed gives the same serial and the value fits CertificateSpec::serial.
std::uint64_t draw_serial(Botan::RandomNumberGenerator& rng);

// The signature hash string Botan wants for `key`: Ed25519 hashes internally ("Pure"), so any
// requested hash is dropped; every other key type signs with `requested`.
std::string signature_hash_for(const Botan::Private_Key& key, std::string_view requested);

// The hash an authority uses for its CRLs and OCSP responses (no spec asks for one): SHA-384
// for a P-384 key (matching strength), SHA-256 otherwise, none for Ed25519.
std::string default_hash_for(const Botan::Private_Key& key);

// A signer producing X.509-style (DER) signatures, and the AlgorithmIdentifier to put next to
// them, chosen the way Botan's own X509_CA does.
std::unique_ptr<Botan::PK_Signer> make_signer(const Botan::Private_Key& key, std::string_view hash,
                                              Botan::RandomNumberGenerator& rng);

// SEQUENCE { tbs, signatureAlgorithm, signatureValue BIT STRING }: the shape shared by
// Certificate (RFC 5280 4.1), CertificateList (5.1) and BasicOCSPResponse (RFC 6960 4.2.1,
// without the optional certs). `tbs` is the complete DER of the to-be-signed SEQUENCE.
std::vector<std::uint8_t> sign_structure(Botan::PK_Signer& signer,
                                         Botan::RandomNumberGenerator& rng,
                                         const std::vector<std::uint8_t>& tbs);

}  // namespace tlsclub::pki::detail
