#pragma once
// Timeline events: plain structs, one per thing a student can see happen. The Timeline is
// append-only; the GUI and CLI only read it.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/bytes.h"
#include "core/side.h"
#include "core/sim_time.h"
#include "decode/field.h"

namespace tlsclub {

// A record put on the wire (phase sent) or handed to the peer (phase delivered).
struct RecordEvent {
  enum class Phase { sent, delivered };
  Phase phase = Phase::sent;
  Side from = Side::client;
  std::size_t record_id = 0;      // 1-based number of the record within the connection
  std::uint8_t content_type = 0;  // outer type on the wire
  std::uint8_t inner_type = 0;    // TLS 1.3: the type inside the encryption (0: same as outer)
  std::uint16_t legacy_version = 0;
  std::string protection;  // "plaintext" or the secret whose keys protect it
  // What it carries: "client_hello", "alert", "application_data".
  std::vector<std::string> messages;
  Bytes bytes;  // header + fragment, exactly as on the wire
  // TLS 1.3: the content inside, opened with the keys of `protection` (RFC 8446 5.2). Empty when
  // plaintext, or when it could not be opened (then `protection` is the recorder's inference).
  std::optional<Bytes> plaintext;
};

// A handshake message, decoded, as its sender built it (TLS 1.3: before encryption).
struct MessageEvent {
  Side from = Side::client;
  std::size_t record_id = 0;  // the record that carries it
  std::string protection;
  DecodedMessage message;
};

// A secret derived by the key schedule (RFC 8446 7.1) or the (EC)DHE/KEM shared secret.
struct SecretEvent {
  Side derived_by = Side::client;  // the first side that derived it (both do)
  std::string name;                // catalogue name: "client_handshake_traffic_secret", ...
  std::string keylog_label;        // NSS key log label, empty when there is none
  Bytes client_random;
  Bytes secret;
};

// One check of the bouncer on one certificate.
struct CheckEvent {
  Side by = Side::client;  // who checks (the client checks the club's badge)
  std::string subject;     // "CN=club.example,O=TLS Club"
  std::size_t depth = 0;   // 0 = leaf (end entity), counting up towards the root
  std::string check;       // "signature", "validity", "hostname", ... (catalogue: check.<name>)
  bool passed = false;
  int status_code = 0;  // Botan's Certificate_Status_Code value (0 when passed)
  std::string status;   // its name: "CERT_HAS_EXPIRED"
  std::string reason;   // plain sentence: "notAfter 2026-02-01T00:00:00Z is before now ..."
  std::string alert;    // the alert this failure calls for ("" when passed)
};

struct AlertEvent {
  Side from = Side::client;  // who sent it
  bool fatal = true;
  std::uint8_t code = 0;
  std::string name;    // "certificate_expired"
  std::string reason;  // the sender's own words (library message), when known
  // false: the side raised it but had already closed its sending half (it had sent close_notify),
  // so nothing went on the wire; the connection still ends on it (RFC 8446 6.2).
  bool sent = true;
};

struct EstablishedEvent {
  Side side = Side::client;
  std::string version;           // "TLS 1.3"
  std::string cipher_suite;      // "TLS_AES_128_GCM_SHA256"
  std::string group;             // "x25519"
  std::string signature_scheme;  // the peer's CertificateVerify / ServerKeyExchange scheme
};

struct AppDataEvent {
  Side from = Side::client;
  Bytes data;
};

// An attack on the wire, applied to one record (scenario faults and what-if changes).
struct FaultEvent {
  Side from = Side::client;  // whose record it hit
  std::size_t record_id = 0;
  std::string action;       // "flip", "drop", "replay", "reorder", "inject_alert"
  std::string description;  // "flip byte 40 (mask 0x01) of the 2nd record from the server"
  // false: the record it waits for never came, so the visit ran as if it were not there
  // (record_id is then 0).
  bool applied = true;
  std::size_t number = 0;  // which [[fault]] of the scenario file (1-based); 0: a what-if
};

struct ClosedEvent {
  Side side = Side::client;
  std::string reason;  // "close_notify received", "fatal alert sent", ...
};

using EventBody = std::variant<RecordEvent, MessageEvent, SecretEvent, CheckEvent, AlertEvent,
                               EstablishedEvent, AppDataEvent, FaultEvent, ClosedEvent>;

struct Event {
  std::size_t seq = 0;   // position in its connection
  std::size_t step = 0;  // records delivered before it: stepping moves from step to step
  SimTime time{};
  EventBody body;
};

// "record", "message", "secret", "check", "alert", "established", "app_data", "fault", "closed".
std::string_view kind_of(const EventBody& body);

// Every explanations-catalogue key an event refers to (its own, and its fields').
std::vector<std::string> explain_keys(const Event& event);

}  // namespace tlsclub
