// Object identifiers as text: dotted form plus the RFC 5280 name students meet in the lessons.
#include <array>
#include <string_view>
#include <utility>

#include "decode/decoders.h"
#include "decode/x509_names.h"

namespace tlsclub::decode_detail {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kOidNames{{
    // RFC 5280 4.2.1.12 KeyPurposeId
    {"1.3.6.1.5.5.7.3.1", "serverAuth"},
    {"1.3.6.1.5.5.7.3.2", "clientAuth"},
    {"1.3.6.1.5.5.7.3.3", "codeSigning"},
    {"1.3.6.1.5.5.7.3.4", "emailProtection"},
    {"1.3.6.1.5.5.7.3.8", "timeStamping"},
    {"1.3.6.1.5.5.7.3.9", "OCSPSigning"},
    {"2.5.29.37.0", "anyExtendedKeyUsage"},
    // RFC 5280 4.2.1 certificate extensions (oid_filters name them)
    {"2.5.29.14", "subjectKeyIdentifier"},
    {"2.5.29.15", "keyUsage"},
    {"2.5.29.17", "subjectAltName"},
    {"2.5.29.19", "basicConstraints"},
    {"2.5.29.30", "nameConstraints"},
    {"2.5.29.31", "cRLDistributionPoints"},
    {"2.5.29.32", "certificatePolicies"},
    {"2.5.29.35", "authorityKeyIdentifier"},
    {"2.5.29.37", "extKeyUsage"},
    {"1.3.6.1.5.5.7.1.1", "authorityInfoAccess"},
    // RFC 5280 4.1.2.4 / Appendix A name attributes
    {"2.5.4.3", "CN"},
    {"2.5.4.5", "serialNumber"},
    {"2.5.4.6", "C"},
    {"2.5.4.7", "L"},
    {"2.5.4.8", "ST"},
    {"2.5.4.10", "O"},
    {"2.5.4.11", "OU"},
}};

}  // namespace

std::string_view oid_name(std::string_view dotted) {
  for (const auto& [oid, name] : kOidNames) {
    if (oid == dotted) return name;
  }
  return {};
}

std::string oid_with_name(const std::string& dotted) {
  const std::string_view name = oid_name(dotted);
  return name.empty() ? dotted : dotted + " (" + std::string(name) + ")";
}

std::string oid_text(ByteView content) {
  // X.690 8.19: base-128 arcs, the first one packs two components.
  std::string dotted;
  std::uint64_t arc = 0;
  bool first = true;
  for (std::size_t i = 0; i < content.size(); ++i) {
    if (arc > (std::uint64_t{1} << 56)) return hex_value(content);
    arc = (arc << 7) | (content[i] & 0x7fU);
    if (content[i] & 0x80U) continue;
    if (first) {
      const std::uint64_t top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
      dotted = std::to_string(top) + "." + std::to_string(arc - 40 * top);
      first = false;
    } else {
      dotted += "." + std::to_string(arc);
    }
    arc = 0;
  }
  if (first || (content.back() & 0x80U)) return hex_value(content);
  return oid_with_name(dotted);
}

}  // namespace tlsclub::decode_detail
