#pragma once
// Rows of controls that fit the window they are in (docs/gui.md#small-screens-and-projectors): a
// bar's groups go on its line in order while they fit, and those that do not wait in a "⋯" menu
// at the end of the line, instead of being cut off at the window's edge. Widths are measured as
// the groups are drawn, so the font, the zoom and a HiDPI scale need no guessing.

#include <imgui.h>

#include <array>
#include <span>
#include <string_view>

namespace tlsclub::gui {

struct ViewContext;

// One group of controls, drawn together; it reads and writes everything through the context.
using BarGroup = void (*)(ViewContext& ctx);

class FoldingBar {
 public:
  static constexpr std::size_t kMaxGroups = 8;

  // Chooses how many of `count` groups (a prefix: the first are the most needed) fit in `width`,
  // with the "⋯" button when some do not; returns the width the line of them takes.
  float plan(std::size_t count, float width);
  // Draws the planned groups on the current line (after SameLine, unless `first`), then the "⋯"
  // button whose menu holds the rest. `id` is unique within the window.
  void draw(ViewContext& ctx, const char* id, std::span<const BarGroup> groups, bool first);
  std::size_t shown() const { return shown_; }

 private:
  std::array<float, kMaxGroups> widths_{};  // as last drawn; 0 before the first frame
  std::size_t count_ = 0, shown_ = 0;
};

inline constexpr const char* kEllipsis = "…";

// How much of `s` fits in `width` pixels at `size` with `font`: all of it, or the bytes before a
// character boundary that leave room for the ellipsis (`cut`); `width` is what is drawn, the
// ellipsis included.
struct FittedText {
  std::size_t bytes = 0;
  float width = 0.0f;
  float ellipsis = 0.0f;  // the ellipsis's own width when cut
  bool cut = false;
};
FittedText fit_text(ImFont* font, float size, std::string_view s, float width);

// A selectable row as wide as the window whose text is cut with "…" to fit it (the whole text in
// a tooltip); `id` is unique within the window.
bool selectable_fitted(const char* id, std::string_view text, bool selected);

// Text in at most `width` pixels: cut at a character with "…" when longer, the whole text in a
// tooltip then. Allocates nothing.
void text_fitted(std::string_view s, float width, ImU32 colour);

}  // namespace tlsclub::gui
