#pragma once
// The town's paperwork: authorities, the badges and cards they issue, their lists of cancelled
// cards (CRLs) and their fresh stamps (OCSP responses). All of it generated from seeded DRBGs at
// the scenario's clock, never read from files.

#include <botan/pk_keys.h>
#include <botan/rng.h>
#include <botan/x509cert.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/bytes.h"
#include "core/sim_time.h"
#include "pki/specs.h"

namespace tlsclub::pki {

// A certificate with its private key.
struct Identity {
  Botan::X509_Certificate certificate;
  std::shared_ptr<Botan::Private_Key> key;
};

std::unique_ptr<Botan::Private_Key> generate_key(KeyType type, Botan::RandomNumberGenerator& rng);

// A root: self-signed. `spec.is_ca` is forced on.
Identity make_root(const CertificateSpec& spec, Botan::RandomNumberGenerator& rng);

// Self-signed without forcing cA: a badge someone made for itself (`openssl req -x509`).
Identity make_self_signed(const CertificateSpec& spec, Botan::RandomNumberGenerator& rng);

// The same certificate with one byte of its signature changed: the seal no longer verifies,
// everything else reads as before.
Identity with_altered_signature(const Identity& identity);

// Issue `spec` under `issuer`. `signing_key`, if given, signs instead of the issuer's real key
// (the forged-seal fault: issuer name and key identifier still point at the real authority).
Identity issue(const Identity& issuer, const CertificateSpec& spec,
               Botan::RandomNumberGenerator& rng, const Botan::Private_Key* signing_key = nullptr);

// A DER CRL (RFC 5280 5) signed by `issuer` (or `signing_key`), reproducible byte for byte.
Bytes make_crl(const Identity& issuer, const std::vector<CrlEntry>& entries, SimTime this_update,
               SimTime next_update, std::uint64_t crl_number, Botan::RandomNumberGenerator& rng,
               const Botan::Private_Key* signing_key = nullptr);

// A DER OCSPResponse (RFC 6960 4.2.1) for `subject`, issued by `issuer`: responseStatus
// successful, a BasicOCSPResponse signed by the issuer itself (or by `signing_key`, the
// wrong-key fault), responderID byName, producedAt = this_update.
Bytes make_ocsp_response(const Identity& issuer, const Botan::X509_Certificate& subject,
                         const OcspAnswer& answer, Botan::RandomNumberGenerator& rng,
                         const Botan::Private_Key* signing_key = nullptr);

Bytes to_pem(const Botan::X509_Certificate& cert);

}  // namespace tlsclub::pki
