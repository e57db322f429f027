#pragma once
// Turns what two endpoints report into Timeline events. It knows the record layer well enough
// to say which handshake messages each record carries (RFC 8446 5.2; RFC 5246 6.1 and 7.1); the
// RecordBook it shares with the bridge keeps which secret's keys protect each record and opens
// TLS 1.3 records with the sender's own secrets, to show what they carry.

#include <array>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "endpoint/endpoint.h"
#include "timeline/record_book.h"
#include "timeline/timeline.h"
#include "wire/fault.h"
#include "wire/record.h"
#include "wire/wire.h"

namespace tlsclub {

// What an endpoint was asked to do when it emitted records: it decides what message-less
// encrypted records are (the bytes themselves are opaque).
struct CallContext {
  enum class Action { deliver, start, send_app_data, close } action = Action::deliver;
  Bytes app_data;                          // for send_app_data
  std::optional<std::uint8_t> sent_alert;  // the fatal alert this call ended with, if it threw
  std::string error;                       // what the endpoint said
};

class Recorder final : public EndpointObserver {
 public:
  Recorder(Connection& connection, Wire& wire, const SimClock& clock);

  // After each call into an endpoint: split what it emitted into records and put them on the wire.
  void flush(Side side, const CallContext& context);
  // `record.bytes` may differ from what was sent: a fault changed them on the way.
  void record_delivered(const WireRecord& record);
  void note_fault(const WireRecord& record, const WireFault& fault, std::string note = "");
  // A fault whose record never came: said once, at the end of the visit, with why.
  void note_fault_not_applied(const WireFault& fault, const std::string& why);
  // A forged record no endpoint sent (an injected alert): it gets a record number of its own.
  WireRecord forge_record(Side as_if_from, Bytes bytes, std::string carried);
  // The RecordEvent of a sent record, to match fault triggers against.
  const RecordEvent& sent_record(std::size_t record_id) const;
  std::size_t records_sent() const { return sent_event_.size(); }
  void note_closed(Side side, std::string reason);
  void next_step() { book_.next_step(); }

  bool established(Side s) const { return side(s).established; }
  bool app_data_received(Side s) const { return side(s).app_data_received; }
  bool close_notify_received(Side s) const { return side(s).close_notify_received; }

  // EndpointObserver
  void on_emit(Side from, ByteView bytes) override;
  void on_app_data(Side receiver, ByteView data) override;
  void on_alert_received(Side receiver, const Botan::TLS::Alert& alert) override;
  void on_established(Side side, const Botan::TLS::Session_Summary& summary) override;
  void on_handshake_message(Side observer, const Botan::TLS::Handshake_Message& msg) override;
  void on_secret(Side side, std::string_view label, ByteView client_random,
                 ByteView secret) override;
  void on_shared_secret(Side side, ByteView secret) override;
  void on_checks(Side side, const VerifyResult& result) override;

 private:
  struct PendingMessage {
    std::size_t event_index;  // the MessageEvent to complete when its record goes out
    std::string name;
    std::size_t size;
    std::size_t consumed = 0;
  };
  struct SideState {
    RecordSplitter emitted;
    std::deque<PendingMessage> outgoing;
    std::deque<std::uint8_t> expected_incoming;  // types the peer sent, not yet seen here
    bool established = false;
    bool app_data_received = false;
    bool close_notify_received = false;
    bool closed = false;
  };

  SideState& side(Side s) { return sides_[s == Side::client ? 0 : 1]; }
  const SideState& side(Side s) const { return sides_[s == Side::client ? 0 : 1]; }
  void flush_records(Side from, SideState& me, const CallContext& context);
  void assign_messages(Side from, RecordEvent& record, std::size_t capacity);

  // Both endpoints are ours: each side's records open with the secrets it derived itself.
  RecordBook book_;
  Wire& wire_;
  std::array<SideState, 2> sides_;
  bool rsa_key_exchange_ = false;        // TLS 1.2 with RSA key transport: no ServerKeyExchange
  std::vector<std::size_t> sent_event_;  // record id - 1 -> index of its record_sent event
  std::array<std::string, 2> peer_signature_scheme_;  // as seen by client / server
};

}  // namespace tlsclub
