#pragma once
// Records a live connection, where only one endpoint is ours and the other is real TLS software
// across a socket. Our endpoint reports what it derives, checks and decides; the records of both
// directions are read like a passive observer holding the key log: plaintext handshake records
// are parsed, TLS 1.3 records are opened with the traffic secrets our endpoint derived (RFC 8446
// 5.2, 7.3), TLS 1.2 records after ChangeCipherSpec are named from what the endpoint reported.
// The result is the same Timeline the simulation records, so the GUI and every export read it;
// the record bookkeeping is the simulation's too (timeline/record_book.h).

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "bridge/handshake_stream.h"
#include "endpoint/endpoint.h"
#include "timeline/record_book.h"
#include "timeline/timeline.h"
#include "wire/record.h"

namespace tlsclub::bridge {

// What our endpoint was asked to do in the call that emitted a record.
struct LocalCall {
  enum class Action { receive, start, send, close } action = Action::receive;
  Bytes data;                              // send: what we said
  std::optional<std::uint8_t> sent_alert;  // the call ended in this fatal alert
  std::string error;                       // what the endpoint said
};

class LiveRecorder final : public EndpointObserver {
 public:
  LiveRecorder(Connection& connection, Side local, const SimClock& clock);

  // Complete records the endpoint emitted since the last take.
  std::vector<Bytes> take_emitted();
  // One record from the peer (header + fragment), after our endpoint read it.
  void remote_record(ByteView record);
  // One record our endpoint emitted during `call`.
  void local_record(ByteView record, const LocalCall& call);
  // After a call: what the endpoint reported during it, and an alert it could not send.
  void end_call(const LocalCall& call);
  void flush_reports();
  void note_closed(Side side, std::string reason);

  bool established() const { return established_; }
  bool app_data_received() const { return app_data_received_; }
  bool close_notify_received() const { return close_notify_received_; }
  bool close_notify_sent() const { return book_.sent_close_notify(local_); }
  // The common name on the peer's certificate that our endpoint checked ("" when none).
  const std::string& peer_name() const { return peer_name_; }
  // The first application data the peer sent (an HTTP request, say), its first 8 KiB.
  const std::string& first_heard() const { return first_heard_; }
  // The host name the client asked for in its ClientHello (SNI), "" when none.
  const std::string& requested_host() const { return requested_host_; }

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
  struct Alert {
    std::uint8_t level = 2;
    std::uint8_t code = 0;
  };

  HandshakeStream& handshake(Side s) { return handshake_[s == Side::client ? 0 : 1]; }
  // What a record carries, beyond its bytes.
  struct Contents {
    std::vector<EventBody> messages;
    std::optional<Alert> alert;
  };
  void record(Side from, ByteView bytes, const LocalCall* call);
  void read_tls13(Side from, ByteView bytes, RecordEvent& r, Contents& c);
  void read_tls12_protected(Side from, std::uint8_t type, const LocalCall* call, RecordEvent& r,
                            Contents& c);
  std::optional<Bytes> spoken(Side from, const LocalCall* call);
  void handshake_messages(Side from, ByteView content, RecordEvent& r, std::vector<EventBody>& out);
  void learn_from(const MessageEvent& m);
  std::optional<Alert> tls12_alert(Side from, const LocalCall* call);

  // Our endpoint derives both directions' secrets: one keyring opens every record.
  RecordBook book_;
  Side local_;
  RecordSplitter emitted_;
  HandshakeStream handshake_[2];        // per direction: messages may span records
  std::vector<EventBody> reports_;      // reported during the current call, appended after it
  std::size_t alerts_before_call_ = 0;  // the book's alert count when the current call began
  std::deque<Bytes> finished12_;        // TLS 1.2 Finished messages as the endpoint saw them
  std::deque<Alert> received_alerts_;   // alerts the endpoint read (TLS 1.2 encrypts them)
  std::deque<Bytes> received_data_;     // application data the endpoint read
  std::string first_heard_;
  bool established_ = false;
  bool app_data_received_ = false;
  bool close_notify_received_ = false;
  std::string peer_name_;
  std::string requested_host_;
  std::string peer_signature_scheme_;
};

}  // namespace tlsclub::bridge
