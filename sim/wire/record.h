#pragma once
// TLS records as they cross the wire (RFC 8446 5.1, RFC 5246 6.2.1): a 5-byte header
// (content type, legacy version, uint16 length) and the fragment.

#include <cstdint>
#include <optional>

#include "core/bytes.h"
#include "core/tls_codes.h"

namespace tlsclub {

inline constexpr std::size_t kRecordHeaderSize = 5;

struct RecordView {
  std::uint8_t content_type = 0;
  std::uint16_t legacy_version = 0;
  ByteView fragment;
};

// Splits one record off the front of `bytes`; nullopt when fewer bytes than one full record.
std::optional<RecordView> peek_record(ByteView bytes);

// Collects what an endpoint emits (Botan may hand over several records, or part of one, per
// call) and hands out complete records.
class RecordSplitter {
 public:
  void append(ByteView bytes) { pending_.insert(pending_.end(), bytes.begin(), bytes.end()); }
  // The next complete record (header + fragment), or nullopt.
  std::optional<Bytes> next();
  bool empty() const { return pending_.empty(); }

 private:
  Bytes pending_;
};

}  // namespace tlsclub
