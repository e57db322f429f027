#include "state/record_map.h"

#include <algorithm>

#include "timeline/protection.h"

namespace tlsclub::gui {

RecordMap map_record(const Connection& c, std::size_t record_event) {
  RecordMap map;
  const auto* given = std::get_if<RecordEvent>(&c.events[record_event].body);
  if (given == nullptr) return map;
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    const auto* r = std::get_if<RecordEvent>(&c.events[i].body);
    if (r == nullptr || r->record_id != given->record_id) continue;
    if (r->phase == RecordEvent::Phase::sent && map.sent_event == npos) map.sent_event = i;
    if (r->phase == RecordEvent::Phase::delivered && map.delivered_event == npos)
      map.delivered_event = i;
  }
  if (map.sent_event == npos) return map;
  const auto& sent = std::get<RecordEvent>(c.events[map.sent_event].body);
  if (map.delivered_event != npos) {
    const auto& arrived = std::get<RecordEvent>(c.events[map.delivered_event].body);
    for (std::size_t b = 0; b < std::min(sent.bytes.size(), arrived.bytes.size()); ++b)
      if (sent.bytes[b] != arrived.bytes[b]) map.changed.push_back(b);
  }

  // The bytes that hold the messages, and where in them to start looking.
  ByteView block;
  if (sent.plaintext) {
    map.messages_in = ByteBlock::inner;
    block = *sent.plaintext;
  } else if (!is_encrypted(sent.protection) && sent.bytes.size() > 5) {
    map.messages_in = ByteBlock::wire;
    block = ByteView(sent.bytes);
  } else {
    return map;  // TLS 1.2 ciphertext: the engine does not open it
  }
  std::size_t from = map.messages_in == ByteBlock::wire ? 5 : 0;
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    const auto* m = std::get_if<MessageEvent>(&c.events[i].body);
    if (m == nullptr || m->record_id != sent.record_id || m->from != sent.from) continue;
    const Bytes& bytes = m->message.bytes;
    if (bytes.empty() || from > block.size()) continue;
    const auto it = std::search(block.begin() + static_cast<std::ptrdiff_t>(from), block.end(),
                                bytes.begin(), bytes.end());
    if (it == block.end()) continue;  // split across records: not shown inside this one
    const auto start = static_cast<std::size_t>(it - block.begin());
    map.spans.push_back({i, start, bytes.size()});
    from = start + bytes.size();
  }
  return map;
}

std::size_t record_of_message(const Connection& c, std::size_t message_event) {
  const auto* m = std::get_if<MessageEvent>(&c.events[message_event].body);
  if (m == nullptr) return npos;
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    const auto* r = std::get_if<RecordEvent>(&c.events[i].body);
    if (r != nullptr && r->phase == RecordEvent::Phase::sent && r->record_id == m->record_id)
      return i;
  }
  return npos;
}

MessageHit message_at(const RecordMap& map, ByteBlock block, std::size_t offset) {
  if (block != map.messages_in) return {};
  for (const MessageSpan& s : map.spans)
    if (offset >= s.start && offset < s.start + s.length) return {s.event, offset - s.start};
  return {};
}

}  // namespace tlsclub::gui
