#pragma once
// Certificates as the student sees them: each chain that crossed the wire, root first, as
// cards, read from the decoded Certificate messages of the Timeline (the GUI never parses DER
// itself), plus the trust anchor the checker used when the sender left it out, as it may (RFC
// 8446 4.4.2, RFC 5246 7.4.2).

#include <optional>
#include <string>
#include <vector>

#include "core/sim_time.h"
#include "state/stepping.h"
#include "timeline/timeline.h"

namespace tlsclub::gui {

struct Purpose {
  std::string oid;   // "1.3.6.1.5.5.7.3.1"
  std::string name;  // "serverAuth" ("" when unknown)
  std::string arcs;  // "iso(1) identified-organization(3) ... serverAuth(1)"
};

struct CertificateCard {
  bool sent = true;              // false: the trust anchor, known from the checks only
  std::size_t event = npos;      // the Certificate MessageEvent that carried it
  const Field* field = nullptr;  // its cert_data (TLS 1.3) / certificate (TLS 1.2) field
  std::string name;              // the subject's common name: "club.example"
  std::string subject, issuer, serial;
  std::string not_before_text, not_after_text;
  std::optional<SimTime> not_before, not_after;
  std::string subject_alt_name, key_usage, extended_key_usage, basic_constraints;
  std::string public_key, signature_algorithm;
  std::vector<Purpose> purposes;
  Bytes der;  // empty for the trust anchor
  // The card above it (root first) is its issuer: its subject is this card's issuer name.
  bool signed_by_above = false;
  bool issuer_shown = true;  // false: its issuer is not among the certificates shown
};

struct Chain {
  Side owner = Side::server;  // whose certificates: the club's badge, or a member's card
  std::size_t event = npos;   // the Certificate message ("" list: npos when none was sent)
  // Issuer above what it issued, leaf last (by issuer/subject names, not wire order); certificates
  // off that path come above it. See CertificateCard::signed_by_above.
  std::vector<CertificateCard> cards;
};

// The chains of one visit, the club's first; an empty Certificate message (a visitor without
// a card) gives a chain with no cards.
std::vector<Chain> chains_of(const Connection& connection);

// The common name of the club's badge's issuer (the leaf's issuer DN): whose seal is on the badge.
// "" when the club sent no badge. A view into `chains`: drawing it allocates nothing.
std::string_view badge_issuer(const std::vector<Chain>& chains);

// "1.3.6.1.5.5.7.3.1 (serverAuth), 1.3.6.1.5.5.7.3.2 (clientAuth)" -> both purposes.
std::vector<Purpose> parse_purposes(std::string_view text);

// What the panel says when the visit shows no certificate at `step` (Event::step): a resumption
// stands on an earlier visit's certificates; "yet" only while the visit goes on.
std::string no_certificate_note(const Connection& connection, std::size_t step);

// -----BEGIN CERTIFICATE----- ... (RFC 7468): base64 in 64-character lines.
std::string to_pem(ByteView der);

// Fraction of the way from not_before to not_after where `now` falls (< 0 before, > 1 after).
std::optional<double> validity_fraction(const CertificateCard& card, SimTime now);

}  // namespace tlsclub::gui
