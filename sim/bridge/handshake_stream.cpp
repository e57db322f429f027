#include "bridge/handshake_stream.h"

namespace tlsclub::bridge {

void HandshakeStream::append(ByteView content) {
  if (overflowed_) return;
  pending_.insert(pending_.end(), content.begin(), content.end());
}

std::optional<Bytes> HandshakeStream::next() {
  if (overflowed_ || pending_.size() < 4) return std::nullopt;
  const std::size_t length = read_u24(pending_, 1);
  if (length > kMaxMessage) {
    overflowed_ = true;
    pending_.clear();
    return std::nullopt;
  }
  if (pending_.size() < 4 + length) return std::nullopt;
  Bytes message(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(4 + length));
  pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(4 + length));
  return message;
}

}  // namespace tlsclub::bridge
