#pragma once
// One function per panel (docs/gui.md#layout); each draws into the current ImGui window or child.

#include <span>
#include <string_view>

#include "view/view_context.h"

namespace tlsclub::gui {

// A tab of view/tabs.h with what the window needs to show it.
struct TabPanel {
  Tab tab;
  std::string_view name;  // --tab and the docs: "what-if"
  std::string_view title;
  const char* label;  // the tab's text: "What if  9" (title and digit key)
  Area area;
  int key;  // the digit that brings it forward (0: none)
  void (*draw)(ViewContext& ctx);
};
std::span<const TabPanel> tab_panels();  // in Tab order
const TabPanel& tab_panel(Tab tab);

void draw_menu_bar(ViewContext& ctx);
void draw_scenario_bar(ViewContext& ctx);
void draw_transport_bar(ViewContext& ctx);
void draw_ladder(ViewContext& ctx);
void draw_question(ViewContext& ctx);  // predict mode: the question before a decisive step
// The club view's two halves: the drawing (at most `height` tall) and the step's narration in a
// scrolling child filling the rest, its headline left out where the caller shows it.
void draw_club_scene(ViewContext& ctx, float height);
void draw_narration(ViewContext& ctx, bool headline);
// Only the checks that failed, under the names of their certificates (presentation mode).
void draw_failed_checks(ViewContext& ctx);
// Presentation mode (docs/student-guide.md#presentation-mode): the whole window.
void draw_presentation(ViewContext& ctx);
// The question pending in predict mode, across the whole area it is given (presentation mode).
void draw_question_full(ViewContext& ctx);
// The tabbed panels of view/tabs.h.
#define TLSCLUB_TAB_DRAW(e, name, title, area, key, draw) void draw(ViewContext& ctx);
TLSCLUB_TAB_PANELS(TLSCLUB_TAB_DRAW)
#undef TLSCLUB_TAB_DRAW
void draw_help(ViewContext& ctx);
void draw_export(ViewContext& ctx);      // File ▸ Export: where to, then what was written
void draw_lesson_bar(ViewContext& ctx);  // the lesson being walked, across the window
void draw_club_bar(ViewContext& ctx);    // the club open to real visitors, while it is
void draw_myths(ViewContext& ctx);       // Myth and fact window
void draw_glossary(ViewContext& ctx);    // Glossary window

}  // namespace tlsclub::gui
