// openssl s_client and gnutls-cli (independent TLS stacks) visit `tlsclub serve`: a valid card is
// admitted; an expired, revoked, forged or missing card is refused with the alert the scenario
// predicts; a client that does not trust the town authority refuses the club.
#include <botan/pem.h>
#include <botan/x509cert.h>

#include "interop_tools.h"
#include "scenario/scenario.h"

using namespace tlsclub;
using namespace tlsclub::test;

namespace {

std::string expected_alert(const std::string& scenario, const std::string& member) {
  for (const auto& m : library_scenario(scenario).members)
    if (m.name == member) {
      REQUIRE(m.expect);
      REQUIRE(m.expect->alert);
      return *m.expect->alert;
    }
  FAIL("no member " << member);
  return "";
}

// s_client sends a line and waits for the club to close (-ign_eof); it verifies the badge and
// stops on a failure (-verify_return_error).
std::string s_client(const Club& club, const Visitor& v) {
  std::string command = "openssl s_client -connect 127.0.0.1:" + club.port() +
                        " -servername club.example -verify_return_error -ign_eof -CAfile " + v.ca;
  if (!v.cert.empty()) command += " -cert " + v.leaf + " -cert_chain " + v.cert + " -key " + v.key;
  ChildProcess client(command, /*stdin_open=*/true);
  client.write_stdin("hello\n");
  client.close_stdin();
  client.wait(8s);
  return client.output();
}

// gnutls-cli sends a line; it exits when the club closes or refuses.
std::string gnutls_cli(const Club& club, const Visitor& v) {
  std::string command = "gnutls-cli -p " + club.port() +
                        " --sni-hostname club.example --verify-hostname club.example "
                        "--x509cafile " +
                        v.ca;
  if (!v.cert.empty()) command += " --x509certfile " + v.cert + " --x509keyfile " + v.key;
  ChildProcess client(command + " 127.0.0.1", /*stdin_open=*/true);
  client.write_stdin("hello\n");
  // Keep stdin open until the club has answered or refused: at end of input gnutls-cli leaves.
  std::string out;
  while (auto line = client.read_line(5s)) {
    out += *line + "\n";
    if (contains(*line, "Welcome") || contains(*line, "alert") || contains(*line, "failed")) break;
  }
  client.close_stdin();
  client.wait(5s);
  return out + client.output();
}

// Alice's card with one byte of its issuer's signature changed: a forged seal.
std::string forge(const std::string& card, const std::string& into) {
  const Botan::X509_Certificate real(card);
  auto der = real.BER_encode();
  der.back() ^= 0x01;  // the last byte belongs to the signature value
  std::ofstream(into) << Botan::PEM_Code::encode(der, "CERTIFICATE");
  return into;
}

}  // namespace

TEST_CASE("openssl s_client with a valid card is admitted by tlsclub serve") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  const Door door("basics/queue-of-members.toml", "interop-sclient-ok");
  Club club(door.scenario(), door.clock());
  const auto out = s_client(club, door.member("Alice"));
  CHECK_MESSAGE(contains(out, "Verify return code: 0 (ok)"), out);
  CHECK(contains(out, "Welcome to the club, Alice."));
  CHECK(contains(club.visit(), "admitted (TLS 1.3)"));
}

TEST_CASE("openssl s_client with an expired, revoked, forged or no card is refused as predicted") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  struct Case {
    const char* scenario;
    const char* member;
    bool forged = false;
  };
  for (const Case c :
       {Case{"basics/queue-of-members.toml", "Carol"}, Case{"revocation/card-on-crl.toml", "Alice"},
        Case{"basics/queue-of-members.toml", "Bob"}, Case{"basics/queue-of-members.toml", "Dave"},
        Case{"basics/queue-of-members.toml", "Alice", true}}) {
    CAPTURE(c.scenario);
    CAPTURE(c.member);
    const Door door(c.scenario, "interop-sclient-refused");
    Visitor v = door.member(c.member);
    if (!std::filesystem::exists(v.cert)) v = door.visitor();  // Bob has no card
    // A forged seal is refused like scenarios/client-faults/forged-card.toml predicts.
    const std::string alert = c.forged ? "bad_certificate" : expected_alert(c.scenario, c.member);
    if (c.forged) v.leaf = forge(v.leaf, door.file("forged.crt.pem"));
    Club club(door.scenario(), door.clock());
    const auto out = s_client(club, v);
    CHECK_MESSAGE(contains(out, "SSL alert number " + std::to_string(alert_number(alert))), out);
    const std::string visit = club.visit();
    CHECK(contains(visit, "turned away by the club"));
    CHECK(contains(visit, alert));
  }
}

TEST_CASE("openssl s_client that does not trust the town authority refuses the club") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  const Door door("basics/queue-of-members.toml", "interop-sclient-distrust");
  Club club(door.scenario(), door.clock());
  const auto out = s_client(club, door.member("Alice", "harbour_authority"));
  CHECK_MESSAGE(contains(out, "unable to get local issuer certificate"), out);
  CHECK(contains(club.visit(), "walks away with alert unknown_ca"));
}

TEST_CASE("gnutls-cli with a valid card is admitted by tlsclub serve") {
  TLSCLUB_REQUIRE_TOOL("gnutls-cli");
  const Door door("basics/queue-of-members.toml", "interop-gnutls-ok");
  Club club(door.scenario(), door.clock());
  const auto out = gnutls_cli(club, door.member("Alice"));
  CHECK_MESSAGE(contains(out, "Handshake was completed"), out);
  CHECK(contains(out, "Welcome to the club, Alice."));
  CHECK(contains(club.visit(), "admitted (TLS 1.3)"));
}

TEST_CASE("gnutls-cli with an expired, revoked, forged or no card is refused as predicted") {
  TLSCLUB_REQUIRE_TOOL("gnutls-cli");
  struct Case {
    const char* scenario;
    const char* member;
    bool forged = false;
  };
  for (const Case c :
       {Case{"basics/queue-of-members.toml", "Carol"}, Case{"revocation/card-on-crl.toml", "Alice"},
        Case{"basics/queue-of-members.toml", "Bob"},
        Case{"basics/queue-of-members.toml", "Alice", true}}) {
    CAPTURE(c.scenario);
    CAPTURE(c.member);
    const Door door(c.scenario, "interop-gnutls-refused");
    Visitor v = door.member(c.member);
    if (!std::filesystem::exists(v.cert)) v = door.visitor();
    const std::string alert = c.forged ? "bad_certificate" : expected_alert(c.scenario, c.member);
    if (c.forged) {
      // gnutls-cli sends the chain file: the forged card first, then the real district office.
      const std::string forged = forge(v.leaf, door.file("forged.crt.pem"));
      std::ofstream(door.file("forged.chain.pem"))
          << read_text(forged) << read_text(door.file("district_office.crt.pem"));
      v.cert = door.file("forged.chain.pem");
    }
    Club club(door.scenario(), door.clock());
    const auto out = gnutls_cli(club, v);
    CHECK_MESSAGE(contains(out, "Received alert [" + std::to_string(alert_number(alert)) + "]"),
                  out);
    const std::string visit = club.visit();
    CHECK(contains(visit, "turned away by the club"));
    CHECK(contains(visit, alert));
  }
}

TEST_CASE("gnutls-cli that does not trust the town authority refuses the club") {
  TLSCLUB_REQUIRE_TOOL("gnutls-cli");
  const Door door("basics/queue-of-members.toml", "interop-gnutls-distrust");
  Club club(door.scenario(), door.clock());
  const auto out = gnutls_cli(club, door.member("Alice", "harbour_authority"));
  CHECK_MESSAGE(contains(out, "certificate is NOT trusted"), out);
  CHECK(contains(club.visit(), "walks away"));
}

TEST_CASE("openssl s_client and the club sign with Ed25519 keys in TLS 1.3 (RFC 8446 4.2.3)") {
  TLSCLUB_REQUIRE_TOOL("openssl");
  const Door door("versions/ed25519-signatures.toml", "interop-sclient-ed25519");
  {
    Club club(door.scenario(), door.clock());
    const auto out = s_client(club, door.member("Alice"));
    CHECK_MESSAGE(contains(out, "Verify return code: 0 (ok)"), out);
    CHECK_MESSAGE(contains(out, "Peer signature type: ed25519"), out);
    CHECK(contains(out, "Welcome to the club, Alice."));
    CHECK(contains(club.visit(), "admitted (TLS 1.3)"));
  }
  {
    // A client that accepts only ECDSA with P-256 leaves the club no badge it may show.
    Club club(door.scenario(), door.clock());
    Visitor v = door.visitor();
    ChildProcess client("openssl s_client -connect 127.0.0.1:" + club.port() +
                            " -servername club.example -sigalgs ECDSA+SHA256 -CAfile " + v.ca,
                        /*stdin_open=*/true);
    client.close_stdin();
    client.wait(8s);
    CHECK_MESSAGE(contains(client.output(), "handshake failure"), client.output());
    CHECK(contains(club.visit(), "handshake_failure"));
  }
}

TEST_CASE("gnutls-cli with an Ed25519 card is admitted by the club's Ed25519 badge") {
  TLSCLUB_REQUIRE_TOOL("gnutls-cli");
  const Door door("versions/ed25519-signatures.toml", "interop-gnutls-ed25519");
  Club club(door.scenario(), door.clock());
  const auto out = gnutls_cli(club, door.member("Alice"));
  CHECK_MESSAGE(contains(out, "Handshake was completed"), out);
  CHECK(contains(out, "Welcome to the club, Alice."));
  CHECK(contains(club.visit(), "admitted (TLS 1.3)"));
}
