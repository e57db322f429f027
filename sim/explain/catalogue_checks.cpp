// The bouncer's checks, keyed "check.<name>": one event per check on one certificate, in the
// order a path validator meets them.

#include "explain/catalogue.h"

namespace tlsclub {
namespace {

constexpr Explanation kChecks[] = {
    {"check.chain_present", "A certificate was sent",
     "The bouncer first checks that there is a badge (or card) to look at at all; a visitor who "
     "shows nothing is not a member.",
     "The peer's Certificate message must hold at least one certificate. A TLS 1.3 client MUST "
     "abort with decode_error on an empty server Certificate; a server that requires client "
     "authentication aborts with certificate_required (TLS 1.3) or handshake_failure (TLS 1.2) "
     "when the client sends none.",
     "RFC 8446 4.4.2.4; RFC 5246 7.4.6"},
    {"check.issuer_known", "Issuer found",
     "For each badge or card, the bouncer looks for the papers of the office that issued it, "
     "either shown at the door or already on file; a missing district office breaks the chain.",
     "Path building: the issuer name of this certificate must match the subject of a "
     "certificate among those the peer sent or those this side trusts, and where both carry key "
     "identifiers, they must match too (so a look-alike authority is not the issuer). A missing "
     "intermediate fails here with unknown_ca in curl, Java and most apps; browsers often "
     "recover it by AIA fetching or from intermediates they preload.",
     "RFC 5280 6.1; RFC 5280 4.1.2.4; RFC 5280 4.2.1.1; RFC 8446 4.4.2"},
    {"check.signature", "Issuer's signature",
     "The bouncer checks the issuing office's seal on the badge with the office's public seal "
     "pattern; a forged or altered seal does not match.",
     "The signatureValue must verify over the tbsCertificate with the issuer's public key; any "
     "changed byte fails, and so would a look-alike authority's seal, though a differing key "
     "identifier already stops that at issuer_known. RFC 8446 leaves the alert to each stack: "
     "TLS Club sends bad_certificate, OpenSSL decrypt_error.",
     "RFC 5280 6.1.3; RFC 5280 4.1.1.3"},
    {"check.trust_anchor", "Ends at a trusted authority",
     "The chain of papers must end at a town authority this side already trusts; a badge that "
     "vouches for itself, or one from an unknown town, is refused.",
     "The path must end at a trust anchor in this side's trust store: trust comes from the "
     "anchor, never from a certificate presenting itself. Self-signed certificates and chains "
     "to an unknown root fail with unknown_ca; an impostor authority installed on the device "
     "passes, which is why interception proxies work.",
     "RFC 5280 6.1.1; RFC 5280 3.2"},
    {"check.validity", "Within its validity period",
     "The badge is only good between its start and end dates; the bouncer's clock must lie "
     "inside, for the badge and for every office paper behind it.",
     "notBefore <= now <= notAfter, both bounds inclusive, for every certificate in the path. "
     "TLS Club answers certificate_expired on either side of the window (OpenSSL: "
     "bad_certificate before notBefore). CA/Browser Forum ballot SC-081 caps public server "
     "certificates at 200 days from 15 March 2026, 100 from 15 March 2027 and 47 from 15 March "
     "2029, so renewal must be automatic.",
     "RFC 5280 4.1.2.5; RFC 5280 6.1.3"},
    {"check.lifetime", "Not issued to live too long",
     "Some devices refuse a badge that was issued to last longer than they allow, even while it "
     "is inside its dates: a short-lived badge limits how long a stolen key or a wrong badge "
     "stays useful.",
     "A local policy on the leaf's validity period, notBefore to notAfter, not on the clock. "
     "Apple's platforms refuse TLS server certificates issued on or after 1 September 2020 with "
     "a validity period over 398 days; the CA/Browser Forum's Baseline Requirements (ballot "
     "SC-081) cap public server certificates at 200 days from 15 March 2026, 100 from 15 March "
     "2027 and 47 from 15 March 2029. TLS Club answers bad_certificate.",
     "RFC 5280 4.1.2.5"},
    {"check.basic_constraints", "Issuer is a CA",
     "Only an authority or a district office may issue badges; a badge holder who signs a "
     "badge for someone else is not an office, and offices may only have so many levels "
     "beneath them.",
     "Every issuing certificate must carry basicConstraints with cA TRUE; pathLenConstraint "
     "limits how many non-self-issued intermediate certificates may follow it in the path. "
     "RFC 8446 fixes no alert for either failure: TLS Club sends bad_certificate, OpenSSL "
     "unknown_ca.",
     "RFC 5280 4.2.1.9; RFC 5280 6.1.4"},
    {"check.key_usage", "Key usage",
     "What the key on the paper may do: an office's key may seal badges; a badge's or card's "
     "key must be allowed to sign.",
     "If keyUsage is present, an issuer needs keyCertSign, and a TLS end-entity needs "
     "digitalSignature (TLS 1.3 and (EC)DHE sign with it); only TLS 1.2 RSA key exchange uses "
     "keyEncipherment instead. TLS Club refuses a key used beyond its keyUsage with "
     "unsupported_certificate, an alert RFC 8446 leaves to each stack.",
     "RFC 5280 4.2.1.3; RFC 5280 6.1.4; RFC 8446 4.4.2.2"},
    {"check.extended_key_usage", "Extended key usage",
     "What the card may be used for: a badge must say it is for club entrances, a membership "
     "card that it is for members; a card is not a badge.",
     "extKeyUsage (OID 2.5.29.37) must include serverAuth (1.3.6.1.5.5.7.3.1) on a server "
     "certificate and clientAuth (1.3.6.1.5.5.7.3.2) on a client certificate; a certificate "
     "without the extension is not restricted. TLS Club and OpenSSL refuse a wrong purpose with "
     "unsupported_certificate.",
     "RFC 5280 4.2.1.12"},
    {"check.hostname", "Name matches the club",
     "The name on the badge must be the club the visitor asked for; a real badge of another "
     "club does not open this door.",
     "The requested host name must match a subjectAltName dNSName. A wildcard may only be the "
     "whole leftmost label and matches exactly one label (*.club.example matches "
     "door.club.example, not club.example nor a.b.club.example); RFC 9525 drops the old "
     "fallback to the subject CN. TLS Club, and OpenSSL when asked to check the name, refuse a "
     "wrong name with bad_certificate.",
     "RFC 9525 6.3; RFC 9525 6; RFC 5280 4.2.1.6"},
    {"check.crl", "Not on the list of cancelled cards",
     "The bouncer checks the authority's list of cancelled cards; a badge on the list is "
     "refused even though its seal is genuine.",
     "The issuer's CRL, itself signed by the issuer and current (thisUpdate/nextUpdate), must "
     "not list this certificate's serial number; presence on it means certificate_revoked (TLS "
     "Club answers a CRL past nextUpdate with certificate_unknown). "
     "Public CAs must publish CRLs, but browsers do not fetch them per visit: they use lists "
     "built from them (Chrome's CRLSets, Firefox's CRLite since version 137).",
     "RFC 5280 5; RFC 5280 6.3"},
    {"check.ocsp", "Fresh stamp says good",
     "The entrance brought a fresh stamp from its authority; the bouncer checks the stamp is "
     "genuine, recent and says the badge is still good.",
     "The stapled OCSP response must name this certificate, be signed by the issuer or by a "
     "responder the issuer delegated with the id-kp-OCSPSigning EKU, and be fresh (thisUpdate "
     "recent, nextUpdate not passed). Its certStatus must be good: revoked gives "
     "certificate_revoked, an unacceptable response bad_certificate_status_response. Stapling "
     "is not the usual path today: OCSP is optional for public CAs and Let's Encrypt ended it "
     "in 2025.",
     "RFC 6960 3.2; RFC 6960 4.2.2.2; RFC 6066 8"},
    {"check.revocation_info", "Revocation information available",
     "If this bouncer insists on checking the list of cancelled cards or a fresh stamp, a "
     "badge with neither is refused (hard-fail); a lenient bouncer lets it pass (soft-fail).",
     "Whether a CRL or OCSP answer was available when policy requires one. Soft-fail (accept "
     "when status is unknown) lets an attacker who blocks the check win; hard-fail refuses. "
     "TLS Club's strict bouncer refuses with certificate_unknown. Browsers avoid the choice by "
     "not asking online: they check lists pushed to them (Chrome's CRLSets, Firefox's "
     "CRLite).",
     "RFC 5280 6.3.3; RFC 6960 2.2"},
    {"check.signature_strength", "Strong enough signature and key",
     "The bouncer refuses seals made with worn-out tools, such as SHA-1, and keys too short to "
     "be safe.",
     "RFC 8446: MD5 MUST and SHA-1 SHOULD be refused (bad_certificate). Forging a SHA-1 seal "
     "needs a chosen-prefix collision, practical since 2020 (\"SHA-1 is a Shambles\"). RSA keys "
     "under 2048 bits are refused by local policy: no 1024-bit factorization is public (the "
     "record, RSA-250, has 829 bits), but NIST SP 800-131A disallowed such signing keys after "
     "2013.",
     "RFC 8446 4.2.3; RFC 8446 4.4.2.4"},
    {"check.certificate_verify", "Holds the private key",
     "The card holder signed everything said so far with the card's private key; a copied or "
     "stolen card without the key fails here.",
     "The CertificateVerify signature over the transcript must verify with the public key of "
     "the peer's leaf certificate, with a scheme offered in signature_algorithms; failure MUST "
     "abort with decrypt_error.",
     "RFC 8446 4.4.3; RFC 5246 7.4.8"},
    {"check.certificate_selection", "A certificate the other side can accept",
     "Before showing a card (or the badge), its holder looks at what the other side said it "
     "accepts. A card the club could not check is not shown at all: the member walks up "
     "empty-handed, and a club that requires cards turns it away.",
     "A client certificate must be signed with, and its key usable for, a scheme from the "
     "server's signature_algorithms; with none suitable the client sends an empty certificate "
     "message, and a server that requires one answers certificate_required (TLS 1.2: "
     "handshake_failure). A server certificate must likewise match the client's "
     "signature_algorithms, or the server cannot answer. In TLS 1.2 the certificate types of "
     "RFC 8422 5.5 would allow Ed25519, but the engine's TLS 1.2 signs with RSA and ECDSA keys "
     "only, so there an Ed25519 card or badge is never shown.",
     "RFC 8446 4.4.2.2; RFC 8446 4.4.2.3; RFC 8446 4.4.2.4"},
    {"check.password", "Knows the password",
     "Inside, the bouncer asks for the member's password: the card proves what the member has, "
     "the password what the member knows; a stolen card alone does not get in.",
     "An application-layer second factor checked after the handshake, inside the encrypted "
     "channel: the client certificate authenticates the key holder (CertificateVerify), the "
     "password the person. TLS does not check it: it travels as application data protected by "
     "the application traffic keys.",
     "RFC 8446 4.4.3; RFC 8446 5.2"},
    {"check.name_constraints", "Within the office's district",
     "A district office may only issue badges for names in its own district; a badge outside "
     "that district is refused even with a genuine seal.",
     "A CA certificate's nameConstraints define permittedSubtrees and excludedSubtrees for "
     "names (e.g. dNSName) in every certificate below it in the path; a name in an excluded "
     "subtree, or outside the permitted ones, fails. TLS Club refuses with bad_certificate, "
     "OpenSSL with certificate_unknown.",
     "RFC 5280 4.2.1.10; RFC 5280 6.1.3; RFC 5280 6.1.4"},
};

}  // namespace

std::span<const Explanation> check_explanations() {
  return kChecks;
}

}  // namespace tlsclub
