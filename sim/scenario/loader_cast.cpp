// Scenario files: the cast. [[authority]] (with [authority.crl]), [server] (with
// [server.ocsp_staple]) and [[member]] (with [member.card] and [member.expect]).
#include <algorithm>
#include <array>
#include <map>

#include "scenario/loader_internal.h"

namespace tlsclub::loader {

namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 3> kHashes{"sha256", "sha384", "sha1"};
constexpr std::array<std::string_view, 3> kCiphers{"aes_128_gcm", "aes_256_gcm",
                                                   "chacha20_poly1305"};
constexpr std::array<std::string_view, 2> kKeyExchanges{"ecdhe", "rsa"};
constexpr std::array<std::string_view, 2> kChainOrders{"issuer_order", "reversed"};
constexpr std::array<std::string_view, 3> kClientAuth{"none", "optional", "required"};
constexpr std::array<std::string_view, 3> kOcspStatus{"good", "revoked", "unknown"};
constexpr std::array<std::string_view, 2> kOutcomes{"admitted", "refused"};
constexpr std::array<std::string_view, 2> kSides{"client", "server"};

// `later` must not come before `earlier` (RFC 5280 4.1.2.5; 5.1.2.4-5; RFC 6960 4.2.2.1).
void check_order(const Section& s, std::string_view earlier, SimTime from, std::string_view later,
                 SimTime until) {
  if (until >= from) return;
  s.errors().add(s.where(later), ErrorId::bad_validity,
                 "`" + std::string(later) + "` comes before `" + std::string(earlier) + "`",
                 "swap them, or move `" + std::string(later) + "` later");
}

// The names of a list, each one checked against `allowed`.
std::optional<std::vector<std::string>> names(const Section& s, std::string_view key,
                                              std::span<const std::string_view> allowed) {
  auto items = s.strings(key);
  if (!items) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& item : *items)
    if (check_name(s.errors(), item.where, key, item.value, allowed)) out.push_back(item.value);
  return out;
}

// The fields every certificate has; `name` (the subject CN) is the caller's.
void read_certificate(const Section& s, SimTime clock, seconds from, seconds until,
                      pki::CertificateSpec& c) {
  if (auto v = s.string("organization")) c.organization = *v;
  if (auto v = pick(s, "key", key_type_names()))
    c.key_type = *pki::key_type_from_string(key_type_names()[*v]);
  c.not_before = time_or(s, "valid_from", clock, from);
  c.not_after = time_or(s, "valid_until", clock, until);
  check_order(s, "valid_from", c.not_before, "valid_until", c.not_after);
  if (auto v = names(s, "key_usage", key_usage_names())) c.key_usage = *v;
  if (auto v = s.boolean("omit_key_usage")) c.omit_key_usage = *v;
  if (c.omit_key_usage && !c.key_usage.empty())
    s.errors().add(s.where("omit_key_usage"), ErrorId::bad_value,
                   "`omit_key_usage = true` leaves no room for `key_usage`",
                   "use one or the other");
  if (auto items = s.strings("extended_key_usage")) {
    c.extended_key_usage.clear();
    for (const auto& item : *items) {
      if (auto oid = eku_oid(item.value))
        c.extended_key_usage.push_back(*oid);
      else
        check_name(s.errors(), item.where, "extended_key_usage", item.value, eku_names());
    }
  }
  if (auto v = pick(s, "signature_hash", kHashes))
    c.hash = *v == 0 ? "SHA-256" : *v == 1 ? "SHA-384" : "SHA-1";
  if (auto items = s.strings("dns_names")) {
    c.dns_names.clear();
    for (const auto& item : *items) c.dns_names.push_back(item.value);
  }
}

// Ids, names and references: a string that is not empty.
std::optional<std::string> name_at(const Section& s, std::string_view key, bool required) {
  auto v = s.string(key, required);
  if (v && v->empty()) {
    s.errors().add(s.where(key), ErrorId::bad_value, "`" + std::string(key) + "` must not be empty",
                   {});
    return std::nullopt;
  }
  return v;
}

std::optional<Section::Item> reference(const Section& s, std::string_view key, bool required) {
  auto v = name_at(s, key, required);
  if (!v) return std::nullopt;
  return Section::Item{*v, s.where(key)};
}

CrlSpec read_crl(const Section& s, SimTime clock, std::vector<Section::Item>& revoked) {
  CrlSpec crl;
  if (auto items = s.strings("revoked")) revoked = *items;
  for (const auto& item : revoked) crl.revoked.push_back(item.value);
  if (auto v = pick(s, "reason", revocation_reason_names()))
    crl.reason = static_cast<pki::RevocationReason>(*v);
  crl.this_update = time_or(s, "this_update", clock, -days{1});
  crl.next_update = time_or(s, "next_update", clock, days{6});
  check_order(s, "this_update", crl.this_update, "next_update", crl.next_update);
  return crl;
}

OcspStapleSpec read_ocsp(const Section& s, SimTime clock) {
  OcspStapleSpec staple;
  auto& a = staple.answer;
  if (auto v = pick(s, "status", kOcspStatus)) a.status = static_cast<pki::OcspStatus>(*v);
  a.this_update = time_or(s, "this_update", clock, -days{1});
  a.next_update = time_or(s, "next_update", clock, days{6});
  check_order(s, "this_update", a.this_update, "next_update", *a.next_update);
  if (s.has("revoked_at") && a.status != pki::OcspStatus::revoked)
    s.errors().add(s.where("revoked_at"), ErrorId::bad_value,
                   "`revoked_at` only goes with `status = \"revoked\"`", {});
  if (a.status == pki::OcspStatus::revoked)
    a.revocation_time = time_or(s, "revoked_at", clock, -days{2});
  if (auto v = pick(s, "reason", revocation_reason_names()))
    a.reason = static_cast<pki::RevocationReason>(*v);
  if (auto v = s.boolean("signed_by_wrong_key")) staple.signed_by_wrong_key = *v;
  return staple;
}

std::vector<std::string> root_ids(const ScenarioSpec& spec) {
  std::vector<std::string> ids;
  for (const auto& a : spec.authorities)
    if (!a.parent) ids.push_back(a.id);
  return ids;
}

// trusted_authorities and groups, shared by the server and each member.
void read_policy(const Section& s, const ScenarioSpec& spec, std::vector<std::string>& trusted,
                 std::vector<Section::Item>& trusted_places, std::vector<std::string>& groups,
                 bool& require_revocation_info) {
  trusted = root_ids(spec);
  if (auto items = s.strings("trusted_authorities")) {
    trusted_places = *items;
    trusted.clear();
    for (const auto& item : *items) trusted.push_back(item.value);
  }
  if (auto v = names(s, "groups", group_names())) {
    if (v->empty() && s.node("groups")->as_array()->empty())
      s.errors().add(s.where("groups"), ErrorId::bad_value, "`groups` is empty",
                     "name at least one key exchange group, e.g. [\"x25519\"]");
    groups = *v;
  }
  if (auto v = s.boolean("require_revocation_info")) require_revocation_info = *v;
}

// Forgeries of a badge or card: made by the holder itself, a seal altered after signing, or
// (cards) a copy without the private key.
void read_forgery(const Section& s, EndEntitySpec& ee) {
  if (auto v = s.boolean("self_signed")) ee.self_signed = *v;
  if (auto v = s.boolean("altered_signature")) ee.altered_signature = *v;
  if (auto v = s.boolean("stolen")) ee.stolen = *v;
  if (ee.self_signed && ee.altered_signature)
    s.errors().add(s.where("altered_signature"), ErrorId::bad_value,
                   "a self-signed certificate has no authority's seal to alter",
                   "use one or the other");
}

void read_ciphers(const Section& s, std::vector<std::string>& ciphers) {
  if (auto v = names(s, "ciphers", kCiphers)) {
    if (v->empty() && s.node("ciphers")->as_array()->empty())
      s.errors().add(s.where("ciphers"), ErrorId::bad_value, "`ciphers` is empty",
                     "name at least one, e.g. [\"aes_128_gcm\"]");
    else
      ciphers = *v;
  }
}

void read_signature_algorithms(const Section& s, std::vector<std::string>& schemes) {
  if (auto v = names(s, "signature_algorithms", signature_algorithm_names())) {
    if (v->empty() && s.node("signature_algorithms")->as_array()->empty())
      s.errors().add(s.where("signature_algorithms"), ErrorId::bad_value,
                     "`signature_algorithms` is empty",
                     "name at least one, e.g. [\"ecdsa_secp256r1_sha256\"]");
    else
      schemes = *v;
  }
}

// [server.passwords]: member name = password, the club's records for the second factor.
void read_passwords(const Section& s, std::map<std::string, std::string>& passwords) {
  const toml::node* n = s.node("passwords");
  if (n == nullptr) return;
  const auto* table = n->as_table();
  if (table == nullptr) {
    s.errors().add(s.where("passwords"), ErrorId::wrong_type, "`passwords` must be a table",
                   "write [server.passwords] with lines like Alice = \"tulip\"");
    return;
  }
  for (const auto& [key, value] : *table) {
    if (const auto* text = value.as_string()) {
      const std::string name = unshield(key.str()), password = unshield(text->get());
      // The error must not print the name it refuses: say which part, not what it says.
      if (printable(s.errors(), where_of(value), "a name in passwords", name, false) &&
          printable(s.errors(), where_of(value), "a password in passwords", password, false))
        passwords[name] = password;
    } else
      s.errors().add(where_of(value), ErrorId::wrong_type,
                     "the password of `" + std::string(key.str()) + "` must be a string", {});
  }
}

}  // namespace

Expectation read_expect(const Section& s) {
  Expectation e;
  if (auto v = pick(s, "outcome", kOutcomes, true))
    e.outcome = *v == 0 ? Outcome::admitted : Outcome::refused;
  if (auto v = pick(s, "refused_by", kSides)) e.refused_by = *v == 0 ? Side::client : Side::server;
  if (auto v = pick(s, "alert", alert_names())) e.alert = std::string(alert_names()[*v]);
  if (auto v = pick(s, "failing_check", check_names()))
    e.failing_check = std::string(check_names()[*v]);
  if (e.outcome == Outcome::admitted && (e.refused_by || e.alert || e.failing_check))
    s.errors().add(s.where("outcome"), ErrorId::bad_value,
                   "an admitted member has no `refused_by`, `alert` or `failing_check`",
                   "remove them, or expect `outcome = \"refused\"`");
  return e;
}

std::span<const std::string_view> expect_keys() {
  return kExpectKeys;
}

void read_authorities(const toml::table& root, ScenarioSpec& spec, Places& places, Errors& errors) {
  const toml::array* array = tables_of(root, "authority", errors);
  if (array == nullptr) return;
  for (const auto& element : *array) {
    const Section s(*element.as_table(), "authority", kAuthorityKeys, errors);
    AuthoritySpec a;
    a.certificate.is_ca = true;
    if (auto v = name_at(s, "id", true)) a.id = *v;
    if (auto v = s.string("name", true)) a.certificate.common_name = *v;
    const auto issuer = reference(s, "issuer", false);
    if (issuer) a.parent = issuer->value;
    read_certificate(s, spec.now, -days{3650}, days{3650}, a.certificate);
    for (const auto& [key, list] : {std::pair{"permitted_dns", &a.certificate.permitted_dns},
                                    std::pair{"excluded_dns", &a.certificate.excluded_dns}})
      if (auto items = s.strings(key))
        for (const auto& item : *items) list->push_back(item.value);
    if (auto v = s.boolean("ca")) {
      a.is_ca = *v;
      if (!*v && !issuer)
        errors.add(s.where("ca"), ErrorId::bad_value, "a root is always a CA",
                   "`ca = false` is for an intermediate that should not be one");
    }
    if (auto v = s.integer("path_length")) {
      if (*v < 0)
        errors.add(s.where("path_length"), ErrorId::bad_value, "`path_length` must not be negative",
                   {});
      else
        a.certificate.path_length = static_cast<std::size_t>(*v);
    }
    places.crl_revoked.emplace_back();
    if (const auto* t = s.table("crl")) {
      const Section crl(*t, "authority.crl", kCrlKeys, errors);
      a.crl = read_crl(crl, spec.now, places.crl_revoked.back());
    }
    places.authority_id.push_back(s.where("id"));
    places.authority_issuer.push_back(issuer ? issuer->where : s.where());
    spec.authorities.push_back(std::move(a));
  }
}

void read_server(const toml::table& root, ScenarioSpec& spec, Places& places, Errors& errors) {
  const toml::table* table = required_table(root, "server", " (the club entrance)",
                                            "add [server] with `name` and `issuer`", errors);
  if (table == nullptr) return;
  const Section s(*table, "server", kServerKeys, errors);
  auto& server = spec.server;
  auto& c = server.certificate.certificate;
  if (auto v = s.string("name", true)) c.common_name = *v;
  c.dns_names = {c.common_name};
  c.extended_key_usage = {pki::kServerAuthOid};
  if (auto issuer = reference(s, "issuer", true)) {
    server.certificate.issuer = issuer->value;
    places.server_issuer = issuer->where;
  }
  read_certificate(s, spec.now, -days{30}, days{170}, c);
  read_forgery(s, server.certificate);
  if (auto v = pick(s, "chain_order", kChainOrders))
    server.chain_order = *v == 0 ? ChainOrder::issuer_order : ChainOrder::reversed;
  read_ciphers(s, server.ciphers);
  read_signature_algorithms(s, server.signature_algorithms);
  if (auto v = pick(s, "key_exchange", kKeyExchanges))
    server.key_exchange = *v == 0 ? KeyExchange::ecdhe : KeyExchange::rsa;
  if (auto v = s.boolean("require_password")) server.require_password = *v;
  read_passwords(s, server.passwords);
  if (auto v = s.boolean("send_intermediates")) server.send_intermediates = *v;
  if (auto v = pick(s, "client_auth", kClientAuth))
    server.client_auth = static_cast<ClientAuth>(*v);
  read_policy(s, spec, server.trusted_authorities, places.server_trusted, server.groups,
              server.require_revocation_info);
  if (auto v = s.integer("session_tickets")) {
    if (*v < 0 || *v > 16)
      errors.add(s.where("session_tickets"), ErrorId::bad_value,
                 "`session_tickets` must be 0 to 16", {});
    else
      server.session_tickets = static_cast<std::size_t>(*v);
  }
  if (server.require_password && server.client_auth == ClientAuth::none)
    errors.add(s.where("require_password"), ErrorId::bad_value,
               "a password is checked against the member's card",
               "set `client_auth = \"required\"` too");
  if (const auto* t = s.table("ocsp_staple"))
    server.ocsp_staple = read_ocsp(Section(*t, "server.ocsp_staple", kOcspKeys, errors), spec.now);
}

void read_members(const toml::table& root, ScenarioSpec& spec, Places& places, Errors& errors) {
  const toml::array* array = tables_of(root, "member", errors);
  if (array == nullptr) {
    if (root.get("member") == nullptr)
      errors.add({1, 1}, ErrorId::missing_key, "the file has no [[member]]",
                 "add at least one [[member]] with a `name`: each one is a connection");
    return;
  }
  for (const auto& element : *array) {
    const Section s(*element.as_table(), "member", kMemberKeys, errors);
    MemberSpec m;
    if (auto v = name_at(s, "name", true)) m.name = *v;
    m.server_name = spec.server.certificate.certificate.common_name;
    if (auto v = s.string("server_name")) m.server_name = *v;
    places.member_trusted.emplace_back();
    read_policy(s, spec, m.trusted_authorities, places.member_trusted.back(), m.groups,
                m.require_revocation_info);
    if (auto v = s.integer("max_badge_lifetime_days")) {
      if (*v < 1 || *v > 36500)
        errors.add(s.where("max_badge_lifetime_days"), ErrorId::bad_value,
                   "`max_badge_lifetime_days` must be 1 to 36500",
                   "398 is Apple's limit; 200 the CA/Browser Forum's from 15 March 2026");
      else
        m.max_badge_lifetime_days = static_cast<int>(*v);
    }
    if (auto v = s.string("request")) m.request = *v;
    if (auto v = s.string("password")) m.password = *v;
    if (auto v = name_at(s, "resumes", false)) {
      // A second visit comes after the first, to a club that hands out tickets.
      std::vector<std::string_view> earlier;
      for (const auto& before : spec.members) earlier.push_back(before.name);
      if (std::find(earlier.begin(), earlier.end(), *v) == earlier.end()) {
        std::string hint = did_you_mean(*v, earlier);
        if (hint.empty()) hint = "name a [[member]] listed before this one";
        errors.add(s.where("resumes"), ErrorId::dangling_reference,
                   "`resumes = \"" + *v + "\"` names no earlier member", std::move(hint));
      } else if (spec.server.session_tickets == 0) {
        errors.add(s.where("resumes"), ErrorId::bad_value, "the club hands out no session tickets",
                   "set `session_tickets = 1` in [server]");
      } else {
        m.resumes = *v;
      }
    }
    read_ciphers(s, m.ciphers);
    read_signature_algorithms(s, m.signature_algorithms);
    if (auto v = names(s, "key_exchange", kKeyExchanges)) {
      m.key_exchanges.clear();
      for (const auto& name : *v)
        m.key_exchanges.push_back(name == "rsa" ? KeyExchange::rsa : KeyExchange::ecdhe);
    }
    Where card_issuer;
    if (const auto* t = s.table("card")) {
      const Section card(*t, "member.card", kCardKeys, errors);
      EndEntitySpec ee;
      if (auto issuer = reference(card, "issuer", true)) {
        ee.issuer = issuer->value;
        card_issuer = issuer->where;
      }
      ee.certificate.common_name = card.string("name").value_or(m.name);
      ee.certificate.organization = "TLS Club members";
      ee.certificate.extended_key_usage = {pki::kClientAuthOid};
      read_certificate(card, spec.now, -days{10}, days{355}, ee.certificate);
      read_forgery(card, ee);
      m.card = std::move(ee);
    }
    if (const auto* t = s.table("expect"))
      m.expect = read_expect(Section(*t, "member.expect", kExpectKeys, errors));
    places.member_name.push_back(s.where("name"));
    places.card_issuer.push_back(card_issuer);
    spec.members.push_back(std::move(m));
  }
}

}  // namespace tlsclub::loader
