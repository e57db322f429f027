#pragma once
// One selection, shared by every panel (docs/gui.md#one-selection): an arrow, a message, a field, a
// byte, a check, a certificate or a secret. Panels ask it what to highlight; clicks anywhere change
// it here.

#include <cstdint>
#include <vector>

#include "state/field_map.h"
#include "state/record_map.h"
#include "timeline/timeline.h"

namespace tlsclub::gui {

struct Selection {
  std::size_t connection = npos;
  std::size_t event = npos;  // a record (its sent event), message, check, secret, alert, ...
  std::size_t field = npos;  // a field of that message, or of that record (record_fields)
  bool operator==(const Selection&) const = default;
};

// Byte ranges to highlight in one hex block: the selected message's span, then its field.
struct Highlight {
  std::size_t span_start = 0, span_length = 0;
  std::size_t field_start = 0, field_length = 0;
};

class SelectionModel {
 public:
  SelectionModel() = default;
  // The field map points into this object: it is never copied.
  SelectionModel(const SelectionModel&) = delete;
  SelectionModel& operator=(const SelectionModel&) = delete;

  // A new Timeline (a lesson, a what-if branch): everything that pointed into the old one goes.
  void attach(const Timeline* timeline);
  const Timeline* timeline() const { return timeline_; }

  const Selection& current() const { return selection_; }
  // Counts changes, so a panel can scroll what was just selected into view once.
  std::uint64_t generation() const { return generation_; }

  void clear();
  void select_event(std::size_t connection, std::size_t event);
  void select_field(std::size_t field);  // within the selected message or record
  // A click on a byte of the inspector's hex view: selects the message and field holding it.
  void select_byte(ByteBlock block, std::size_t offset);
  // Restore a selection (switching branches keeps what the student looked at when it exists).
  void restore(const Selection& selection);

  // What the selection is, for the panels (nullptr when it is something else).
  const Event* event() const;
  const MessageEvent* message() const;
  const RecordEvent* record() const;  // the selected record, or the one carrying the message
  std::size_t record_event() const { return record_event_; }
  const RecordMap& record_map() const { return record_map_; }
  const FieldMap& fields() const { return fields_; }  // of the selected message or record
  const std::vector<Field>& record_header_fields() const { return record_fields_; }

  Highlight highlight(ByteBlock block) const;

 private:
  void rebuild();
  const Timeline* timeline_ = nullptr;
  Selection selection_;
  std::uint64_t generation_ = 0;
  std::size_t record_event_ = npos;
  RecordMap record_map_;
  std::vector<Field> record_fields_;  // owned here: the FieldMap of a record points into it
  FieldMap fields_;
};

}  // namespace tlsclub::gui
