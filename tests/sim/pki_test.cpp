// The town's paperwork, checked the way the members will check it: Botan's own path validation,
// CRL and OCSP parsers, and the real `openssl` command line.

#include "pki/pki.h"

#include <botan/certstor.h>
#include <botan/der_enc.h>
#include <botan/ocsp.h>
#include <botan/x509_crl.h>
#include <botan/x509_ext.h>
#include <botan/x509path.h>
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/drbg.h"
#include "pki/der_support.h"

namespace pki = tlsclub::pki;
using Botan::Certificate_Status_Code;
using tlsclub::SimTime;
using namespace std::chrono_literals;

namespace {

SimTime at(std::string_view text) {
  return tlsclub::parse_time(text).value();
}

const SimTime kNow = at("2026-03-01T20:00:00Z");

pki::CertificateSpec spec(std::string cn, std::string_view from, std::string_view until) {
  pki::CertificateSpec s;
  s.common_name = std::move(cn);
  s.not_before = at(from);
  s.not_after = at(until);
  return s;
}

pki::CertificateSpec authority(std::string cn) {
  auto s = spec(std::move(cn), "2025-01-01", "2035-01-01");
  s.is_ca = true;
  return s;
}

pki::CertificateSpec server_badge() {
  auto s = spec("club.example", "2026-01-01", "2026-07-01");
  s.dns_names = {"club.example"};
  s.extended_key_usage = {pki::kServerAuthOid};
  return s;
}

// root -> intermediate (pathLen 0) -> server badge and client card, built once per run.
struct Town {
  pki::Identity root, intermediate, server, client;
};

Town build_town(std::uint64_t seed) {
  auto rng = tlsclub::make_drbg(seed, "authority");
  auto root = pki::make_root(authority("Town Root"), *rng);
  auto inter_spec = authority("Town Intermediate");
  inter_spec.path_length = 0;
  auto inter = pki::issue(root, inter_spec, *rng);
  auto server = pki::issue(inter, server_badge(), *rng);
  auto card = spec("alice", "2026-01-01", "2026-07-01");
  card.extended_key_usage = {pki::kClientAuthOid};
  auto client = pki::issue(inter, card, *rng);
  return {root, inter, server, client};
}

const Town& town() {
  static const Town t = build_town(1);
  return t;
}

Certificate_Status_Code validate(const pki::Identity& leaf, std::vector<pki::Identity> chain,
                                 SimTime when, Botan::Usage_Type usage,
                                 const Botan::X509_CRL* crl = nullptr,
                                 const Botan::OCSP::Response* ocsp = nullptr) {
  Botan::Certificate_Store_In_Memory store(town().root.certificate);
  if (crl) store.add_crl(*crl);
  std::vector<Botan::X509_Certificate> certs{leaf.certificate};
  for (const auto& c : chain) certs.push_back(c.certificate);
  std::vector<std::optional<Botan::OCSP::Response>> stapled;
  if (ocsp) stapled.emplace_back(*ocsp);
  const Botan::Path_Validation_Restrictions restrictions(/*require_rev=*/false);
  const auto host = usage == Botan::Usage_Type::TLS_SERVER_AUTH ? "club.example" : "";
  return Botan::x509_path_validate(certs, restrictions, store, host, usage,
                                   std::chrono::system_clock::time_point(when),
                                   std::chrono::milliseconds(0), stapled)
      .result();
}

Certificate_Status_Code validate_server(const pki::Identity& leaf, SimTime when = kNow) {
  return validate(leaf, {town().intermediate}, when, Botan::Usage_Type::TLS_SERVER_AUTH);
}

std::uint64_t serial_of(const pki::Identity& who) {
  std::uint64_t serial = 0;
  for (const auto b : who.certificate.serial_number()) serial = (serial << 8) | b;
  return serial;
}

Botan::X509_CRL crl_of(const tlsclub::Bytes& der) {
  return Botan::X509_CRL(der);
}
Botan::OCSP::Response ocsp_of(const tlsclub::Bytes& der) {
  return Botan::OCSP::Response(der.data(), der.size());
}

tlsclub::Bytes ocsp_for(const pki::Identity& subject, pki::OcspAnswer answer,
                        const Botan::Private_Key* wrong_key = nullptr) {
  auto rng = tlsclub::make_drbg(3, "ocsp");
  return pki::make_ocsp_response(town().intermediate, subject.certificate, answer, *rng, wrong_key);
}

pki::OcspAnswer answer(pki::OcspStatus status) {
  pki::OcspAnswer a;
  a.status = status;
  a.this_update = at("2026-03-01T12:00:00Z");
  a.next_update = at("2026-03-08T12:00:00Z");
  return a;
}

}  // namespace

TEST_CASE("a server badge under the root and an intermediate verifies at the scenario time") {
  CHECK(validate_server(town().server) == Certificate_Status_Code::VERIFIED);
  CHECK(validate(town().client, {town().intermediate}, kNow, Botan::Usage_Type::TLS_CLIENT_AUTH) ==
        Certificate_Status_Code::VERIFIED);
}

TEST_CASE("a badge is expired one second after notAfter and not yet valid before notBefore") {
  CHECK(validate_server(town().server, at("2026-07-01T00:00:00Z")) ==
        Certificate_Status_Code::VERIFIED);
  CHECK(validate_server(town().server, at("2026-07-01T00:00:01Z")) ==
        Certificate_Status_Code::CERT_HAS_EXPIRED);
  CHECK(validate_server(town().server, at("2025-12-31T23:59:59Z")) ==
        Certificate_Status_Code::CERT_NOT_YET_VALID);
}

TEST_CASE("a badge sealed by a rogue key in the intermediate's name fails the signature check") {
  auto rng = tlsclub::make_drbg(1, "rogue");
  const auto rogue_key = pki::generate_key(pki::KeyType::ecdsa_p256, *rng);
  const auto forged = pki::issue(town().intermediate, server_badge(), *rng, rogue_key.get());
  CHECK(forged.certificate.issuer_dn() == town().intermediate.certificate.subject_dn());
  CHECK(forged.certificate.authority_key_id() == town().intermediate.certificate.subject_key_id());
  CHECK(validate_server(forged) == Certificate_Status_Code::SIGNATURE_ERROR);
}

TEST_CASE("the badge carries the purposes, names and key usage it was asked for") {
  const auto& server = town().server.certificate;
  CHECK(server.extended_key_usage() == std::vector{Botan::OID::from_string(pki::kServerAuthOid)});
  CHECK(town().client.certificate.extended_key_usage() ==
        std::vector{Botan::OID::from_string(pki::kClientAuthOid)});
  CHECK(server.subject_alt_name().dns() == std::set<std::string>{"club.example"});
  CHECK(server.constraints() == Botan::Key_Constraints(Botan::Key_Constraints::DigitalSignature));
  CHECK_FALSE(server.is_CA_cert());
  CHECK(town().intermediate.certificate.is_CA_cert());
  CHECK(town().intermediate.certificate.path_limit() == 0);
  CHECK(town().root.certificate.constraints() == Botan::Key_Constraints::ca_constraints());
  CHECK(town().root.certificate.is_self_signed());
  CHECK(town().client.certificate.subject_alt_name().dns().empty());
}

TEST_CASE("a server badge used as a client card is refused for its purpose") {
  CHECK(validate(town().server, {town().intermediate}, kNow, Botan::Usage_Type::TLS_CLIENT_AUTH) ==
        Certificate_Status_Code::INVALID_USAGE);
}

TEST_CASE("omit_key_usage leaves out keyUsage, named usages and serials are taken as given") {
  auto rng = tlsclub::make_drbg(1, "usage");
  auto bare = server_badge();
  bare.omit_key_usage = true;
  const auto cert = pki::issue(town().intermediate, bare, *rng).certificate;
  CHECK_FALSE(cert.v3_extensions().extension_set(Botan::Cert_Extension::Key_Usage::static_oid()));

  auto encipher_only = server_badge();
  encipher_only.key_usage = {"key_agreement"};
  CHECK(pki::issue(town().intermediate, encipher_only, *rng).certificate.constraints() ==
        Botan::Key_Constraints(Botan::Key_Constraints::KeyAgreement));
  auto numbered = server_badge();
  numbered.serial = 0x1234;
  CHECK(pki::issue(town().intermediate, numbered, *rng).certificate.serial_number() ==
        std::vector<std::uint8_t>{0x12, 0x34});
  CHECK(pki::is_key_usage_name("crl_sign"));
  CHECK_FALSE(pki::is_key_usage_name("crlSign"));
  encipher_only.key_usage = {"crlSign"};
  CHECK_THROWS_AS(pki::issue(town().intermediate, encipher_only, *rng), std::invalid_argument);
}

TEST_CASE("an intermediate that is not a CA, or past its pathLen, cannot vouch for a badge") {
  auto rng = tlsclub::make_drbg(1, "shapes");
  const auto not_ca =
      pki::issue(town().intermediate, spec("shop", "2026-01-01", "2027-01-01"), *rng);
  const auto under_leaf = pki::issue(not_ca, server_badge(), *rng);
  CHECK(validate(under_leaf, {not_ca, town().intermediate}, kNow,
                 Botan::Usage_Type::TLS_SERVER_AUTH) ==
        Certificate_Status_Code::CA_CERT_NOT_FOR_CERT_ISSUER);

  const auto sub_ca = pki::issue(town().intermediate, authority("Sub CA"), *rng);
  const auto too_deep = pki::issue(sub_ca, server_badge(), *rng);
  CHECK(
      validate(too_deep, {sub_ca, town().intermediate}, kNow, Botan::Usage_Type::TLS_SERVER_AUTH) ==
      Certificate_Status_Code::CERT_CHAIN_TOO_LONG);
}

TEST_CASE("every key type works as an authority and as a member") {
  auto rng = tlsclub::make_drbg(1, "key types");
  // The one RSA-3072 key of the suite: a root whose RSA signature covers an Ed25519 authority.
  auto root_spec = authority("RSA Root");
  root_spec.key_type = pki::KeyType::rsa_3072;
  const auto root = pki::make_root(root_spec, *rng);
  auto ed_spec = authority("Edwards CA");
  ed_spec.key_type = pki::KeyType::ed25519;
  const auto ed_ca = pki::issue(root, ed_spec, *rng);
  auto leaf_spec = server_badge();
  leaf_spec.key_type = pki::KeyType::ecdsa_p384;
  const auto p384_leaf = pki::issue(ed_ca, leaf_spec, *rng);
  leaf_spec.key_type = pki::KeyType::rsa_2048;
  const auto rsa_leaf = pki::issue(town().intermediate, leaf_spec, *rng);

  CHECK(root.certificate.signature_algorithm().oid() ==
        Botan::OID::from_string("1.2.840.113549.1.1.11"));
  CHECK(ed_ca.certificate.signature_algorithm().oid() ==
        Botan::OID::from_string("1.2.840.113549.1.1.11"));
  CHECK(p384_leaf.certificate.signature_algorithm().oid() ==
        Botan::OID::from_string("1.3.101.112"));
  CHECK(rsa_leaf.certificate.signature_algorithm().oid() ==
        Botan::OID::from_string("1.2.840.10045.4.3.2"));
  CHECK(rsa_leaf.certificate.constraints() ==
        Botan::Key_Constraints(Botan::Key_Constraints::DigitalSignature |
                               Botan::Key_Constraints::KeyEncipherment));

  Botan::Certificate_Store_In_Memory store(root.certificate);
  const Botan::Path_Validation_Restrictions restrictions;
  const auto result = Botan::x509_path_validate(
      std::vector{p384_leaf.certificate, ed_ca.certificate}, restrictions, store, "club.example",
      Botan::Usage_Type::TLS_SERVER_AUTH, std::chrono::system_clock::time_point(kNow));
  CHECK(result.result() == Certificate_Status_Code::VERIFIED);
  CHECK(validate_server(rsa_leaf) == Certificate_Status_Code::VERIFIED);

  // Ed25519 and RSA authorities sign revocation data too.
  const auto ed_crl = Botan::X509_CRL(pki::make_crl(ed_ca, {}, kNow, kNow + 24h, 1, *rng));
  CHECK(ed_crl.check_signature(*ed_ca.certificate.subject_public_key()));
  const auto rsa_ocsp = Botan::OCSP::Response(
      pki::make_ocsp_response(root, ed_ca.certificate, answer(pki::OcspStatus::good), *rng));
  CHECK(rsa_ocsp.verify_signature(root.certificate) == Certificate_Status_Code::OCSP_SIGNATURE_OK);
}

TEST_CASE("a SHA-1 seal is refused by the default policy") {
  auto rng = tlsclub::make_drbg(1, "sha1");
  auto weak = server_badge();
  weak.hash = "SHA-1";
  const auto cert = pki::issue(town().intermediate, weak, *rng);
  CHECK(cert.certificate.signature_algorithm().oid() ==
        Botan::OID::from_string("1.2.840.10045.4.1"));
  CHECK(validate_server(cert) == Certificate_Status_Code::UNTRUSTED_HASH);
}

TEST_CASE("key types round-trip through their names") {
  for (auto k : {pki::KeyType::ecdsa_p256, pki::KeyType::ecdsa_p384, pki::KeyType::ed25519,
                 pki::KeyType::rsa_2048, pki::KeyType::rsa_3072})
    CHECK(pki::key_type_from_string(pki::to_string(k)) == k);
  CHECK(pki::to_string(pki::KeyType::ecdsa_p256) == "ecdsa_p256");
  CHECK_FALSE(pki::key_type_from_string("dsa").has_value());
}

TEST_CASE("times before 2050 are UTCTime and from 2050 GeneralizedTime (RFC 5280 4.1.2.5)") {
  const auto tag_of = [](const Botan::ASN1_Time& t) {
    std::vector<std::uint8_t> der;
    Botan::DER_Encoder(der).encode(t);
    return der.at(0);
  };
  CHECK(tag_of(pki::detail::rfc5280_time(at("2049-12-31T23:59:59Z"))) == 0x17);
  CHECK(tag_of(pki::detail::rfc5280_time(at("2050-01-01"))) == 0x18);
  CHECK(tag_of(pki::detail::generalized_time(kNow)) == 0x18);
  CHECK(pki::detail::generalized_time(kNow).to_std_timepoint() ==
        std::chrono::system_clock::time_point(kNow));
}

TEST_CASE("a CRL entry revokes the badge at the scenario time, with its date and reason") {
  auto rng = tlsclub::make_drbg(1, "crl");
  const auto revoked_at = at("2026-02-15T09:30:00Z");
  const auto der =
      pki::make_crl(town().intermediate,
                    {{serial_of(town().client), revoked_at, pki::RevocationReason::unspecified},
                     {serial_of(town().server), revoked_at, pki::RevocationReason::key_compromise}},
                    at("2026-03-01"), at("2026-03-08"), 42, *rng);
  const auto crl = crl_of(der);
  CHECK(crl.check_signature(*town().intermediate.certificate.subject_public_key()));
  CHECK(crl.crl_number() == 42);
  CHECK(crl.authority_key_id() == town().intermediate.certificate.subject_key_id());
  REQUIRE(crl.get_revoked().size() == 2);
  CHECK(crl.get_revoked()[0].reason_code() == Botan::CRL_Code::Unspecified);
  CHECK(crl.get_revoked()[1].reason_code() == Botan::CRL_Code::KeyCompromise);
  CHECK(crl.get_revoked()[1].expire_time().to_std_timepoint() ==
        std::chrono::system_clock::time_point(revoked_at));
  CHECK(crl.is_revoked(town().server.certificate));
  CHECK(validate_server(town().server) == Certificate_Status_Code::VERIFIED);
  CHECK(validate(town().server, {town().intermediate}, kNow, Botan::Usage_Type::TLS_SERVER_AUTH,
                 &crl) == Certificate_Status_Code::CERT_IS_REVOKED);
}

TEST_CASE("an empty CRL clears the badge, a stale or forged one is reported") {
  auto rng = tlsclub::make_drbg(1, "crl");
  const auto empty =
      crl_of(pki::make_crl(town().intermediate, {}, at("2026-03-01"), at("2026-03-08"), 1, *rng));
  CHECK(empty.get_revoked().empty());
  CHECK(validate(town().server, {town().intermediate}, kNow, Botan::Usage_Type::TLS_SERVER_AUTH,
                 &empty) == Certificate_Status_Code::VERIFIED);

  const auto stale =
      crl_of(pki::make_crl(town().intermediate, {}, at("2026-02-01"), at("2026-02-08"), 1, *rng));
  CHECK(validate(town().server, {town().intermediate}, kNow, Botan::Usage_Type::TLS_SERVER_AUTH,
                 &stale) == Certificate_Status_Code::CRL_HAS_EXPIRED);

  const auto rogue = pki::generate_key(pki::KeyType::ecdsa_p256, *rng);
  const auto forged = crl_of(pki::make_crl(town().intermediate, {}, at("2026-03-01"),
                                           at("2026-03-08"), 1, *rng, rogue.get()));
  CHECK_FALSE(forged.check_signature(*town().intermediate.certificate.subject_public_key()));
  CHECK(validate(town().server, {town().intermediate}, kNow, Botan::Usage_Type::TLS_SERVER_AUTH,
                 &forged) == Certificate_Status_Code::CRL_BAD_SIGNATURE);
}

TEST_CASE("an OCSP stamp says good, revoked or unknown, and goes stale after nextUpdate") {
  const auto& issuer = town().intermediate.certificate;
  const auto& badge = town().server.certificate;
  const auto good = ocsp_of(ocsp_for(town().server, answer(pki::OcspStatus::good)));
  CHECK(good.verify_signature(issuer) == Certificate_Status_Code::OCSP_SIGNATURE_OK);
  CHECK(good.status_for(issuer, badge, std::chrono::system_clock::time_point(kNow)) ==
        Certificate_Status_Code::OCSP_RESPONSE_GOOD);
  CHECK(good.signer_name() == issuer.subject_dn());
  CHECK(good.produced_at().to_std_timepoint() ==
        std::chrono::system_clock::time_point(at("2026-03-01T12:00:00Z")));
  // Botan looks the card up by CertID: a stamp for another card does not list this one.
  CHECK(good.status_for(issuer, town().client.certificate,
                        std::chrono::system_clock::time_point(kNow)) ==
        Certificate_Status_Code::OCSP_CERT_NOT_LISTED);
  CHECK(good.status_for(issuer, badge, std::chrono::system_clock::time_point(at("2026-03-09"))) ==
        Certificate_Status_Code::OCSP_HAS_EXPIRED);

  auto revoked_answer = answer(pki::OcspStatus::revoked);
  revoked_answer.revocation_time = at("2026-02-15T09:30:00Z");
  revoked_answer.reason = pki::RevocationReason::key_compromise;
  const auto revoked = ocsp_of(ocsp_for(town().server, revoked_answer));
  CHECK(revoked.verify_signature(issuer) == Certificate_Status_Code::OCSP_SIGNATURE_OK);
  CHECK(revoked.status_for(issuer, badge, std::chrono::system_clock::time_point(kNow)) ==
        Certificate_Status_Code::CERT_IS_REVOKED);
  CHECK(validate(town().server, {town().intermediate}, kNow, Botan::Usage_Type::TLS_SERVER_AUTH,
                 nullptr, &revoked) == Certificate_Status_Code::CERT_IS_REVOKED);

  // Botan reports an "unknown" status as OCSP_BAD_STATUS, not as a missing entry.
  const auto unknown = ocsp_of(ocsp_for(town().server, answer(pki::OcspStatus::unknown)));
  CHECK(unknown.status_for(issuer, badge, std::chrono::system_clock::time_point(kNow)) ==
        Certificate_Status_Code::OCSP_BAD_STATUS);
}

TEST_CASE("an OCSP stamp signed with the wrong key fails its signature check") {
  auto rng = tlsclub::make_drbg(1, "rogue ocsp");
  const auto rogue = pki::generate_key(pki::KeyType::ecdsa_p256, *rng);
  const auto forged = ocsp_of(ocsp_for(town().server, answer(pki::OcspStatus::good), rogue.get()));
  CHECK(forged.verify_signature(town().intermediate.certificate) ==
        Certificate_Status_Code::OCSP_SIGNATURE_ERROR);
}

TEST_CASE("the same seed gives the same bytes, another seed does not") {
  const auto a = build_town(7), b = build_town(7), c = build_town(8);
  CHECK(a.root.certificate.BER_encode() == b.root.certificate.BER_encode());
  CHECK(a.server.certificate.BER_encode() == b.server.certificate.BER_encode());
  CHECK(a.client.certificate.BER_encode() == b.client.certificate.BER_encode());
  CHECK(a.server.certificate.BER_encode() != c.server.certificate.BER_encode());

  const auto crl = [](const Town& t, std::uint64_t seed) {
    auto rng = tlsclub::make_drbg(seed, "crl");
    return pki::make_crl(t.intermediate, {{serial_of(t.server), kNow}}, kNow, kNow + 24h, 2, *rng);
  };
  CHECK(crl(a, 7) == crl(b, 7));
  CHECK(crl(a, 7) != crl(c, 8));

  const auto ocsp = [](const Town& t, std::uint64_t seed) {
    auto rng = tlsclub::make_drbg(seed, "ocsp");
    return pki::make_ocsp_response(t.intermediate, t.server.certificate,
                                   answer(pki::OcspStatus::good), *rng);
  };
  CHECK(ocsp(a, 7) == ocsp(b, 7));
  CHECK(ocsp(a, 7) != ocsp(c, 8));
}

namespace {

// Runs a shell command, returns its exit status and what it printed (stdout and stderr).
std::pair<int, std::string> run(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return {-1, ""};
  std::array<char, 4096> buffer{};
  while (auto n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

void write(const std::filesystem::path& path, const tlsclub::Bytes& bytes) {
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

TEST_CASE("openssl reads the chain, the CRL and the OCSP stamp the same way") {
  if (run("command -v openssl").first != 0) {
    MESSAGE("openssl is not installed: skipped");
    return;
  }
  const auto dir =
      std::filesystem::temp_directory_path() / ("tlsclub-pki-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto file = [&](const char* name) { return (dir / name).string(); };
  write(file("root.pem"), pki::to_pem(town().root.certificate));
  write(file("inter.pem"), pki::to_pem(town().intermediate.certificate));
  write(file("leaf.pem"), pki::to_pem(town().server.certificate));
  const auto epoch = std::to_string(kNow.time_since_epoch().count());

  const auto verify =
      run("openssl verify -attime " + epoch + " -purpose sslserver -CAfile " + file("root.pem") +
          " -untrusted " + file("inter.pem") + " " + file("leaf.pem"));
  CHECK(verify.first == 0);
  CHECK(verify.second.find("leaf.pem: OK") != std::string::npos);

  auto rng = tlsclub::make_drbg(1, "crl");
  write(file("crl.der"), pki::make_crl(town().intermediate,
                                       {{serial_of(town().server), at("2026-02-15T09:30:00Z"),
                                         pki::RevocationReason::key_compromise}},
                                       at("2026-03-01"), at("2026-03-08"), 42, *rng));
  const auto crl = run("openssl crl -inform DER -in " + file("crl.der") + " -text -noout -CAfile " +
                       file("inter.pem"));
  CHECK(crl.first == 0);
  const auto serial_hex = Botan::BigInt::from_u64(serial_of(town().server)).to_hex_string();
  INFO(crl.second);
  CHECK(crl.second.find("verify OK") != std::string::npos);
  CHECK(crl.second.find("Revoked Certificates:") != std::string::npos);
  CHECK(crl.second.find(serial_hex.substr(2)) != std::string::npos);  // without "0x"
  CHECK(crl.second.find("Key Compromise") != std::string::npos);
  CHECK(crl.second.find("Last Update: Mar  1 00:00:00 2026 GMT") != std::string::npos);

  auto revoked_answer = answer(pki::OcspStatus::revoked);
  revoked_answer.revocation_time = at("2026-02-15T09:30:00Z");
  revoked_answer.reason = pki::RevocationReason::key_compromise;
  write(file("ocsp.der"), ocsp_for(town().server, revoked_answer));
  const auto text = run("openssl ocsp -respin " + file("ocsp.der") + " -resp_text -noverify");
  INFO(text.second);
  CHECK(text.first == 0);
  CHECK(text.second.find("OCSP Response Status: successful (0x0)") != std::string::npos);
  CHECK(text.second.find("Cert Status: revoked") != std::string::npos);
  CHECK(text.second.find("Reason: keyCompromise") != std::string::npos);

  // The responder is the issuer itself, trusted directly (-VAfile): openssl checks the signature.
  const auto checked =
      run("openssl ocsp -respin " + file("ocsp.der") + " -issuer " + file("inter.pem") + " -cert " +
          file("leaf.pem") + " -VAfile " + file("inter.pem") + " -no_nonce");
  INFO(checked.second);
  CHECK(checked.second.find("Response verify OK") != std::string::npos);
  // openssl also compares thisUpdate/nextUpdate with the real clock and warns "Status times
  // invalid" when the scenario is not today; the status line then follows on its own line.
  CHECK(checked.second.find("revoked\n\tThis Update: Mar  1 12:00:00 2026 GMT") !=
        std::string::npos);

  std::filesystem::remove_all(dir);
}
