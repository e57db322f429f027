#include "state/field_map.h"

#include <cstdio>

#include "decode/handshake_decoder.h"
#include "timeline/protection.h"

namespace tlsclub::gui {

FieldMap::FieldMap(const std::vector<Field>& fields) {
  add(fields, npos, 0);
}

void FieldMap::add(const std::vector<Field>& fields, std::size_t parent, std::size_t depth) {
  for (const Field& f : fields) {
    const std::size_t me = flat_.size();
    flat_.push_back({&f, parent, depth});
    add(f.children, me, depth + 1);
  }
}

std::size_t FieldMap::field_at(std::size_t byte) const {
  std::size_t best = npos;
  for (std::size_t i = 0; i < flat_.size(); ++i) {
    const Field& f = *flat_[i].field;
    if (byte < f.offset || byte >= f.offset + f.length) continue;
    // Shorter wins; on a tie the deeper one (a child that is its parent's whole content).
    if (best == npos || f.length < field(best).length ||
        (f.length == field(best).length && flat_[i].depth > flat_[best].depth))
      best = i;
  }
  if (best == npos) return npos;
  const std::size_t parent = flat_[best].parent;
  if (parent == npos) return best;
  for (const Field& sibling : field(parent).children) {
    if (&sibling != flat_[best].field && sibling.offset == field(best).offset &&
        sibling.length == field(best).length)
      return parent;
  }
  return best;
}

std::size_t FieldMap::index_of(const Field* f) const {
  for (std::size_t i = 0; i < flat_.size(); ++i)
    if (flat_[i].field == f) return i;
  return npos;
}

std::vector<std::size_t> FieldMap::path_to(std::size_t f) const {
  std::vector<std::size_t> path;
  for (std::size_t at = f; at != npos; at = flat_[at].parent) path.insert(path.begin(), at);
  return path;
}

std::vector<Field> record_fields(const RecordEvent& r) {
  std::vector<Field> fields;
  if (r.bytes.size() < 5) return fields;
  char version[16];
  std::snprintf(version, sizeof version, "0x%04x", read_u16(r.bytes, 1));
  const std::size_t length = read_u16(r.bytes, 3);
  const std::string type = content_type_name(r.bytes[0]);
  fields.push_back(
      {"content_type", type + " (" + std::to_string(r.bytes[0]) + ")", 0, 1, "record." + type, {}});
  fields.push_back({"legacy_record_version", version, 1, 2, "field.legacy_version", {}});
  fields.push_back({"length", std::to_string(length) + " bytes", 3, 2, "field.length", {}});
  const bool encrypted = is_encrypted(r.protection);
  std::string value = std::to_string(r.bytes.size() - 5) + " bytes";
  if (encrypted) value += ", sealed with " + r.protection;
  fields.push_back({encrypted ? "encrypted_record" : "fragment",
                    value,
                    5,
                    r.bytes.size() - 5,
                    std::string(explain_key(keys_of(r.protection))),
                    {}});
  return fields;
}

}  // namespace tlsclub::gui
