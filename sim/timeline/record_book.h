#pragma once
// The record layer's bookkeeping, kept the same way by whoever watches a connection: the
// simulation's Recorder (both endpoints are ours), the bridge's LiveRecorder (one endpoint is ours,
// the other is across a socket) and a reader of captures (both directions' bytes and a key log, no
// endpoint at all). It numbers the Connection's events and records, knows which keys protect the
// next record from each side (RFC 8446 5.2 and 7.3; RFC 5246 6.1 and 7.1), keeps the secrets it
// is told and opens TLS 1.3 records with them, counting each key's records (RFC 8446 5.3), and
// records alerts. Its inputs are plain (sides, bytes, secret names and values, content types): it
// knows no endpoint and no Botan TLS object, only the Timeline's vocabulary.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "core/bytes.h"
#include "core/side.h"
#include "core/sim_time.h"
#include "timeline/timeline.h"
#include "wire/record.h"
#include "wire/record_protection.h"

namespace tlsclub {

// Whose secrets open a record.
enum class Keyring : std::uint8_t {
  // Each sender's own. Both endpoints are ours and each reports what it derived; after a
  // tampered handshake the two disagree, and only the sender's keys open what it sent.
  each_side,
  // One set for both directions: one endpoint derives both sides' traffic secrets, and a key log
  // holds them too.
  shared,
};

// What the hellos settled that the record layer and the EstablishedEvent need.
struct Negotiated {
  bool tls13 = true;               // until a TLS 1.2 ServerHello says otherwise
  std::uint16_t cipher_suite = 0;  // TLS 1.3: the AEAD and hash that open records
  std::string group;               // as the server announced it; "" until then
};

class RecordBook {
 public:
  RecordBook(Connection& connection, const SimClock& clock, Keyring keyring);

  Connection& connection() { return connection_; }
  const Connection& connection() const { return connection_; }
  Negotiated& negotiated() { return negotiated_; }
  const Negotiated& negotiated() const { return negotiated_; }

  // The next event of the Connection: numbered from 1, stamped with the step and the clock.
  Event& append(EventBody body);
  // A record has been delivered: the events after it belong to the next step.
  void next_step() { ++step_; }
  std::size_t step() const { return step_; }

  // A sent RecordEvent for the record `bytes` (whose header is `view`), with the next record
  // number (both directions count together, from 1), plaintext until the caller knows better.
  RecordEvent next_record(Side from, const RecordView& view, ByteView bytes);
  std::size_t records() const { return records_; }

  // Key changes per direction. A ChangeCipherSpec switches the TLS 1.2 sender to its session
  // keys; in TLS 1.3 it is the middlebox dummy of RFC 8446 D.4 and changes nothing.
  void note_change_cipher_spec(Side from);
  // TLS 1.3: the sender's Finished is out; its next records use the application traffic keys.
  void switch_to_application_keys(Side from);
  // The protection name of the next record of `content_type` from `from` (timeline/protection.h).
  std::string protection_for(Side from, std::uint8_t content_type) const;

  // Remembers a secret `derived_by` reported (Keyring::shared: anyone's, a key log's). True when
  // the Timeline should show it: not shown yet, or the other side derived a different value (a
  // tampered transcript). A repeat of the same value is not news.
  bool learn_secret(Side derived_by, const std::string& name, ByteView value);
  bool knows_secret(Side derived_by, const std::string& name) const;

  // Opens a TLS 1.3 record whose sender says which key protects it: the key's record number
  // counts the record whether or not it opens, as the sender used it. nullopt without that
  // secret, or when the record does not authenticate.
  std::optional<OpenedRecord> open(Side from, ByteView record, const std::string& protection);
  // Opens the next TLS 1.3 application_data record from `from` as an observer that sees only
  // bytes: with the current keys, else the application keys (their first record is the sign of
  // the switch). A record number is counted only for a record that opens.
  struct Opened {
    std::string protection;  // what protects it, or the best guess when it did not open
    std::optional<OpenedRecord> record;
  };
  Opened open_next(Side from, ByteView record);

  // An alert from `from` (RFC 8446 6; RFC 5246 7.2): the first fatal one says who refused and
  // why; close_notify closes the sender's half. `sent` is false for one the sender could not send.
  void alert(Side from, std::uint8_t level, std::uint8_t code, std::string reason,
             bool sent = true);
  std::size_t alerts() const { return alerts_; }
  bool sent_close_notify(Side from) const { return direction(from).sent_close_notify; }

 private:
  struct Direction {
    bool change_cipher_spec = false;  // TLS 1.2: its records are protected from here on
    bool application_keys = false;    // TLS 1.3: it has switched to application traffic
    bool sent_close_notify = false;   // its sending half is closed
  };
  using Secrets = std::map<std::string, Bytes>;  // by Timeline name

  static std::size_t index(Side s) { return s == Side::client ? 0 : 1; }
  Direction& direction(Side s) { return directions_[index(s)]; }
  const Direction& direction(Side s) const { return directions_[index(s)]; }
  std::size_t ring(Side s) const { return keyring_ == Keyring::shared ? 0 : index(s); }
  const Tls13RecordOpener* opener(Side from, const std::string& protection);

  Connection& connection_;
  const SimClock& clock_;
  Keyring keyring_;
  Negotiated negotiated_;
  std::size_t step_ = 0;
  std::size_t records_ = 0;
  std::size_t alerts_ = 0;
  std::array<Direction, 2> directions_;
  std::array<Secrets, 2> secrets_;  // per ring: [0] client's or shared, [1] server's
  std::map<std::pair<std::size_t, std::string>, Tls13RecordOpener> openers_;  // ring, name
  // Next record number per key (RFC 8446 5.3). A key's name says whose records it protects.
  std::map<std::string, std::uint64_t> sequence_;
};

}  // namespace tlsclub
