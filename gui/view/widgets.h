#pragma once
// Small drawing helpers shared by the panels.

#include <imgui.h>

#include <string_view>

#include "view/view_context.h"

namespace tlsclub::gui {

// Text from a string_view (no copy).
void text(std::string_view s);
void text_dim(const ViewContext& ctx, std::string_view s);
void text_coloured(ImU32 colour, std::string_view s);
void text_wrapped(std::string_view s);
void text_wrapped_coloured(ImU32 colour, std::string_view s);

// The explanation of a catalogue key at the level the student chose: the club's sentence, the
// engineer's, and always the RFC section.
void explanation(const ViewContext& ctx, std::string_view key);
// A tooltip of running text, wrapped at a readable width.
void tooltip_wrapped(std::string_view s);
// A small "?" after an item: hovering shows the explanation.
void why(const ViewContext& ctx, std::string_view key, const void* id);

// A padlock (closed: protected; open: plaintext) drawn, not a glyph: DejaVu has none.
void padlock(ImDrawList* draw, ImVec2 centre, float size, ImU32 colour, bool locked);
// A warning triangle for attacks on the wire.
void warning_sign(ImDrawList* draw, ImVec2 centre, float size, ImU32 colour);
// A turning arc while background work runs.
void spinner(float radius, ImU32 colour);

// A draggable bar between two panes; `ratio` is the first pane's share of `total`.
void splitter(const char* id, bool vertical, float thickness, float* ratio, float total,
              float min_ratio, float max_ratio);

// The right edge of the room items have in the current window, inside its scrollbar (which
// GetWindowContentRegionMax does not leave out): in window coordinates, as SameLine takes them,
// and on the screen.
float content_right();
float content_right_on_screen();

// A line made of pieces (words in different colours, small buttons) that continues on the next
// line where the window is too narrow for the next piece, instead of running past its edge.
class Flow {
 public:
  // Text: beside the last piece where it fits, else under it, wrapped when wider than a line.
  void text(ImU32 colour, std::string_view s);
  // Before drawing a widget `width` wide: beside the last piece where it fits, else under it.
  void next(float width);

 private:
  bool started_ = false;
};

// A button that records where it was (tests click it).
bool tracked_button(ViewContext& ctx, const char* label, ButtonId id, ImVec2 size = ImVec2(0, 0));

}  // namespace tlsclub::gui
