#include "endpoint/ip_address.h"

#include <botan/asn1_obj.h>
#include <botan/ber_dec.h>
#include <botan/pkix_types.h>

#include <array>
#include <charconv>
#include <cstdio>

namespace tlsclub {

namespace {

// Written here rather than with inet_pton: sim/ outside the bridge names no socket headers
// (tests/sim/bridge_layering_test.cpp).

// "192.0.2.7": four decimal octets, no leading zeros (they read as octal elsewhere), nothing else.
std::optional<IpAddress> parse_ipv4(std::string_view text) {
  IpAddress out;
  std::size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    if (i > 0) {
      if (pos >= text.size() || text[pos] != '.') return std::nullopt;
      ++pos;
    }
    const std::size_t start = pos;
    while (pos < text.size() && pos - start < 4 && text[pos] >= '0' && text[pos] <= '9') ++pos;
    const std::size_t digits = pos - start;
    if (digits == 0 || digits > 3 || (digits > 1 && text[start] == '0')) return std::nullopt;
    unsigned value = 0;
    std::from_chars(text.data() + start, text.data() + pos, value);
    if (value > 255) return std::nullopt;
    out.push_back(static_cast<std::uint8_t>(value));
  }
  if (pos != text.size()) return std::nullopt;
  return out;
}

// One to four hex digits.
std::optional<std::uint16_t> parse_group(std::string_view group) {
  if (group.empty() || group.size() > 4) return std::nullopt;
  unsigned value = 0;
  const auto [end, error] = std::from_chars(group.data(), group.data() + group.size(), value, 16);
  if (error != std::errc() || end != group.data() + group.size()) return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

// The groups of one side of "::", the last may be a dotted IPv4 address (two groups' worth).
std::optional<std::vector<std::uint16_t>> parse_groups(std::string_view text, bool ipv4_allowed) {
  std::vector<std::uint16_t> groups;
  if (text.empty()) return groups;
  std::size_t pos = 0;
  while (true) {
    const std::size_t colon = text.find(':', pos);
    const std::string_view part =
        text.substr(pos, colon == std::string_view::npos ? text.npos : colon - pos);
    if (colon == std::string_view::npos && ipv4_allowed && part.find('.') != part.npos) {
      const auto v4 = parse_ipv4(part);
      if (!v4) return std::nullopt;
      groups.push_back(static_cast<std::uint16_t>((*v4)[0] << 8 | (*v4)[1]));
      groups.push_back(static_cast<std::uint16_t>((*v4)[2] << 8 | (*v4)[3]));
      return groups;
    }
    const auto group = parse_group(part);
    if (!group) return std::nullopt;
    groups.push_back(*group);
    if (colon == std::string_view::npos) return groups;
    pos = colon + 1;
  }
}

// RFC 4291 2.2 text forms: eight groups, or fewer around one "::", optionally ending in IPv4.
std::optional<IpAddress> parse_ipv6(std::string_view text) {
  if (text.size() > 45) return std::nullopt;
  const std::size_t gap = text.find("::");
  std::vector<std::uint16_t> groups;
  if (gap == std::string_view::npos) {
    auto all = parse_groups(text, true);
    if (!all || all->size() != 8) return std::nullopt;
    groups = *all;
  } else {
    if (text.find("::", gap + 1) != std::string_view::npos) return std::nullopt;
    const auto head = parse_groups(text.substr(0, gap), false);
    const auto tail = parse_groups(text.substr(gap + 2), true);
    if (!head || !tail || head->size() + tail->size() > 7) return std::nullopt;
    groups = *head;
    groups.resize(8 - tail->size(), 0);
    groups.insert(groups.end(), tail->begin(), tail->end());
  }
  IpAddress out;
  for (const auto g : groups) {
    out.push_back(static_cast<std::uint8_t>(g >> 8));
    out.push_back(static_cast<std::uint8_t>(g & 0xff));
  }
  return out;
}

}  // namespace

std::optional<IpAddress> parse_ip_address(std::string_view text) {
  if (text.find(':') != std::string_view::npos) return parse_ipv6(text);
  return parse_ipv4(text);
}

std::string format_ip_address(const IpAddress& ip) {
  if (ip.size() == 4)
    return std::to_string(ip[0]) + "." + std::to_string(ip[1]) + "." + std::to_string(ip[2]) + "." +
           std::to_string(ip[3]);
  if (ip.size() != 16) return "(an address of " + std::to_string(ip.size()) + " bytes)";
  std::array<unsigned, 8> groups{};
  for (std::size_t i = 0; i < 8; ++i) groups[i] = unsigned{ip[2 * i]} << 8 | ip[2 * i + 1];
  // RFC 5952 4.2: the longest run of two or more zero groups (the first of equals) becomes "::".
  std::size_t best = 8, best_length = 1;
  for (std::size_t i = 0; i < 8;) {
    std::size_t j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i > best_length) best = i, best_length = j - i;
    i = j == i ? i + 1 : j;
  }
  std::string out;
  for (std::size_t i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_length - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ":";
    char hex[8];
    std::snprintf(hex, sizeof hex, "%x", groups[i]);
    out += hex;
  }
  return out;
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
