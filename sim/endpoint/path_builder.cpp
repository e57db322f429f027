#include "endpoint/path_builder.h"

#include <botan/pkix_types.h>

#include <algorithm>

namespace tlsclub {

bool may_issue(const Botan::X509_Certificate& candidate, const Botan::X509_Certificate& cert) {
  if (candidate.subject_dn() != cert.issuer_dn()) return false;
  const auto& aki = cert.authority_key_id();
  const auto& ski = candidate.subject_key_id();
  return aki.empty() || ski.empty() || aki == ski;
}

namespace {

class Search {
 public:
  Search(const std::vector<Botan::X509_Certificate>& untrusted,
         const std::vector<Botan::X509_Certificate>& trusted, const PathLimits& limits)
      : untrusted_(untrusted), trusted_(trusted), limits_(limits) {}

  // Extends `path` (a prefix from the leaf); true once it ends at an anchor.
  bool extend(std::vector<Botan::X509_Certificate>& path) {
    if (path.size() > best_.path.size()) best_.path = path;
    // A copy: pushing a candidate below may move the vector, and a reference into it with it.
    const Botan::X509_Certificate current = path.back();
    if (is_trusted(current)) return true;
    // A self-signed stranger is the end of its line: nothing above it can make it trusted.
    if (current.is_self_signed()) return false;
    if (path.size() >= limits_.max_depth) {
      best_.limit_hit = true;
      return false;
    }
    for (const auto* pool : {&trusted_, &untrusted_}) {
      for (const auto& candidate : *pool) {
        if (!may_issue(candidate, current) || on_path(path, candidate)) continue;
        if (best_.candidates_tried >= limits_.max_candidates) {
          best_.limit_hit = true;
          return false;
        }
        ++best_.candidates_tried;
        path.push_back(candidate);
        if (extend(path)) return true;
        path.pop_back();
      }
    }
    return false;
  }

  BuiltPath& best() { return best_; }

 private:
  bool is_trusted(const Botan::X509_Certificate& cert) const {
    return std::find(trusted_.begin(), trusted_.end(), cert) != trusted_.end();
  }
  static bool on_path(const std::vector<Botan::X509_Certificate>& path,
                      const Botan::X509_Certificate& cert) {
    return std::find(path.begin(), path.end(), cert) != path.end();
  }

  const std::vector<Botan::X509_Certificate>& untrusted_;
  const std::vector<Botan::X509_Certificate>& trusted_;
  const PathLimits& limits_;
  BuiltPath best_;
};

}  // namespace

BuiltPath build_path(const Botan::X509_Certificate& leaf,
                     const std::vector<Botan::X509_Certificate>& untrusted,
                     const std::vector<Botan::X509_Certificate>& trusted,
                     const PathLimits& limits) {
  Search search(untrusted, trusted, limits);
  std::vector<Botan::X509_Certificate> path{leaf};
  if (search.extend(path)) {
    BuiltPath found = std::move(search.best());
    found.path = std::move(path);
    found.anchored = true;
    return found;
  }
  return std::move(search.best());
}

}  // namespace tlsclub
