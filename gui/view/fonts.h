#pragma once
// Readable text: DejaVu Sans (it has ✓ ✗ → ▶ ◀ ★ ⚠ and box drawing) found at run time, with
// ImGui's built-in font as the fallback, at the size the screen's scale asks for.

#include <imgui.h>

#include <filesystem>
#include <optional>

namespace tlsclub::gui {

struct FontSet {
  ImFont* ui = nullptr;
  ImFont* mono = nullptr;   // hex views
  ImFont* large = nullptr;  // headlines
  bool truetype = false;    // false: ImGui's default font (ASCII only)
};

// Where a font file is: $TLSCLUB_FONT_DIR, the directories fontconfig is configured with
// (/etc/fonts/fonts.conf <dir>), then the usual places of Debian, Fedora, Arch and macOS.
std::optional<std::filesystem::path> find_font(const char* file_name);

// Adds the fonts to io.Fonts (the caller builds the atlas / the backend uploads it).
// `pixels` is the size at scale 1 times the content scale.
FontSet load_fonts(ImGuiIO& io, float pixels);

// The glyphs the app draws beyond Latin-1: arrows, check marks, shapes, box drawing.
const ImWchar* glyph_ranges();

}  // namespace tlsclub::gui
