// Alerts, keyed "alert.<rfc_name>". In TLS 1.3 every error alert is fatal whatever level the
// record says (RFC 8446 6.2); only close_notify and user_canceled are closure alerts.

#include "explain/catalogue.h"

namespace tlsclub {
namespace {

constexpr Explanation kAlerts[] = {
    {"alert.close_notify", "close_notify (0)",
     "\"Good night, I am done talking\": a polite goodbye, not an error.",
     "A closure alert: the sender will send no more data. In TLS 1.3 it closes only the "
     "sender's write side; in TLS 1.2 the receiver answers with its own close_notify. Without "
     "it, a receiver cannot tell a finished stream from a truncated one.",
     "RFC 8446 6.1; RFC 5246 7.2.1"},
    {"alert.unexpected_message", "unexpected_message (10)",
     "Someone said the wrong thing at the wrong moment, like showing a card before the greeting; "
     "the conversation is over.",
     "An inappropriate message was received, e.g. a handshake message out of order or "
     "repeated, or application data before the handshake ended. Always fatal; "
     "either side may send it.",
     "RFC 8446 6.2; RFC 5246 7.2.2"},
    {"alert.bad_record_mac", "bad_record_mac (20)",
     "A protected message arrived that does not open with the shared key: someone changed it, "
     "replayed it, or removed the one before it.",
     "A record could not be deprotected: the AEAD tag (or TLS 1.2 MAC) did not verify. Because "
     "the sequence number is implicit, tampered, replayed or reordered records, and the record "
     "after a dropped one, all land here. Always fatal; sent by whichever side receives the "
     "record.",
     "RFC 8446 6.2; RFC 8446 5.2; RFC 5246 7.2.2"},
    {"alert.decryption_failed", "decryption_failed (21, reserved)",
     "An old signal that told an attacker too much about why a message failed; it is no longer "
     "allowed.",
     "Used by early TLS for CBC decryption errors, which helped padding-oracle attacks; TLS 1.2 "
     "says it MUST NOT be sent (bad_record_mac is used instead) and TLS 1.3 reserves the code.",
     "RFC 5246 7.2.2; RFC 8446 6"},
    {"alert.record_overflow", "record_overflow (22)",
     "A message longer than the rules allow arrived.",
     "A record's length exceeded the limit: TLSCiphertext over 2^14 + 256 bytes in TLS 1.3 "
     "(2^14 + 2048 in TLS 1.2), or decrypted plaintext over 2^14 bytes (or the negotiated "
     "record_size_limit). Always fatal; sent by the receiver.",
     "RFC 8446 6.2; RFC 8446 5.2; RFC 5246 7.2.2"},
    {"alert.decompression_failure", "decompression_failure (30)",
     "A squeezed message would not unsqueeze; TLS 1.3 no longer squeezes messages at all.",
     "TLS 1.2 only: the decompression function received improper input. Always fatal. TLS 1.3 "
     "removed compression (after the CRIME attack) and reserves the code.",
     "RFC 5246 7.2.2; RFC 8446 6"},
    {"alert.handshake_failure", "handshake_failure (40)",
     "The two could not agree on any acceptable way to talk (no common cipher suite or way of "
     "whispering), so the door stays shut.",
     "The sender could not negotiate an acceptable set of security parameters, typically a "
     "server that shares no cipher suite, group or signature scheme with the client; TLS 1.2 "
     "servers also use it for a missing required client certificate. Fatal.",
     "RFC 8446 6.2; RFC 5246 7.2.2"},
    {"alert.no_certificate", "no_certificate (41, reserved)",
     "An SSL 3.0 way of saying \"I have no card\"; TLS never uses it.",
     "Used only by SSL 3.0; TLS 1.2 says it MUST NOT be sent (a client without a certificate "
     "sends an empty Certificate message instead) and TLS 1.3 reserves the code.",
     "RFC 5246 7.2.2; RFC 8446 6"},
    {"alert.bad_certificate", "bad_certificate (42)",
     "The bouncer found the badge or card damaged or its seal wrong.",
     "A certificate was corrupt or had signatures that did not verify. RFC 8446 fixes the alert "
     "for few certificate failures: MD5 or SHA-1 seals give bad_certificate (4.4.2.4), a failed "
     "CertificateVerify decrypt_error, a bad OCSP staple bad_certificate_status_response, no "
     "card certificate_required; the rest is each stack's choice. TLS Club sends bad_certificate "
     "for a bad seal, an issuer that is not a CA, a path too long, a wrong name, a name outside "
     "the issuer's constraints or a weak key; OpenSSL sends decrypt_error for the seal and "
     "unknown_ca for the two CA constraints.",
     "RFC 8446 6.2; RFC 8446 4.4.2.4; RFC 5246 7.2.2"},
    {"alert.unsupported_certificate", "unsupported_certificate (43)",
     "The badge is of a kind this bouncer does not know how to read.",
     "A certificate of an unsupported type, or with a key or algorithm the receiver cannot "
     "use. TLS Club sends it for a key usage or an extended key usage that does not allow this "
     "use, as OpenSSL does for a wrong extended key usage (a card used as a badge). Sent by the "
     "validating side; fatal in TLS 1.3.",
     "RFC 8446 6.2; RFC 5246 7.2.2"},
    {"alert.certificate_revoked", "certificate_revoked (44)",
     "The badge or card is on the authority's list of cancelled cards, or the fresh stamp says "
     "it was cancelled.",
     "A certificate was revoked by its signer, found through a CRL or an OCSP response. Sent by "
     "the validating side; fatal in TLS 1.3.",
     "RFC 8446 6.2; RFC 5246 7.2.2"},
    {"alert.certificate_expired", "certificate_expired (45)",
     "The badge's end date has passed (or is not yet reached on the bouncer's clock).",
     "A certificate has expired or is not currently valid: now is outside notBefore..notAfter "
     "for the leaf or an intermediate. TLS Club sends it for both sides of the window; OpenSSL "
     "sends it for an expired certificate and bad_certificate for one not yet valid (the choice "
     "is each stack's). Sent by the validating side; fatal in TLS 1.3.",
     "RFC 8446 6.2; RFC 5246 7.2.2; RFC 5280 4.1.2.5"},
    {"alert.certificate_unknown", "certificate_unknown (46)",
     "The bouncer does not accept the badge, for a reason not covered by the other refusals.",
     "Some other, unspecified issue arose in processing the certificate, making it "
     "unacceptable. TLS Club sends it for a CRL past its nextUpdate and, from a strict bouncer, "
     "for a certificate with no revocation information; OpenSSL sends it for every failure its "
     "table "
     "does not name, e.g. a name constraints violation. Sent by the validating side; fatal in "
     "TLS 1.3.",
     "RFC 8446 6.2; RFC 5246 7.2.2"},
    {"alert.illegal_parameter", "illegal_parameter (47)",
     "Something in what was said is out of place or contradicts the rest.",
     "A handshake field was incorrect or inconsistent with other fields, e.g. a server choosing "
     "a cipher suite or group that was not offered, or a bad key share. Always fatal; either "
     "side.",
     "RFC 8446 6.2; RFC 5246 7.2.2"},
    {"alert.unknown_ca", "unknown_ca (48)",
     "The badge's papers lead to an authority this bouncer does not trust, or the district "
     "office papers are missing.",
     "A valid certificate chain or partial chain was received, but no trust anchor could be "
     "found or matched: self-signed certificates, unknown roots, missing intermediates, a "
     "look-alike authority whose key identifier differs. OpenSSL also sends it for an issuer "
     "that is not a CA and a path too long, where TLS Club sends bad_certificate. Sent by the "
     "validating side; always fatal.",
     "RFC 8446 6.2; RFC 5246 7.2.2"},
    {"alert.access_denied", "access_denied (49)",
     "The card is genuine, but this member is not on tonight's guest list.",
     "A valid certificate or PSK was received, but access control refused to proceed. "
     "Typically sent by a server after client authentication; always fatal.",
     "RFC 8446 6.2; RFC 5246 7.2.2"},
    {"alert.decode_error", "decode_error (50)",
     "A message could not even be read: a length was wrong or a field out of range.",
     "A message could not be decoded because a field was out of its specified range or the "
     "message length was incorrect (also: an empty server Certificate in TLS 1.3). Always "
     "fatal; either side.",
     "RFC 8446 6.2; RFC 5246 7.2.2"},
    {"alert.decrypt_error", "decrypt_error (51)",
     "A proof did not check out: a signature by the key holder or the final agreement on what "
     "was said did not match.",
     "A handshake cryptographic operation failed: a CertificateVerify (RFC 8446 4.4.3 requires "
     "this alert) or ServerKeyExchange signature did not verify, or a Finished or PSK binder did "
     "not match. OpenSSL also sends it for a certificate whose issuer's seal does not verify, "
     "where TLS Club sends bad_certificate. Always fatal; sent by the side that checked.",
     "RFC 8446 6.2; RFC 8446 4.4.3; RFC 5246 7.2.2"},
    {"alert.export_restriction", "export_restriction (60, reserved)",
     "A leftover from the days of deliberately weak export rules.",
     "Used by early TLS for export-grade key sizes; TLS 1.2 says it MUST NOT be sent and TLS "
     "1.3 reserves the code.",
     "RFC 5246 7.2.2; RFC 8446 6"},
    {"alert.protocol_version", "protocol_version (70)",
     "The visitor speaks only an edition of the rules that this club no longer accepts.",
     "The peer's protocol version is recognized but not supported, e.g. a 1.2-only client at a "
     "1.3-only server. TLS 1.0 and 1.1 are deprecated: any party receiving a hello whose version "
     "field is {03,01} or {03,02} MUST answer protocol_version (a first ClientHello's record "
     "header may still say 0x0301). Typically sent by the server; always fatal.",
     "RFC 8446 6.2; RFC 8446 4.2.1; RFC 8996 4; RFC 8996 5"},
    {"alert.insufficient_security", "insufficient_security (71)",
     "The club requires stronger locks than this visitor offers.",
     "Sent instead of handshake_failure when negotiation failed specifically because the "
     "sender requires parameters more secure than those the peer supports. Always fatal.",
     "RFC 8446 6.2; RFC 5246 7.2.2"},
    {"alert.internal_error", "internal_error (80)",
     "Something broke on the sender's own side, not the other's fault.",
     "An internal error unrelated to the peer or the correctness of the protocol (such as a "
     "memory allocation failure) makes it impossible to continue. Always fatal.",
     "RFC 8446 6.2; RFC 5246 7.2.2"},
    {"alert.inappropriate_fallback", "inappropriate_fallback (86)",
     "A visitor retrying with an older edition of the rules, though both know a newer one: "
     "the club suspects someone forced the downgrade.",
     "Sent by a server when a ClientHello carrying TLS_FALLBACK_SCSV (0x5600) offers a lower "
     "version than the server's highest. Fatal. RFC 8996 obsoleted the SCSV along with TLS 1.0 "
     "and 1.1; between TLS 1.3 and 1.2 the downgrade sentinel in ServerHello.random does this "
     "job.",
     "RFC 7507 3; RFC 8446 6.2; RFC 8446 4.1.3; RFC 8996 1"},
    {"alert.user_canceled", "user_canceled (90)",
     "One side walks away for reasons that are nobody's fault.",
     "The sender cancels the handshake for a reason unrelated to a protocol failure. In TLS 1.3 "
     "it is a closure alert and should be followed by close_notify; in TLS 1.2 it is generally "
     "a warning.",
     "RFC 8446 6.1; RFC 5246 7.2.2"},
    {"alert.no_renegotiation", "no_renegotiation (100)",
     "\"No, I will not go through the door check again.\"",
     "TLS 1.2: a warning answering a renegotiation request (HelloRequest, or a ClientHello "
     "after the handshake) that the sender declines. TLS 1.3 has no renegotiation and reserves "
     "the code.",
     "RFC 5246 7.2.2; RFC 8446 6"},
    {"alert.missing_extension", "missing_extension (109)",
     "Something that must be said was left out of the greeting.",
     "A handshake message lacks an extension that is mandatory for the offered TLS version or "
     "other negotiated parameters, e.g. a TLS 1.3 ClientHello without signature_algorithms. "
     "Fatal; sent by the receiver.",
     "RFC 8446 6.2; RFC 8446 9.2"},
    {"alert.unsupported_extension", "unsupported_extension (110)",
     "The other side answered a question that was never asked.",
     "A ServerHello or Certificate carries an extension not first offered in the ClientHello "
     "or CertificateRequest (RFC 8446 4.2 agrees). For a known extension in a message that may "
     "not carry it, 6.2 names this alert but 4.2 requires illegal_parameter, so stacks differ. "
     "Fatal; usually sent by the client.",
     "RFC 8446 6.2; RFC 8446 4.2"},
    {"alert.certificate_unobtainable", "certificate_unobtainable (111)",
     "The member gave an address for their card, and the club could not fetch it.",
     "From the client_certificate_url extension: the server could not retrieve a certificate "
     "from the URL the client gave. TLS 1.3 reserves the code.",
     "RFC 6066 5; RFC 6066 9; RFC 8446 6"},
    {"alert.unrecognized_name", "unrecognized_name (112)",
     "The visitor asked for a club that does not meet behind this entrance.",
     "Sent by a server that has no host matching the client's server_name. Fatal in TLS 1.3; a "
     "TLS 1.2 warning-level use is NOT RECOMMENDED because clients react unpredictably.",
     "RFC 6066 3; RFC 8446 6.2"},
    {"alert.bad_certificate_status_response", "bad_certificate_status_response (113)",
     "The fresh stamp the entrance brought is not genuine, not fresh or unreadable.",
     "Sent by a client that requested OCSP stapling and received an invalid or unacceptable "
     "OCSP response; RFC 6066 8 requires this alert. Fatal.",
     "RFC 6066 8; RFC 8446 6.2"},
    {"alert.bad_certificate_hash_value", "bad_certificate_hash_value (114)",
     "The card fetched from the member's address does not match its fingerprint.",
     "From client_certificate_url: a certificate retrieved from a URL did not match the hash "
     "the client supplied. TLS 1.3 reserves the code.",
     "RFC 6066 5; RFC 6066 9; RFC 8446 6"},
    {"alert.unknown_psk_identity", "unknown_psk_identity (115)",
     "The return ticket is not one this club recognises.",
     "Sent by a server when PSK key establishment is wanted but no acceptable PSK identity was "
     "offered; servers MAY send decrypt_error instead. Fatal.",
     "RFC 8446 6.2; RFC 4279 2"},
    {"alert.certificate_required", "certificate_required (116)",
     "Members only: the visitor showed no membership card.",
     "TLS 1.3: sent by a server that requires a client certificate when the client's "
     "Certificate message is empty (TLS 1.2 servers send handshake_failure). Fatal.",
     "RFC 8446 6.2; RFC 8446 4.4.2.4"},
    {"alert.no_application_protocol", "no_application_protocol (120)",
     "None of the languages the visitor speaks inside is spoken by this club.",
     "Sent by a server when the client's ALPN list holds no protocol it supports. Fatal.",
     "RFC 7301 3.2; RFC 8446 6.2"},
    {"alert.unknown", "Unknown alert",
     "A goodbye in words this simulator does not know; the conversation still ends.",
     "An AlertDescription the decoder does not name (shown as unknown_alert_<n>). In TLS 1.3 an "
     "unknown alert type MUST be treated as an error alert, so the connection is closed.",
     "RFC 8446 6; RFC 8446 6.2"},
};

}  // namespace

std::span<const Explanation> alert_explanations() {
  return kAlerts;
}

}  // namespace tlsclub
