// Explanations of the fields the handshake decoders emit (sim/decode): one entry per
// "field.<name>" explain_key, in wire order of the messages that carry them.
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
     "The raw body of a handshake type the decoder does not interpret, shown as hex. Its length "
     "comes from the handshake header, so the messages after it can still be found. A TLS stack "
     "that receives a handshake message it does not expect at that point aborts with "
     "unexpected_message.",
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
     "supported_versions extension. In TLS 1.2 this field carried the real version. The record "
     "header has its own legacy_record_version: 0x0301 allowed on the first ClientHello, "
     "otherwise 0x0303, and receivers ignore it.",
     "RFC 8446 4.1.2; RFC 8446 5.1"},
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
     "CompressionMethod 0 = null, the only value TLS 1.3 allows. A TLS 1.3 ClientHello carries "
     "exactly this one byte, and a server that finds anything else there MUST abort with "
     "illegal_parameter. TLS 1.2 also defined DEFLATE (1), which nobody should offer since the "
     "CRIME attack recovered secrets from compressed record sizes.",
     "RFC 8446 4.1.2"},
    {"field.legacy_compression_method", "Compression method",
     "The entrance's answer to the squeezing question: none.",
     "The server's single CompressionMethod; MUST be 0 in TLS 1.3.", "RFC 8446 4.1.3"},
    {"field.extensions", "Extensions",
     "The extra questions and answers pinned to a note: which club name, which whispering "
     "methods, which seals are accepted...",
     "A vector of (extension_type, extension_data). Each type at most once per block; for a "
     "known extension in a message that may not carry it, RFC 8446 4.2 requires "
     "illegal_parameter while its alert list (6.2) names unsupported_extension.",
     "RFC 8446 4.2"},
    {"field.extension_type", "Extension type", "The number naming which extra question this is.",
     "A two-byte ExtensionType from the IANA registry; a server ignores types it does not know.",
     "RFC 8446 4.2"},
    {"field.extension_data", "Extension data",
     "The contents of an extra question this simulator does not take apart.",
     "Raw extension_data, laid out as the extension type's specification says. It is an opaque "
     "vector with a two-byte length (0 to 2^16-1 bytes), so a receiver can skip an extension type "
     "it does not understand. This simulator shows the bytes of types it does not decode as hex.",
     "RFC 8446 4.2"},

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
     "A DER-encoded ResponderID (RFC 6960): the responder's name or key hash. byName is the "
     "responder certificate's subject name, byKey the SHA-1 hash of its public key. The client "
     "lists the responders it trusts in status_request; an empty list means the responders are "
     "implicitly known to the server.",
     "RFC 6066 8"},
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
     "algorithm used, which MUST be one the peer offered in signature_algorithms.",
     "RFC 8446 4.2.3; RFC 8446 4.4.3"},
    {"field.heartbeat_mode", "Heartbeat mode", "Whether the peer may send 'are you still there?'.",
     "peer_allowed_to_send (1) or peer_not_allowed_to_send (2): whether the sender is willing to "
     "receive HeartbeatRequest messages and answer them. HeartbeatRequest messages MUST NOT be "
     "sent to a peer that indicated peer_not_allowed_to_send; if one arrives anyway it should be "
     "dropped silently. An unknown mode is answered with illegal_parameter.",
     "RFC 6520 2"},
    {"field.protocol_name_list", "Application protocols",
     "The languages the member can speak once inside, e.g. h2 or http/1.1.",
     "ALPN protocol names in preference order; the server picks exactly one or aborts with "
     "no_application_protocol.",
     "RFC 7301 3.1"},
    {"field.protocol_name", "Protocol name", "One language, e.g. h2.",
     "An ALPN ProtocolName, 1 to 255 bytes (IANA registry). It is an opaque byte string such as "
     "\"h2\" or \"http/1.1\", compared exactly; empty names MUST NOT be sent. The server's answer "
     "carries exactly one name from the client's list.",
     "RFC 7301 3.1"},
    {"field.certificate_type_list", "Certificate types",
     "The kinds of card this side can show or read.",
     "CertificateType list: X509 (0) or RawPublicKey (2), in preference order. In "
     "client_certificate_type it lists the types the client can send, in server_certificate_type "
     "the types it can accept; the server answers with a single chosen type. A raw public key is a "
     "bare SubjectPublicKeyInfo, trusted by prior arrangement rather than through a CA chain.",
     "RFC 7250 3"},
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
    {"field.versions", "Supported versions",
     "The rule-book editions the member knows, newest first.",
     "ProtocolVersion list; in TLS 1.3 this, not legacy_version, negotiates the version.",
     "RFC 8446 4.2.1"},
    {"field.version", "Version", "One rule-book edition, e.g. TLS 1.3 (0x0304).",
     "A two-byte ProtocolVersion: 0x0304 TLS 1.3, 0x0303 TLS 1.2. TLS 1.0 (0x0301) and TLS 1.1 "
     "(0x0302) are deprecated and MUST NOT be negotiated: a hello that offers nothing newer is "
     "answered with protocol_version. Seeing 0x0301 in a first ClientHello's record header is "
     "normal (RFC 8446 5.1).",
     "RFC 8446 4.2.1; RFC 8996 4; RFC 8996 5"},
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
     "TLS 1.2 CertificateRequest: DistinguishedNames of acceptable CAs (empty: any). Each entry is "
     "a DER-encoded X.501 Name of a root or subordinate CA, so the client can pick a certificate "
     "whose chain leads to one of them. TLS 1.3 drops this field and uses the "
     "certificate_authorities extension instead.",
     "RFC 5246 7.4.4"},
    {"field.distinguished_name", "Distinguished name",
     "The official full name of an authority, as written under its seal.",
     "A DER X.501 Name, e.g. CN=Town Authority, O=TLS Club.", "RFC 8446 4.2.4"},
    {"field.filters", "OID filters",
     "Rules for the membership card: it must be marked for the right use.",
     "OIDFilter list in a CertificateRequest: certificate extensions and values the client's "
     "certificate must match. Each OID may appear at most once; the client must satisfy the "
     "filters whose OIDs it recognises and skips the others. An empty list places no constraint on "
     "the certificate.",
     "RFC 8446 4.2.5"},
    {"field.oid_filter", "OID filter", "One rule the card must satisfy.",
     "An extension OID plus the DER values it must contain (e.g. extKeyUsage clientAuth).",
     "RFC 8446 4.2.5"},
    {"field.certificate_extension_oid", "Extension OID", "Which part of the card the rule checks.",
     "The DER content octets of a certificate extension's OBJECT IDENTIFIER, in a vector of 1 to "
     "255 bytes. It names the extension the filter constrains, for example extKeyUsage (2.5.29.37) "
     "or keyUsage (2.5.29.15); an OID may appear only once in the filters list.",
     "RFC 8446 4.2.5"},
    {"field.certificate_extension_values", "Extension values", "What that part must say.",
     "DER-encoded extension value(s) the certificate must contain. The vector holds 0 to 2^16-1 "
     "bytes; for each OID the client recognises, all the listed values must be present, though the "
     "certificate may carry others as well. For extKeyUsage that could be the clientAuth purpose, "
     "1.3.6.1.5.5.7.3.2.",
     "RFC 8446 4.2.5"},
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
     "The NamedGroup of the key share. It is a two-byte code from supported_groups, such as x25519 "
     "(0x001d), secp256r1 (0x0017) or X25519MLKEM768 (0x11ec), and it fixes the format and length "
     "of key_exchange. A client sends at most one share per group, and the server's share must be "
     "in the group of one of the client's shares.",
     "RFC 8446 4.2.8"},
    {"field.key_exchange", "Key exchange",
     "The public half itself: X25519 is 32 bytes, the post-quantum hybrid much longer.",
     "X25519: 32 bytes; P-256: 65-byte uncompressed point; X25519MLKEM768: 1216 bytes from the "
     "client (ML-KEM-768 encapsulation key + X25519), 1120 from the server (ML-KEM ciphertext + "
     "X25519). Invalid shares are refused with illegal_parameter.",
     "RFC 8446 4.2.8.2; draft-ietf-tls-ecdhe-mlkem 3.1.1; draft-ietf-tls-ecdhe-mlkem 3.1.2"},
    {"field.selected_group", "Selected group",
     "The club asks the member to whisper again, using this method.",
     "HelloRetryRequest: the group the server wants a share for; it MUST be in supported_groups "
     "and not already in key_share.",
     "RFC 8446 4.2.8"},
    {"field.identities", "PSK identities", "The come-back notes the member offers.",
     "PskIdentity list; the binders follow in the same order.", "RFC 8446 4.2.11"},
    {"field.psk_identity", "PSK identity", "One come-back note and its disguised age.",
     "A PskIdentity: identity plus obfuscated_ticket_age. The identity is an opaque label of 1 to "
     "2^16-1 bytes (a ticket or an external PSK's name); the age is a uint32 that SHOULD be 0 for "
     "external PSKs. Its binder sits at the same index in the binders list.",
     "RFC 8446 4.2.11"},
    {"field.identity", "Identity", "The sealed note, exactly as the club handed it out.",
     "A ticket from NewSessionTicket or an external PSK label. The client returns it byte for "
     "byte, and the server uses it to find or decrypt its resumption state and so the PSK. Holding "
     "the identity alone is not enough: without the PSK nobody can compute a valid binder.",
     "RFC 8446 4.2.11"},
    {"field.obfuscated_ticket_age", "Obfuscated ticket age",
     "How old the note is, disguised so onlookers cannot link two visits.",
     "Ticket age in ms plus ticket_age_add, mod 2^32; lets the server limit 0-RTT replay.",
     "RFC 8446 4.2.11.1"},
    {"field.binders", "PSK binders", "Proofs that the member really holds each note's secret.",
     "One binder per identity, same order. The list ends the ClientHello (pre_shared_key MUST be "
     "the last extension), and each binder is computed over the ClientHello truncated just before "
     "the list, so it covers everything else in the message. The server verifies the binder of the "
     "PSK it picks and aborts with decrypt_error if it does not match.",
     "RFC 8446 4.2.11.2"},
    {"field.binder", "Binder", "A seal over this hello made with the note's secret.",
     "HMAC over the partial ClientHello transcript with a key derived from the PSK: proves "
     "possession and binds the PSK to this handshake. It is computed like a Finished, with the "
     "finished key taken from binder_key (label \"res binder\" for resumption, \"ext binder\" for "
     "external PSKs). After a HelloRetryRequest the transcript also covers the first ClientHello "
     "and the HelloRetryRequest.",
     "RFC 8446 4.2.11.2"},
    {"field.selected_identity", "Selected identity", "Which come-back note the club accepted.",
     "Zero-based index into the client's identities; out of range is illegal_parameter.",
     "RFC 8446 4.2.11"},
    {"field.max_early_data_size", "Max early data size",
     "How much the member may say before the door has fully opened on the next visit.",
     "Maximum bytes of 0-RTT data the client may send with this ticket. It is a uint32 in the "
     "early_data extension of a NewSessionTicket, counting application data only, not padding or "
     "the inner content type byte. A server that receives more SHOULD abort with "
     "unexpected_message; only a ticket that carries this extension may be used for 0-RTT.",
     "RFC 8446 4.2.10"},

    // ---- Certificate, CertificateRequest, CertificateVerify, Finished ----
    {"field.certificate_request_context", "Certificate request context",
     "A tag tying an answer to its exact question; empty during the first door conversation.",
     "Chosen by the server in CertificateRequest and echoed in the client's Certificate; empty in "
     "the main handshake and in a server Certificate.",
     "RFC 8446 4.3.2"},
    {"field.certificate_list", "Certificate list",
     "The badge or membership card first, then the district offices' certificates vouching for "
     "it, up towards the town authority.",
     "Each certificate certifies the one before it; the root is normally left out, as a trust "
     "anchor the peer already holds may be. Empty from a "
     "client means 'no card'; a server MUST send at least one.",
     "RFC 8446 4.4.2"},
    {"field.certificate_entry", "Certificate entry",
     "One card plus notes pinned to it, such as a fresh stamp from the authority.",
     "cert_data plus per-certificate extensions (status_request with an OCSP response, "
     "signed_certificate_timestamp). TLS 1.3 added the per-entry extensions so a staple or SCT "
     "travels with the certificate it is about; and its extensions MUST answer ones the peer sent "
     "(ClientHello or CertificateRequest). With raw public keys, cert_data is a "
     "SubjectPublicKeyInfo instead of an X.509 certificate.",
     "RFC 8446 4.4.2"},
    {"field.cert_data", "Certificate",
     "The card itself: issued to whom, by whom, valid until when, and the holder's public key, "
     "all under the issuer's seal.",
     "A DER X.509 certificate. Its key only verifies signatures (CertificateVerify; for a CA, "
     "the seals on certificates it issued); in TLS 1.3 it never derives traffic keys.",
     "RFC 8446 4.4.2"},
    {"field.certificate", "Certificate",
     "The card itself: issued to whom, by whom, valid until when, and the holder's public key.",
     "A DER X.509 ASN.1Cert. With ECDHE its key signs ServerKeyExchange; only with TLS 1.2 RSA "
     "key exchange does it decrypt the premaster secret.",
     "RFC 5246 7.4.2"},
    {"field.certificate.subject", "Subject", "'Issued to': whom the card belongs to.",
     "The subject DN. Servers are matched by subjectAltName, not by the CN.",
     "RFC 5280 4.1.2.6; RFC 9525 6"},
    {"field.certificate.issuer", "Issuer",
     "'Issued by': the district office or town authority whose seal is on the card.",
     "The issuer DN; it names the next certificate up the chain, whose key verifies this "
     "certificate's signature.",
     "RFC 5280 4.1.2.4"},
    {"field.certificate.serial_number", "Serial number",
     "The card's number in the issuer's register; the list of cancelled cards names it.",
     "A positive integer unique per issuer (at most 20 octets); CRLs and OCSP name the "
     "certificate by issuer and serial.",
     "RFC 5280 4.1.2.2"},
    {"field.certificate.not_before", "Not before", "The card is not valid before this moment.",
     "Start of the validity period (UTC); earlier, validation fails.", "RFC 5280 4.1.2.5"},
    {"field.certificate.not_after", "Not after",
     "The card expires at this moment; the bouncer refuses an expired badge.",
     "End of the validity period (UTC); later, validation fails (certificate_expired).",
     "RFC 5280 4.1.2.5"},
    {"field.certificate.subject_alt_name", "Subject alternative names",
     "The club names printed on the badge; the member checks the name they asked for is there.",
     "dNSName entries (a wildcard only as the whole left-most label); TLS clients match the "
     "server name against them.",
     "RFC 5280 4.2.1.6; RFC 9525 6.3"},
    {"field.certificate.key_usage", "Key usage",
     "What the card's key may do: sign, or for an authority, seal cards and cancellation lists.",
     "KeyUsage bits: digitalSignature for keys that sign handshakes; keyCertSign and cRLSign for "
     "CAs; keyEncipherment only for TLS 1.2 RSA key exchange.",
     "RFC 5280 4.2.1.3"},
    {"field.certificate.extended_key_usage", "Extended key usage",
     "What the card may be used for: a badge for an entrance (serverAuth) or a membership card "
     "(clientAuth). A card is not a badge.",
     "KeyPurposeId OIDs (extension 2.5.29.37): serverAuth 1.3.6.1.5.5.7.3.1, clientAuth "
     "1.3.6.1.5.5.7.3.2. When present, only the listed purposes are allowed.",
     "RFC 5280 4.2.1.12"},
    {"field.certificate.basic_constraints", "Basic constraints",
     "Whether this is an authority allowed to issue cards, and how many offices may sit below.",
     "cA and optional pathLenConstraint; only a certificate with cA true (and keyCertSign) may "
     "sign other certificates.",
     "RFC 5280 4.2.1.9"},
    {"field.certificate.public_key", "Public key",
     "The public half of the holder's key: the card is public, the private key proves you hold "
     "it.",
     "SubjectPublicKeyInfo (algorithm and size). It verifies signatures made with the matching "
     "private key; a CA's key verifies the seals on certificates it issued.",
     "RFC 5280 4.1.2.7"},
    {"field.certificate.signature_algorithm", "Signature algorithm",
     "How the issuer made its seal on this card.",
     "Algorithm of the issuer's signature over tbsCertificate, e.g. ECDSA with SHA-256; checked "
     "with the issuer's public key.",
     "RFC 5280 4.1.1.2"},
    {"field.certificate_types", "Certificate types",
     "Which kinds of membership card the club accepts.",
     "TLS 1.2 ClientCertificateType list (rsa_sign, ecdsa_sign...): the key types allowed. Each "
     "type is one byte, in a list of 1 to 255; the same message's supported_signature_algorithms "
     "then limits the hash and signature pairs. A TLS 1.3 CertificateRequest has no such field: "
     "its signature_algorithms extension alone says what is accepted.",
     "RFC 5246 7.4.4"},
    {"field.client_certificate_type", "Client certificate type", "One accepted kind of card.",
     "rsa_sign (1), ecdsa_sign (64), and fixed (EC)DH types that are no longer used. The value "
     "names only the kind of key the client certificate may hold; the signature in "
     "CertificateVerify must still use a pair from supported_signature_algorithms. Codes 65 and "
     "66, once rsa_fixed_ecdh and ecdsa_fixed_ecdh, are deprecated.",
     "RFC 8422 5.5"},
    {"field.signature", "Signature",
     "Showing you hold the key: a signature made with the private key that matches the card.",
     "TLS 1.3 CertificateVerify: over 64 spaces, a context string and the transcript hash; TLS "
     "1.2 ServerKeyExchange: over both randoms and the ECDH parameters. A bad one is "
     "decrypt_error.",
     "RFC 8446 4.4.3; RFC 8422 5.4"},
    {"field.verify_data", "Verify data",
     "Both sides agree on what was said: a checksum of the whole conversation under a key only "
     "the two of them share. Tampering that nothing caught earlier is caught here.",
     "TLS 1.3: HMAC of the transcript hash with the finished_key (Hash.length bytes); TLS 1.2: "
     "12 bytes of PRF(master_secret, label, Hash(messages)). A mismatch is decrypt_error.",
     "RFC 8446 4.4.4"},

    // ---- OCSP (stapled) ----
    {"field.ocsp_response", "OCSP response",
     "A fresh stamp from the authority saying the badge is not cancelled, brought along by the "
     "club itself.",
     "A DER OCSPResponse stapled by the server: a TLS 1.2 CertificateStatus message or, in TLS "
     "1.3, the CertificateEntry's status_request. It is signed by the CA or a responder the CA "
     "delegated, so the server can carry it but cannot forge it.",
     "RFC 6066 8; RFC 6960 4.2.1; RFC 8446 4.4.2.1"},
    {"field.ocsp.response_status", "Response status", "Whether the stamp office answered at all.",
     "OCSPResponseStatus: successful (0) or an error (tryLater, unauthorized...); only a "
     "successful response carries certificate statuses.",
     "RFC 6960 4.2.1"},
    {"field.ocsp.responder", "Responder", "Who stamped it.",
     "ResponderID: name or key hash of the CA or of its delegated OCSPSigning responder. byName "
     "holds the signer's subject name, byKey the SHA-1 hash of its public key. A client accepts "
     "the response only if the signer is the issuing CA, a responder it trusts locally, or holds a "
     "certificate from that CA with the id-kp-OCSPSigning extended key usage.",
     "RFC 6960 4.2.1; RFC 6960 4.2.2.2"},
    {"field.ocsp.produced_at", "Produced at", "When the stamp was made.",
     "Time at which the responder signed this response. It is a GeneralizedTime inside the signed "
     "ResponseData, so a server stapling the response cannot change it. Freshness is judged per "
     "certificate by thisUpdate and nextUpdate; producedAt may be later than thisUpdate when the "
     "responder serves pre-produced status.",
     "RFC 6960 4.2.1"},
    {"field.ocsp.cert_status", "Certificate status",
     "The verdict (good, revoked or unknown) and how long the stamp stays fresh.",
     "SingleResponse certStatus with thisUpdate and nextUpdate. 'good' means not revoked; a "
     "revoked card fails validation (certificate_revoked); a response past nextUpdate is stale.",
     "RFC 6960 4.2.1; RFC 6960 2.2"},

    // ---- NewSessionTicket ----
    {"field.ticket_lifetime", "Ticket lifetime",
     "How long the come-back note stays valid: at most seven days.",
     "Seconds from issue, at most 604800; 0 means discard the ticket at once.", "RFC 8446 4.6.1"},
    {"field.ticket_age_add", "Ticket age add",
     "A secret number added to the note's age so onlookers cannot link visits.",
     "Random 32-bit value the client adds (mod 2^32) to the ticket age it reports. The server MUST "
     "generate a fresh value for every ticket, so onlookers cannot link connections through the "
     "obfuscated_ticket_age they see. The server subtracts it again to recover the ticket age and "
     "judge whether 0-RTT data is fresh.",
     "RFC 8446 4.6.1"},
    {"field.ticket_nonce", "Ticket nonce", "Makes each come-back note's secret different.",
     "Input to HKDF-Expand-Label(resumption_master_secret, \"resumption\", ticket_nonce, "
     "Hash.length): each ticket gets its own PSK. It is 0 to 255 bytes and unique among the "
     "tickets issued on this connection. Several tickets from one handshake therefore carry "
     "different PSKs, even though they share one resumption_master_secret.",
     "RFC 8446 4.6.1"},
    {"field.ticket", "Ticket",
     "A sealed come-back note from the club: only the club can read it, the member just keeps it.",
     "Opaque to the client: the server's encrypted resumption state or a database key. Carried "
     "by NewSessionTicket and the TLS 1.2 session_ticket extension.",
     "RFC 8446 4.6.1"},
    {"field.ticket_lifetime_hint", "Ticket lifetime hint",
     "A hint how long the come-back note will be honoured.",
     "Seconds the TLS 1.2 ticket should be kept; 0 means unspecified.", "RFC 5077 3.3"},

    // ---- TLS 1.2 key exchange, KeyUpdate ----
    {"field.curve_type", "Curve type", "Says the whisper uses a well-known, named method.",
     "ECCurveType; named_curve (3) is the only type still allowed.", "RFC 8422 5.4"},
    {"field.public", "Server ECDH public key",
     "The club's half of the whisper, signed so an impostor cannot swap it.",
     "The server's ephemeral ECDH public value, covered by the ServerKeyExchange signature "
     "together with both randoms. It is an ECPoint of 1 to 255 bytes: 65 bytes (0x04, x, y) for an "
     "uncompressed secp256r1 point, 32 bytes for x25519. The client verifies the signature with "
     "the certificate's key before using it, so an attacker on the path cannot swap in its own "
     "value.",
     "RFC 8422 5.4"},
    {"field.ecdh_yc", "Client ECDH public key", "The member's half of the whisper.",
     "The client's ephemeral ECDH public value; with the server's it gives the premaster "
     "secret.",
     "RFC 8422 5.7"},
    {"field.encrypted_pre_master_secret", "Encrypted premaster secret",
     "The member writes the secret on a note only the club's key can open. Whoever steals that "
     "key later can read every old note.",
     "48-byte premaster secret (client_version + 46 random bytes) RSA-encrypted to the server "
     "certificate's key: no forward secrecy; removed in TLS 1.3.",
     "RFC 5246 7.4.7.1"},
    {"field.request_update", "Request update",
     "'I am changing my keys; please change yours too' (or not).",
     "update_not_requested (0) or update_requested (1): the peer must then send its own KeyUpdate. "
     "That answer carries update_not_requested and goes out before the peer's next application "
     "data record, so two sides cannot trigger each other endlessly. Any other value is "
     "illegal_parameter.",
     "RFC 8446 4.6.3"},
};

}  // namespace

std::span<const Explanation> field_explanations() {
  return kFields;
}

}  // namespace tlsclub
