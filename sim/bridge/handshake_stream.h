#pragma once
// Handshake messages out of the handshake content of one direction's records. A message may be
// split over several records and several messages may share one (RFC 8446 5.1, RFC 5246 6.2.1),
// so the bytes are collected until a message (4-byte header: type, uint24 length) is complete.

#include <cstddef>
#include <optional>

#include "core/bytes.h"

namespace tlsclub::bridge {

class HandshakeStream {
 public:
  // Larger than any handshake message the club exchanges (certificate chains included); a peer
  // announcing more is not followed.
  static constexpr std::size_t kMaxMessage = 1 << 17;

  void append(ByteView content);
  // The next complete message, header included; nullopt until one is complete.
  std::optional<Bytes> next();
  // True once a message announced more than kMaxMessage bytes: everything after it is ignored.
  bool overflowed() const { return overflowed_; }
  bool empty() const { return pending_.empty(); }

 private:
  Bytes pending_;
  bool overflowed_ = false;
};

}  // namespace tlsclub::bridge
