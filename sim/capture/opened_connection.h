#pragma once
// One captured TLS connection's records, both directions, opened with a key log: which key
// protected each record, its plaintext, and the handshake messages reassembled across records
// and decoded (sim/decode), or why a record could not be opened.
//
// Keys follow the protocol: TLS 1.3 (RFC 8446 2, 7.1-7.3) protects every application_data
// record, a side's handshake traffic key up to its Finished and its application traffic key
// after it, the next one after each KeyUpdate (RFC 8446 4.6.3); a client that logged an early
// traffic secret starts with it (0-RTT) until EndOfEarlyData or the first record that opens
// only under its handshake key (the server refused the early data). The dummy ChangeCipherSpec
// records of RFC 8446 D.4, the hellos (two ClientHellos after a HelloRetryRequest) and alerts
// sent before the keys are in the clear. TLS 1.2 (RFC 5246 7.1) protects a side's records after
// its ChangeCipherSpec with the key block of the master secret.

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "capture/key_log.h"
#include "capture/record_opener.h"
#include "core/bytes.h"
#include "core/side.h"
#include "decode/field.h"

namespace tlsclub::capture {

inline constexpr const char* kCleartext = "none (cleartext)";

struct OpenedRecord {
  Side from = Side::client;
  std::uint64_t number = 0;  // 1-based, in its direction
  std::uint64_t index = 0;   // 1-based, in the capture's order across both directions
  std::uint64_t packet = 0;  // the packet that completed it
  std::int64_t timestamp_ns = 0;
  std::uint8_t wire_type = 0;  // the content type in the header
  std::size_t length = 0;      // the fragment's length on the wire
  bool encrypted = false;
  std::string key;  // kCleartext, "server handshake traffic key", "client write key", ...
  std::uint64_t sequence = 0;     // its sequence number under that key (encrypted records)
  bool opened = false;            // encrypted and opened
  std::uint8_t content_type = 0;  // the real type: TLS 1.3's inner type once opened
  // The cleartext fragment, or what opening gave: at most kKeptPlaintext bytes of it (the
  // handshake messages are decoded from all of it).
  Bytes plaintext;
  std::size_t plaintext_length = 0;      // all of it
  std::vector<DecodedMessage> messages;  // handshake messages that end in this record
  std::string note;   // "dummy ChangeCipherSpec (RFC 8446 D.4)", "KeyUpdate: ..."
  std::string error;  // could not open: why
};

struct OpenedConnection {
  std::uint64_t id = 0;  // the reassembler's connection number, as the summary's
  std::optional<std::uint16_t> version, cipher_suite;
  Bytes client_random;
  bool secrets_found = false;  // the key log has secrets for this client random
  std::uint64_t encrypted = 0, opened = 0;
  std::vector<OpenedRecord> records;  // when kept (see ConnectionOpener)
  std::vector<std::string> notes;     // "resumed session (abbreviated handshake)", bytes missing
};

// Records of one connection in the order the capture delivered them. `keys` may be null (no key
// log). With `keep_records` false only the counts are kept (the list of every connection).
class ConnectionOpener {
 public:
  // Past this many handshake bytes waiting for the rest of a message, the direction's messages
  // are no longer decoded (a certificate chain is far smaller).
  static constexpr std::size_t kMaxHandshakeBuffer = 1u << 20;
  // Records held until the ServerHello says how to open them (0-RTT data arrives before it).
  static constexpr std::size_t kMaxPending = 256;
  // What a connection keeps for the reader, so a long download does not fill the memory: the
  // first bytes of each record's plaintext and the first records (the rest are counted).
  static constexpr std::size_t kKeptPlaintext = 4096;
  static constexpr std::size_t kMaxKeptRecords = 100000;

  ConnectionOpener(std::uint64_t id, const KeyLog* keys, bool keep_records);

  // `record`: header and fragment as on the wire.
  void record(Side from, ByteView record, std::uint64_t packet = 0, std::int64_t time_ns = 0);
  // Bytes of that direction are missing: its record boundaries are lost.
  void gap(Side from);
  OpenedConnection finish();

 private:
  enum class Phase { cleartext, early, handshake, application };
  struct Direction {
    explicit Direction(Side s) : side(s) {}
    Side side;
    std::uint64_t number = 0;
    bool lost = false;
    bool encrypting = false;  // TLS 1.2: after its ChangeCipherSpec
    Phase phase = Phase::cleartext;
    unsigned updates = 0;  // KeyUpdates so far
    Bytes secret;          // TLS 1.3: the current traffic secret
    std::string key;       // the name of the current key
    std::optional<RecordOpener> opener;
    std::optional<RecordOpener> fallback;  // 0-RTT: the handshake key, should early data fail
    std::string key_error;                 // why there is no opener
    Bytes handshake;                       // handshake bytes of a message not yet whole
    bool handshake_broken = false;
  };
  struct Pending {
    Side from;
    Bytes bytes;
    std::uint64_t packet;
    std::int64_t time_ns;
    std::uint64_t number, index;
  };

  Direction& direction(Side from) { return from == Side::client ? client_ : server_; }
  void process(Side from, ByteView record, std::uint64_t packet, std::int64_t time_ns,
               std::uint64_t number, std::uint64_t index);
  void open_protected(Direction& d, OpenedRecord& r, ByteView record);
  void handshake_bytes(Direction& d, OpenedRecord& r, ByteView bytes);
  void after_message(Direction& d, OpenedRecord& r, std::uint8_t type, ByteView body);
  void start_tls12_keys(Direction& d);
  void start_tls13_keys(Direction& d, Phase phase);
  std::optional<Bytes> secret(const std::string& label, std::string& error) const;
  void keep(OpenedRecord r);

  const KeyLog* keys_;
  bool keep_records_;
  OpenedConnection out_;
  Direction client_{Side::client}, server_{Side::server};
  Bytes server_random_;
  bool server_hello_ = false;
  bool retried_ = false;  // a HelloRetryRequest came first
  std::uint64_t records_seen_ = 0;
  std::vector<Pending> pending_;
  bool pending_overflow_ = false;
  bool records_cut_ = false;  // kMaxKeptRecords reached
};

struct OpenOptions {
  std::optional<std::uint64_t> connection;  // just this one; otherwise every TLS connection
  bool keep_records = true;
};

// Reads the capture (streaming) and opens its TLS connections' records; throws CaptureError on
// a damaged file. Connections are in the order they were first seen.
std::vector<OpenedConnection> open_capture(std::istream& in, const KeyLog* keys,
                                           const OpenOptions& options);

}  // namespace tlsclub::capture
