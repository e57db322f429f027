#include "wire/record.h"

namespace tlsclub {

std::optional<RecordView> peek_record(ByteView bytes) {
  if (bytes.size() < kRecordHeaderSize) return std::nullopt;
  const std::size_t length = read_u16(bytes, 3);
  if (bytes.size() < kRecordHeaderSize + length) return std::nullopt;
  return RecordView{bytes[0], read_u16(bytes, 1), bytes.subspan(kRecordHeaderSize, length)};
}

std::optional<Bytes> RecordSplitter::next() {
  const auto record = peek_record(pending_);
  if (!record) return std::nullopt;
  const auto size = static_cast<std::ptrdiff_t>(kRecordHeaderSize + record->fragment.size());
  Bytes out(pending_.begin(), pending_.begin() + size);
  pending_.erase(pending_.begin(), pending_.begin() + size);
  return out;
}

}  // namespace tlsclub
