// The bouncer's check of an IP address against subjectAltName iPAddress (RFC 5280 4.2.1.6),
// IPv4 and IPv6, on a leaf openssl makes.
#include <doctest/doctest.h>

#include "endpoint/ip_address.h"
#include "endpoint/verifier.h"
#include "timeline/check_names.h"
#include "verify_test_tools.h"

namespace {

// The hostname check's event for the good leaf, asked for `address`.
tlsclub::CheckEvent identity_check(const std::string& address) {
  const auto dir = tlsclub::test::verify_chains();
  tlsclub::VerifyRequest request;
  request.chain = {tlsclub::test::cert(dir, "leaf"), tlsclub::test::cert(dir, "inter")};
  request.trusted_roots = {tlsclub::test::cert(dir, "root")};
  request.ip_address = *tlsclub::parse_ip_address(address);
  request.now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  for (const auto& c : tlsclub::verify_chain(request).checks)
    if (c.check == tlsclub::checks::hostname) return c;
  FAIL("no hostname check");
  return {};
}

}  // namespace

TEST_CASE("IP addresses parse and print in both families") {
  CHECK(tlsclub::parse_ip_address("192.0.2.7")->size() == 4);
  CHECK(tlsclub::parse_ip_address("2001:db8::7")->size() == 16);
  CHECK(tlsclub::format_ip_address(*tlsclub::parse_ip_address("2001:DB8:0::7")) == "2001:db8::7");
  CHECK_FALSE(tlsclub::parse_ip_address("club.example"));
  CHECK_FALSE(tlsclub::parse_ip_address("192.0.2.300"));
  CHECK_FALSE(tlsclub::parse_ip_address("[::1]"));
  CHECK_FALSE(tlsclub::parse_ip_address("01.2.3.4"));
  CHECK_FALSE(tlsclub::parse_ip_address("1::2::3"));
  CHECK_FALSE(tlsclub::parse_ip_address("1:2:3:4:5:6:7:8:9"));
  CHECK_FALSE(tlsclub::parse_ip_address(""));
  for (const char* text :
       {"::", "::1", "2001:db8::", "1:0:0:2::3", "::ffff:c000:207", "1:2:3:4:5:6:7:8"})
    CHECK(tlsclub::format_ip_address(*tlsclub::parse_ip_address(text)) == text);
  CHECK(tlsclub::format_ip_address(*tlsclub::parse_ip_address("::ffff:192.0.2.7")) ==
        "::ffff:c000:207");
}

TEST_CASE("the bouncer checks an IP address against subjectAltName iPAddress") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  REQUIRE(!tlsclub::test::verify_chains().empty());
  const auto dir = tlsclub::test::verify_chains();
  CHECK(tlsclub::ip_addresses_of(tlsclub::test::cert(dir, "leaf")).size() == 2);
  CHECK(tlsclub::ip_addresses_of(tlsclub::test::cert(dir, "root")).empty());
  CHECK(identity_check("192.0.2.7").passed);
  CHECK(identity_check("2001:db8::7").passed);
  const auto wrong = identity_check("192.0.2.8");
  CHECK_FALSE(wrong.passed);
  CHECK(wrong.reason == "address 192.0.2.8 is not an iPAddress in the certificate");
  CHECK_FALSE(identity_check("2001:db8::8").passed);
  // An IPv4 address is not its IPv4-mapped IPv6 form: RFC 5280 compares the octets.
  CHECK_FALSE(identity_check("::ffff:192.0.2.7").passed);
}
