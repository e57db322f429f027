#include "endpoint/verifier.h"

#include <botan/pk_keys.h>
#include <botan/pkix_enums.h>
#include <botan/pkix_types.h>

#include <algorithm>
#include <memory>

#include "core/bytes.h"
#include "endpoint/ip_address.h"
#include "endpoint/path_builder.h"
#include "pki/pki.h"
#include "timeline/check_names.h"

namespace tlsclub {

namespace {

using Code = Botan::Certificate_Status_Code;

// The alert for each failure class. RFC 8446 6.2 defines the alerts but fixes few of these
// choices (4.4.2.4: SHA-1/MD5 seals → bad_certificate); the rest is this club's policy, and
// other stacks choose differently (docs/differences.md).
std::string alert_for(Code code) {
  switch (code) {
    case Code::CERT_ISSUER_NOT_FOUND:
    case Code::CANNOT_ESTABLISH_TRUST:
      return "unknown_ca";
    case Code::CERT_HAS_EXPIRED:
    case Code::CERT_NOT_YET_VALID:
      return "certificate_expired";  // "has expired or is not currently valid"
    case Code::CERT_IS_REVOKED:
      return "certificate_revoked";
    case Code::INVALID_USAGE:
      return "unsupported_certificate";
    case Code::OCSP_HAS_EXPIRED:
    case Code::OCSP_NOT_YET_VALID:
    case Code::OCSP_SIGNATURE_ERROR:
    case Code::OCSP_ISSUER_NOT_FOUND:
    case Code::OCSP_CERT_NOT_LISTED:
      return "bad_certificate_status_response";  // RFC 6066 8
    case Code::NO_REVOCATION_DATA:
    case Code::CRL_HAS_EXPIRED:
    case Code::CRL_NOT_YET_VALID:
      return "certificate_unknown";
    default:
      return "bad_certificate";  // signatures that do not verify, constraints, names
  }
}

// A tampered or odd certificate can carry a key no one can read (an unknown curve, a broken
// point); that is a bad certificate, not an internal error.
std::unique_ptr<Botan::Public_Key> key_of(const Botan::X509_Certificate& cert, std::string& why) {
  try {
    return cert.subject_public_key();
  } catch (const std::exception& e) {
    why = e.what();
    return nullptr;
  }
}

// The weakest keys and hashes this side still accepts (NIST SP 800-131A; CA/B Forum baseline:
// RSA at least 2048 bits). SHA-1 seals: browsers distrusted them in 2017; forging one takes a
// chosen-prefix collision, public since 2020 ("SHA-1 is a Shambles").
constexpr std::size_t kMinRsaBits = 2048;

bool signed_with_sha1(const Botan::X509_Certificate& c) {
  const std::string algorithm = c.signature_algorithm().oid().to_formatted_string();
  return algorithm.find("SHA1") != std::string::npos ||
         algorithm.find("SHA-1") != std::string::npos;
}

class Bouncer {
 public:
  explicit Bouncer(const VerifyRequest& r) : r_(r) {}

  void check(const Botan::X509_Certificate& cert, std::size_t depth, std::string_view name,
             bool passed, Code failure, std::string reason) {
    CheckEvent e;
    e.by = r_.by;
    e.subject = subject_of(cert);
    e.depth = depth;
    e.check = std::string(name);
    e.passed = passed;
    e.reason = std::move(reason);
    if (!passed) {
      e.status_code = static_cast<int>(failure);
      e.status = Botan::to_string(failure);
      e.alert = alert_for(failure);
      if (result_.alert.empty()) {
        result_.alert = e.alert;
        result_.reason = e.subject + ": " + e.reason;
      }
    }
    result_.checks.push_back(std::move(e));
  }

  VerifyResult finish() { return std::move(result_); }

 private:
  const VerifyRequest& r_;
  VerifyResult result_;
};

bool same_cert(const Botan::X509_Certificate& a, const Botan::X509_Certificate& b) {
  return a == b;
}

bool is_trusted(const VerifyRequest& r, const Botan::X509_Certificate& cert) {
  for (const auto& root : r.trusted_roots)
    if (same_cert(root, cert)) return true;
  return false;
}

// RFC 5280 6.1: find each certificate's issuer by name, among trust anchors first, then among
// what the peer sent. Stops at a trust anchor or a self-signed certificate.
// Local policy on the tools of a seal (RFC 8446 4.4.2.4: SHA-1 signatures are deprecated and
// SHOULD be refused; keys too small to resist factoring are refused by policy).
void check_strength(Bouncer& b, const Botan::X509_Certificate& c, std::size_t d) {
  const std::string algorithm = c.signature_algorithm().oid().to_formatted_string();
  std::string key_error;
  const auto key = key_of(c, key_error);
  const std::string size =
      key ? std::to_string(key->key_length()) + "-bit " + key->algo_name() + " key" : "key";
  if (signed_with_sha1(c))
    b.check(c, d, checks::signature_strength, false, Code::UNTRUSTED_HASH,
            "sealed with " + algorithm +
                ": SHA-1 collisions can be made, so this side no longer "
                "trusts SHA-1 seals");
  else if (key && key->algo_name() == "RSA" && key->key_length() < kMinRsaBits)
    b.check(c, d, checks::signature_strength, false, Code::SIGNATURE_METHOD_TOO_WEAK,
            "a " + size + "; this side requires RSA keys of at least " +
                std::to_string(kMinRsaBits) + " bits");
  else
    b.check(c, d, checks::signature_strength, true, Code::OK, algorithm + " seal, " + size);
}

std::vector<Botan::X509_Certificate> build_path(const VerifyRequest& r, Bouncer& bouncer) {
  std::vector<Botan::X509_Certificate> path{r.chain.front()};
  while (true) {
    const auto& current = path.back();
    if (is_trusted(r, current) || current.is_self_signed()) break;
    // Bounded like path_builder.h: a chain that runs on (or loops) is refused, not cut short.
    if (path.size() >= PathLimits{}.max_depth) {
      bouncer.check(current, path.size() - 1, checks::issuer_known, false,
                    Code::CERT_CHAIN_TOO_LONG,
                    "the path has " + std::to_string(path.size()) +
                        " certificates and still no trust anchor; this side stops there");
      break;
    }
    const Botan::X509_Certificate* issuer = nullptr;
    std::string where;
    // A certificate already on the path cannot issue again: cross-signed authorities would
    // otherwise vouch for each other in a circle.
    bool looped = false;
    const auto usable = [&](const Botan::X509_Certificate& candidate) {
      if (!may_issue(candidate, current)) return false;
      const bool seen = std::find(path.begin(), path.end(), candidate) != path.end();
      looped = looped || seen;
      return !seen;
    };
    for (const auto& root : r.trusted_roots)
      if (usable(root)) issuer = &root, where = "a trusted authority";
    if (issuer == nullptr)
      for (std::size_t i = 1; i < r.chain.size(); ++i)
        if (usable(r.chain[i])) issuer = &r.chain[i], where = "the chain sent";
    const std::string issuer_name = current.issuer_dn().to_string();
    if (issuer == nullptr && looped) {
      bouncer.check(current, path.size() - 1, checks::issuer_known, false,
                    Code::CERT_ISSUER_NOT_FOUND,
                    "issuer " + issuer_name +
                        " is already on the path: the authorities vouch for each other in a "
                        "circle and none is trusted");
      break;
    }
    if (issuer == nullptr) {
      bouncer.check(current, path.size() - 1, checks::issuer_known, false,
                    Code::CERT_ISSUER_NOT_FOUND,
                    "issuer " + issuer_name +
                        " (with this key identifier) is neither trusted nor in the chain sent");
      break;
    }
    bouncer.check(current, path.size() - 1, checks::issuer_known, true, Code::OK,
                  "issuer " + issuer_name + " found in " + where);
    path.push_back(*issuer);
  }
  return path;
}

void check_dates(const VerifyRequest& r, Bouncer& b, const Botan::X509_Certificate& c,
                 std::size_t d) {
  const auto now = r.now.time_since_epoch().count();
  const auto nb = static_cast<std::int64_t>(c.not_before().time_since_epoch());
  const auto na = static_cast<std::int64_t>(c.not_after().time_since_epoch());
  const std::string window = "valid " + format_time(SimTime{std::chrono::seconds{nb}}) + " to " +
                             format_time(SimTime{std::chrono::seconds{na}}) + ", now " +
                             format_time(r.now);
  if (now < nb)
    b.check(c, d, checks::validity, false, Code::CERT_NOT_YET_VALID, "not yet valid: " + window);
  else if (now > na)
    b.check(c, d, checks::validity, false, Code::CERT_HAS_EXPIRED, "expired: " + window);
  else
    b.check(c, d, checks::validity, true, Code::OK, window);
}

void check_revocation(const VerifyRequest& r, Bouncer& b, const Botan::X509_Certificate& c,
                      const Botan::X509_Certificate& issuer, std::size_t d) {
  const auto now = std::chrono::system_clock::time_point(r.now.time_since_epoch());
  bool had_info = false;
  for (const auto& crl : r.crls) {
    if (crl.issuer_dn() != issuer.subject_dn()) continue;
    had_info = true;
    std::string why;
    const auto key = key_of(issuer, why);
    if (key == nullptr || !crl.check_signature(*key))
      b.check(c, d, checks::crl, false, Code::CRL_BAD_SIGNATURE,
              "the CRL is not signed by " + subject_of(issuer));
    else if (crl.next_update().time_since_epoch() <
             static_cast<std::uint64_t>(r.now.time_since_epoch().count()))
      b.check(c, d, checks::crl, false, Code::CRL_HAS_EXPIRED, "the CRL's nextUpdate has passed");
    else if (crl.is_revoked(c))
      b.check(c, d, checks::crl, false, Code::CERT_IS_REVOKED,
              "serial " + to_hex(c.serial_number()) + " is on the CRL of " + subject_of(issuer));
    else
      b.check(c, d, checks::crl, true, Code::OK, "not on the CRL of " + subject_of(issuer));
  }
  if (d < r.ocsp.size() && r.ocsp[d]) {
    had_info = true;
    const auto& resp = *r.ocsp[d];
    // Botan's PKIX::check_ocsp does not verify the response signature (docs/botan-notes.md,
    // pitfall 3).
    const auto sig = resp.verify_signature(issuer);
    const auto status = sig == Code::OCSP_SIGNATURE_OK ? resp.status_for(issuer, c, now) : sig;
    if (status == Code::OCSP_RESPONSE_GOOD)
      b.check(c, d, checks::ocsp, true, Code::OK,
              "stapled OCSP answer: good, fresh, signed by the issuer");
    else
      b.check(c, d, checks::ocsp, false, status,
              std::string("stapled OCSP answer: ") + Botan::to_string(status));
  }
  if (!had_info && r.require_revocation_info)
    b.check(c, d, checks::revocation_info, false, Code::NO_REVOCATION_DATA,
            "no CRL or OCSP answer for this certificate, and this side requires one (hard-fail)");
}

// 1. The top of the path: a trust anchor of this side, or a self-signed stranger.
void check_trust_anchor(const VerifyRequest& r, Bouncer& b,
                        const std::vector<Botan::X509_Certificate>& path) {
  const auto& top = path.back();
  const std::size_t top_depth = path.size() - 1;
  if (is_trusted(r, top))
    b.check(top, top_depth, checks::trust_anchor, true, Code::OK, "a trust anchor of this side");
  else if (top.is_self_signed())
    b.check(top, top_depth, checks::trust_anchor, false, Code::CANNOT_ESTABLISH_TRUST,
            "self-signed, and not among the authorities this side trusts");
}

// The issuer's seal on `c`.
void check_signature(Bouncer& b, const Botan::X509_Certificate& c,
                     const Botan::X509_Certificate& issuer, std::size_t d) {
  std::string key_error;
  const auto key = key_of(issuer, key_error);
  if (key == nullptr) {
    b.check(c, d, checks::signature, false, Code::CERT_PUBKEY_INVALID,
            "the public key of " + subject_of(issuer) + " cannot be read (" + key_error + ")");
    return;
  }
  const auto [code, why] = c.verify_signature(*key);
  b.check(c, d, checks::signature, code == Code::VERIFIED, code,
          code == Code::VERIFIED ? "the seal of " + subject_of(issuer) + " verifies"
                                 : "the signature does not verify with the key of " +
                                       subject_of(issuer) + (why.empty() ? "" : " (" + why + ")"));
}

// An issuer must be a CA (RFC 5280 4.2.1.9), and may have at most pathLen CAs below it.
void check_basic_constraints(Bouncer& b, const Botan::X509_Certificate& c, std::size_t d,
                             bool anchor) {
  const std::size_t below = d - 1;
  if (!c.is_CA_cert())
    b.check(c, d, checks::basic_constraints, false, Code::CA_CERT_NOT_FOR_CERT_ISSUER,
            "issues certificates but is not a CA (basicConstraints cA false or keyCertSign "
            "missing)");
  else if (below > c.path_limit())
    // RFC 5280 6.1 takes the trust anchor as an input, not part of the path, so a strict
    // validator ignores the anchor's own constraint; this bouncer, like OpenSSL and Botan,
    // enforces it (RFC 5937 lets it), and says so.
    b.check(c, d, checks::basic_constraints, false, Code::CERT_CHAIN_TOO_LONG,
            "pathLenConstraint " + std::to_string(c.path_limit()) + " but " +
                std::to_string(below) + " CA certificates below it" +
                (anchor ? " (the trust anchor's own constraint: enforced here as OpenSSL and "
                          "Botan do, though RFC 5280 6.1 leaves it to local policy, RFC 5937)"
                        : ""));
  else
    b.check(c, d, checks::basic_constraints, true, Code::OK, "a CA, within its path length");
}

// The leaf's keyUsage: what this key exchange needs its key for (RFC 5280 4.2.1.3).
void check_leaf_key_usage(const VerifyRequest& r, Bouncer& b, const Botan::X509_Certificate& c) {
  const auto constraints = c.constraints();
  const auto need = r.rsa_key_exchange ? Botan::Key_Constraints::KeyEncipherment
                                       : Botan::Key_Constraints::DigitalSignature;
  const char* need_name = r.rsa_key_exchange ? "keyEncipherment" : "digitalSignature";
  if (constraints.empty())
    b.check(c, 0, checks::key_usage, true, Code::OK, "no keyUsage extension: not restricted");
  else if (!constraints.includes(need))
    b.check(c, 0, checks::key_usage, false, Code::INVALID_USAGE,
            std::string("keyUsage ") + constraints.to_string() + " lacks " + need_name);
  else
    b.check(c, 0, checks::key_usage, true, Code::OK, std::string("keyUsage includes ") + need_name);
}

// The leaf's extendedKeyUsage: a badge for servers, a card for clients (RFC 5280 4.2.1.12).
void check_extended_key_usage(const VerifyRequest& r, Bouncer& b,
                              const Botan::X509_Certificate& c) {
  const std::string oid = r.server_auth ? pki::kServerAuthOid : pki::kClientAuthOid;
  const std::string purpose = r.server_auth ? "serverAuth " : "clientAuth ";
  if (c.extended_key_usage().empty())
    b.check(c, 0, checks::extended_key_usage, true, Code::OK, "no EKU extension: any purpose");
  else if (c.has_ex_constraint(Botan::OID(oid)) || c.has_ex_constraint(Botan::OID("2.5.29.37.0")))
    b.check(c, 0, checks::extended_key_usage, true, Code::OK, "EKU includes " + purpose + oid);
  else
    b.check(c, 0, checks::extended_key_usage, false, Code::INVALID_USAGE,
            "EKU lacks " + purpose + oid);
}

// RFC 9525 6.3 (and Chrome since version 58, 2017; Apple since 2019): only subjectAltName names
// count; a CN-only certificate matches nothing. Botan would still fall back to the CN.
void check_hostname(const VerifyRequest& r, Bouncer& b, const Botan::X509_Certificate& c) {
  if (c.subject_alt_name().dns().empty())
    b.check(c, 0, checks::hostname, false, Code::CERT_NAME_NOMATCH,
            "no subjectAltName dNSName: the subject " + subject_of(c) +
                " does not count for host names (RFC 9525 6.3)");
  else if (c.matches_dns_name(r.hostname))
    b.check(c, 0, checks::hostname, true, Code::OK, "'" + r.hostname + "' matches the certificate");
  else
    b.check(c, 0, checks::hostname, false, Code::CERT_NAME_NOMATCH,
            "'" + r.hostname + "' is not a name in the certificate");
}

// An address instead of a name (RFC 5280 4.2.1.6; RFC 9525 6.2.1): only subjectAltName
// iPAddress entries count, byte for byte, never a dNSName or the CN spelling the address.
void check_ip_address(const VerifyRequest& r, Bouncer& b, const Botan::X509_Certificate& c) {
  const std::string wanted = format_ip_address(r.ip_address);
  const auto addresses = ip_addresses_of(c);
  if (addresses.empty())
    b.check(
        c, 0, checks::hostname, false, Code::CERT_NAME_NOMATCH,
        "no subjectAltName iPAddress: the address " + wanted + " cannot match (RFC 5280 4.2.1.6)");
  else if (std::find(addresses.begin(), addresses.end(), r.ip_address) != addresses.end())
    b.check(c, 0, checks::hostname, true, Code::OK,
            "address " + wanted + " matches a subjectAltName iPAddress");
  else
    b.check(c, 0, checks::hostname, false, Code::CERT_NAME_NOMATCH,
            "address " + wanted + " is not an iPAddress in the certificate");
}

// A device's own limit on how long a leaf may live, notBefore to notAfter (Apple's platforms:
// 398 days for badges issued since 1 September 2020): a badge inside its dates is still refused
// when it was issued to live longer.
void check_lifetime(const VerifyRequest& r, Bouncer& b, const Botan::X509_Certificate& c) {
  const auto seconds = static_cast<std::int64_t>(c.not_after().time_since_epoch()) -
                       static_cast<std::int64_t>(c.not_before().time_since_epoch());
  const std::int64_t days = seconds / 86400;
  const std::string lives = "issued to live " + std::to_string(days) + " days";
  if (seconds > std::int64_t{*r.max_lifetime_days} * 86400)
    b.check(c, 0, checks::lifetime, false, Code::POLICY_ERROR,
            lives + "; this side accepts at most " + std::to_string(*r.max_lifetime_days));
  else
    b.check(c, 0, checks::lifetime, true, Code::OK,
            lives + ", within this side's " + std::to_string(*r.max_lifetime_days));
}

// 2. The certificate at depth `d` on its own (RFC 5280 6.1.3, 4.2.1.x).
void check_certificate(const VerifyRequest& r, Bouncer& b,
                       const std::vector<Botan::X509_Certificate>& path, std::size_t d) {
  const auto& c = path[d];
  const bool anchor = is_trusted(r, c);
  if (d + 1 < path.size()) check_signature(b, c, path[d + 1], d);
  check_dates(r, b, c, d);
  if (d > 0) check_basic_constraints(b, c, d, anchor);
  if (!anchor) check_strength(b, c, d);
  if (d == 0) {
    if (r.max_lifetime_days) check_lifetime(r, b, c);
    check_leaf_key_usage(r, b, c);
    check_extended_key_usage(r, b, c);
    if (r.server_auth && r.check_identity) {
      if (!r.ip_address.empty())
        check_ip_address(r, b, c);
      else
        check_hostname(r, b, c);
    }
  } else if (!anchor && !c.constraints().empty() &&
             !c.constraints().includes(Botan::Key_Constraints::KeyCertSign)) {
    b.check(c, d, checks::key_usage, false, Code::INVALID_USAGE, "an issuer without keyCertSign");
  }
}

// 3. Name constraints (RFC 5280 4.2.1.10, 6.1.4 (g)): an authority limits the names of every
// certificate below it.
void check_name_constraints(Bouncer& b, const std::vector<Botan::X509_Certificate>& path) {
  const Botan::OID name_constraints_oid{2, 5, 29, 30};
  for (std::size_t d = 1; d < path.size(); ++d) {
    const auto& authority = path[d];
    if (!authority.v3_extensions().extension_set(name_constraints_oid)) continue;
    const auto constraints = authority.name_constraints();
    for (std::size_t below = 0; below < d; ++below) {
      const auto& c = path[below];
      if (constraints.is_excluded(c, false) || !constraints.is_permitted(c, false))
        b.check(c, below, checks::name_constraints, false, Code::NAME_CONSTRAINT_ERROR,
                "a name of " + subject_of(c) + " is outside what " + subject_of(authority) +
                    " may issue for (its nameConstraints)");
      else
        b.check(c, below, checks::name_constraints, true, Code::OK,
                "every name is within what " + subject_of(authority) + " may issue for");
    }
  }
}

}  // namespace

std::string subject_of(const Botan::X509_Certificate& cert) {
  return short_name_of(cert.subject_dn());
}

std::string short_name_of(const Botan::X509_DN& dn) {
  std::string out;
  for (const auto& [oid, value] : dn.dn_info()) {
    const std::string name = oid.to_formatted_string();
    const std::string short_name = name == "X520.CommonName"           ? "CN"
                                   : name == "X520.Organization"       ? "O"
                                   : name == "X520.Country"            ? "C"
                                   : name == "X520.OrganizationalUnit" ? "OU"
                                                                       : name;
    if (!out.empty()) out += ",";
    out += short_name + "=" + value.value();
  }
  return out;
}

VerifyResult verify_chain(const VerifyRequest& r) {
  Bouncer b(r);
  if (r.chain.empty()) {
    // Botan handles an empty chain itself (docs/botan-notes.md, pitfall 7): nothing to check.
    return b.finish();
  }
  // 1. The chain: who issued what, up to a trust anchor (RFC 5280 6.1).
  const auto path = build_path(r, b);
  check_trust_anchor(r, b, path);
  // 2. Each certificate on its own.
  for (std::size_t d = 0; d < path.size(); ++d) check_certificate(r, b, path, d);
  // 3. The names below each authority.
  check_name_constraints(b, path);
  // 4. Revocation (RFC 5280 6.3, RFC 6960): for every certificate below a trust anchor.
  for (std::size_t d = 0; d + 1 < path.size(); ++d) check_revocation(r, b, path[d], path[d + 1], d);
  return b.finish();
}

}  // namespace tlsclub
