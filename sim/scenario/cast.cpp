#include "scenario/cast.h"

#include <stdexcept>

#include "core/drbg.h"

namespace tlsclub {

namespace {

const AuthoritySpec* find_authority(const ScenarioSpec& spec, const std::string& id) {
  for (const auto& a : spec.authorities)
    if (a.id == id) return &a;
  return nullptr;
}

// Issuers before the certificates they sign, whatever order the scenario lists them in.
const pki::Identity& make_authority(const ScenarioSpec& spec, const std::string& id, Cast& cast,
                                    std::size_t depth) {
  if (auto it = cast.authorities.find(id); it != cast.authorities.end()) return it->second;
  const AuthoritySpec* a = find_authority(spec, id);
  if (a == nullptr) throw std::invalid_argument("unknown certificate authority '" + id + "'");
  if (depth > spec.authorities.size())
    throw std::invalid_argument("certificate authority '" + id + "' is part of an issuing cycle");
  auto rng = make_drbg(spec.seed, "authority:" + id);
  auto certificate = a->certificate;
  certificate.is_ca = true;
  pki::Identity identity =
      a->parent ? pki::issue(make_authority(spec, *a->parent, cast, depth + 1), certificate, *rng)
                : pki::make_root(certificate, *rng);
  return cast.authorities.emplace(id, std::move(identity)).first->second;
}

Credential make_credential(const ScenarioSpec& spec, const EndEntitySpec& ee,
                           const std::string& stream, Cast& cast) {
  const pki::Identity& issuer = make_authority(spec, ee.issuer, cast, 0);
  auto rng = make_drbg(spec.seed, stream);
  Credential c{pki::issue(issuer, ee.certificate, *rng), {}};
  c.chain.push_back(c.identity.certificate);
  // Intermediates up to, not including, the root: the root is what the peer already trusts.
  for (const AuthoritySpec* a = find_authority(spec, ee.issuer); a != nullptr && a->parent;
       a = find_authority(spec, *a->parent))
    c.chain.push_back(cast.authorities.at(a->id).certificate);
  return c;
}

}  // namespace

std::vector<Botan::X509_Certificate> Cast::certificates_of(
    const std::vector<std::string>& ids) const {
  std::vector<Botan::X509_Certificate> out;
  for (const auto& id : ids) {
    auto it = authorities.find(id);
    if (it == authorities.end())
      throw std::invalid_argument("unknown certificate authority '" + id + "'");
    out.push_back(it->second.certificate);
  }
  return out;
}

Cast build_cast(const ScenarioSpec& spec) {
  Cast cast;
  for (const auto& a : spec.authorities) make_authority(spec, a.id, cast, 0);
  cast.server = make_credential(spec, spec.server.certificate, "server", cast);
  if (!spec.server.send_intermediates) cast.server.chain.resize(1);
  for (const auto& m : spec.members) {
    if (m.card)
      cast.cards.push_back(make_credential(spec, *m.card, "member:" + m.name, cast));
    else
      cast.cards.push_back(std::nullopt);
  }
  return cast;
}

}  // namespace tlsclub
