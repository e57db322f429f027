#pragma once
// The wire between one member and the club: one FIFO of records per direction. Nothing moves
// until the simulation delivers a record, one per step, so every step can be seen.

#include <cstddef>
#include <deque>
#include <optional>

#include "core/bytes.h"
#include "core/side.h"

namespace tlsclub {

struct WireRecord {
  std::size_t id = 0;  // seq of the record_sent event, so delivery can refer back to it
  Side from = Side::client;
  Bytes bytes;  // header + fragment
};

class Wire {
 public:
  void send(WireRecord record);
  // The oldest record in flight in either direction (records are delivered in the order they
  // were sent, as on a single TCP connection per direction with no loss).
  std::optional<WireRecord> take_next();
  // The oldest record in flight from one side (to deliver out of order).
  std::optional<WireRecord> take_next_from(Side from);
  bool empty() const { return to_server_.empty() && to_client_.empty(); }

 private:
  std::deque<WireRecord> to_server_;
  std::deque<WireRecord> to_client_;
};

}  // namespace tlsclub
