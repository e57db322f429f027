// Hello extensions, keyed "extension.<rfc_name>"; "extension.unknown" covers any type the
// decoder does not name (including GREASE values).

#include "explain/catalogue.h"

namespace tlsclub {
namespace {

constexpr Explanation kExtensions[] = {
    {"extension.server_name", "server_name (SNI)",
     "The visitor says which club they came for, because several clubs can share one entrance; "
     "anyone watching the street can hear the name.",
     "The host name the client wants (type 0), so one address can serve many certificates. It "
     "travels in the clear in the ClientHello even in TLS 1.3; only Encrypted Client Hello hides "
     "it. A TLS 1.3 server may acknowledge it, empty, in EncryptedExtensions.",
     "RFC 6066 3"},
    {"extension.max_fragment_length", "max_fragment_length",
     "A visitor with small pockets asks the club to hand over its words in smaller pieces.",
     "The client asks for records of at most 2^9, 2^10, 2^11 or 2^12 bytes of plaintext, for "
     "constrained devices. Its fixed choices and client-only offer led to record_size_limit, "
     "which replaces it.",
     "RFC 6066 4; RFC 8449 1"},
    {"extension.status_request", "status_request",
     "The visitor asks the entrance to bring a fresh stamp from the authority showing its badge "
     "has not been cancelled.",
     "The client requests OCSP stapling. In TLS 1.2 the server answers with an empty "
     "status_request and a CertificateStatus message; in TLS 1.3 the OCSP response is carried in "
     "this extension inside the leaf's CertificateEntry. A server can staple only where its CA "
     "still runs OCSP, which public CAs may now omit (Let's Encrypt ended it in 2025).",
     "RFC 6066 8; RFC 8446 4.4.2.1"},
    {"extension.supported_groups", "supported_groups",
     "The visitor lists the ways of whispering a secret they know, favourite first.",
     "The named groups the client supports for (EC)DHE or hybrid key exchange, in preference "
     "order: x25519 0x001D, secp256r1 0x0017, secp384r1 0x0018, X25519MLKEM768 0x11EC... "
     "Formerly called elliptic_curves in TLS 1.2.",
     "RFC 8446 4.2.7; RFC 8422 5.1.1"},
    {"extension.ec_point_formats", "ec_point_formats",
     "An old habit: the visitor says how they write down their half of the whisper.",
     "TLS 1.2 only: the elliptic-curve point encodings the sender can parse; only uncompressed "
     "(0) remains in use. TLS 1.3 fixes the encoding per group and does not use it.",
     "RFC 8422 5.1.2"},
    {"extension.signature_algorithms", "signature_algorithms",
     "The visitor lists which kinds of signature they are willing to check.",
     "The signature schemes the sender accepts in CertificateVerify (and, in TLS 1.2, "
     "ServerKeyExchange), e.g. ecdsa_secp256r1_sha256 0x0403, rsa_pss_rsae_sha256 0x0804, "
     "ed25519 0x0807. Unless signature_algorithms_cert is also sent, it also governs signatures "
     "on certificates. Mandatory in a TLS 1.3 ClientHello that wants certificate authentication.",
     "RFC 8446 4.2.3; RFC 5246 7.4.1.4.1"},
    {"extension.use_srtp", "use_srtp",
     "Not about the door at all: the two agree how to protect the music and video that will "
     "flow once inside.",
     "DTLS-SRTP: negotiates SRTP protection profiles so the keys for media streams (e.g. "
     "WebRTC) are exported from a DTLS handshake. Used with DTLS only.",
     "RFC 5764 4.1.1"},
    {"extension.heartbeat", "heartbeat",
     "The two sides agree they may ask each other \"still there?\" and get the same words back.",
     "Announces whether the peer may send HeartbeatRequest messages (peer_allowed_to_send or "
     "peer_not_allowed_to_send). Heartbleed (CVE-2014-0160) was an OpenSSL bug that trusted the "
     "request's payload_length and leaked up to 64 KB of memory per request, not a protocol "
     "flaw.",
     "RFC 6520 2"},
    {"extension.application_layer_protocol_negotiation", "ALPN",
     "The visitor says which languages they can speak inside (say h2 or http/1.1), and the "
     "entrance picks one.",
     "The client offers a list of protocol names; the server selects exactly one (in "
     "EncryptedExtensions in TLS 1.3, in ServerHello in TLS 1.2). With no overlap the server "
     "aborts with no_application_protocol.",
     "RFC 7301 3.1; RFC 7301 3.2"},
    {"extension.signed_certificate_timestamp", "signed_certificate_timestamp",
     "A signed promise from the town's public register to write the badge in, so a badge issued "
     "in secret would be noticed.",
     "Carries Signed Certificate Timestamps: a Certificate Transparency log's signed promise to "
     "add the certificate within its maximum merge delay, not proof that it is already in the "
     "log. SCTs are usually embedded in the certificate itself; this extension (in TLS 1.3, in "
     "the leaf's CertificateEntry) and a stapled OCSP response are the other two ways. Browsers "
     "require them for public server certificates.",
     "RFC 6962 3.3; RFC 8446 4.4.2.1"},
    {"extension.client_certificate_type", "client_certificate_type",
     "The entrance and the member agree what kind of card the member may show: a full card or "
     "just a bare key.",
     "Negotiates the format of the client's credential: X509 (0) or RawPublicKey (2). With a raw "
     "public key there is no chain to a trust anchor; the server must know the key beforehand.",
     "RFC 7250 3; RFC 7250 4"},
    {"extension.server_certificate_type", "server_certificate_type",
     "The visitor and the entrance agree what kind of badge the entrance may show: a full badge "
     "or just a bare key the visitor already knows.",
     "Negotiates the format of the server's credential: X509 (0) or RawPublicKey (2). A raw "
     "public key has to be pinned or known out of band by the client.",
     "RFC 7250 3; RFC 7250 4"},
    {"extension.padding", "padding",
     "The visitor stuffs their greeting with blank paper so it has a size old doors handle well.",
     "Zero bytes added to the ClientHello to reach a chosen length, originally to avoid servers "
     "that hung on ClientHellos between 256 and 511 bytes long. Carries no meaning.",
     "RFC 7685 3"},
    {"extension.encrypt_then_mac", "encrypt_then_mac",
     "The seal on each message goes on after it is locked, so a tampered message is thrown "
     "out before anyone tries to open it.",
     "TLS 1.2 CBC suites only: the MAC is computed over the ciphertext instead of the "
     "plaintext, closing padding-oracle attacks such as Lucky Thirteen. AEAD suites and TLS 1.3 "
     "do not need it.",
     "RFC 7366 2"},
    {"extension.extended_master_secret", "extended_master_secret",
     "The shared secret is tied to everything said at the door, so an impostor cannot make two "
     "conversations end with the same secret.",
     "TLS 1.2: master_secret = PRF(premaster, \"extended master secret\", session_hash), where "
     "session_hash covers the handshake up to and including ClientKeyExchange. It defeats the "
     "triple "
     "handshake attack; TLS 1.3 binds the transcript into its key schedule by design.",
     "RFC 7627 4; RFC 7627 5"},
    {"extension.record_size_limit", "record_size_limit",
     "Each side says how large a piece of conversation it can take at once.",
     "Each endpoint states the largest record plaintext it is willing to receive (at least 64 "
     "bytes; in TLS 1.3 the limit includes the inner content type and padding). Replaces "
     "max_fragment_length.",
     "RFC 8449 4"},
    {"extension.session_ticket", "session_ticket",
     "The member shows the return ticket from last visit, or asks for one.",
     "TLS 1.2 stateless resumption: the client sends an empty extension or a ticket; the server "
     "echoes an empty one when it will issue a NewSessionTicket. TLS 1.3 replaced it with "
     "pre_shared_key.",
     "RFC 5077 3.2"},
    {"extension.pre_shared_key", "pre_shared_key",
     "The returning member shows a return ticket and proves it is theirs with a small seal "
     "made from the secret the club gave along with it.",
     "TLS 1.3: the client offers PSK identities (usually tickets) with binders, HMACs over the "
     "partial ClientHello under a key derived from each PSK; the server picks one by index. It "
     "MUST be the last extension in the ClientHello.",
     "RFC 8446 4.2.11; RFC 8446 4.2.11.2"},
    {"extension.early_data", "early_data",
     "A returning member starts talking before the door is fully open; the club decides "
     "whether to listen.",
     "TLS 1.3 0-RTT: in the ClientHello it announces early data sent under the "
     "client_early_traffic_secret; the server accepts by echoing it in EncryptedExtensions; in "
     "NewSessionTicket it carries max_early_data_size. Early data can be replayed and is not "
     "forward secret.",
     "RFC 8446 4.2.10; RFC 8446 8"},
    {"extension.supported_versions", "supported_versions",
     "The visitor lists which editions of the club's rules they know; the entrance picks one.",
     "The client lists versions (0x0304, 0x0303...); a TLS 1.3 server answers with the selected "
     "version. It is how TLS 1.3 is negotiated, since legacy_version stays 0x0303 to get past "
     "old middleboxes.",
     "RFC 8446 4.2.1"},
    {"extension.cookie", "cookie",
     "The entrance hands a token and asks the visitor to come back with it, proving they really "
     "stand at that address.",
     "Sent by the server in a HelloRetryRequest and echoed by the client in the second "
     "ClientHello. It lets the server stay stateless (the cookie can hold the hash of the first "
     "ClientHello) and confirms the client's address is reachable.",
     "RFC 8446 4.2.2"},
    {"extension.psk_key_exchange_modes", "psk_key_exchange_modes",
     "The returning member says whether the ticket alone may open the door or a fresh whisper "
     "is added too.",
     "psk_ke (PSK only: no forward secrecy) or psk_dhe_ke (PSK plus (EC)DHE: forward secret). "
     "A client MUST send it when it offers pre_shared_key.",
     "RFC 8446 4.2.9"},
    {"extension.certificate_authorities", "certificate_authorities",
     "A list of the authorities this side trusts, so the other side can pick a badge or card "
     "from one of them.",
     "Distinguished names of acceptable trust anchors. In a CertificateRequest it helps the "
     "client pick a certificate; in a ClientHello it helps the server pick a chain.",
     "RFC 8446 4.2.4"},
    {"extension.oid_filters", "oid_filters",
     "The club says which kinds of card it takes, e.g. only cards marked for members.",
     "Only in a TLS 1.3 CertificateRequest: pairs of certificate extension OID and DER-encoded "
     "values that the client's certificate must match, such as an extended key usage. For every "
     "OID the client recognises, its certificate must contain all the listed values (it may hold "
     "others too); unrecognised OIDs are skipped. If the certificate still does not satisfy the "
     "filters, the server may continue without client authentication or abort with "
     "unsupported_certificate.",
     "RFC 8446 4.2.5"},
    {"extension.post_handshake_auth", "post_handshake_auth",
     "The visitor says: \"you may ask for my card later, once I am inside\".",
     "The client is willing to answer a CertificateRequest after the handshake; without it the "
     "server MUST NOT send one post-handshake.",
     "RFC 8446 4.2.6; RFC 8446 4.6.2"},
    {"extension.signature_algorithms_cert", "signature_algorithms_cert",
     "The visitor lists which kinds of authority seal they are willing to check on a badge.",
     "The signature schemes accepted in certificates, separate from those in CertificateVerify "
     "(signature_algorithms). It has the same SignatureSchemeList format and may appear in a "
     "ClientHello or a CertificateRequest; without it, signature_algorithms governs certificate "
     "signatures too. The split lets a peer accept, for example, rsa_pkcs1_sha256 in certificate "
     "chains, which TLS 1.3 forbids in CertificateVerify.",
     "RFC 8446 4.2.3"},
    {"extension.key_share", "key_share",
     "The visitor's half of the whispered secret, said out loud; hearing it does not help an "
     "eavesdropper.",
     "The client sends (EC)DHE or hybrid public keys for one or more groups already in the "
     "ClientHello; the server returns one share for the chosen group, or in a HelloRetryRequest "
     "only the group it wants. x25519 shares are 32 bytes, X25519MLKEM768 shares 1216 (client) "
     "and 1120 (server) bytes.",
     "RFC 8446 4.2.8; draft-ietf-tls-ecdhe-mlkem 3.1.1; draft-ietf-tls-ecdhe-mlkem 3.1.2"},
    {"extension.renegotiation_info", "renegotiation_info",
     "A later renegotiation has to show proof of the conversation before it, so an impostor "
     "cannot splice their own words in front.",
     "TLS 1.2 secure renegotiation: empty in the first handshake, later it carries the previous "
     "Finished verify_data; the TLS_EMPTY_RENEGOTIATION_INFO_SCSV cipher suite may signal it "
     "instead. TLS 1.3 has no renegotiation.",
     "RFC 5746 3.2"},
    {"extension.unknown", "unknown extension",
     "Something in the greeting the bouncer does not recognise; it is ignored, not refused.",
     "An extension type this decoder does not name. A server MUST ignore unrecognised "
     "extensions in a ClientHello (a protocol invariant); GREASE values such as 0x0A0A are sent "
     "on purpose to keep that rule working. An extension in a response that was never offered "
     "is answered with unsupported_extension.",
     "RFC 8446 9.3; RFC 8446 4.2; RFC 8701 2"},
};

}  // namespace

std::span<const Explanation> extension_explanations() {
  return kExtensions;
}

}  // namespace tlsclub
