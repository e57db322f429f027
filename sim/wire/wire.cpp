#include "wire/wire.h"

namespace tlsclub {

void Wire::send(WireRecord record) {
  auto& queue = record.from == Side::client ? to_server_ : to_client_;
  queue.push_back(std::move(record));
}

std::optional<WireRecord> Wire::take_next() {
  std::deque<WireRecord>* queue = nullptr;
  if (!to_server_.empty() && (to_client_.empty() || to_server_.front().id < to_client_.front().id))
    queue = &to_server_;
  else if (!to_client_.empty())
    queue = &to_client_;
  if (queue == nullptr) return std::nullopt;
  WireRecord record = std::move(queue->front());
  queue->pop_front();
  return record;
}

std::optional<WireRecord> Wire::take_next_from(Side from) {
  auto& queue = from == Side::client ? to_server_ : to_client_;
  if (queue.empty()) return std::nullopt;
  WireRecord record = std::move(queue.front());
  queue.pop_front();
  return record;
}

}  // namespace tlsclub
