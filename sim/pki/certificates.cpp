// Certificates for the town: roots, intermediates and members' badges and cards.
//
// We assemble the extensions ourselves and sign with Botan's X509_CA::make_cert instead of going
// through a PKCS #10 request and X509_CA::sign_request, because sign_request rewrites what a
// fault needs to control: it forces keyUsage to keyCertSign+cRLSign on any CA request, always
// adds keyUsage when the request had one, and refuses an issuer that is not a CA. Here every
// extension is exactly what the spec asks for, and nothing reads the real clock.

#include <botan/hash.h>
#include <botan/pkix_types.h>
#include <botan/x509_ca.h>
#include <botan/x509_ext.h>

#include <array>
#include <stdexcept>
#include <utility>

#include "pki/der_support.h"
#include "pki/name_constraints.h"
#include "pki/pki.h"

namespace tlsclub::pki {

namespace {

// RFC 5280 4.2.1.3 names, in bit order.
constexpr std::array<std::pair<std::string_view, Botan::Key_Constraints::Bits>, 9> kKeyUsageNames{{
    {"digital_signature", Botan::Key_Constraints::DigitalSignature},
    {"non_repudiation", Botan::Key_Constraints::NonRepudiation},
    {"key_encipherment", Botan::Key_Constraints::KeyEncipherment},
    {"data_encipherment", Botan::Key_Constraints::DataEncipherment},
    {"key_agreement", Botan::Key_Constraints::KeyAgreement},
    {"key_cert_sign", Botan::Key_Constraints::KeyCertSign},
    {"crl_sign", Botan::Key_Constraints::CrlSign},
    {"encipher_only", Botan::Key_Constraints::EncipherOnly},
    {"decipher_only", Botan::Key_Constraints::DecipherOnly},
}};

Botan::Key_Constraints key_usage_for(const CertificateSpec& spec, bool is_ca,
                                     const Botan::Private_Key& subject_key) {
  Botan::Key_Constraints usage;
  if (spec.key_usage.empty()) {
    if (is_ca) return Botan::Key_Constraints::ca_constraints();
    usage |= Botan::Key_Constraints::DigitalSignature;
    // RSA key transport (TLS 1.2 RSA key exchange) needs keyEncipherment, RFC 5246 7.4.2.
    if (subject_key.algo_name() == "RSA") usage |= Botan::Key_Constraints::KeyEncipherment;
    return usage;
  }
  for (const auto& name : spec.key_usage) {
    bool known = false;
    for (const auto& [usage_name, bit] : kKeyUsageNames) {
      if (usage_name == name) {
        usage |= bit;
        known = true;
      }
    }
    if (!known) throw std::invalid_argument("unknown key usage '" + name + "'");
  }
  return usage;
}

// RFC 7093 2 method 1: the leftmost 160 bits of SHA-256 over the subjectPublicKey BIT STRING
// value. RFC 5280 4.2.1.2 lets the CA pick the method; it only has to be stable per key.
std::vector<std::uint8_t> key_identifier(const Botan::Public_Key& key) {
  auto sha256 = Botan::HashFunction::create_or_throw("SHA-256");
  auto digest = sha256->process<std::vector<std::uint8_t>>(key.public_key_bits());
  digest.resize(20);
  return digest;
}

Botan::X509_DN subject_dn(const CertificateSpec& spec) {
  Botan::X509_DN dn;
  if (!spec.organization.empty()) dn.add_attribute("X520.Organization", spec.organization);
  dn.add_attribute("X520.CommonName", spec.common_name);
  return dn;
}

Botan::Extensions extensions_for(const CertificateSpec& spec, bool is_ca,
                                 const Botan::Private_Key& subject_key,
                                 const std::vector<std::uint8_t>& authority_key_id) {
  namespace ext = Botan::Cert_Extension;
  Botan::Extensions extensions;

  // RFC 5280 4.2.1.9: CA certificates MUST carry basicConstraints, marked critical; pathLen
  // only has meaning when cA is set.
  const std::size_t path_limit =
      is_ca ? spec.path_length.value_or(ext::NO_CERT_PATH_LIMIT) : std::size_t{0};
  extensions.add(std::make_unique<ext::Basic_Constraints>(is_ca, path_limit), true);

  // RFC 5280 4.2.1.3: conforming CAs SHOULD mark keyUsage critical. omit_key_usage is the
  // "no keyUsage at all" lesson: then the key may be used for anything (4.2.1.3 is optional).
  if (!spec.omit_key_usage) {
    const auto usage = key_usage_for(spec, is_ca, subject_key);
    if (!usage.empty()) extensions.add(std::make_unique<ext::Key_Usage>(usage), true);
  }

  // RFC 5280 4.2.1.2 (SKI MUST appear in CA certificates, SHOULD in others) and 4.2.1.1 (AKI
  // MUST appear except in self-signed roots, where it MAY).
  extensions.add(std::make_unique<ext::Subject_Key_ID>(key_identifier(subject_key)));
  extensions.add(std::make_unique<ext::Authority_Key_ID>(authority_key_id));

  // RFC 5280 4.2.1.6: the subject has a non-empty DN, so subjectAltName is non-critical.
  if (!spec.dns_names.empty()) {
    Botan::AlternativeName names;
    for (const auto& dns : spec.dns_names) names.add_dns(dns);
    extensions.add(std::make_unique<ext::Subject_Alternative_Name>(names));
  }

  if (auto constraints = name_constraints_extension(spec.permitted_dns, spec.excluded_dns))
    extensions.add(std::move(constraints), true);

  // RFC 5280 4.2.1.12: the purposes; absent means "any purpose".
  if (!spec.extended_key_usage.empty()) {
    std::vector<Botan::OID> purposes;
    for (const auto& oid : spec.extended_key_usage)
      purposes.push_back(Botan::OID::from_string(oid));
    extensions.add(std::make_unique<ext::Extended_Key_Usage>(purposes));
  }
  return extensions;
}

struct Issuer {
  const Botan::X509_DN& name;
  std::vector<std::uint8_t> key_id;
  const Botan::Private_Key& signing_key;
};

Identity sign_certificate(const CertificateSpec& spec, bool is_ca, const Issuer& issuer,
                          std::shared_ptr<Botan::Private_Key> subject_key,
                          const Botan::X509_DN& subject, Botan::RandomNumberGenerator& rng) {
  const std::uint64_t serial = spec.serial ? *spec.serial : detail::draw_serial(rng);
  const auto extensions = extensions_for(spec, is_ca, *subject_key, issuer.key_id);
  auto signer = detail::make_signer(issuer.signing_key, spec.hash, rng);
  auto certificate = Botan::X509_CA::make_cert(
      *signer, rng, Botan::BigInt::from_u64(serial), signer->algorithm_identifier(),
      subject_key->subject_public_key(), detail::rfc5280_time(spec.not_before),
      detail::rfc5280_time(spec.not_after), issuer.name, subject, extensions);
  return Identity{std::move(certificate), std::move(subject_key)};
}

}  // namespace

bool is_key_usage_name(std::string_view name) {
  for (const auto& entry : kKeyUsageNames)
    if (entry.first == name) return true;
  return false;
}

Identity make_root(const CertificateSpec& spec, Botan::RandomNumberGenerator& rng) {
  std::shared_ptr<Botan::Private_Key> key = generate_key(spec.key_type, rng);
  const auto name = subject_dn(spec);
  // Self-signed (RFC 5280 3.2): issuer = subject, signed by its own key, AKI = its own SKI.
  const Issuer self{name, key_identifier(*key), *key};
  return sign_certificate(spec, /*is_ca=*/true, self, key, name, rng);
}

Identity make_self_signed(const CertificateSpec& spec, Botan::RandomNumberGenerator& rng) {
  std::shared_ptr<Botan::Private_Key> key = generate_key(spec.key_type, rng);
  const auto name = subject_dn(spec);
  const Issuer self{name, key_identifier(*key), *key};
  return sign_certificate(spec, spec.is_ca, self, key, name, rng);
}

Identity with_altered_signature(const Identity& identity) {
  // The signature BIT STRING ends the DER (RFC 5280 4.1): its last byte is part of the value.
  auto der = identity.certificate.BER_encode();
  der.back() ^= 0x01;
  return Identity{Botan::X509_Certificate(der), identity.key};
}

Identity issue(const Identity& issuer, const CertificateSpec& spec,
               Botan::RandomNumberGenerator& rng, const Botan::Private_Key* signing_key) {
  std::shared_ptr<Botan::Private_Key> key = generate_key(spec.key_type, rng);
  // The forged seal keeps the real authority's name and key identifier; only the signature
  // changes, which is what a look-alike authority would produce.
  const Issuer by{issuer.certificate.subject_dn(), issuer.certificate.subject_key_id(),
                  signing_key ? *signing_key : *issuer.key};
  return sign_certificate(spec, spec.is_ca, by, std::move(key), subject_dn(spec), rng);
}

Bytes to_pem(const Botan::X509_Certificate& cert) {
  const std::string pem = cert.PEM_encode();
  return Bytes(pem.begin(), pem.end());
}

}  // namespace tlsclub::pki
