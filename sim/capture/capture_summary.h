#pragma once
// What a capture holds, per TLS connection, without keys: the endpoints, SNI, the version and
// cipher suite the server chose, its key share group, a guess at the outcome, and the bytes and
// records each way. The reader, the layers, the reassembler and the record scanner in a row.

#include <cstdint>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "capture/capture_reader.h"
#include "capture/packet_layers.h"
#include "capture/tcp_reassembly.h"
#include "capture/tls_stream.h"

namespace tlsclub::capture {

// A guess from the plaintext alone: an encrypted alert looks like data without the keys.
enum class Outcome {
  completed,        // both sides got to protected records past their Finished (guess_outcome)
  alert,            // an alert in the clear (other than close_notify)
  encrypted_alert,  // TLS 1.3: a protected record of an alert's size where Finished or the
                    // server's reply to it belongs
  incomplete,       // the handshake stops before that (or the capture does)
};
const char* to_string(Outcome o);

struct ConnectionSummary {
  std::uint64_t id = 0;  // the reassembler's connection number (TCP connections, from 1)
  Endpoint client, server;
  std::string server_name;  // SNI; empty when the client sent none
  std::vector<std::string> alpn_offered;
  std::string alpn_chosen;               // TLS 1.2 only (1.3 sends it encrypted)
  std::optional<std::uint16_t> version;  // the server's choice; nothing without a ServerHello
  std::optional<std::uint16_t> cipher_suite;
  std::optional<std::uint16_t> key_share_group;
  bool hello_retry_request = false;
  Bytes client_random;  // the key log's name for this connection; empty without a ClientHello
  Outcome outcome = Outcome::incomplete;
  std::optional<Alert> alert;         // the first alert in the clear
  Side alert_from = Side::client;     // who sent it (or the encrypted alert)
  std::uint64_t bytes[2] = {0, 0};    // [client → server, server → client]
  std::uint64_t records[2] = {0, 0};  // records framed (stops at a gap)
  bool gap = false;                   // bytes missing in either direction
  std::uint64_t first_packet = 0, last_packet = 0;
};

// Collects the summaries of TLS connections as the reassembler delivers their streams. Memory:
// two record scanners per live connection and one summary per TLS connection, at most
// kMaxSummaries (the rest are counted in not_listed()).
class CaptureSummary final : public StreamVisitor {
 public:
  static constexpr std::size_t kMaxSummaries = 100000;

  void on_open(std::uint64_t id, const Endpoint& client, const Endpoint& server) override;
  void on_data(std::uint64_t id, Side from, ByteView bytes, std::uint64_t packet) override;
  void on_gap(std::uint64_t id, Side from, std::uint64_t missing) override;
  void on_close(std::uint64_t id) override;

  const std::vector<ConnectionSummary>& tls_connections() const { return done_; }
  std::uint64_t other_connections() const { return other_; }
  std::uint64_t not_listed() const { return not_listed_; }

 private:
  struct Live {
    ConnectionSummary summary;
    TlsDirection client{Side::client};
    TlsDirection server{Side::server};
    // Which of the server's application_data records is the first after the client's first.
    std::optional<std::size_t> server_reply;
  };
  std::map<std::uint64_t, std::unique_ptr<Live>> live_;
  std::vector<ConnectionSummary> done_;
  std::uint64_t other_ = 0, not_listed_ = 0;
};

// The outcome the records suggest (see Outcome), and who sent the alert it names. `server_reply`:
// the index of the server's first application_data record after the client's first.
std::pair<Outcome, Side> guess_outcome(const TlsDirection& client, const TlsDirection& server,
                                       std::optional<std::size_t> server_reply);

struct CaptureOverview {
  CaptureFormat format = CaptureFormat::pcap;
  bool compressed = false;
  std::uint64_t packets = 0;
  std::uint64_t tcp_segments = 0;
  std::vector<ConnectionSummary> tls;   // in the order the connections were first seen
  std::uint64_t other_connections = 0;  // TCP connections that are not TLS
  std::uint64_t not_listed = 0;
  std::vector<std::string> key_logs;  // from pcapng Decryption Secrets Blocks
};

// Reads the whole capture (streaming); throws CaptureError on a damaged file.
CaptureOverview summarize_capture(std::istream& in);

}  // namespace tlsclub::capture
