#pragma once
// A scenario as the engine sees it: the cast (authorities, the club, its members), the policy on
// each side, the clock and the seed. Built in code (the demo) or, later, loaded from a file.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/sim_time.h"
#include "decode/handshake_decoder.h"
#include "pki/specs.h"
#include "scenario/question_kind.h"
#include "timeline/timeline.h"
#include "wire/fault.h"

namespace tlsclub {

enum class ClientAuth { none, optional, required };
std::string_view to_string(ClientAuth c);

// The list of cancelled cards an authority publishes (RFC 5280 5). Both sides have it.
struct CrlSpec {
  std::vector<std::string> revoked;  // "server" (the club's badge) or member names (their cards)
  pki::RevocationReason reason = pki::RevocationReason::key_compromise;
  SimTime this_update{};
  SimTime next_update{};
};

// A root (no parent) or an intermediate (parent = the id of its issuer).
struct AuthoritySpec {
  std::string id;  // "town_authority"
  std::optional<std::string> parent;
  pki::CertificateSpec certificate;
  std::optional<CrlSpec> crl;
  // false: an ordinary certificate used to issue others (the basicConstraints fault).
  bool is_ca = true;
};

// A fresh stamp the club brings along for its badge (OCSP stapling, RFC 6066 8 / RFC 8446 4.4.2.1).
struct OcspStapleSpec {
  pki::OcspAnswer answer;
  bool signed_by_wrong_key = false;  // an answer the badge's issuer never signed
};

// A badge or a card: who issues it and what it says.
struct EndEntitySpec {
  std::string issuer;  // authority id
  pki::CertificateSpec certificate;
  bool self_signed = false;        // signed by its own key; `issuer` is not used
  bool altered_signature = false;  // a byte of the signature changed after signing (forgery)
  bool stolen = false;             // a copy of the certificate without its private key: the
                                   // holder signs with a key of its own (CertificateVerify fails)
};

// TLS 1.2 key exchange (RFC 5246 7.4.3, RFC 8422): ECDHE (forward secret) or RSA key transport
// (the premaster secret encrypted to the server's RSA key; no forward secrecy). TLS 1.3 has only
// (EC)DHE (RFC 8446 1.2).
enum class KeyExchange { ecdhe, rsa };

// How the club orders the certificates it sends after its badge (RFC 8446 4.4.2 asks for each to
// certify the one before, but lets receivers accept any order).
enum class ChainOrder { issuer_order, reversed };

struct ServerSpec {
  EndEntitySpec certificate;
  bool send_intermediates = true;  // send the chain up to (not including) the root
  ClientAuth client_auth = ClientAuth::none;
  std::vector<std::string> trusted_authorities;  // roots whose cards the club accepts
  std::vector<std::string> groups = {"x25519", "secp256r1", "X25519MLKEM768"};
  bool require_revocation_info = false;
  std::optional<OcspStapleSpec> ocsp_staple;
  std::size_t session_tickets = 0;  // NewSessionTickets sent after the handshake (TLS 1.3)
  ChainOrder chain_order = ChainOrder::issuer_order;
  std::vector<std::string> ciphers = {"aes_256_gcm", "aes_128_gcm", "chacha20_poly1305"};
  std::vector<std::string> signature_algorithms;  // empty: every scheme the engine can use
  KeyExchange key_exchange = KeyExchange::ecdhe;  // TLS 1.2
  // Two factors: after the handshake the member must also say its password (what it knows, next
  // to the card it has). Keyed by member name.
  bool require_password = false;
  std::map<std::string, std::string> passwords;
};

// What the trainer says will happen to a member. Unset parts are not checked.
struct Expectation {
  Outcome outcome = Outcome::admitted;
  std::optional<Side> refused_by;
  std::optional<std::string> alert;          // "certificate_expired"
  std::optional<std::string> failing_check;  // the first check that fails: "validity"
};

// Where in a member's visit a note or question belongs (docs/scenario-format.md, "Anchors"):
//   "<side>.<message>"  the step where that side's message is sent ("server.certificate_verify")
//   "check.<name>"      the first certificate check with that name ("check.validity")
//   "alert"             the first alert;  "established"  the first side established
//   "end"               after the visit (its outcome)
struct StepAnchor {
  std::string member;  // "" = the first member
  std::string at;
};

// A trainer's note, shown with the step it is anchored to.
struct NarrationNote {
  StepAnchor anchor;
  std::string text;
};

// A question the GUI's predict mode asks *before* showing the step it is anchored to.
// kind "outcome" (answers: admitted / refused), "alert" (an alert name), "failing_check" (a check
// name) take their right answer from the run itself; "choice" has the trainer's `answer`, one of
// `choices`.
struct PredictQuestion {
  StepAnchor anchor;
  QuestionKind kind = QuestionKind::outcome;
  std::string question;
  std::vector<std::string> choices;  // "choice" only (other kinds: the GUI offers the names)
  std::string answer;                // "choice" only
};

struct MemberSpec {
  std::string name;                   // "Alice"
  std::optional<EndEntitySpec> card;  // none: a visitor
  std::string server_name = "club.example";
  std::vector<std::string> trusted_authorities;  // roots the member's device trusts
  std::vector<std::string> groups = {"x25519", "secp256r1"};
  bool require_revocation_info = false;
  // The longest badge (notBefore to notAfter) this member's device accepts, in days: a local
  // policy such as Apple's 398 days for badges issued since 1 September 2020. None: any length.
  std::optional<int> max_badge_lifetime_days;
  std::string request = "";             // what the member says once inside (default: a greeting)
  std::optional<std::string> password;  // what the member says when the club asks for one
  std::vector<std::string> ciphers = {"aes_256_gcm", "aes_128_gcm", "chacha20_poly1305"};
  std::vector<std::string> signature_algorithms;  // empty: every scheme the engine can use
  std::vector<KeyExchange> key_exchanges = {KeyExchange::ecdhe};  // offered in TLS 1.2
  // A man in the middle answers instead of the club, with a badge for the same name issued by
  // this authority (an impostor; trusted only if the member's device trusts that authority).
  std::optional<std::string> intercepted_by;
  // A second visit: the name of an earlier member whose session tickets this visit offers
  // (pre_shared_key, RFC 8446 4.2.11): a resumption without certificates.
  std::optional<std::string> resumes;
  std::optional<Expectation> expect;
};

struct ScenarioSpec {
  std::string title;
  std::string summary;
  std::string lesson;  // the group a listing puts it in: "server-faults"
  std::string level;   // "beginner" | "intermediate" | "advanced" ("" when not said)
  std::string source;  // the file it was loaded from ("" for a scenario built in code)
  std::uint64_t seed = 1;
  SimTime now{};
  TlsVersion max_version = TlsVersion::tls13;
  TlsVersion min_version = TlsVersion::tls12;
  bool middlebox_compatibility = true;  // RFC 8446 D.4 dummy ChangeCipherSpec records
  std::vector<AuthoritySpec> authorities;
  ServerSpec server;
  std::vector<MemberSpec> members;
  std::vector<WireFault> faults;  // attacks on the wire, applied in every run of the scenario
  std::vector<NarrationNote> notes;
  std::vector<PredictQuestion> questions;
};

// The built-in demo: a mutual-TLS visit to club.example by Alice, under a town authority and a
// district office. `version` picks TLS 1.3 (default) or 1.2 on both sides.
ScenarioSpec demo_scenario(TlsVersion version = TlsVersion::tls13, std::uint64_t seed = 1);

}  // namespace tlsclub
