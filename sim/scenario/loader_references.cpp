// Scenario files: every name that points at something must find it. Run after all sections are
// read, so the order of sections in the file does not matter.
#include <algorithm>
#include <map>

#include "scenario/loader_internal.h"

namespace tlsclub::loader {

namespace {

class References {
 public:
  References(const ScenarioSpec& spec, const Places& places, Errors& errors)
      : spec_(spec), places_(places), errors_(errors) {
    for (const auto& a : spec.authorities) ids_.push_back(a.id);
    for (const auto& id : ids_) id_views_.push_back(id);
  }

  void run() {
    unique_authorities();
    issuers();
    cycles();
    server();
    members();
    crls();
  }

 private:
  bool known(const std::string& id) const {
    return std::find(ids_.begin(), ids_.end(), id) != ids_.end();
  }

  void authority(const Section::Item& ref, std::string_view what) {
    if (known(ref.value)) return;
    std::string hint = did_you_mean(ref.value, id_views_);
    if (hint.empty())
      hint = ids_.empty() ? "the file has no [[authority]]"
                          : "the authorities are " + join_names(id_views_);
    errors_.add(ref.where, ErrorId::dangling_reference,
                std::string(what) + " `" + ref.value + "` is not an [[authority]] id",
                std::move(hint));
  }

  void unique_authorities() {
    for (std::size_t i = 0; i < ids_.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (ids_[i] == ids_[j]) {
          errors_.add(places_.authority_id[i], ErrorId::duplicate,
                      "authority id `" + ids_[i] + "` is used twice",
                      "the first one is on line " + std::to_string(places_.authority_id[j].line));
          break;
        }
  }

  void issuers() {
    for (std::size_t i = 0; i < spec_.authorities.size(); ++i)
      if (const auto& parent = spec_.authorities[i].parent)
        authority({*parent, places_.authority_issuer[i]}, "issuer");
  }

  // RFC 5280 6.1: a path ends at a trust anchor; an authority that is (indirectly) its own issuer
  // never reaches one.
  void cycles() {
    const std::size_t n = spec_.authorities.size();
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < n; ++i) index.emplace(ids_[i], i);
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<std::size_t> path{i};
      std::size_t at = i;
      for (std::size_t step = 0; step < n; ++step) {
        const auto& parent = spec_.authorities[at].parent;
        if (!parent || !index.contains(*parent)) break;
        at = index.at(*parent);
        if (at == i) {
          // Report each cycle once, at the authority listed first.
          if (*std::min_element(path.begin(), path.end()) != i) break;
          std::string chain;
          for (auto k : path) chain += ids_[k] + " → ";
          errors_.add(places_.authority_issuer[i], ErrorId::cycle,
                      "the authorities issue each other in a cycle: " + chain + ids_[i],
                      "a root has no `issuer`; end the chain at one");
          break;
        }
        path.push_back(at);
      }
    }
  }

  void server() {
    if (!spec_.server.certificate.issuer.empty())
      authority({spec_.server.certificate.issuer, places_.server_issuer}, "issuer");
    for (const auto& t : places_.server_trusted) authority(t, "trusted authority");
  }

  void members() {
    for (std::size_t i = 0; i < spec_.members.size(); ++i) {
      const auto& m = spec_.members[i];
      for (std::size_t j = 0; j < i; ++j)
        if (spec_.members[j].name == m.name) {
          errors_.add(places_.member_name[i], ErrorId::duplicate,
                      "member name `" + m.name + "` is used twice",
                      "the first one is on line " + std::to_string(places_.member_name[j].line));
          break;
        }
      if (m.name == "server")
        errors_.add(places_.member_name[i], ErrorId::bad_value,
                    "`server` is not a member name: a CRL uses it for the club's badge",
                    "pick another name");
      if (m.card && !m.card->issuer.empty())
        authority({m.card->issuer, places_.card_issuer[i]}, "issuer");
      for (const auto& t : places_.member_trusted[i]) authority(t, "trusted authority");
    }
  }

  // A CRL lists the club's badge ("server") or members' cards (RFC 5280 5.1.2.6: by serial).
  void crls() {
    for (std::size_t i = 0; i < spec_.authorities.size(); ++i) {
      for (const auto& entry : places_.crl_revoked[i]) {
        if (entry.value == "server") continue;
        const auto m = std::find_if(spec_.members.begin(), spec_.members.end(),
                                    [&](const MemberSpec& x) { return x.name == entry.value; });
        if (m == spec_.members.end()) {
          std::vector<std::string_view> names{"server"};
          for (const auto& x : spec_.members) names.push_back(x.name);
          std::string hint = did_you_mean(entry.value, names);
          if (hint.empty()) hint = "name `server` or a member: " + join_names(names);
          errors_.add(entry.where, ErrorId::dangling_reference,
                      "the CRL lists `" + entry.value + "`, who is neither `server` nor a member",
                      std::move(hint));
        } else if (!m->card) {
          errors_.add(entry.where, ErrorId::dangling_reference,
                      "the CRL lists `" + entry.value + "`, who has no card to revoke",
                      "give the member a [member.card], or remove the entry");
        }
      }
    }
  }

  const ScenarioSpec& spec_;
  const Places& places_;
  Errors& errors_;
  std::vector<std::string> ids_;
  std::vector<std::string_view> id_views_;
};

}  // namespace

void check_references(const ScenarioSpec& spec, const Places& places, Errors& errors) {
  References(spec, places, errors).run();
}

}  // namespace tlsclub::loader
