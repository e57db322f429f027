#include "scenario/cast.h"

#include <algorithm>
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
  certificate.is_ca = a->is_ca;
  pki::Identity identity =
      a->parent ? pki::issue(make_authority(spec, *a->parent, cast, depth + 1), certificate, *rng)
                : pki::make_root(certificate, *rng);
  return cast.authorities.emplace(id, std::move(identity)).first->second;
}

Credential make_credential(const ScenarioSpec& spec, const EndEntitySpec& ee,
                           const std::string& stream, Cast& cast) {
  auto rng = make_drbg(spec.seed, stream);
  if (ee.self_signed) {
    Credential c{pki::make_self_signed(ee.certificate, *rng), {}};
    c.chain.push_back(c.identity.certificate);
    return c;
  }
  const pki::Identity& issuer = make_authority(spec, ee.issuer, cast, 0);
  Credential c{pki::issue(issuer, ee.certificate, *rng), {}};
  if (ee.altered_signature) c.identity = pki::with_altered_signature(c.identity);
  // A thief copied the certificate, which is public, but not the private key behind it.
  if (ee.stolen) c.identity.key = pki::generate_key(ee.certificate.key_type, *rng);
  c.chain.push_back(c.identity.certificate);
  // Intermediates up to, not including, the root: the root is what the peer already trusts.
  for (const AuthoritySpec* a = find_authority(spec, ee.issuer); a != nullptr && a->parent;
       a = find_authority(spec, *a->parent))
    c.chain.push_back(cast.authorities.at(a->id).certificate);
  return c;
}

std::uint64_t serial_of(const Botan::X509_Certificate& cert) {
  std::uint64_t v = 0;
  for (auto b : cert.serial_number()) v = (v << 8) | b;
  return v;
}

// The serial of a badge or card named in a CRL: "server" or a member's name.
std::uint64_t serial_named(const ScenarioSpec& spec, const Cast& cast, const std::string& authority,
                           const std::string& name) {
  if (name == "server") return serial_of(cast.server.identity.certificate);
  for (std::size_t i = 0; i < spec.members.size(); ++i) {
    if (spec.members[i].name != name) continue;
    if (!cast.cards[i])
      throw std::invalid_argument("the CRL of '" + authority + "' lists '" + name +
                                  "', who has no card");
    return serial_of(cast.cards[i]->identity.certificate);
  }
  throw std::invalid_argument("the CRL of '" + authority + "' lists '" + name +
                              "', which is neither 'server' nor a member");
}

void publish_revocation(const ScenarioSpec& spec, Cast& cast) {
  for (const auto& a : spec.authorities) {
    if (!a.crl) continue;
    std::vector<pki::CrlEntry> entries;
    for (const auto& name : a.crl->revoked)
      entries.push_back({serial_named(spec, cast, a.id, name), a.crl->this_update, a.crl->reason});
    auto rng = make_drbg(spec.seed, "crl:" + a.id);
    const Bytes der = pki::make_crl(cast.authorities.at(a.id), entries, a.crl->this_update,
                                    a.crl->next_update, 1, *rng);
    cast.crls.emplace_back(der);
  }
  if (const auto& staple = spec.server.ocsp_staple) {
    const auto& issuer = cast.authorities.at(spec.server.certificate.issuer);
    auto rng = make_drbg(spec.seed, "ocsp:server");
    std::unique_ptr<Botan::Private_Key> wrong;
    if (staple->signed_by_wrong_key) wrong = pki::generate_key(pki::KeyType::ecdsa_p256, *rng);
    cast.server_staple = pki::make_ocsp_response(issuer, cast.server.identity.certificate,
                                                 staple->answer, *rng, wrong.get());
  }
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
  if (spec.server.chain_order == ChainOrder::reversed && cast.server.chain.size() > 2)
    std::reverse(cast.server.chain.begin() + 1, cast.server.chain.end());
  for (const auto& m : spec.members) {
    if (m.card)
      cast.cards.push_back(make_credential(spec, *m.card, "member:" + m.name, cast));
    else
      cast.cards.push_back(std::nullopt);
    std::optional<Credential> impostor;
    if (m.intercepted_by) {
      // The same name on the badge, a different authority behind it.
      EndEntitySpec fake = spec.server.certificate;
      fake.issuer = *m.intercepted_by;
      fake.self_signed = fake.altered_signature = fake.stolen = false;
      impostor = make_credential(spec, fake, "impostor:" + m.name, cast);
    }
    cast.impostors.push_back(std::move(impostor));
  }
  publish_revocation(spec, cast);
  return cast;
}

}  // namespace tlsclub
