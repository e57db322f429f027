// Explanations of the fields the handshake decoders emit (sim/decode): one entry per
// "field.<name>" explain_key, in wire order of the messages that carry them.
#include <array>

#include "explain/catalogue.h"

namespace tlsclub {

namespace {

constexpr Explanation kFields[] = {
    // ---- framing (every message) ----
    {"field.header", "Handshake header",
     "The label on every note passed at the door: what kind of note it is and how long it is.",
     "Each handshake message starts with msg_type (1 byte) and the body length (uint24). Records "
     "may split or join messages; this header is how the receiver finds their boundaries.",
     "RFC 8446 4"},
    {"field.msg_type", "Message type", "Which step of the door conversation this note is.",
     "HandshakeType: 1 client_hello, 2 server_hello (also HelloRetryRequest), 8 "
     "encrypted_extensions, 11 certificate, 15 certificate_verify, 20 finished... A message out "
     "of order MUST be answered with an unexpected_message alert.",
     "RFC 8446 4"},
    {"field.length", "Length", "How many bytes follow, so the reader knows where this part ends.",
     "A big-endian length prefix (1, 2 or 3 bytes, sized for the vector's maximum). A length that "
     "runs past its enclosing structure makes the message undecodable: decode_error.",
     "RFC 8446 3.4"},
    {"field.body", "Body", "The contents of a note this simulator does not take apart.",
     "The raw body of a handshake type the decoder does not interpret, shown as hex.",
     "RFC 8446 4"},
    {"field.undecoded", "Undecoded bytes",
     "Bytes the reader could not make sense of: cut short, left over, or garbled on the way.",
     "Bytes after a decoding failure (truncated vector, length overrun) or trailing after a "
     "structure ended. A TLS stack rejects such a message with a decode_error alert.",
     "RFC 8446 6.2"},
    {"field.parse_error", "Unreadable DER",
     "The card (or stamp) cannot even be read: it is not written in the town's card format.",
     "Botan could not decode these bytes as DER (an X.509 certificate, RFC 5280, or an OCSP "
     "response, RFC 6960). A peer rejects such a certificate with bad_certificate.",
     "RFC 5280 4.1"},

    // ---- ClientHello / ServerHello ----
    {"field.legacy_version", "Legacy version",
     "An old line on the form that always says TLS 1.2, so old doormen do not panic; the real "
     "edition is agreed in supported_versions.",
     "Fixed at 0x0303 in TLS 1.3 for middlebox compatibility; version negotiation moved to the "
     "supported_versions extension. In TLS 1.2 this field carried the real version.",
     "RFC 8446 4.1.2"},
    {"field.random", "Random",
     "Thirty-two fresh random bytes from each side, so no door conversation can be replayed as "
     "an old one.",
     "32 bytes from a secure RNG, hashed into the transcript (TLS 1.2: into the master secret). "
     "A TLS 1.3 server negotiating TLS 1.2 ends it with the downgrade sentinel 444F574E47524401; "
     "a HelloRetryRequest carries SHA-256(\"HelloRetryRequest\").",
     "RFC 8446 4.1.3"},
    {"field.legacy_session_id", "Legacy session ID",
     "A ticket number from the old door system; today mostly a random token kept so old "
     "doormen recognise the form.",
     "0 to 32 bytes. TLS 1.2 used it for session resumption; a TLS 1.3 client sends 32 random "
     "bytes in compatibility mode (or nothing), and the server MUST echo it.",
     "RFC 8446 4.1.2"},
    {"field.legacy_session_id_echo", "Session ID echo",
     "The entrance repeats the member's ticket number back word for word.",
     "The server copies the client's legacy_session_id; a client MUST abort with "
     "illegal_parameter if it differs. In TLS 1.2 a non-empty value names a resumable session.",
     "RFC 8446 4.1.3"},
    {"field.cipher_suites", "Cipher suites",
     "The lock-and-seal combinations the member can work with, favourite first.",
     "Two-byte suite codes in preference order. TLS 1.3 suites (0x13xx) name only the AEAD and "
     "the HKDF hash; TLS 1.2 suites also name key exchange and authentication. 0x00ff is the "
     "renegotiation signalling value, not a real suite.",
     "RFC 8446 4.1.2"},
    {"field.cipher_suite", "Cipher suite",
     "One lock-and-seal combination: which cipher protects the traffic and which hash drives the "
     "key schedule.",
     "A CipherSuite code. In a ServerHello it is the server's single choice; the client MUST "
     "abort with illegal_parameter if it did not offer it.",
     "RFC 8446 4.1.3"},
    {"field.legacy_compression_methods", "Compression methods",
     "A leftover question: shall we squeeze our notes? The answer is always no.",
     "TLS 1.3 requires exactly one byte, 0 (null), else illegal_parameter; TLS 1.2 compression "
     "is disabled everywhere since the CRIME attack.",
     "RFC 8446 4.1.2"},
    {"field.compression_method", "Compression method", "One squeezing method; only 'none'.",
     "CompressionMethod 0 = null, the only value TLS 1.3 allows.", "RFC 8446 4.1.2"},
    {"field.legacy_compression_method", "Compression method",
     "The entrance's answer to the squeezing question: none.",
     "The server's single CompressionMethod; MUST be 0 in TLS 1.3.", "RFC 8446 4.1.3"},
    {"field.extensions", "Extensions",
     "The extra questions and answers pinned to a note: which club name, which whispering "
     "methods, which seals are accepted...",
     "A vector of (extension_type, extension_data). Each type at most once per block; an "
     "extension in a message that may not carry it is an illegal_parameter alert.",
     "RFC 8446 4.2"},
    {"field.extension_type", "Extension type", "The number naming which extra question this is.",
     "A two-byte ExtensionType from the IANA registry; a server ignores types it does not know.",
     "RFC 8446 4.2"},
    {"field.extension_data", "Extension data",
     "The contents of an extra question this simulator does not take apart.",
     "Raw extension_data, laid out as the extension type's specification says.", "RFC 8446 4.2"},

    // ---- extension contents ----
    {"field.server_name_list", "Server names", "The club names the member is looking for.",
     "ServerNameList; only host_name is defined and at most one per type may be sent.",
     "RFC 6066 3"},
    {"field.server_name", "Server name",
     "The club name the member asks for at the entrance. It is said out loud: onlookers hear "
     "which club you visit.",
     "A ServerName entry (name_type + name), sent in clear in the ClientHello; the server uses "
     "it to choose the certificate.",
     "RFC 6066 3"},
    {"field.name_type", "Name type", "What kind of name follows: a host name.",
     "NameType; 0 = host_name is the only defined value.", "RFC 6066 3"},
    {"field.host_name", "Host name",
     "The club's name, e.g. club.example; the badge on the door must carry the same name.",
     "ASCII DNS name without a trailing dot, no IP literals. The client matches it against the "
     "server certificate's subjectAltName.",
     "RFC 6066 3"},
    {"field.max_fragment_length", "Max fragment length",
     "The member asks for shorter notes because their pockets are small.",
     "One byte: 1..4 for 2^9..2^12 bytes of record plaintext. Superseded by record_size_limit.",
     "RFC 6066 4"},
    {"field.status_type", "Status type", "Which kind of freshness stamp: an OCSP one.",
     "CertificateStatusType; 1 = ocsp is the only defined value.", "RFC 6066 8"},
    {"field.responder_id_list", "Responder IDs",
     "Which stamp offices the member trusts; empty means whichever the club uses.",
     "DER ResponderIDs the client trusts; empty means the responders are known to the server.",
     "RFC 6066 8"},
    {"field.responder_id", "Responder ID", "One stamp office the member trusts.",
     "A DER-encoded ResponderID (RFC 6960): the responder's name or key hash.", "RFC 6066 8"},
    {"field.request_extensions", "OCSP request extensions",
     "Extra details for the stamp request, such as a one-time number.",
     "DER-encoded OCSP request extensions (RFC 6960 4.4), e.g. a nonce; usually empty.",
     "RFC 6066 8"},
    {"field.named_group_list", "Supported groups",
     "The whispering methods the member knows, favourite first.",
     "NamedGroup codes for (EC)DHE and hybrid post-quantum key exchange (x25519, secp256r1, "
     "X25519MLKEM768...), in preference order; in TLS 1.2 it limits the ECDHE curves.",
     "RFC 8446 4.2.7"},
    {"field.named_group", "Named group",
     "One whispering method, e.g. X25519 or the post-quantum hybrid X25519MLKEM768.",
     "A NamedGroup code; in a TLS 1.2 ServerKeyExchange, the curve of the server's ECDH key.",
     "RFC 8446 4.2.7"},
    {"field.ec_point_format_list", "EC point formats",
     "How the member writes down curve points: only the plain way is left.",
     "ECPointFormat list for TLS 1.2; uncompressed (0) is the only format still allowed.",
     "RFC 8422 5.1.2"},
    {"field.ec_point_format", "EC point format", "One way to write down a curve point.",
     "uncompressed (0); the compressed formats are deprecated.", "RFC 8422 5.1.2"},
    {"field.supported_signature_algorithms", "Signature algorithms",
     "The kinds of signatures and seals this side knows how to check.",
     "SignatureSchemes the sender accepts: for CertificateVerify and (unless "
     "signature_algorithms_cert is sent) certificate signatures; in signature_algorithms_cert, "
     "for certificate signatures only.",
     "RFC 8446 4.2.3"},
    {"field.signature_scheme", "Signature scheme",
     "Which kind of signature this is, e.g. ECDSA on P-256 with SHA-256.",
     "A SignatureScheme naming key type, padding and hash. Before a signature it names the "
     "algorithm used, which MUST be one the peer offered (else illegal_parameter).",
     "RFC 8446 4.2.3"},
    {"field.heartbeat_mode", "Heartbeat mode", "Whether the peer may send 'are you still there?'.",
     "peer_allowed_to_send (1) or peer_not_allowed_to_send (2).", "RFC 6520 2"},
    {"field.protocol_name_list", "Application protocols",
     "The languages the member can speak once inside, e.g. h2 or http/1.1.",
     "ALPN protocol names in preference order; the server picks exactly one or aborts with "
     "no_application_protocol.",
     "RFC 7301 3.1"},
    {"field.protocol_name", "Protocol name", "One language, e.g. h2.",
     "An ALPN ProtocolName, 1 to 255 bytes (IANA registry).", "RFC 7301 3.1"},
    {"field.certificate_type_list", "Certificate types",
     "The kinds of card this side can show or read.",
     "CertificateType list: X509 (0) or RawPublicKey (2), in preference order.", "RFC 7250 3"},
    {"field.certificate_type", "Certificate type", "The kind of card that will be shown.",
     "X509 (0) or RawPublicKey (2); the server's choice in EncryptedExtensions.", "RFC 7250 3"},
    {"field.zeros", "Padding", "Blank filler so the note has a comfortable size.",
     "Zero bytes that grow the ClientHello (e.g. past sizes some middleboxes mishandle); the "
     "receiver ignores them.",
     "RFC 7685 3"},
    {"field.record_size_limit", "Record size limit",
     "The largest note this side is willing to receive.",
     "Maximum record plaintext the sender accepts; in TLS 1.3 it counts the content type byte, "
     "so 16385 means the full 2^14.",
     "RFC 8449 4"},
    {"field.renegotiated_connection", "Renegotiated connection",
     "Proof that a second door conversation continues the first one.",
     "Empty on the first handshake; on renegotiation the previous Finished verify_data, binding "
     "the two handshakes together.",
     "RFC 5746 3.2"},
    {"field.versions", "Supported versions", "The rule-book editions the member knows, newest first.",
     "ProtocolVersion list; in TLS 1.3 this, not legacy_version, negotiates the version.",
     "RFC 8446 4.2.1"},
    {"field.version", "Version", "One rule-book edition, e.g. TLS 1.3 (0x0304).",
     "A ProtocolVersion.", "RFC 8446 4.2.1"},
    {"field.selected_version", "Selected version", "The edition the club picked.",
     "The server's choice, one the client offered; 0x0304 for TLS 1.3. A TLS 1.2 ServerHello "
     "carries no supported_versions.",
     "RFC 8446 4.2.1"},
    {"field.cookie", "Cookie",
     "A stamp the entrance hands out with 'please come again'; showing it back proves the "
     "member really stands at that address.",
     "Opaque value from a HelloRetryRequest that the client MUST echo in its second "
     "ClientHello; lets the server stay stateless and check reachability.",
     "RFC 8446 4.2.2"},
    {"field.ke_modes", "PSK key exchange modes",
     "How a returning member may come in: with the come-back note alone, or with a new whisper.",
     "PskKeyExchangeMode list; a server may only accept a PSK in one of these modes.",
     "RFC 8446 4.2.9"},
    {"field.ke_mode", "PSK mode",
     "psk_ke: the note alone; psk_dhe_ke: the note plus a fresh whisper.",
     "psk_ke (0): PSK only, no forward secrecy; psk_dhe_ke (1): PSK with (EC)DHE.",
     "RFC 8446 4.2.9"},
    {"field.authorities", "Certificate authorities",
     "The town authorities whose seals this side accepts.",
     "DistinguishedNames of acceptable trust anchors; helps the peer choose a chain.",
     "RFC 8446 4.2.4"},
    {"field.certificate_authorities", "Certificate authorities",
     "The authorities whose membership cards the club accepts.",
     "TLS 1.2 CertificateRequest: DistinguishedNames of acceptable CAs (empty: any).",
     "RFC 5246 7.4.4"},
    {"field.distinguished_name", "Distinguished name",
     "The official full name of an authority, as written under its seal.",
     "A DER X.501 Name, e.g. CN=Town Authority, O=TLS Club.", "RFC 8446 4.2.4"},
    {"field.filters", "OID filters",
     "Rules for the membership card: it must be marked for the right use.",
     "OIDFilter list in a CertificateRequest: certificate extensions and values the client's "
     "certificate must match.",
     "RFC 8446 4.2.5"},
    {"field.oid_filter", "OID filter", "One rule the card must satisfy.",
     "An extension OID plus the DER values it must contain (e.g. extKeyUsage clientAuth).",
     "RFC 8446 4.2.5"},
    {"field.certificate_extension_oid", "Extension OID", "Which part of the card the rule checks.",
     "The DER content octets of a certificate extension's OBJECT IDENTIFIER.", "RFC 8446 4.2.5"},
    {"field.certificate_extension_values", "Extension values", "What that part must say.",
     "DER-encoded extension value(s) the certificate must contain.", "RFC 8446 4.2.5"},
    {"field.client_shares", "Client key shares",
     "The member's halves of the whisper, prepared in advance for the methods the club will "
     "most likely pick.",
     "KeyShareEntry list, one per group, in supported_groups order; if none suits the server it "
     "answers with a HelloRetryRequest.",
     "RFC 8446 4.2.8"},
    {"field.key_share_entry", "Key share",
     "One half of the whispered secret: a public value anyone may hear, useless without the "
     "private half.",
     "An ephemeral public key for a group. Combined with the peer's share it gives the (EC)DHE "
     "secret from which TLS 1.3 derives all traffic keys; the certificate key takes no part.",
     "RFC 8446 4.2.8"},
    {"field.group", "Group", "Which whispering method this half belongs to.",
     "The NamedGroup of the key share.", "RFC 8446 4.2.8"},
    {"field.key_exchange", "Key exchange",
     "The public half itself: X25519 is 32 bytes, the post-quantum hybrid much longer.",
     "X25519: 32 bytes; P-256: 65-byte uncompressed point; X25519MLKEM768: 1216 bytes from the "
     "client (ML-KEM key + X25519), 1120 from the server (ciphertext + X25519).",
     "RFC 8446 4.2.8.2"},
    {"field.selected_group", "Selected group",
     "The club asks the member to whisper again, using this method.",
     "HelloRetryRequest: the group the server wants a share for; it MUST be in supported_groups "
     "and not already in key_share.",
     "RFC 8446 4.2.8"},
    {"field.identities", "PSK identities", "The come-back notes the member offers.",
     "PskIdentity list; the binders follow in the same order.", "RFC 8446 4.2.11"},
    {"field.psk_identity", "PSK identity", "One come-back note and its disguised age.",
     "identity + obfuscated_ticket_age.", "RFC 8446 4.2.11"},
    {"field.identity", "Identity", "The sealed note, exactly as the club handed it out.",
     "A ticket from NewSessionTicket or an external PSK label.", "RFC 8446 4.2.11"},
    {"field.obfuscated_ticket_age", "Obfuscated ticket age",
     "How old the note is, disguised so onlookers cannot link two visits.",
     "Ticket age in ms plus ticket_age_add, mod 2^32; lets the server limit 0-RTT replay.",
     "RFC 8446 4.2.11.1"},
    {"field.binders", "PSK binders", "Proofs that the member really holds each note's secret.",
     "One binder per identity, same order.", "RFC 8446 4.2.11.2"},
    {"field.binder", "Binder", "A seal over this hello made with the note's secret.",
     "HMAC over the partial ClientHello transcript with a key derived from the PSK: proves "
     "possession and binds the PSK to this handshake.",
     "RFC 8446 4.2.11.2"},
    {"field.selected_identity", "Selected identity", "Which come-back note the club accepted.",
     "Zero-based index into the client's identities; out of range is illegal_parameter.",
     "RFC 8446 4.2.11"},
    {"field.max_early_data_size", "Max early data size",
     "How much the member may say before the door has fully opened on the next visit.",
     "Maximum bytes of 0-RTT data the client may send with this ticket.", "RFC 8446 4.2.10"},
