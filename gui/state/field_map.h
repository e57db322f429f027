#pragma once
// Field <-> byte mapping: a decoded field tree flattened in wire order, so the inspector can
// highlight a field's bytes and turn a clicked byte back into the field that holds it.

#include <cstdint>
#include <string>
#include <vector>

#include "decode/field.h"
#include "state/stepping.h"
#include "timeline/event.h"

namespace tlsclub::gui {

struct FlatField {
  const Field* field = nullptr;
  std::size_t parent = npos;
  std::size_t depth = 0;
};

class FieldMap {
 public:
  FieldMap() = default;
  // The fields must outlive the map (they live in the Timeline, or in a RecordFields below).
  explicit FieldMap(const std::vector<Field>& fields);

  const std::vector<FlatField>& fields() const { return flat_; }
  std::size_t size() const { return flat_.size(); }
  const Field& field(std::size_t index) const { return *flat_[index].field; }

  // The most specific field that holds `byte`: the shortest range containing it. Siblings that
  // all span the same bytes (a certificate's decoded parts all point at its DER) give way to
  // their parent, which is what the bytes really are. npos when no field covers the byte.
  std::size_t field_at(std::size_t byte) const;
  // Index of the field with this exact Field object (npos when it is not in the map).
  std::size_t index_of(const Field* field) const;
  // `field` and its ancestors, root first: the tree nodes to open to show it.
  std::vector<std::size_t> path_to(std::size_t field) const;

 private:
  void add(const std::vector<Field>& fields, std::size_t parent, std::size_t depth);
  std::vector<FlatField> flat_;
};

// A record's own fields (RFC 8446 5.1 / 5.2): content type, legacy version, length and the
// fragment (encrypted_record when protected), with ranges into its wire bytes.
std::vector<Field> record_fields(const RecordEvent& record);

}  // namespace tlsclub::gui
