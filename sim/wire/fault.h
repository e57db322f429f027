#pragma once
// Attacks on the wire, as data: a trigger (which record) and an action (what happens to it).
// The simulation applies each fault once, when its record is about to be delivered, and records
// a FaultEvent so a student sees where the attack happened.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/bytes.h"
#include "core/side.h"

namespace tlsclub {

struct WireFault {
  // downgrade: take supported_versions out of a ClientHello, so the club sees a TLS 1.2-only
  // member (RFC 8446 4.1.3: a TLS 1.3 club then marks its random, and the member notices).
  // truncate: the record arrives one byte short, its length field fixed up so the receiver reads
  // a whole record that lost its last byte (RFC 8446 5.2: the AEAD tag no longer verifies).
  enum class Action { flip, drop, replay, reorder, inject_alert, downgrade, truncate };

  // Trigger: the `record`-th record `from` sends (1-based), or, when record is 0, the first record
  // from that side that carries `message` ("certificate_verify", "finished", "application_data").
  std::string member;  // whose connection ("" = every member's)
  Side from = Side::client;
  std::size_t record = 0;
  std::string message;

  Action action = Action::flip;
  std::size_t offset = 0;    // flip: byte of the record, header included (wraps around)
  std::uint8_t mask = 0x01;  // flip: XOR mask (non-zero)
  std::string alert = "handshake_failure";  // inject_alert: what the forged plaintext alert says

  // Where a scenario file wrote it: its place among the [[fault]] tables (1-based) and its line;
  // 0 for a what-if change made in the app or on the command line.
  std::size_t number = 0;
  int line = 0;
};

// The one table of wire fault actions: scenario files (`action = "flip"`), the app's what-if menus
// and its --what-if option, the JSON and the docs all read their names and words from here.
struct WireFaultKind {
  WireFault::Action action;
  std::string_view name;     // "flip": the scenario file's and --what-if's word
  std::string_view what_if;  // "tamper with a byte": the app's words for it on one record
  std::string_view branch;   // "drop record": a what-if branch's name, before "#4"
  bool takes_byte = false;   // the action needs a byte offset and a mask
};
std::span<const WireFaultKind> wire_fault_kinds();
const WireFaultKind& kind_of(WireFault::Action action);
// "flip" -> flip; also "tamper", the app's older word for flip.
std::optional<WireFault::Action> wire_fault_action(std::string_view name);

std::string_view to_string(WireFault::Action action);
// "flip byte 40 (mask 0x01) of the 2nd record from the server".
std::string describe(const WireFault& fault);

// The record with the supported_versions extension taken out of the ClientHello it carries, every
// length fixed up; nullopt when it carries no ClientHello with that extension.
std::optional<Bytes> without_supported_versions(ByteView record);

}  // namespace tlsclub
