#pragma once
// Path building for certificates that arrive as loose files (tlsclub verify): from a leaf, find
// issuers among untrusted intermediates and trust anchors, in any order, up to an anchor. The
// bouncer (verifier.h) then validates the path it is handed, leaf first (RFC 5280 6.1; building
// is RFC 4158's job, of which this is the small, bounded core).

#include <botan/x509cert.h>

#include <cstddef>
#include <vector>

namespace tlsclub {

struct PathLimits {
  std::size_t max_depth = 16;        // certificates on a path, leaf and anchor included
  std::size_t max_candidates = 256;  // issuer candidates tried in all, over every branch
};

struct BuiltPath {
  std::vector<Botan::X509_Certificate> path;  // leaf first; ends at an anchor when `anchored`
  bool anchored = false;                      // the last certificate is a trust anchor
  bool limit_hit = false;                     // depth or candidate limit cut the search short
  std::size_t candidates_tried = 0;
};

// A candidate may issue `cert` when its subject is cert's issuer and, where both are present,
// its subjectKeyIdentifier is cert's authorityKeyIdentifier (RFC 5280 4.2.1.1).
bool may_issue(const Botan::X509_Certificate& candidate, const Botan::X509_Certificate& cert);

// Depth-first from `leaf`: trust anchors are tried before intermediates, a certificate never
// appears twice on one path (so cross-signed loops end), and the search backtracks out of dead
// ends. Without a path to an anchor, returns the longest partial path found, so the bouncer can
// show where it breaks (issuer_known or trust_anchor).
BuiltPath build_path(const Botan::X509_Certificate& leaf,
                     const std::vector<Botan::X509_Certificate>& untrusted,
                     const std::vector<Botan::X509_Certificate>& trusted,
                     const PathLimits& limits = {});

}  // namespace tlsclub
