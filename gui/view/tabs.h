#pragma once
// The tabbed panels, one line each: everything about a tab comes from this list (the Tab enum,
// its --tab name, its label and digit key, the part of the window it lives in, the function that
// draws it), so a new panel is one line here and one file with its draw function
// (docs/development.md, "Add a panel").
//
//   X(enumerator, --tab name, title, area, digit key (0: none), draw function)
//
// Areas (docs/gui.md#layout): top_left beside the ladder, inspector below it, side at the bottom
// right.

#include <cstdint>

#define TLSCLUB_TAB_PANELS(X)                                                      \
  X(course, "course", "Course", top_left, 1, draw_course)                          \
  X(club, "club", "Club view", top_left, 2, draw_club_view)                        \
  X(library, "library", "Library", top_left, 3, draw_library)                      \
  X(fields, "fields", "Fields", inspector, 4, draw_fields)                         \
  X(bytes, "bytes", "Bytes", inspector, 5, draw_bytes)                             \
  X(certificates, "certificates", "Certificates", inspector, 6, draw_certificates) \
  X(checklist, "checklist", "Checklist", side, 7, draw_checklist)                  \
  X(secrets, "secrets", "Secrets", side, 8, draw_secrets)                          \
  X(what_if, "what-if", "What if", side, 9, draw_what_if)                          \
  X(records, "records", "Records", inspector, 0, draw_records)                     \
  X(wire, "wire", "Wire", inspector, 0, draw_wire)

namespace tlsclub::gui {

enum class Tab : std::uint8_t {
#define TLSCLUB_TAB_ENUMERATOR(e, name, title, area, key, draw) e,
  TLSCLUB_TAB_PANELS(TLSCLUB_TAB_ENUMERATOR)
#undef TLSCLUB_TAB_ENUMERATOR
      count
};

enum class Area : std::uint8_t { top_left, inspector, side };

}  // namespace tlsclub::gui
