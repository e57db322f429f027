#include "state/oid_arcs.h"

#include <array>
#include <utility>

namespace tlsclub::gui {

namespace {

// The prefixes a student meets in certificates: X.660 top arcs, PKIX purposes, X.500 attribute
// types and certificate extensions, and the ANSI X9.62 / PKCS arcs of key and signature types.
constexpr std::array<std::pair<std::string_view, std::string_view>, 44> kNames = {{
    {"0", "itu-t"},
    {"1", "iso"},
    {"2", "joint-iso-itu-t"},
    {"1.2", "member-body"},
    {"1.3", "identified-organization"},
    {"1.2.840", "us"},
    {"1.2.840.113549", "rsadsi"},
    {"1.2.840.113549.1", "pkcs"},
    {"1.2.840.113549.1.1", "pkcs-1"},
    {"1.2.840.113549.1.1.1", "rsaEncryption"},
    {"1.2.840.113549.1.1.11", "sha256WithRSAEncryption"},
    {"1.2.840.10045", "ansi-X9-62"},
    {"1.2.840.10045.2", "keyType"},
    {"1.2.840.10045.2.1", "ecPublicKey"},
    {"1.2.840.10045.4", "signatures"},
    {"1.2.840.10045.4.3", "ecdsa-with-SHA2"},
    {"1.2.840.10045.4.3.2", "ecdsa-with-SHA256"},
    {"1.2.840.10045.4.3.3", "ecdsa-with-SHA384"},
    {"1.3.6", "dod"},
    {"1.3.6.1", "internet"},
    {"1.3.6.1.4", "private"},
    {"1.3.6.1.4.1", "enterprise"},
    {"1.3.6.1.5", "security"},
    {"1.3.6.1.5.5", "mechanisms"},
    {"1.3.6.1.5.5.7", "pkix"},
    {"1.3.6.1.5.5.7.3", "kp"},
    {"1.3.6.1.5.5.7.3.1", "serverAuth"},
    {"1.3.6.1.5.5.7.3.2", "clientAuth"},
    {"1.3.6.1.5.5.7.3.3", "codeSigning"},
    {"1.3.6.1.5.5.7.3.4", "emailProtection"},
    {"1.3.6.1.5.5.7.3.8", "timeStamping"},
    {"1.3.6.1.5.5.7.3.9", "OCSPSigning"},
    {"1.3.101", "thawte"},
    {"1.3.101.112", "id-Ed25519"},
    {"2.5", "ds"},
    {"2.5.4", "attributeType"},
    {"2.5.4.3", "commonName"},
    {"2.5.4.10", "organizationName"},
    {"2.5.29", "certificateExtension"},
    {"2.5.29.15", "keyUsage"},
    {"2.5.29.17", "subjectAltName"},
    {"2.5.29.19", "basicConstraints"},
    {"2.5.29.37", "extKeyUsage"},
    {"2.5.29.37.0", "anyExtendedKeyUsage"},
}};

std::string_view name_of(std::string_view prefix) {
  for (const auto& [dotted, name] : kNames)
    if (dotted == prefix) return name;
  return {};
}

}  // namespace

std::string oid_arcs(std::string_view dotted) {
  std::string out;
  std::size_t start = 0;
  while (start <= dotted.size()) {
    std::size_t dot = dotted.find('.', start);
    if (dot == std::string_view::npos) dot = dotted.size();
    const std::string_view arc = dotted.substr(start, dot - start);
    const std::string_view name = name_of(dotted.substr(0, dot));
    if (!out.empty()) out += ' ';
    out += name.empty() ? std::string(arc) : std::string(name) + "(" + std::string(arc) + ")";
    start = dot + 1;
  }
  return out;
}

}  // namespace tlsclub::gui
