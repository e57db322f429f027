// Everything else the Timeline shows: events, record content types, what protects a record,
// outcomes, versions, key exchange groups and the myths a lesson names.
// Keys: "event.", "record.", "protection.", "outcome.", "version.", "group.", "myth.".

#include "explain/catalogue.h"

namespace tlsclub {
namespace {

constexpr Explanation kEvents[] = {
    // Events on the wire and at the endpoints.
    {"event.record_sent", "Record sent",
     "One side hands a sealed envelope to the street; anyone watching sees its size and kind.",
     "A TLS record left the sender: a 5-byte header (content type, legacy version, length) "
     "and a fragment of at most 2^14 bytes of plaintext, protected when keys are in place. In "
     "the simulator it waits in the wire queue until the next step.",
     "RFC 8446 5.1; RFC 5246 6.2.1"},
    {"event.record_delivered", "Record delivered",
     "The envelope reached the other side, which opens it and reads it.",
     "The record left the wire queue and was handed to the receiver's TLS stack, which "
     "deprotects it with the expected keys and sequence number. A changed byte in a protected "
     "record fails right there (bad_record_mac). A changed byte in a plaintext hello changes the "
     "transcript: in TLS 1.3 that changes the handshake traffic keys, so at the latest the first "
     "encrypted record fails with bad_record_mac; in TLS 1.2 the Finished exchange catches it at "
     "the latest.",
     "RFC 8446 5.2; RFC 5246 6.2.3"},
    {"event.record_dropped", "Record dropped",
     "An envelope was lost on the way; the other side waits for it or notices the gap.",
     "TLS expects a reliable transport and never retransmits. A lost handshake record leaves "
     "the peer waiting or makes the next message unexpected (unexpected_message); after a lost "
     "protected record the next one is deprotected with the wrong "
     "implicit sequence number and fails with bad_record_mac.",
     "RFC 8446 5.3; RFC 5246 6.1"},
    {"event.record_replayed", "Record replayed",
     "Someone on the street sent a copy of an old envelope again, hoping it is believed twice.",
     "Protected records cannot be replayed inside a connection: the sequence number in the "
     "nonce (TLS 1.3) or the MAC / AEAD additional data (TLS 1.2) no longer matches, so the copy "
     "fails with "
     "bad_record_mac. TLS 1.3 0-RTT data is the exception: it can be replayed to a new "
     "connection.",
     "RFC 8446 5.3; RFC 8446 8"},
    {"event.established", "Handshake complete",
     "The bouncer has checked everything and both sides agree on what was said: the member is "
     "inside.",
     "Both Finished messages were sent and verified, so each side has authenticated the "
     "transcript (and the peer, as required); application data now flows under the "
     "application keys.",
     "RFC 8446 4.4.4; RFC 5246 7.4.9"},
    {"event.app_data", "Application data",
     "The conversation inside the club, in the private code nobody on the street can read.",
     "Data of the application protocol (e.g. HTTP) in records protected by the application "
     "traffic keys (TLS 1.3) or the session keys (TLS 1.2); an eavesdropper sees only sizes "
     "and timing.",
     "RFC 8446 5.2; RFC 5246 10"},
    {"event.closed", "Connection closed",
     "The conversation ended: with a polite goodbye, or with a refusal at the door.",
     "The connection ended with a close_notify (orderly) or a fatal alert (error); after a "
     "fatal alert neither side sends more data, and a stream cut without close_notify may "
     "have been truncated.",
     "RFC 8446 6.1; RFC 8446 6.2"},
    {"event.fault_applied", "Fault applied",
     "Here the lesson's trouble-maker acted: a forged badge, a torn envelope, a stolen card or "
     "a wrong clock.",
     "The scenario's fault (tampered, dropped, replayed or injected record, bad certificate, "
     "moved clock...) took effect at this point. TLS is designed to stay secure against an "
     "attacker who fully controls the network, so watch which check or alert catches it.",
     "RFC 8446 1; RFC 3552 3"},
    {"event.fault_not_applied", "Fault never applied",
     "The lesson's trouble-maker waited for an envelope that never came, so this trick was never "
     "played.",
     "A fault of the scenario found nothing to act on: that side never sent the message it names "
     "(e.g. new_session_ticket from a server that sends none), or it sent fewer records than the "
     "record number. This simulated attacker on the network did nothing, so the visit ran as if "
     "the fault were not in the file; the transcript and the summary say so.",
     "RFC 3552 3"},
    {"event.narration", "Narration",
     "The story teller's note on what is about to happen at the door.",
     "A line of lesson text tied to this step; it reports nothing on the wire. The TLS 1.3 "
     "message flow it walks through is summarised in the protocol overview.",
     "RFC 8446 2"},
    // Record content types.
    {"record.handshake", "Handshake record (22)",
     "An envelope with part of the door conversation inside.",
     "Content type 22 carries handshake messages; one message may span records and one record "
     "may hold several. In TLS 1.3 handshake records after the ServerHello are encrypted and "
     "appear on the wire as type 23, with the real type inside.",
     "RFC 8446 5.1; RFC 5246 6.2.1"},
    {"record.change_cipher_spec", "ChangeCipherSpec record (20)",
     "A one-word envelope: \"switching to our code now\" in TLS 1.2, an ignored nod in TLS 1.3.",
     "Content type 20 with the single byte 0x01. In TLS 1.2 each side sends it just before its "
     "Finished and protects every later record with the newly negotiated keys. In TLS 1.3 it means "
     "nothing and is sent only in middlebox compatibility mode: the receiver drops an unprotected "
     "0x01 record, and any other value or a protected one is unexpected_message.",
     "RFC 5246 7.1; RFC 8446 D.4"},
    {"record.alert", "Alert record (21)", "An envelope that says goodbye, or why the door is shut.",
     "Content type 21: two bytes, level and description. Once keys are in place it is "
     "protected like any other record (TLS 1.3 hides it as type 23).",
     "RFC 8446 6; RFC 5246 7.2"},
    {"record.application_data", "Application data record (23)",
     "A sealed envelope whose contents only the two sides can read.",
     "Content type 23. In TLS 1.3 every protected record uses this outer type; the real type "
     "is the last non-zero byte of the decrypted TLSInnerPlaintext.",
     "RFC 8446 5.2; RFC 5246 10"},
    {"record.heartbeat", "Heartbeat record (24)",
     "\"Still there?\" with a few words the other side must send back.",
     "Content type 24: HeartbeatRequest/Response with a payload echoed back. Heartbleed was an "
     "OpenSSL bug that trusted payload_length and echoed up to 64 KB of its own memory.",
     "RFC 6520 3; RFC 6520 4"},
    {"record.unknown", "Unknown record type",
     "An envelope of a kind nobody at the door expects; it is thrown back.",
     "A ContentType the decoder does not name (shown as unknown_content_type_<n>). A TLS 1.3 "
     "receiver MUST abort with unexpected_message on a record with an unexpected content type; "
     "TLS 1.2 says the same.",
     "RFC 8446 5; RFC 5246 6"},
    // What protects a record.
    {"protection.plaintext", "Not protected",
     "Said out loud in the street: anyone standing there can hear it and could change it.",
     "No keys protect this record: ClientHello, ServerHello and HelloRetryRequest always, and in "
     "TLS 1.2 every handshake message before ChangeCipherSpec, certificates included. It travels "
     "as a TLSPlaintext record that anyone on the path can read or alter, and tampering is caught "
     "only later: in TLS 1.3 the transcript hash enters the handshake traffic keys, so the first "
     "encrypted record fails (bad_record_mac); in TLS 1.2 the Finished messages catch it at the "
     "latest. TLS 1.3 encrypts everything after the ServerHello.",
     "RFC 8446 5.1; RFC 5246 6.2.1"},
    {"protection.handshake_traffic", "Handshake traffic keys (TLS 1.3)",
     "The rest of the door talk, in a private code made from the whispered secret.",
     "AEAD keys and IVs from the client/server handshake traffic secrets, which come from the "
     "(EC)DHE shared secret through HKDF, not from any certificate key. They protect "
     "EncryptedExtensions through Finished, certificates included.",
     "RFC 8446 7.1; RFC 8446 7.3"},
    {"protection.application_traffic", "Application traffic keys (TLS 1.3)",
     "The private code for the talk inside the club.",
     "AEAD keys and IVs from the application traffic secrets (derived from the Master Secret); "
     "they protect application data, post-handshake messages and alerts, and KeyUpdate "
     "replaces them.",
     "RFC 8446 7.1; RFC 8446 7.3"},
    {"protection.tls12_session_keys", "Session keys (TLS 1.2)",
     "The TLS 1.2 private code, switched on by each side's \"switching now\" word.",
     "Write keys, MAC keys (non-AEAD suites) and IVs cut from the key block = PRF(master_secret, "
     "\"key expansion\", server_random + client_random); each side uses them after its "
     "ChangeCipherSpec, starting with Finished.",
     "RFC 5246 6.3; RFC 5246 7.1"},
    // Outcomes.
    {"outcome.admitted", "Admitted",
     "The member (or visitor) is inside: the bouncer accepted everything it checked.",
     "The handshake completed: both Finished messages verified and every certificate check this "
     "configuration requires passed. Each Finished covers the whole transcript under a key derived "
     "from the secret only the two endpoints share, so matching values show that neither side's "
     "messages were altered. From here application data flows under the application traffic keys "
     "(TLS 1.3) or the session keys (TLS 1.2).",
     "RFC 8446 4.4.4; RFC 5246 7.4.9"},
    {"outcome.refused", "Refused",
     "The door stayed shut; the alert says which check refused and on which side.",
     "The handshake was aborted with a fatal alert before completion; no application data was "
     "exchanged. The alert and the side that sent it say why.",
     "RFC 8446 6.2; RFC 5246 7.2.2"},
    // Versions.
    {"version.tls12", "TLS 1.2",
     "The older edition of the rules: two round trips at the door, and the badge shown where "
     "everyone can see it.",
     "Version 0x0303: a full handshake takes two round trips, certificates travel in the "
     "clear, and key exchange is ECDHE (forward secret) or RSA (not). It is the oldest version "
     "still allowed, since RFC 8996 deprecated TLS 1.0 and 1.1. RFC 9325 3.1.1 still requires "
     "implementations to support it (and to prefer TLS 1.3), and RFC 9325 4.2 recommends ECDHE "
     "suites with AEAD ciphers for it.",
     "RFC 5246 7.3; RFC 8996 1"},
    {"version.tls13", "TLS 1.3",
     "The current edition: one round trip at the door, the whisper in the first greeting, and "
     "the badge shown only in private.",
     "Version 0x0304, negotiated through supported_versions while legacy_version stays 0x0303. Key "
     "shares ride in the ClientHello, so a full handshake takes one round trip, and everything "
     "after the ServerHello is encrypted, certificates included. Only AEAD suites remain and RSA "
     "key exchange is gone, so every full handshake is forward secret; of the resumption modes, "
     "only psk_ke lacks it.",
     "RFC 8446 2; RFC 8446 4.2.1"},
    {"version.tls11", "TLS 1.1 (deprecated)",
     "An old edition of the rules the club no longer accepts; a visitor who knows nothing newer "
     "is turned away.",
     "Version 0x0302 (RFC 4346). It MUST NOT be used or negotiated: it lacks modern AEAD suites "
     "and depends on SHA-1 and MD5 in its PRF and signatures. A hello whose version field is "
     "{03,02} is answered with protocol_version.",
     "RFC 8996 5; RFC 8996 3"},
    {"version.tls10", "TLS 1.0 (deprecated)",
     "A very old edition of the rules, refused at every door today.",
     "Version 0x0301 (RFC 2246). It MUST NOT be used or negotiated: besides TLS 1.1's reliance "
     "on SHA-1 and MD5 it has predictable CBC IVs (BEAST). A hello whose version field is "
     "{03,01} is answered with protocol_version; 0x0301 in the record header of a first "
     "ClientHello is allowed (RFC 8446 5.1).",
     "RFC 8996 4; RFC 8996 3"},
    // Key exchange groups.
    {"group.x25519", "x25519",
     "The classic way of whispering a secret across the room: short and fast.",
     "Elliptic-curve Diffie-Hellman on Curve25519, group 0x001D; each key share is 32 bytes.",
     "RFC 7748 5; RFC 8446 4.2.7"},
    {"group.secp256r1", "secp256r1 (P-256)",
     "The NIST way of whispering a secret, widely supported.",
     "ECDHE on NIST P-256, group 0x0017; a key share is an uncompressed point of 65 bytes "
     "(0x04 || x || y).",
     "RFC 8446 4.2.7; RFC 8446 4.2.8.2"},
    {"group.secp384r1", "secp384r1 (P-384)",
     "A longer NIST way of whispering, for a higher security level.",
     "ECDHE on NIST P-384, group 0x0018; a key share is an uncompressed point of 97 bytes.",
     "RFC 8446 4.2.7; RFC 8446 4.2.8.2"},
    {"group.secp521r1", "secp521r1 (P-521)",
     "The longest NIST way of whispering; slower, with a margin few need.",
     "ECDHE on NIST P-521, group 0x0019; a key share is an uncompressed point of 133 bytes "
     "(0x04 || x || y, 66 bytes each).",
     "RFC 8446 4.2.7; RFC 8446 4.2.8.2"},
    {"group.X25519MLKEM768", "X25519MLKEM768",
     "Whispering two secrets at once, a classic one and one built to resist a future quantum "
     "computer; the whisper is much longer.",
     "Hybrid group 0x11EC: ML-KEM-768 plus X25519. The client share is 1216 bytes "
     "(encapsulation key + X25519 key), the server share 1120 bytes (ciphertext + X25519 key), "
     "instead of 32, and the shared secret is the ML-KEM-768 secret followed by the X25519 one "
     "(64 bytes); it stays secure if either part holds. The default key share of major "
     "browsers.",
     "draft-ietf-tls-ecdhe-mlkem 3; draft-ietf-tls-ecdhe-mlkem 3.1.3; RFC 8446 4.2.8"},
    // Myths.
    {"myth.certificate_encrypts_traffic", "Myth: the certificate encrypts the traffic",
     "Myth: \"the club's badge locks the conversation\". Truth: the badge only proves who the "
     "club is, by signing; the conversation is locked with the secret both sides whispered.",
     "Myth: server certificates encrypt the traffic. In TLS 1.3 and TLS 1.2 ECDHE the "
     "certificate key only signs (CertificateVerify, ServerKeyExchange); traffic keys come from "
     "the ephemeral (EC)DHE secret through HKDF or the PRF. Only TLS 1.2 RSA key exchange "
     "encrypted the premaster secret to the certificate key, which is why it had no forward "
     "secrecy.",
     "RFC 8446 4.4.3; RFC 8446 7.1; RFC 5246 7.4.7.1"},
    // The same myth where the badge's key does decrypt something: what the myth box shows instead
    // when the visit used RSA key transport.
    {"myth.certificate_encrypts_traffic_rsa",
     "Myth: the certificate encrypts the traffic (RSA key transport)",
     "Myth: \"the club's badge locks the conversation\". Truth, in this old way: the member locks "
     "a secret note with the badge and only the club's private key opens it; both sides make the "
     "conversation's keys from that note. A thief of the badge's key can later open recorded "
     "visits.",
     "Myth: server certificates encrypt the traffic. With TLS 1.2 RSA key transport the "
     "certificate's private key decrypts the premaster secret the client encrypted to it in "
     "ClientKeyExchange; the master secret and the traffic keys are derived from that premaster "
     "secret with the PRF, so the records are never encrypted with the certificate key. No "
     "ephemeral secret means no forward secrecy: a stolen certificate key decrypts every recorded "
     "session. TLS 1.3 removed static RSA key exchange.",
     "RFC 5246 7.4.7.1; RFC 5246 8.1; RFC 8446 1.2"},
};

}  // namespace

std::span<const Explanation> event_explanations() {
  return kEvents;
}

}  // namespace tlsclub
