// The certificate and CRL file reader (sim/pki/cert_file.h): PEM with text around it, DER, and
// broken files reported at the line of the block.
#include <doctest/doctest.h>

#include <string>

#include "pki/cert_file.h"
#include "verify_test_tools.h"

namespace {

std::vector<std::uint8_t> bytes_of(const std::string& s) {
  return {s.begin(), s.end()};
}

std::string text_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The error a parse throws, "" when it throws none.
std::string error_of(const std::string& text) {
  try {
    tlsclub::pki::parse_certificates(bytes_of(text), "leaf.pem");
  } catch (const tlsclub::pki::CertFileError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the certificate reader takes PEM blocks among other text, and DER") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  const auto dir = tlsclub::test::verify_chains();
  REQUIRE(!dir.empty());
  const std::string text = "Bag Attributes: friendlyName\nsubject=CN=club.example\n" +
                           text_of(dir / "leaf.pem") + "\nsome words\n" +
                           text_of(dir / "leaf.key") + text_of(dir / "inter.pem");
  const auto certs = tlsclub::pki::parse_certificates(bytes_of(text), "mixed.pem");
  REQUIRE(certs.size() == 2);
  CHECK(certs[0] == tlsclub::test::cert(dir, "leaf"));
  CHECK(certs[1] == tlsclub::test::cert(dir, "inter"));
  const auto der = certs[0].BER_encode();
  CHECK(tlsclub::pki::parse_certificates(der, "leaf.der").front() == certs[0]);
}

TEST_CASE("the certificate reader names the file and line of a broken block") {
  CHECK(error_of("hello\n-----BEGIN CERTIFICATE-----\nMIIB!!!\n-----END CERTIFICATE-----\n") ==
        "leaf.pem:2: the base64 of this CERTIFICATE block is broken");
  CHECK(error_of("\n\n\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
            .rfind("leaf.pem:4: not a valid certificate", 0) == 0);
  CHECK(error_of("-----BEGIN CERTIFICATE-----\nAAAA\n") ==
        "leaf.pem:1: the CERTIFICATE block has no END line");
  CHECK(error_of("x\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END X509 CRL-----\n") ==
        "leaf.pem:2: the CERTIFICATE block ends with END X509 CRL");
  CHECK(error_of("") == "leaf.pem: empty file");
  CHECK(error_of("just some words").rfind("leaf.pem: neither PEM nor a DER certificate", 0) == 0);
  CHECK(error_of("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n") ==
        "leaf.pem: no certificate in this PEM file");
}

TEST_CASE("the certificate reader names a file it cannot open") {
  CHECK_THROWS_WITH_AS(tlsclub::pki::read_certificates("/nonexistent/leaf.pem"),
                       "/nonexistent/leaf.pem: cannot open the file", tlsclub::pki::CertFileError);
}
