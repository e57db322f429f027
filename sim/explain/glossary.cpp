// The glossary: the club's words and the TLS terms behind them, in teaching order. Each `see`
// names the catalogue entry that explains the term, so the page can cite its RFC section.

#include "explain/glossary.h"

#include "explain/catalogue.h"

namespace tlsclub {
namespace {

constexpr GlossaryEntry kGlossary[] = {
    // The club and its people.
    {"the club entrance", "TLS server",
     "The server a member connects to, known by its host name (club.example); it answers the "
     "ClientHello with a ServerHello.",
     "message.server_hello"},
    {"a visitor", "TLS client without a client certificate",
     "Anyone who knocks without a membership card; refused where the club requires cards.",
     "alert.certificate_required"},
    {"a member", "TLS client with a client certificate",
     "A client that answers the club's CertificateRequest with its own certificate and proves it "
     "holds the key.",
     "message.certificate_request"},
    {"the bouncer", "certificate verification (of the server's or the client's chain)",
     "Path validation, one check at a time; any failing check refuses with an alert.",
     "check.trust_anchor"},

    // The paperwork.
    {"the badge on the door", "server certificate",
     "Proves the entrance is the real club by binding its name to a public key; it signs, it "
     "does not encrypt the conversation.",
     "message.certificate"},
    {"a membership card", "client certificate",
     "Proves the member is who the card names; shown only when the club asks for one.",
     "message.certificate_request"},
    {"the town authority", "root certificate authority (trust anchor)",
     "Trusted because it is pre-installed on the device, never because a certificate says so.",
     "check.trust_anchor"},
    {"a district office", "intermediate CA",
     "Signed by the town authority; signs badges and cards. A server that forgets to send it "
     "breaks the chain for curl, Java and most apps; browsers often recover it (AIA fetching, "
     "preloaded intermediates).",
     "check.basic_constraints"},
    {"the chain of papers", "certificate chain (certification path)",
     "The badge first, then each office that vouches for the one before, up towards the town "
     "authority.",
     "field.certificate_list"},
    {"the authority's seal", "the issuer's signature on a certificate",
     "Checked with the issuer's public key; a forged or altered seal makes the signature check "
     "fail.",
     "check.signature"},
    {"\"issued to\" / \"issued by\"", "subject / issuer",
     "Whom the certificate names and which authority signed it; the issuer names the next "
     "certificate up the chain.",
     "field.certificate.issuer"},
    {"an official rule number", "OID (object identifier)",
     "A dotted number naming a rule or a purpose, e.g. 2.5.29.37 for extended key usage.",
     "field.certificate.extended_key_usage"},
    {"what the key may do", "key usage",
     "Bits saying whether the key may sign handshakes (digitalSignature) or seal certificates "
     "(keyCertSign).",
     "check.key_usage"},
    {"what a card may be used for", "extended key usage (2.5.29.37)",
     "serverAuth 1.3.6.1.5.5.7.3.1 for badges, clientAuth 1.3.6.1.5.5.7.3.2 for cards: a card "
     "is not a badge.",
     "check.extended_key_usage"},
    {"the list of cancelled cards", "certificate revocation list (CRL)",
     "Signed by the issuer; lists revoked certificates by serial number, not approved ones. "
     "Public CAs must publish them; browsers use compact lists built from them (Chrome's "
     "CRLSets, Firefox's CRLite).",
     "check.crl"},
    {"a fresh stamp from the authority", "OCSP response",
     "A signed, short-lived statement that one certificate is good, revoked or unknown; "
     "optional for public CAs, and Let's Encrypt ended its OCSP service in 2025.",
     "check.ocsp"},
    {"the club brings the stamp", "OCSP stapling (status_request)",
     "The server sends an OCSP response in the handshake; possible only where the CA still "
     "runs OCSP, so not the normal way revocation is checked today.",
     "extension.status_request"},
    {"a lenient bouncer", "soft-fail revocation checking",
     "Admits a badge when no revocation answer is available, so an attacker who blocks the check "
     "wins; browsers do not fetch OCSP or CRLs on each visit, they consult lists pushed to "
     "them.",
     "check.revocation_info"},
    {"a strict bouncer", "hard-fail revocation checking",
     "Refuses a badge when no list or stamp says it is still good.", "check.revocation_info"},
    {"the private key", "private key",
     "Kept by the holder alone; the card carries only the public key, and signing with the "
     "private key proves you hold it.",
     "field.certificate.public_key"},

    // The conversation at the door.
    {"the door conversation", "handshake",
     "The messages that agree on a version, a cipher suite and keys, and authenticate the sides.",
     "message.client_hello"},
    {"an envelope", "TLS record",
     "The unit on the wire: a five-byte header and a fragment, sealed once keys exist.",
     "event.record_sent"},
    {"the club's name at the door", "server_name (SNI)",
     "The host name the client asks for, in the clear in the ClientHello.",
     "extension.server_name"},
    {"an edition of the rules", "TLS version",
     "TLS 1.3 or TLS 1.2; TLS 1.0 and 1.1 are deprecated and refused.", "version.tls13"},
    {"whispering a secret across the room", "(EC)DHE key exchange (X25519, P-256, X25519MLKEM768)",
     "Both sides derive the same secret from the public halves they send as key shares; the "
     "eavesdropper hears both halves and still cannot get it.",
     "extension.key_share"},
    {"half of the whisper", "key share",
     "One side's ephemeral public key for a group, sent in the hellos.", "field.key_share_entry"},
    {"whispering two secrets at once", "hybrid post-quantum group (X25519MLKEM768)",
     "X25519 and ML-KEM-768 together: the key stays safe if either one holds.",
     "group.X25519MLKEM768"},
    {"asked to start again", "HelloRetryRequest",
     "The server names a group it wants a key share for; the client sends a second ClientHello.",
     "message.hello_retry_request"},
    {"the key ladder", "key schedule (HKDF)",
     "Early, Handshake and Master Secret in turn; the last two are each salted with a "
     "\"derived\" value of the one before, taken over the empty string's hash, not the "
     "transcript; the transcript enters the traffic, exporter and resumption secrets.",
     "secret.handshake_secret"},
    {"the private code", "traffic secrets and keys",
     "Per-direction keys from the key schedule that protect records; TLS 1.3 has separate "
     "handshake and application ones.",
     "protection.handshake_traffic"},
    {"showing you hold the key", "CertificateVerify",
     "A signature over the handshake so far, made with the certificate's private key.",
     "message.certificate_verify"},
    {"the notes of what was said", "transcript (transcript hash)",
     "The hash of every handshake message in order; signatures, Finished and TLS 1.3's traffic "
     "keys depend on it.",
     "field.verify_data"},
    {"both sides agree on what was said", "Finished",
     "A MAC over the transcript; tampering with the conversation that nothing caught earlier is "
     "caught here.",
     "message.finished"},
    {"the languages spoken inside", "ALPN",
     "The application protocol (h2, http/1.1) agreed during the handshake.",
     "extension.application_layer_protocol_negotiation"},
    {"a return ticket", "session ticket (resumption)",
     "Lets a returning member skip the certificates next time; in TLS 1.3 it names a pre-shared "
     "key derived from the last visit's resumption_master_secret and the ticket's nonce.",
     "message.new_session_ticket"},
    {"old talk stays secret", "forward secrecy",
     "Stealing a long-term key later does not open recorded conversations; RSA key exchange "
     "lacks it.",
     "field.encrypted_pre_master_secret"},
    {"the padlock", "an established, verified TLS connection",
     "Means the handshake finished: the channel is private and the server proved its name, not "
     "that the site is honest.",
     "event.established"},
    {"a goodbye or a refusal", "alert",
     "close_notify ends politely; an error alert names why the connection was refused.",
     "record.alert"},
    {"the password after the door", "application-layer login (second factor)",
     "Checked after the handshake by the application; TLS only carries and protects it like any "
     "other application data.",
     "check.password"},

    // The attacks.
    {"someone on the street", "eavesdropper (passive attacker)",
     "Sees every record's size and timing and all plaintext parts, such as the hellos.",
     "protection.plaintext"},
    {"an impostor at the door", "man in the middle",
     "Answers in the club's place; refused unless it holds a badge for this club's name from an "
     "authority the device trusts.",
     "alert.unknown_ca"},
    {"talked into an older edition", "downgrade attack",
     "Forcing an older version or weaker parameters; TLS 1.3 signs its choice and marks "
     "downgrades in ServerHello.random.",
     "field.random"},
};

// Markdown table cells: a pipe would end the cell.
std::string cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::span<const GlossaryEntry> glossary() {
  return kGlossary;
}

std::string glossary_markdown() {
  std::string md =
      "# Glossary: the club and TLS\n"
      "\n"
      "<!-- Generated by `tlsclub glossary` from sim/explain/glossary.cpp; edit that, not this "
      "file. -->\n"
      "\n"
      "TLS Club teaches TLS as a night at a club: the server is the club entrance, certificates "
      "are badges and membership cards, and the bouncer checks them one at a time. The UI's club "
      "level and the lessons use the club's words, the engineer level and the code use the TLS "
      "terms; this table maps one to the other, in the order the lessons meet them, with the RFC "
      "section that governs each term.\n"
      "\n"
      "| club | TLS | meaning |\n"
      "|---|---|---|\n";
  for (const GlossaryEntry& e : kGlossary) {
    md += "| " + cell(e.club) + " | " + cell(e.tls) + " | " + cell(e.meaning);
    if (const Explanation* x = find_explanation(e.see); x != nullptr && !e.see.empty())
      md += " (" + cell(x->rfc) + ")";
    md += " |\n";
  }
  return md;
}

}  // namespace tlsclub
