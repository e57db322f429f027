#pragma once
// The key schedule as it unfolds: the key shares each side whispered, the (EC)DHE shared secret,
// the traffic secrets derived from it (RFC 8446 7.1), and which records each secret's keys
// protect; and what the certificates' private keys do in this visit, which depends on the key
// exchange (in TLS 1.2 RSA key transport the badge's key decrypts the premaster secret).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "state/stepping.h"
#include "timeline/timeline.h"

namespace tlsclub::gui {

struct KeyShare {
  Side from = Side::client;
  std::size_t event = npos;  // the hello / key exchange message
  std::string message;       // "client_hello"
  std::string group;         // "x25519 (32 bytes)"
  std::string value;         // the public value, as decoded (hex)
  std::size_t step = 0;
};

struct SecretRow {
  std::size_t event = npos;  // its first SecretEvent
  std::string name;          // catalogue: secret.<name>
  std::size_t depth = 0;     // place in the schedule: 0 shared secret, 1 handshake, 2 application
  std::string derived_by;    // "client and server"
  std::string value;         // hex
  std::string keylog_label;
  std::size_t step = 0;
  std::vector<std::size_t> records;  // ids of the records its keys protect
  std::vector<Side> record_from;
};

struct KeySchedule {
  std::vector<KeyShare> shares;
  std::vector<SecretRow> secrets;  // in the order they were derived
};

// Everything derived by `step` (Event::step) in this visit.
KeySchedule key_schedule(const Connection& connection, std::size_t step);

// How the visit's secret is agreed. Not tlsclub::KeyExchange (a scenario's TLS 1.2 offer): this is
// what the run shows, and it decides what the certificates' private keys do.
enum class KeyExchangeKind : std::uint8_t {
  not_yet,        // no ServerHello by then: the club has not chosen
  ecdhe,          // ephemeral elliptic-curve Diffie-Hellman (x25519, secp256r1...)
  dhe,            // ephemeral finite-field Diffie-Hellman (TLS 1.2 DHE suites, ffdhe groups)
  hybrid_kem,     // X25519MLKEM768: ML-KEM-768 and X25519 together
  rsa_transport,  // TLS 1.2 RSA: the premaster secret travels encrypted to the badge's key
  resumed,        // an earlier visit's PSK (TLS 1.3) or session (TLS 1.2): no certificate
};

struct KeyRoles {
  KeyExchangeKind kind = KeyExchangeKind::not_yet;
  bool tls12 = false;        // from the ServerHello; false while there is none
  std::string group;         // the (EC)DHE or hybrid group of this visit, "" when none
  bool card_signed = false;  // the member sent CertificateVerify: its card's key signed
  bool over = false;         // the visit has ended by then: what has not come never will
};

// What the run shows by `step` (Event::step; npos: the whole visit), from the club's ServerHello
// (version, cipher suite, key share, pre_shared_key) and the messages that follow it.
KeyRoles key_roles(const Connection& connection, std::size_t step = npos);
KeyExchangeKind key_exchange_of(const Connection& connection, std::size_t step = npos);

// The secrets panel's heading over the key shares, and its closing note on what each certificate's
// private key does; each cites its RFC sections.
std::string key_shares_heading(const KeyRoles& roles);
std::string key_roles_note(const KeyRoles& roles);

// Why a resumed visit shows no certificate and checks none; "" when the visit is not (yet) known
// to be a resumption.
std::string resumption_note(const KeyRoles& roles);

// The catalogue key of the certificate myth that is true for this key exchange: under RSA key
// transport the badge's key does decrypt something (the premaster secret).
std::string_view myth_key(KeyExchangeKind kind);

}  // namespace tlsclub::gui
