#include "pki/name_constraints.h"

#include <botan/asn1_obj.h>
#include <botan/der_enc.h>

namespace tlsclub::pki {

namespace {

// Botan can read nameConstraints but offers no way to build one, so it is encoded here:
//   NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees OPTIONAL,
//                                  excludedSubtrees  [1] GeneralSubtrees OPTIONAL }
//   GeneralSubtree  ::= SEQUENCE { base GeneralName }      -- minimum 0, maximum absent
//   GeneralName     ::= dNSName [2] IA5String              -- IMPLICIT tagging
class NameConstraintsExtension final : public Botan::Certificate_Extension {
 public:
  NameConstraintsExtension(std::vector<std::string> permitted, std::vector<std::string> excluded)
      : permitted_(std::move(permitted)), excluded_(std::move(excluded)) {}

  Botan::OID oid_of() const override { return Botan::OID{2, 5, 29, 30}; }
  std::string oid_name() const override { return "X509v3.NameConstraints"; }
  std::unique_ptr<Botan::Certificate_Extension> copy() const override {
    return std::make_unique<NameConstraintsExtension>(permitted_, excluded_);
  }

 private:
  bool should_encode() const override { return true; }

  static void subtrees(Botan::DER_Encoder& der, std::uint32_t tag,
                       const std::vector<std::string>& names) {
    if (names.empty()) return;
    der.start_context_specific(tag);
    for (const auto& name : names) {
      der.start_sequence();
      der.add_object(Botan::ASN1_Type(2), Botan::ASN1_Class::ContextSpecific,
                     reinterpret_cast<const std::uint8_t*>(name.data()), name.size());
      der.end_cons();
    }
    der.end_cons();
  }

  std::vector<std::uint8_t> encode_inner() const override {
    std::vector<std::uint8_t> out;
    Botan::DER_Encoder der(out);
    der.start_sequence();
    subtrees(der, 0, permitted_);
    subtrees(der, 1, excluded_);
    der.end_cons();
    return out;
  }

  void decode_inner(const std::vector<std::uint8_t>&) override {}  // only ever encoded

  std::vector<std::string> permitted_, excluded_;
};

}  // namespace

std::unique_ptr<Botan::Certificate_Extension> name_constraints_extension(
    const std::vector<std::string>& permitted_dns, const std::vector<std::string>& excluded_dns) {
  if (permitted_dns.empty() && excluded_dns.empty()) return nullptr;
  return std::make_unique<NameConstraintsExtension>(permitted_dns, excluded_dns);
}

}  // namespace tlsclub::pki
