#pragma once
// IP addresses as a certificate names them: subjectAltName iPAddress, four octets for IPv4,
// sixteen for IPv6, in network order (RFC 5280 4.2.1.6). Botan 3.7 keeps only the IPv4 ones, so
// the extension is read here directly.

#include <botan/x509cert.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tlsclub {

using IpAddress = std::vector<std::uint8_t>;  // 4 or 16 bytes

// "192.0.2.7" or "2001:db8::1" (no brackets, no zone); nullopt for anything else.
std::optional<IpAddress> parse_ip_address(std::string_view text);
std::string format_ip_address(const IpAddress& ip);

// Every iPAddress of the certificate's subjectAltName, in order; entries of another length
// (name constraints use 8 or 32) are skipped. An unreadable extension gives none.
std::vector<IpAddress> ip_addresses_of(const Botan::X509_Certificate& cert);

}  // namespace tlsclub
