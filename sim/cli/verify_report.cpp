#include "cli/verify_report.h"

#include <botan/pk_keys.h>

#include <algorithm>

#include "explain/catalogue.h"
#include "timeline/check_names.h"
#include "timeline/json.h"

namespace tlsclub::cli {

namespace {

constexpr const char* kNoTrustStore =
    "not decidable without a trust store (give --trust system or a file of trusted authorities)";

std::string time_of(const Botan::X509_Time& t) {
  return format_time(
      SimTime{std::chrono::seconds{static_cast<std::int64_t>(t.time_since_epoch())}});
}

std::string key_of(const Botan::X509_Certificate& cert) {
  try {
    const auto key = cert.subject_public_key();
    return std::to_string(key->key_length()) + "-bit " + key->algo_name();
  } catch (const std::exception& e) {
    return std::string("unreadable (") + e.what() + ")";
  }
}

bool is_anchor(const VerifyReport& r, const Botan::X509_Certificate& cert) {
  return std::find(r.anchors.begin(), r.anchors.end(), cert) != r.anchors.end();
}

std::string role_of(const VerifyReport& r, std::size_t depth) {
  if (is_anchor(r, r.built.path[depth])) return "anchor";
  return depth == 0 ? "leaf" : "intermediate";
}

// The first check that decides the verdict: a real failure before an undecided one.
const CheckEvent* deciding_check(const VerifyReport& r) {
  const CheckEvent* first_undecided = nullptr;
  for (const auto& c : r.result.checks) {
    if (c.passed) continue;
    if (!undecided(r, c)) return &c;
    if (first_undecided == nullptr) first_undecided = &c;
  }
  return first_undecided;
}

}  // namespace

VerifyReport check_chain(const Botan::X509_Certificate& leaf,
                         const std::vector<Botan::X509_Certificate>& untrusted,
                         VerifyRequest request, std::string identity) {
  VerifyReport report;
  report.built = build_path(leaf, untrusted, request.trusted_roots);
  report.anchors = request.trusted_roots;
  report.now = request.now;
  report.purpose = request.server_auth ? "server" : "client";
  report.identity = std::move(identity);
  report.no_trust_store = request.trusted_roots.empty();
  request.chain = report.built.path;
  report.result = verify_chain(request);
  return report;
}

bool undecided(const VerifyReport& report, const CheckEvent& check) {
  return report.no_trust_store && !check.passed &&
         (check.check == checks::issuer_known || check.check == checks::trust_anchor);
}

std::string verdict_of(const VerifyReport& report) {
  const CheckEvent* c = deciding_check(report);
  if (c == nullptr) return report.no_trust_store ? "undecided" : "valid";
  return undecided(report, *c) ? "undecided" : "invalid";
}

void write_verify_text(std::ostream& out, const VerifyReport& r, bool explanations, bool color) {
  const auto paint = [&](const char* code, const std::string& text) {
    return color ? "\x1b[" + std::string(code) + "m" + text + "\x1b[0m" : text;
  };
  out << "Path (leaf first"
      << (r.built.anchored ? ", ends at a trust anchor" : ", no trust anchor reached") << "):\n";
  for (std::size_t d = 0; d < r.built.path.size(); ++d) {
    const auto& c = r.built.path[d];
    out << "  [" << d << "] " << role_of(r, d) << ": " << subject_of(c) << "\n"
        << "      issuer:  " << short_name_of(c.issuer_dn()) << "\n"
        << "      valid:   " << time_of(c.not_before()) << " to " << time_of(c.not_after()) << "\n"
        << "      key:     " << key_of(c) << "\n";
  }
  if (r.built.limit_hit)
    out << "  (the search stopped at its limits: " << PathLimits{}.max_depth
        << " certificates deep, " << PathLimits{}.max_candidates << " issuer candidates)\n";
  out << "Checks at " << format_time(r.now) << " for a " << r.purpose << " certificate"
      << (r.identity.empty() ? " (no host name or address given: not checked)"
                             : " named " + r.identity)
      << ":\n";
  std::vector<std::string> explained;
  for (const auto& c : r.result.checks) {
    const bool unknown = undecided(r, c);
    const std::string mark = c.passed  ? paint("32", "✓")
                             : unknown ? paint("33", "?")
                                       : paint("31", "✗");
    out << "  " << mark << " [" << c.depth << "] " << c.subject << ": " << c.check << " — ";
    if (unknown) {
      out << paint("33", kNoTrustStore) << "; " << c.reason << "\n";
      continue;
    }
    out << c.reason;
    if (!c.passed)
      out << paint("31", (c.alert.empty() ? " (" : " → " + c.alert + " (") + c.status + ")");
    out << "\n";
    const std::string key = "check." + c.check;
    if (c.passed || !explanations ||
        std::find(explained.begin(), explained.end(), key) != explained.end())
      continue;
    explained.push_back(key);
    if (const Explanation* e = find_explanation(key)) {
      out << "      " << paint("36", "club:     ") << e->club << "\n";
      out << "      " << paint("36", "engineer: ") << e->engineer << " [" << e->rfc << "]\n";
    }
  }
  const std::string verdict = verdict_of(r);
  const CheckEvent* c = deciding_check(r);
  if (verdict == "valid")
    out << paint("32", "Verdict: VALID") << " — every check passed\n";
  else if (verdict == "undecided")
    out << paint("33", "Verdict: NOT VALID as far as can be told")
        << " — no trust store was given, so nothing can end at a trust anchor; every other "
           "check passed\n";
  else
    out << paint("31", "Verdict: INVALID") << " — " << c->check << " failed on " << c->subject
        << ": " << c->reason << "\n";
}

nlohmann::ordered_json verify_json(const VerifyReport& r) {
  nlohmann::ordered_json j;
  j["format"] = "tlsclub-verify/1";
  j["time"] = format_time(r.now);
  j["purpose"] = r.purpose;
  j["identity"] =
      r.identity.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.identity);
  j["trust_store"] = !r.no_trust_store;
  j["verdict"] = verdict_of(r);
  const CheckEvent* c = deciding_check(r);
  j["failed_check"] = c ? nlohmann::ordered_json(c->check) : nlohmann::ordered_json(nullptr);
  j["anchored"] = r.built.anchored;
  j["limit_hit"] = r.built.limit_hit;
  j["path"] = nlohmann::ordered_json::array();
  for (std::size_t d = 0; d < r.built.path.size(); ++d) {
    const auto& cert = r.built.path[d];
    nlohmann::ordered_json p;
    p["depth"] = d;
    p["role"] = role_of(r, d);
    p["subject"] = subject_of(cert);
    p["issuer"] = short_name_of(cert.issuer_dn());
    p["not_before"] = time_of(cert.not_before());
    p["not_after"] = time_of(cert.not_after());
    p["key"] = key_of(cert);
    j["path"].push_back(std::move(p));
  }
  // Each check as the Timeline writes a check event (docs/timeline-json.md), plus "decided".
  j["checks"] = nlohmann::ordered_json::array();
  for (const auto& check : r.result.checks) {
    Event e;
    e.time = r.now;
    e.body = check;
    auto one = to_json(e);
    one.erase("seq");
    one.erase("step");
    one["decided"] = !undecided(r, check);
    j["checks"].push_back(std::move(one));
  }
  return j;
}

}  // namespace tlsclub::cli
