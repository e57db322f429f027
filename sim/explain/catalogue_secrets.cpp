// Secrets of the key schedule, keyed "secret.<name>". Where the NSS key log (SSLKEYLOGFILE) has a
// label for a secret, the engineer sentence names it: that is how the exported key log lets
// Wireshark decrypt a capture.

#include "explain/catalogue.h"

namespace tlsclub {
namespace {

constexpr Explanation kSecrets[] = {
    {"secret.shared_secret", "(EC)DHE shared secret",
     "The secret both sides arrive at by whispering halves across the room: the eavesdropper "
     "heard both halves and still cannot work it out.",
     "The output of the (EC)DHE exchange (e.g. the 32-byte X25519 result) or, for "
     "X25519MLKEM768, the ML-KEM-768 shared secret followed by the X25519 one (64 bytes). In TLS "
     "1.3 it is the input keying material of the Handshake Secret; ephemeral keys make it "
     "forward secret. It has no NSS key log label.",
     "RFC 8446 7.4; RFC 8446 7.1; draft-ietf-tls-ecdhe-mlkem 3.1.3"},
    {"secret.early_secret", "Early Secret",
     "The first rung of the key ladder, made from the return ticket if there is one, or from "
     "nothing at all.",
     "HKDF-Extract(salt = 0, IKM = PSK, or zeros without one). It yields the binder key, the "
     "client_early_traffic_secret and, via Derive-Secret(., \"derived\", \"\"), the salt of the "
     "Handshake Secret. Not logged itself.",
     "RFC 8446 7.1"},
    {"secret.handshake_secret", "Handshake Secret",
     "The whispered secret mixed into the ladder: from here on the rest of the door talk is "
     "private.",
     "HKDF-Extract(salt = Derive-Secret(Early Secret, \"derived\", \"\"), IKM = (EC)DHE shared "
     "secret). The client and server handshake traffic secrets are derived from it. Not logged "
     "itself.",
     "RFC 8446 7.1"},
    {"secret.master_secret", "Master Secret",
     "The top of the key ladder, from which the keys for the talk inside the club are made.",
     "TLS 1.3: HKDF-Extract(salt = Derive-Secret(Handshake Secret, \"derived\", \"\"), IKM = "
     "zeros); the application traffic, exporter and resumption secrets come from it, and it is "
     "not logged. TLS 1.2's master_secret is a different thing: 48 bytes = PRF(premaster_secret, "
     "\"master secret\", client_random + server_random), logged as CLIENT_RANDOM.",
     "RFC 8446 7.1; RFC 5246 8.1"},
    {"secret.client_handshake_traffic_secret", "client_handshake_traffic_secret",
     "The key the member uses to speak privately during the rest of the door check, for the "
     "membership card and the proof of holding its key.",
     "Derive-Secret(Handshake Secret, \"c hs traffic\", ClientHello..ServerHello); key and IV "
     "come from HKDF-Expand-Label(secret, \"key\"/\"iv\"). It protects the client's Certificate, "
     "CertificateVerify and Finished. NSS key log label: CLIENT_HANDSHAKE_TRAFFIC_SECRET.",
     "RFC 8446 7.1; RFC 8446 7.3"},
    {"secret.server_handshake_traffic_secret", "server_handshake_traffic_secret",
     "The key the entrance uses to speak privately right after its hello, so its badge is shown "
     "out of the eavesdropper's sight.",
     "Derive-Secret(Handshake Secret, \"s hs traffic\", ClientHello..ServerHello). It protects "
     "EncryptedExtensions, CertificateRequest, Certificate, CertificateVerify and Finished. NSS "
     "key log label: SERVER_HANDSHAKE_TRAFFIC_SECRET.",
     "RFC 8446 7.1; RFC 8446 7.3"},
    {"secret.client_application_traffic_secret_0", "client_application_traffic_secret_0",
     "The key for everything the member says once inside the club.",
     "Derive-Secret(Master Secret, \"c ap traffic\", ClientHello..server Finished); each "
     "KeyUpdate moves to the next generation. NSS key log label: CLIENT_TRAFFIC_SECRET_0.",
     "RFC 8446 7.1; RFC 8446 7.2"},
    {"secret.server_application_traffic_secret_0", "server_application_traffic_secret_0",
     "The key for everything the club says once the member is inside.",
     "Derive-Secret(Master Secret, \"s ap traffic\", ClientHello..server Finished); the server "
     "may use it right after its Finished, before the client's; each KeyUpdate moves to the next "
     "generation. NSS key log label: SERVER_TRAFFIC_SECRET_0.",
     "RFC 8446 7.1; RFC 8446 7.2"},
    {"secret.exporter_master_secret", "exporter_master_secret",
     "A spare secret both sides share, from which the app inside can make keys of its own.",
     "Derive-Secret(Master Secret, \"exp master\", ClientHello..server Finished); keying "
     "material exporters (RFC 5705 style) derive from it. NSS key log label: EXPORTER_SECRET.",
     "RFC 8446 7.1; RFC 8446 7.5"},
    {"secret.client_early_traffic_secret", "client_early_traffic_secret",
     "The key a returning member uses to start talking before the door is fully open.",
     "Derive-Secret(Early Secret, \"c e traffic\", ClientHello); protects 0-RTT data and "
     "EndOfEarlyData. It depends only on the PSK, so the data is not forward secret and can be "
     "replayed. NSS key log label: CLIENT_EARLY_TRAFFIC_SECRET.",
     "RFC 8446 7.1; RFC 8446 2.3"},
    {"secret.early_exporter_master_secret", "early_exporter_master_secret",
     "A spare secret a returning member shares with the club before the door is fully open, "
     "from which the app can make keys of its own.",
     "Derive-Secret(Early Secret, \"e exp master\", ClientHello): the exporter for 0-RTT, derived "
     "from the PSK alone, so like early data it is neither forward secret nor replay-proof. NSS "
     "key log label: EARLY_EXPORTER_SECRET (Botan writes EARLY_EXPORTER_MASTER_SECRET).",
     "RFC 8446 7.1; RFC 8446 7.5"},
    {"secret.resumption_master_secret", "resumption_master_secret",
     "The secret behind the return tickets the club hands out.",
     "Derive-Secret(Master Secret, \"res master\", ClientHello..client Finished). Each ticket's "
     "PSK is HKDF-Expand-Label(resumption_master_secret, \"resumption\", ticket_nonce, "
     "Hash.length). No NSS key log label.",
     "RFC 8446 7.1; RFC 8446 4.6.1"},
    {"secret.premaster_secret", "premaster_secret (TLS 1.2)",
     "In TLS 1.2, the secret the two start from: whispered across the room (ECDHE) or, in the "
     "old RSA way, written on a note only the badge's key can open.",
     "With ECDHE, the ECDH shared value (the x-coordinate, or the X25519 output); with RSA key "
     "exchange, 48 bytes (client_version + 46 random) encrypted to the server certificate's key, "
     "so recorded sessions fall to a later "
     "key compromise. Key logs usually record the master secret (CLIENT_RANDOM) instead; NSS's "
     "old RSA label keyed it by the encrypted premaster.",
     "RFC 5246 8.1; RFC 5246 7.4.7.1; RFC 8422 5.10"},
    {"secret.tls12_master_secret", "master_secret (TLS 1.2)",
     "The TLS 1.2 shared secret from which all keys for the talk inside are cut.",
     "48 bytes = PRF(premaster_secret, \"master secret\", client_random + server_random), or "
     "with extended_master_secret PRF(premaster_secret, \"extended master secret\", "
     "session_hash); the key block is expanded from it. NSS key log label: CLIENT_RANDOM "
     "<client_random> <master_secret>.",
     "RFC 5246 8.1; RFC 7627 4; RFC 5246 6.3"},
};

}  // namespace

std::span<const Explanation> secret_explanations() {
  return kSecrets;
}

}  // namespace tlsclub
