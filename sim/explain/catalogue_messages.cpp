// Handshake messages (and the ChangeCipherSpec record), keyed "message.<rfc_name>".
// Where a message differs between TLS 1.2 and TLS 1.3, the engineer sentence says how.

#include "explain/catalogue.h"

namespace tlsclub {
namespace {

constexpr Explanation kMessages[] = {
    {"message.hello_request", "HelloRequest",
     "The club asks a member who is already inside to go back to the door and start the whole "
     "check again; the member may politely decline.",
     "TLS 1.2 only: an empty message by which the server asks the client to begin a "
     "renegotiation with a new ClientHello; the client may ignore it or answer with a "
     "no_renegotiation warning. TLS 1.3 removed renegotiation.",
     "RFC 5246 7.4.1.1"},
    {"message.client_hello", "ClientHello",
     "The visitor walks up to the entrance, names the club they want and lists the languages and "
     "ways of whispering a secret they know; in TLS 1.3 they already whisper their half of the "
     "secret.",
     "The first handshake message: a 32-byte random, cipher suites and extensions. In TLS 1.3 it "
     "carries supported_versions and key_share with the client's (EC)DHE public keys, so keys "
     "exist after one round trip; in TLS 1.2 the version is client_version and key exchange "
     "waits for ServerKeyExchange/ClientKeyExchange.",
     "RFC 8446 4.1.2; RFC 5246 7.4.1.2"},
    {"message.server_hello", "ServerHello",
     "The entrance answers: it picks one language and one way of whispering, and in TLS 1.3 "
     "whispers back its own half of the secret, after which the two talk in a private code.",
     "The server's 32-byte random and the chosen cipher suite. In TLS 1.3 the version is chosen "
     "in supported_versions (legacy_version stays 0x0303) and key_share holds the server's "
     "(EC)DHE share, so the handshake messages after it are encrypted with handshake traffic keys. "
     "In TLS 1.2 "
     "it is followed by Certificate, ServerKeyExchange and ServerHelloDone in the clear; a TLS "
     "1.3 server that negotiates 1.2 puts a downgrade sentinel in the last 8 bytes of its random.",
     "RFC 8446 4.1.3; RFC 5246 7.4.1.3"},
    {"message.hello_retry_request", "HelloRetryRequest",
     "The entrance says: \"I don't speak that way of whispering; start again with this one\" "
     "and the visitor must repeat the greeting, costing an extra round trip.",
     "TLS 1.3 only: a ServerHello whose random is the fixed value SHA-256(\"HelloRetryRequest\"). "
     "Its key_share names the group the client must use (and a cookie may be included); the "
     "client sends a second ClientHello, and the first is replaced in the transcript by a "
     "message_hash of it.",
     "RFC 8446 4.1.4"},
    {"message.new_session_ticket", "NewSessionTicket",
     "The club hands the member a return ticket, so next time the bouncer can skip the full "
     "inspection.",
     "In TLS 1.3 the server may send it any time after the handshake, encrypted under the "
     "application traffic keys; it carries ticket_lifetime (at most 7 days), ticket_age_add, a "
     "nonce and an opaque ticket; the resumption PSK is HKDF-Expand-Label(resumption_"
     "master_secret, \"resumption\", ticket_nonce, Hash.length). In TLS 1.2 (RFC 5077) it is sent "
     "inside the "
     "handshake, just before the server's ChangeCipherSpec.",
     "RFC 8446 4.6.1; RFC 5077 3.3"},
    {"message.end_of_early_data", "EndOfEarlyData",
     "The returning member, who started talking before the door fully opened, says: \"that was "
     "all I said early\".",
     "TLS 1.3 only: sent by the client after its 0-RTT data when the server accepted early_data; "
     "it is encrypted with the client_early_traffic_secret keys, and after it the client "
     "switches to its handshake traffic keys.",
     "RFC 8446 4.5"},
    {"message.encrypted_extensions", "EncryptedExtensions",
     "Behind the now private conversation, the entrance answers the rest of the visitor's "
     "requests, such as which language to speak inside.",
     "TLS 1.3 only: the first message protected by the server handshake traffic keys; it holds "
     "the responses to extensions that are not needed to set up keys (ALPN, server_name "
     "acknowledgement, early_data, record_size_limit...). In TLS 1.2 these answers travel in the "
     "ServerHello, in the clear.",
     "RFC 8446 4.3.1"},
    {"message.certificate", "Certificate",
     "The entrance shows its badge with the district office's papers behind it (the town "
     "authority's own paper is normally left out: the member already has it); a member shows a "
     "card the same way.",
     "The sender's certificate chain: the end-entity certificate first, then the certificates "
     "that certify it, usually without the root. In TLS 1.3 it travels encrypted under "
     "handshake traffic keys and each entry has its own extensions (stapled OCSP, SCTs); in TLS "
     "1.2 it travels in the clear. A client asked for a certificate sends an empty list when it "
     "has none.",
     "RFC 8446 4.4.2; RFC 5246 7.4.2; RFC 5246 7.4.6"},
    {"message.server_key_exchange", "ServerKeyExchange",
     "The entrance whispers its half of the secret and signs it with the key that belongs to "
     "its badge, so the visitor knows the whisper came from the real club.",
     "TLS 1.2 only, for (EC)DHE suites: the server's ephemeral public key and group, signed with "
     "the certificate's private key over client_random + server_random + params. It is not sent "
     "with RSA key exchange; TLS 1.3 moved the share into key_share.",
     "RFC 5246 7.4.3; RFC 8422 5.4"},
    {"message.certificate_request", "CertificateRequest",
     "The entrance says: \"members only: show me your membership card\".",
     "The server asks the client to authenticate with a certificate. In TLS 1.3 it is encrypted "
     "and carries a certificate_request_context plus extensions: signature_algorithms "
     "(required), and optionally certificate_authorities and oid_filters. In TLS 1.2 it lists "
     "certificate types, signature algorithms and acceptable CA names in the clear.",
     "RFC 8446 4.3.2; RFC 5246 7.4.4"},
    {"message.server_hello_done", "ServerHelloDone",
     "The entrance says: \"that is all from me for now; your turn\".",
     "TLS 1.2 only: an empty message ending the server's first flight. The client now checks the "
     "server's certificate and sends its Certificate (if asked), ClientKeyExchange and "
     "CertificateVerify.",
     "RFC 5246 7.4.5"},
    {"message.certificate_verify", "CertificateVerify",
     "The card holder shows they hold the card's private key by signing everything said so far; "
     "a stolen card without the key cannot do this.",
     "A signature with the private key of the certificate just sent, over the handshake "
     "transcript. In TLS 1.3 the server sends it whenever it authenticates with a certificate "
     "and the client when it sends one; "
     "the signed content is 64 spaces, a context string, a zero byte and the transcript hash; in "
     "TLS 1.2 only the client sends it, and the server proves its key through the "
     "ServerKeyExchange signature or by decrypting the RSA premaster secret.",
     "RFC 8446 4.4.3; RFC 5246 7.4.8"},
    {"message.client_key_exchange", "ClientKeyExchange",
     "The visitor whispers their half of the secret (ECDHE) or, in the old RSA way, passes a "
     "note that only the badge's key can open.",
     "TLS 1.2 only. With ECDHE it carries the client's ephemeral public key; with RSA key "
     "exchange it carries the 48-byte premaster secret encrypted to the server certificate's RSA "
     "key, so whoever later obtains that key can decrypt recorded sessions (no forward secrecy).",
     "RFC 5246 7.4.7; RFC 5246 7.4.7.1; RFC 8422 5.7"},
    {"message.finished", "Finished",
     "Both sides confirm they heard the same conversation; if anyone changed a word on the way, "
     "the confirmations do not match and the door closes.",
     "A MAC over the transcript. In TLS 1.3 verify_data = HMAC(finished_key, transcript hash), "
     "with finished_key derived from the sender's handshake traffic secret; in TLS 1.2 it is 12 "
     "bytes of the HMAC-based PRF over master_secret, a label and the handshake hash, and it is "
     "the first message protected after ChangeCipherSpec.",
     "RFC 8446 4.4.4; RFC 5246 7.4.9"},
    {"message.certificate_status", "CertificateStatus",
     "The entrance shows a fresh stamp from the authority saying its badge has not been "
     "cancelled.",
     "TLS 1.2: a separate handshake message after Certificate carrying the stapled OCSP "
     "response, sent when the client asked with status_request. TLS 1.3 has no such message: "
     "the OCSP response rides in the status_request extension of the leaf's CertificateEntry.",
     "RFC 6066 8; RFC 8446 4.4.2.1"},
    {"message.key_update", "KeyUpdate",
     "Inside the club, one side says: \"from now on I use a fresh code\" and may ask the other "
     "to do the same.",
     "TLS 1.3 only: after sending it the sender protects its records with the next application "
     "traffic secret, HKDF-Expand-Label(secret_N, \"traffic upd\", \"\", Hash.length); "
     "request_update asks the peer to update too. It replaces TLS 1.2 renegotiation for rekeying.",
     "RFC 8446 4.6.3; RFC 8446 7.2"},
    {"message.message_hash", "message_hash",
     "Not a message anyone sends: after the entrance asks the visitor to start again, both sides "
     "replace the first hello with a short summary of it in their notes.",
     "A synthetic handshake message (type 254) that never travels: after a HelloRetryRequest, the "
     "transcript hash restarts from message_hash, whose body is Hash(ClientHello1), followed by "
     "the HelloRetryRequest and the rest of the handshake. Its header is 254, 00, 00, Hash.length. "
     "This lets a server keep only Hash(ClientHello1), for example inside the cookie, and still "
     "compute the transcript.",
     "RFC 8446 4.4.1"},
    {"message.change_cipher_spec", "ChangeCipherSpec",
     "In TLS 1.2 it says: \"from my next word on, I speak in our new code\"; in TLS 1.3 it is "
     "only a polite nod that old doormen expect and that the other side ignores.",
     "A record of its own content type (20) holding the single byte 0x01, not a handshake "
     "message. In TLS 1.2 it switches the sender's write keys, so the next record (Finished) is "
     "protected. In TLS 1.3 middlebox-compatibility mode sends a dummy one that changes nothing; "
     "receivers drop it during the handshake.",
     "RFC 5246 7.1; RFC 8446 D.4; RFC 8446 5"},
    {"message.unknown", "Unknown handshake message",
     "A note at the door of a kind this simulator has no name for; a real bouncer would refuse "
     "it.",
     "A HandshakeType the decoder does not name (shown as unknown_<n>). A TLS 1.3 endpoint that "
     "receives a handshake message it does not expect at that point MUST abort with "
     "unexpected_message; an unrecognised type cannot be processed at all.",
     "RFC 8446 4; RFC 8446 6.2"},
};

}  // namespace

std::span<const Explanation> message_explanations() {
  return kMessages;
}

}  // namespace tlsclub
