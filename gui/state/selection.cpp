#include "state/selection.h"

namespace tlsclub::gui {

void SelectionModel::attach(const Timeline* timeline) {
  timeline_ = timeline;
  clear();
}

void SelectionModel::clear() {
  selection_ = {};
  rebuild();
}

void SelectionModel::select_event(std::size_t connection, std::size_t event) {
  if (timeline_ == nullptr || connection >= timeline_->connections.size() ||
      event >= timeline_->connections[connection].events.size())
    return;
  const Selection next{connection, event, npos};
  if (next == selection_) return;
  selection_ = next;
  rebuild();
}

void SelectionModel::select_field(std::size_t field) {
  if (selection_.event == npos || (field != npos && field >= fields_.size())) return;
  if (selection_.field == field) return;
  selection_.field = field;
  ++generation_;
}

void SelectionModel::restore(const Selection& s) {
  if (timeline_ == nullptr || s.connection >= timeline_->connections.size() ||
      s.event >= timeline_->connections[s.connection].events.size()) {
    clear();
    return;
  }
  selection_ = {s.connection, s.event, npos};
  rebuild();
  if (s.field < fields_.size()) selection_.field = s.field;
}

void SelectionModel::select_byte(ByteBlock block, std::size_t offset) {
  if (selection_.event == npos) return;
  if (block == ByteBlock::message) {
    if (message() != nullptr) select_field(fields_.field_at(offset));
    return;
  }
  if (record_event_ == npos) return;
  const MessageHit hit = message_at(record_map_, block, offset);
  if (hit.event != npos) {
    select_event(selection_.connection, hit.event);
    select_field(fields_.field_at(hit.offset));
    return;
  }
  // Record framing (or sealed bytes): the record itself, and its field at that byte.
  select_event(selection_.connection, record_event_);
  if (block == ByteBlock::wire) select_field(fields_.field_at(offset));
}

const Event* SelectionModel::event() const {
  if (timeline_ == nullptr || selection_.event == npos) return nullptr;
  return &timeline_->connections[selection_.connection].events[selection_.event];
}

const MessageEvent* SelectionModel::message() const {
  const Event* e = event();
  return e != nullptr ? std::get_if<MessageEvent>(&e->body) : nullptr;
}

const RecordEvent* SelectionModel::record() const {
  if (record_event_ == npos) return nullptr;
  return &std::get<RecordEvent>(
      timeline_->connections[selection_.connection].events[record_event_].body);
}

void SelectionModel::rebuild() {
  ++generation_;
  record_event_ = npos;
  record_map_ = {};
  record_fields_.clear();
  fields_ = {};
  const Event* e = event();
  if (e == nullptr) return;
  const Connection& c = timeline_->connections[selection_.connection];
  if (const auto* m = std::get_if<MessageEvent>(&e->body)) {
    fields_ = FieldMap(m->message.fields);
    record_event_ = record_of_message(c, selection_.event);
  } else if (std::holds_alternative<RecordEvent>(e->body)) {
    // A delivered event stands for its record: select the sent one, which the ladder draws.
    record_event_ = selection_.event;
    record_map_ = map_record(c, selection_.event);
    if (record_map_.sent_event != npos) record_event_ = selection_.event = record_map_.sent_event;
    record_fields_ = record_fields(std::get<RecordEvent>(c.events[record_event_].body));
    fields_ = FieldMap(record_fields_);
    return;
  }
  if (record_event_ != npos) record_map_ = map_record(c, record_event_);
}

Highlight SelectionModel::highlight(ByteBlock block) const {
  Highlight h;
  const Field* field = selection_.field != npos ? &fields_.field(selection_.field) : nullptr;
  if (message() != nullptr) {
    if (block == ByteBlock::message) {
      if (field != nullptr) h.field_start = field->offset, h.field_length = field->length;
      return h;
    }
    if (block != record_map_.messages_in) return h;
    for (const MessageSpan& s : record_map_.spans) {
      if (s.event != selection_.event) continue;
      h.span_start = s.start;
      h.span_length = s.length;
      if (field != nullptr) h.field_start = s.start + field->offset, h.field_length = field->length;
    }
    return h;
  }
  if (record() != nullptr && block == ByteBlock::wire && field != nullptr) {
    h.field_start = field->offset;
    h.field_length = field->length;
  }
  return h;
}

}  // namespace tlsclub::gui
