#pragma once
// One direction of a TCP connection read as TLS records (RFC 8446 5.1, RFC 5246 6.2.1): content
// type, legacy version, length, fragment. Without keys only the plaintext shows: the record
// headers, the hellos, ChangeCipherSpec and the alerts sent before encryption; the rest is
// counted. Bytes arrive in pieces (as TCP delivers them); memory is one record header and, until
// the hello is read, at most kMaxHello bytes of handshake messages.

#include <cstdint>
#include <optional>
#include <vector>

#include "capture/hello_fields.h"
#include "core/bytes.h"
#include "core/side.h"

namespace tlsclub::capture {

// RFC 8446 5.1: a TLSPlaintext fragment is at most 2^14 bytes; a TLSCiphertext adds at most 256,
// RFC 5246 6.2.3 allows 2^14 + 2048. Longer is not a record.
inline constexpr std::uint16_t kMaxRecordLength = 16384 + 2048;
inline constexpr std::size_t kMaxHello = 65536;

// The first bytes of a TLS record header: a content type 20..24 and version 3.0 .. 3.4, with a
// length a record may have. How a capture tells TLS from other traffic on any port.
bool looks_like_record_header(ByteView header);

struct Alert {
  std::uint8_t level = 0;        // 1 warning, 2 fatal
  std::uint8_t description = 0;  // RFC 8446 6
};

class TlsDirection {
 public:
  explicit TlsDirection(Side from) : from_(from) {}

  void feed(ByteView bytes);
  // Bytes are missing: record boundaries are lost from here on (counts stop).
  void gap();

  enum class Verdict { unknown, tls, not_tls };
  Verdict verdict() const { return verdict_; }

  std::uint64_t bytes() const { return bytes_; }
  std::uint64_t records() const { return records_; }
  std::uint64_t application_data_records() const { return application_data_; }
  std::uint64_t change_cipher_spec_records() const { return change_cipher_spec_; }
  std::uint64_t records_after_change_cipher_spec() const { return after_ccs_; }
  bool lost() const { return lost_; }  // record boundaries lost (a gap, or not TLS)
  bool had_gap() const { return had_gap_; }

  const std::optional<ClientHelloFields>& client_hello() const { return client_hello_; }
  const std::optional<ServerHelloFields>& server_hello() const { return server_hello_; }
  bool hello_retry_request() const { return retry_request_; }
  // The first alert sent in the clear (a 2-byte alert record).
  const std::optional<Alert>& plaintext_alert() const { return alert_; }
  std::uint64_t protected_alerts() const { return protected_alerts_; }
  // The lengths of the first kKeptLengths application_data records, in order.
  static constexpr std::size_t kKeptLengths = 32;
  const std::vector<std::uint16_t>& application_data_lengths() const { return lengths_; }

 private:
  void start_record();
  void record_body(ByteView bytes);
  void end_record();
  void read_handshake_messages();

  Side from_;
  Verdict verdict_ = Verdict::unknown;
  std::uint64_t bytes_ = 0, records_ = 0, application_data_ = 0, change_cipher_spec_ = 0,
                after_ccs_ = 0, protected_alerts_ = 0;
  bool lost_ = false, had_gap_ = false;

  std::uint8_t header_[5] = {};
  std::size_t header_have_ = 0;
  std::size_t body_left_ = 0;
  std::uint8_t alert_bytes_[2] = {};
  std::size_t alert_have_ = 0;

  bool want_hello_ = true;
  Bytes handshake_;  // handshake message bytes until the hello is read
  bool retry_request_ = false;
  std::optional<ClientHelloFields> client_hello_;
  std::optional<ServerHelloFields> server_hello_;
  std::optional<Alert> alert_;
  std::vector<std::uint16_t> lengths_;
};

}  // namespace tlsclub::capture
