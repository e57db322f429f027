#pragma once
// The bouncer: our own certificate-chain verification, one CheckEvent per check, so a student
// sees every step (RFC 5280 6.1 path validation, split into its parts). Botan's primitives do the
// cryptography; the order and the alert choice are ours (docs/botan-notes.md, pitfalls 1-4).

#include <botan/ocsp.h>
#include <botan/x509_crl.h>
#include <botan/x509cert.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/side.h"
#include "core/sim_time.h"
#include "timeline/event.h"

namespace tlsclub {

struct VerifyRequest {
  Side by = Side::client;                                  // who is checking
  std::vector<Botan::X509_Certificate> chain;              // as presented, leaf first
  std::vector<Botan::X509_Certificate> trusted_roots;      // this side's trust anchors
  std::vector<std::optional<Botan::OCSP::Response>> ocsp;  // stapled answers, by chain position
  std::vector<Botan::X509_CRL> crls;                       // lists this side has
  bool server_auth = true;               // checking a badge (serverAuth) or a card (clientAuth)
  std::string hostname;                  // badge only: the name the member asked for
  std::vector<std::uint8_t> ip_address;  // badge only: 4 or 16 bytes, checked instead of hostname
  bool check_identity = true;     // false: no name or address to check (tlsclub verify without one)
  bool rsa_key_exchange = false;  // TLS 1.2 RSA: the leaf needs keyEncipherment
  bool require_revocation_info = false;
  std::optional<int> max_lifetime_days;  // the leaf's notBefore..notAfter, at most (local policy)
  SimTime now{};
};

struct VerifyResult {
  std::vector<CheckEvent> checks;
  std::string alert;   // first failure's alert, "" when every check passed
  std::string reason;  // first failure's reason
  bool ok() const { return alert.empty(); }
};

VerifyResult verify_chain(const VerifyRequest& request);

// "CN=club.example,O=TLS Club": the short form the timeline shows.
std::string subject_of(const Botan::X509_Certificate& cert);
std::string short_name_of(const Botan::X509_DN& name);  // the same for any name (an issuer's)

}  // namespace tlsclub
