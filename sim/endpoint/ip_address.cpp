#include "endpoint/ip_address.h"

#include <arpa/inet.h>
#include <botan/asn1_obj.h>
#include <botan/ber_dec.h>
#include <botan/pkix_types.h>

#include <array>

namespace tlsclub {

std::optional<IpAddress> parse_ip_address(std::string_view text) {
  const std::string s(text);
  std::array<std::uint8_t, 16> buffer{};
  if (inet_pton(AF_INET, s.c_str(), buffer.data()) == 1)
    return IpAddress(buffer.begin(), buffer.begin() + 4);
  if (inet_pton(AF_INET6, s.c_str(), buffer.data()) == 1)
    return IpAddress(buffer.begin(), buffer.end());
  return std::nullopt;
}

std::string format_ip_address(const IpAddress& ip) {
  std::array<char, INET6_ADDRSTRLEN> text{};
  const int family = ip.size() == 4 ? AF_INET : AF_INET6;
  if ((ip.size() != 4 && ip.size() != 16) ||
      inet_ntop(family, ip.data(), text.data(), text.size()) == nullptr)
    return "(an address of " + std::to_string(ip.size()) + " bytes)";
  return text.data();
}

std::vector<IpAddress> ip_addresses_of(const Botan::X509_Certificate& cert) {
  const Botan::OID subject_alt_name{2, 5, 29, 17};
  std::vector<IpAddress> out;
  try {
    const auto bits = cert.v3_extensions().get_extension_bits(subject_alt_name);
    Botan::BER_Decoder names = Botan::BER_Decoder(bits).start_sequence();
    while (names.more_items()) {
      const Botan::BER_Object name = names.get_next_object();
      // GeneralName iPAddress is [7] IMPLICIT OCTET STRING (RFC 5280 4.2.1.6).
      if (name.is_a(7, Botan::ASN1_Class::ContextSpecific) &&
          (name.length() == 4 || name.length() == 16))
        out.emplace_back(name.bits(), name.bits() + name.length());
    }
  } catch (const std::exception&) {
    // No subjectAltName, or one Botan already refused to parse: no addresses.
  }
  return out;
}

}  // namespace tlsclub
