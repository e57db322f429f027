#pragma once
// Where each handshake message sits inside the bytes of the record that carried it: in the wire
// bytes of a plaintext record, in the opened content of a TLS 1.3 encrypted one. TLS 1.2 records
// are not opened by the engine, so their messages are shown as their sender built them.

#include <vector>

#include "state/stepping.h"
#include "timeline/timeline.h"

namespace tlsclub::gui {

enum class ByteBlock : std::uint8_t { message, wire, inner };

struct MessageSpan {
  std::size_t event = npos;  // the MessageEvent
  std::size_t start = 0;     // in the block that holds the messages
  std::size_t length = 0;
};

struct RecordMap {
  std::size_t sent_event = npos;
  std::size_t delivered_event = npos;  // npos: never delivered (dropped)
  ByteBlock messages_in = ByteBlock::wire;
  std::vector<MessageSpan> spans;    // in wire order; only messages whose bytes were found
  std::vector<std::size_t> changed;  // wire offsets where the delivered bytes differ from the sent
};

// `record_event` may be the sent or the delivered RecordEvent of the record.
RecordMap map_record(const Connection& connection, std::size_t record_event);

// The record event carrying a message (its `sent` one), npos when none.
std::size_t record_of_message(const Connection& connection, std::size_t message_event);

// The message (and the offset inside it) at `offset` of `block`, if a message is there.
struct MessageHit {
  std::size_t event = npos;
  std::size_t offset = 0;
};
MessageHit message_at(const RecordMap& map, ByteBlock block, std::size_t offset);

}  // namespace tlsclub::gui
