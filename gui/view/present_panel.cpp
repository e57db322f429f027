// Presentation mode (F5, View ▸ Present, --present): what a class follows on a projector. The step
// in large type across the top, the club view beside the ladder, the narration at the level
// chosen, and the checklist once a check has failed; a predict question waiting for its answer
// takes the whole screen for the class to vote; B or . blanks the screen. No menu, no tabs.
#include <algorithm>
#include <cstdio>

#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

bool a_check_failed(const std::vector<Checklist>& lists) {
  for (const Checklist& list : lists)
    for (const ChecklistCard& card : list.cards)
      for (const ChecklistItem& item : card.items)
        if (item.state == CheckState::failed) return true;
  return false;
}

// A line centred in the window, or wrapped from the left when it is wider than the window.
void centred(ImU32 colour, std::string_view s) {
  const float w = ImGui::CalcTextSize(s.data(), s.data() + s.size()).x;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (w < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - w) * 0.5f);
  text_wrapped_coloured(colour, s);
}

// Where the visit is, and what this step does, big and centred.
void step_banner(ViewContext& ctx) {
  const Session& s = ctx.session;
  const Position at = s.position();
  char where[200];
  std::snprintf(where, sizeof where, "%s · step %zu of %zu", s.connection().client.c_str(), at.step,
                s.connection().steps);
  centred(ctx.colours.dim, where);
  const Narration& n = s.playback().narration();
  ImGui::PushFont(ctx.fonts.large);
  if (n.stories.empty())
    centred(ctx.colours.dim, "Nothing happens at this step.");
  else
    centred(tone_colour(ctx.colours, n.stories.front().tone), n.stories.front().headline);
  ImGui::PopFont();
}

void hint_line(ViewContext& ctx) {
  centred(ctx.colours.dim, "PgDn / → next · PgUp / ← back · B blank · F5 or Esc leave");
}

}  // namespace

void draw_presentation(ViewContext& ctx) {
  if (ctx.view.blank) {  // the projector's "black screen": nothing at all
    const ImVec2 min = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y),
                                              IM_COL32(0, 0, 0, 255));
    return;
  }
  step_banner(ctx);
  draw_lesson_bar(ctx);
  const float hint_h = ImGui::GetTextLineHeightWithSpacing();
  if (ctx.session.playback().pending_question()) {
    ImGui::BeginChild("present_question", ImVec2(0, ImGui::GetContentRegionAvail().y - hint_h),
                      true);
    draw_question_full(ctx);
    ImGui::EndChild();
    hint_line(ctx);
    return;
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float top_h = (avail.y - hint_h - spacing) * 0.58f;
  const float bottom_h = avail.y - hint_h - spacing * 2 - top_h;
  ImGui::BeginChild("present_club", ImVec2(avail.x * 0.4f, top_h), true);
  draw_club_scene(ctx, ImGui::GetContentRegionAvail().y);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("present_ladder", ImVec2(0, top_h), true);
  draw_ladder(ctx);
  ImGui::EndChild();
  // The checklist only when it tells the class something: the checks that failed.
  const bool failed = a_check_failed(ctx.view.cache.checklists);
  ImGui::BeginChild("present_narration", ImVec2(failed ? avail.x * 0.55f : 0.0f, bottom_h), true);
  draw_narration(ctx, false);
  ImGui::EndChild();
  if (failed) {
    ImGui::SameLine();
    ImGui::BeginChild("present_checklist", ImVec2(0, bottom_h), true);
    draw_failed_checks(ctx);
    ImGui::EndChild();
  }
  hint_line(ctx);
}

}  // namespace tlsclub::gui
