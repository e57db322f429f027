// Values in scenario files: times (absolute or offsets from the scenario clock) and names.
#include <algorithm>
#include <array>

#include "decode/handshake_decoder.h"
#include "pki/pki.h"
#include "scenario/loader_internal.h"

namespace tlsclub::loader {

namespace {

using namespace std::chrono;

constexpr std::string_view kTimeHint =
    "use \"2026-03-01T20:00:00Z\", \"2026-03-01\" or an offset from the clock such as \"-30d\", "
    "\"+2h\", \"-1s\", \"0\"";

// X.509 can say any year up to 9999 (RFC 5280 4.1.2.5); the simulator keeps to 1970..9999.
bool in_range(SimTime t) {
  constexpr SimTime kFirst{sys_days{year{1970} / January / 1}};
  constexpr SimTime kLast{sys_days{year{9999} / December / 31} + hours{24} - seconds{1}};
  return t >= kFirst && t <= kLast;
}

std::optional<SimTime> from_toml(const toml::date& d, const toml::time& t,
                                 std::optional<toml::time_offset> offset) {
  const year_month_day ymd{year{d.year}, month{d.month}, day{d.day}};
  if (!ymd.ok()) return std::nullopt;
  SimTime s{sys_days{ymd}.time_since_epoch() + hours{t.hour} + minutes{t.minute} +
            seconds{t.second}};
  if (offset) s -= minutes{offset->minutes};
  return s;
}

}  // namespace

std::optional<std::chrono::seconds> parse_offset(std::string_view text) {
  if (text == "0") return seconds{0};
  if (text.size() < 2) return std::nullopt;
  int sign = 1;
  if (text.front() == '+' || text.front() == '-') {
    sign = text.front() == '-' ? -1 : 1;
    text.remove_prefix(1);
  }
  const char unit = text.back();
  text.remove_suffix(1);
  if (text.empty() || text.size() > 9) return std::nullopt;
  std::int64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  std::int64_t scale = 0;
  switch (unit) {
    case 's':
      scale = 1;
      break;
    case 'm':
      scale = 60;
      break;
    case 'h':
      scale = 3600;
      break;
    case 'd':
      scale = 86400;
      break;
    case 'w':
      scale = 7 * std::int64_t{86400};
      break;
    default:
      return std::nullopt;
  }
  return seconds{sign * n * scale};
}

std::optional<SimTime> time_at(const Section& s, std::string_view key, SimTime clock) {
  const toml::node* n = s.node(key);
  if (n == nullptr) return std::nullopt;
  std::optional<SimTime> t;
  bool understood = true;
  if (const auto* text = n->as_string()) {
    if (auto absolute = parse_time(text->get()))
      t = absolute;
    else if (auto offset = parse_offset(text->get()))
      t = clock + *offset;
    else
      understood = false;
  } else if (const auto* i = n->as_integer(); i != nullptr && i->get() == 0) {
    t = clock;
  } else if (const auto* d = n->as_date()) {
    t = from_toml(d->get(), {}, toml::time_offset{});
  } else if (const auto* dt = n->as_date_time()) {
    t = from_toml(dt->get().date, dt->get().time, dt->get().offset);
  } else {
    s.errors().add(where_of(*n), ErrorId::wrong_type,
                   "`" + std::string(key) +
                       "` must be a date, a date-time or an offset string, not " +
                       std::string(type_name(*n)),
                   std::string(kTimeHint));
    return std::nullopt;
  }
  if (!understood || !t) {
    const std::string shown = n->as_string() ? "\"" + n->as_string()->get() + "\"" : "this";
    s.errors().add(where_of(*n), ErrorId::bad_date,
                   "`" + std::string(key) + "` = " + shown + " is not a date, time or offset",
                   std::string(kTimeHint));
    return std::nullopt;
  }
  if (!in_range(*t)) {
    s.errors().add(where_of(*n), ErrorId::bad_date,
                   "`" + std::string(key) + "` falls outside the years 1970 to 9999",
                   "X.509 validity dates must fit in a four-digit year");
    return std::nullopt;
  }
  return t;
}

SimTime time_or(const Section& s, std::string_view key, SimTime clock, seconds fallback) {
  if (s.has(key)) return time_at(s, key, clock).value_or(clock + fallback);
  const SimTime t = clock + fallback;
  if (!in_range(t)) {
    const auto d = duration_cast<days>(fallback).count();
    s.errors().add(s.where(), ErrorId::bad_date,
                   "`" + std::string(key) + "` is left out, and its default (" +
                       (d < 0 ? "" : "+") + std::to_string(d) + "d from the clock " +
                       format_time(clock) + ") falls outside the years 1970 to 9999",
                   "set `" + std::string(key) + "`, or move the scenario's `clock`");
  }
  return t;
}

bool check_name(Errors& errors, Where where, std::string_view what, std::string_view value,
                std::span<const std::string_view> allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return true;
  std::string hint = did_you_mean(value, allowed);
  const std::string list = allowed.size() <= 12 ? "allowed: " + join_names(allowed) : "";
  if (!hint.empty() && !list.empty()) hint += " ";
  hint += list;
  if (hint.empty()) hint = "docs/scenario-format.md lists the names";
  errors.add(where, ErrorId::bad_enum,
             "`" + std::string(what) + "` = \"" + std::string(value) + "\" is not allowed",
             std::move(hint));
  return false;
}

std::optional<std::size_t> pick(const Section& s, std::string_view key,
                                std::span<const std::string_view> allowed, bool required) {
  const auto value = s.string(key, required);
  if (!value) return std::nullopt;
  if (!check_name(s.errors(), s.where(key), key, *value, allowed)) return std::nullopt;
  return static_cast<std::size_t>(std::find(allowed.begin(), allowed.end(), *value) -
                                  allowed.begin());
}

std::span<const std::string_view> key_type_names() {
  static constexpr std::array<std::string_view, 6> kNames{"ecdsa_p256", "ecdsa_p384", "ed25519",
                                                          "rsa_2048",   "rsa_3072",   "rsa_1024"};
  return kNames;
}

std::span<const std::string_view> signature_algorithm_names() {
  // The RFC 8446 4.2.3 schemes the engine's TLS library signs and checks with
  // (sim/endpoint/policy.cpp signature_scheme_from_name; a test holds the two together).
  static constexpr std::array<std::string_view, 10> kNames{
      "ecdsa_secp256r1_sha256", "ecdsa_secp384r1_sha384",
      "ecdsa_secp521r1_sha512", "rsa_pss_rsae_sha256",
      "rsa_pss_rsae_sha384",    "rsa_pss_rsae_sha512",
      "rsa_pkcs1_sha256",       "rsa_pkcs1_sha384",
      "rsa_pkcs1_sha512",       "ed25519"};
  return kNames;
}

std::span<const std::string_view> group_names() {
  // The groups the engine's policy knows (sim/endpoint/policy.cpp group_from_name).
  static constexpr std::array<std::string_view, 5> kNames{"x25519", "secp256r1", "secp384r1",
                                                          "secp521r1", "X25519MLKEM768"};
  return kNames;
}

std::span<const std::string_view> key_usage_names() {
  // RFC 5280 4.2.1.3, as pki::is_key_usage_name spells them.
  static constexpr std::array<std::string_view, 9> kNames{
      "digital_signature", "non_repudiation", "key_encipherment",
      "data_encipherment", "key_agreement",   "key_cert_sign",
      "crl_sign",          "encipher_only",   "decipher_only"};
  return kNames;
}

namespace {
// RFC 5280 4.2.1.12.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kEku{{
    {"serverAuth", "1.3.6.1.5.5.7.3.1"},
    {"clientAuth", "1.3.6.1.5.5.7.3.2"},
    {"codeSigning", "1.3.6.1.5.5.7.3.3"},
    {"emailProtection", "1.3.6.1.5.5.7.3.4"},
    {"timeStamping", "1.3.6.1.5.5.7.3.8"},
    {"OCSPSigning", "1.3.6.1.5.5.7.3.9"},
    {"anyExtendedKeyUsage", "2.5.29.37.0"},
}};

bool is_dotted_oid(std::string_view s) {
  if (s.size() < 3 || (s[0] < '0' || s[0] > '2') || s[1] != '.') return false;
  bool digit_seen = false;
  for (char c : s.substr(2)) {
    if (c == '.') {
      if (!digit_seen) return false;
      digit_seen = false;
    } else if (c >= '0' && c <= '9') {
      digit_seen = true;
    } else {
      return false;
    }
  }
  return digit_seen;
}
}  // namespace

std::span<const std::string_view> eku_names() {
  static const auto kNames = [] {
    std::array<std::string_view, kEku.size()> names{};
    for (std::size_t i = 0; i < kEku.size(); ++i) names[i] = kEku[i].first;
    return names;
  }();
  return kNames;
}

std::optional<std::string> eku_oid(std::string_view name_or_oid) {
  for (const auto& [name, oid] : kEku)
    if (name == name_or_oid) return std::string(oid);
  if (is_dotted_oid(name_or_oid)) return std::string(name_or_oid);
  return std::nullopt;
}

std::span<const std::string_view> revocation_reason_names() {
  // RFC 5280 5.3.1 CRLReason, codes 0..5 (the ones pki::RevocationReason has).
  static constexpr std::array<std::string_view, 6> kNames{
      "unspecified",         "key_compromise", "ca_compromise",
      "affiliation_changed", "superseded",     "cessation_of_operation"};
  return kNames;
}

}  // namespace tlsclub::loader
