#pragma once
// One function per panel (docs/gui.md#layout); each draws into the current ImGui window or child.

#include "view/view_context.h"

namespace tlsclub::gui {

void draw_menu_bar(ViewContext& ctx);
void draw_scenario_bar(ViewContext& ctx);
void draw_transport_bar(ViewContext& ctx);
void draw_ladder(ViewContext& ctx);
void draw_question(ViewContext& ctx);  // predict mode: the question before a decisive step
void draw_club_view(ViewContext& ctx);
void draw_library(ViewContext& ctx);
void draw_fields(ViewContext& ctx);
void draw_bytes(ViewContext& ctx);
void draw_certificates(ViewContext& ctx);
void draw_checklist(ViewContext& ctx);
void draw_secrets(ViewContext& ctx);
void draw_what_if(ViewContext& ctx);
void draw_help(ViewContext& ctx);
void draw_export(ViewContext& ctx);      // File ▸ Export: where to, then what was written
void draw_course(ViewContext& ctx);      // the Course tab: the lessons, the one opened
void draw_lesson_bar(ViewContext& ctx);  // the lesson being walked, across the window
void draw_myths(ViewContext& ctx);       // Myth and fact window
void draw_glossary(ViewContext& ctx);    // Glossary window

}  // namespace tlsclub::gui
