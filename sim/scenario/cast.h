#pragma once
// The cast of a scenario made real: every authority, badge and card generated from the seed.

#include <botan/x509_crl.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pki/pki.h"
#include "scenario/scenario.h"

namespace tlsclub {

struct Credential {
  pki::Identity identity;
  std::vector<Botan::X509_Certificate> chain;  // leaf first, then the intermediates it sends
};

struct Cast {
  std::map<std::string, pki::Identity> authorities;
  Credential server;
  std::vector<std::optional<Credential>> cards;  // one per member, in order
  // The badge a man in the middle shows each member (none: the member reaches the real club).
  std::vector<std::optional<Credential>> impostors;
  std::vector<Botan::X509_CRL> crls;  // every published CRL
  Bytes server_staple;                // DER OCSPResponse, empty when none

  // Certificates of the given authority ids (roots a side trusts).
  std::vector<Botan::X509_Certificate> certificates_of(const std::vector<std::string>& ids) const;
};

// Throws std::invalid_argument naming the offending id (unknown issuer, cycle).
Cast build_cast(const ScenarioSpec& spec);

}  // namespace tlsclub
