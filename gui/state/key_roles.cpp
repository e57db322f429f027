// What the secrets panel, the certificate notes and the myth box say about the certificates' keys,
// chosen by the key exchange the run shows (declared in key_schedule.h). A sentence true of one
// exchange is false of another: the badge's key signs CertificateVerify in TLS 1.3, signs
// ServerKeyExchange in TLS 1.2 (EC)DHE, decrypts the premaster secret under RSA key transport, and
// does nothing at all in a resumed visit.
#include "state/key_schedule.h"

namespace tlsclub::gui {

namespace {

// "the X25519MLKEM768 (ML-KEM-768 + X25519)", "the ECDHE (x25519)", "the DHE".
std::string exchange_name(const KeyRoles& roles) {
  const bool hybrid =
      roles.kind == KeyExchangeKind::hybrid_kem || roles.group.find("MLKEM") != std::string::npos;
  if (hybrid) return roles.group + " (ML-KEM-768 + X25519)";
  const bool ffdhe = roles.kind == KeyExchangeKind::dhe || roles.group.starts_with("ffdhe");
  std::string name = ffdhe ? "DHE" : "ECDHE";
  if (!roles.group.empty()) name += " (" + roles.group + ")";
  return name;
}

std::string card_note(const KeyRoles& roles) {
  if (!roles.card_signed) return "";
  return roles.tls12 ? " The member's card key only signs: its CertificateVerify (RFC 5246 7.4.8)."
                     : " The member's card key only signs: its CertificateVerify (RFC 8446 4.4.3).";
}

}  // namespace

std::string key_shares_heading(const KeyRoles& roles) {
  switch (roles.kind) {
    case KeyExchangeKind::not_yet:
      if (roles.over)
        return "Key shares offered (no key exchange was agreed: the visit ended before the "
               "club's ServerHello, RFC 8446 4.1.3 / RFC 5246 7.4.1.3):";
      return "Key shares so far (public values; the club picks the key exchange in its "
             "ServerHello, RFC 8446 4.1.3 / RFC 5246 7.4.1.3):";
    case KeyExchangeKind::hybrid_kem:
      return "Key shares (X25519MLKEM768, draft-ietf-tls-ecdhe-mlkem 3.1.1, 3.1.2): the member "
             "sends an ML-KEM-768 encapsulation key and an X25519 public key, the club answers "
             "with an ML-KEM-768 ciphertext and its X25519 public key:";
    case KeyExchangeKind::rsa_transport:
      return "No key shares (RSA key transport, no (EC)DHE): the member encrypts the premaster "
             "secret to the badge's RSA public key in ClientKeyExchange (RFC 5246 7.4.7.1):";
    case KeyExchangeKind::resumed:
      if (roles.tls12)
        return "No key shares: a resumed TLS 1.2 visit (the abbreviated handshake) agrees no new "
               "secret (RFC 5246 7.3).";
      if (roles.group.empty())
        return "No key shares: psk_ke resumes on the pre-shared key alone (RFC 8446 4.2.9).";
      return "Key shares (a fresh " + exchange_name(roles) +
             " exchange beside the pre-shared key: psk_dhe_ke, RFC 8446 4.2.9, 4.2.8):";
    case KeyExchangeKind::ecdhe:
    case KeyExchangeKind::dhe:
      break;
  }
  if (!roles.tls12)
    return "Key shares (each side's public half of the " + exchange_name(roles) +
           " exchange, RFC 8446 4.2.8):";
  return roles.kind == KeyExchangeKind::dhe
             ? "Key shares (each side's public half of the DHE exchange: ServerKeyExchange and "
               "ClientKeyExchange, RFC 5246 7.4.3, 7.4.7.2):"
             : "Key shares (each side's public half of the ECDHE exchange: ServerKeyExchange and "
               "ClientKeyExchange, RFC 8422 5.4, 5.7):";
}

std::string key_roles_note(const KeyRoles& roles) {
  switch (roles.kind) {
    case KeyExchangeKind::not_yet:
      if (roles.over)
        return "No key exchange was agreed: the visit ended before the club's ServerHello (RFC "
               "8446 4.1.3 / RFC 5246 7.4.1.3), so no certificate's private key was used.";
      return "The club has not chosen the key exchange yet (its ServerHello, RFC 8446 4.1.3 / "
             "RFC 5246 7.4.1.3), and that choice decides what the certificates' private keys do.";
    case KeyExchangeKind::rsa_transport:
      return "The badge's private key decrypts the premaster secret the member encrypted to it "
             "(ClientKeyExchange, RFC 5246 7.4.7.1); it signs nothing here (there is no "
             "ServerKeyExchange). The master secret and every traffic key are derived from that "
             "premaster secret (RFC 5246 8.1, 6.3), so the traffic is never encrypted with the "
             "certificate's key. There is no (EC)DHE secret: whoever later obtains the badge's "
             "private key can decrypt a recording of this visit (no forward secrecy). TLS 1.3 "
             "removed RSA key transport (RFC 8446 1.2)." +
             card_note(roles);
    case KeyExchangeKind::resumed:
      if (roles.tls12)
        return "No certificate in this visit, so no certificate's key is used: the abbreviated "
               "handshake resumes an earlier session, whose certificates were checked then (RFC "
               "5246 7.3). Its master secret is reused; this visit's traffic keys are derived "
               "from it and the two new randoms (RFC 5246 6.3).";
      return "No certificate in this visit, so no certificate's key is used: the pre-shared key "
             "(PSK) of an earlier visit, offered with its ticket, stands in for the certificates "
             "checked then (RFC 8446 2.2, 4.2.11). The key schedule starts from that PSK" +
             (roles.group.empty()
                  ? std::string(" alone (psk_ke): without a fresh (EC)DHE secret there is no "
                                "forward secrecy (RFC 8446 2.2, 7.1).")
                  : " and mixes in the fresh " + exchange_name(roles) +
                        " shared secret (psk_dhe_ke, RFC 8446 7.1).");
    case KeyExchangeKind::ecdhe:
    case KeyExchangeKind::dhe:
    case KeyExchangeKind::hybrid_kem:
      break;
  }
  if (roles.tls12)
    return "The badge's private key appears nowhere above: it signs the club's " +
           exchange_name(roles) +
           " share in ServerKeyExchange (RFC 5246 7.4.3). The premaster secret is the shared "
           "secret of that exchange; the master secret and every traffic key are derived from it "
           "(RFC 5246 8.1, 6.3)." +
           card_note(roles);
  return "The badge's private key appears nowhere above: it only signs the handshake transcript "
         "(CertificateVerify, RFC 8446 4.4.3). Every traffic secret comes from the " +
         exchange_name(roles) + " shared secret through the key schedule (RFC 8446 7.1)." +
         card_note(roles);
}

std::string resumption_note(const KeyRoles& roles) {
  if (roles.kind != KeyExchangeKind::resumed) return "";
  return roles.tls12 ? "No certificate in this visit: it resumes an earlier session (the "
                       "abbreviated handshake), which stands in for the certificates checked in "
                       "that visit (RFC 5246 7.3)."
                     : "No certificate in this visit: it resumes an earlier one with a ticket "
                       "and its pre-shared key, which stand in for the certificates checked in "
                       "that visit (RFC 8446 2.2).";
}

std::string_view myth_key(KeyExchangeKind kind) {
  return kind == KeyExchangeKind::rsa_transport ? "myth.certificate_encrypts_traffic_rsa"
                                                : "myth.certificate_encrypts_traffic";
}

}  // namespace tlsclub::gui
