// The bouncer's checklist: per certificate, every check ✓ ✗ ?, a failure's plain reason, its
// explanation and the alert it caused (docs/gui.md#symbols-and-direction).
#include <cstdio>

#include "state/names.h"
#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

void item_view(ViewContext& ctx, const ChecklistItem& item, std::size_t connection) {
  const Palette& p = ctx.colours;
  const SelectionModel& sel = ctx.session.playback().selection();
  const bool selected = item.event != npos && sel.current().connection == connection &&
                        sel.current().event == item.event;
  ImGui::PushID(&item);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  // A check still to come is not opened: the inspector would show its result ahead of the step.
  if (ImGui::Selectable("##check", selected, ImGuiSelectableFlags_AllowItemOverlap) &&
      item.event != npos && item.state != CheckState::not_checked)
    ctx.push(cmd::Select{connection, item.event});
  ctx.view.hit(Hit::Kind::check_item, item.event, top, ImGui::GetItemRectMax());
  ImGui::SameLine(ImGui::GetStyle().ItemSpacing.x);
  text_coloured(check_colour(p, item.state), check_icon(item.state));
  // The reason in a column beside the check's name, or under it where that column would be
  // too narrow to read.
  Flow name;
  name.next(0.0f);
  name.text(ImGui::GetColorU32(ImGuiCol_Text), item.title);
  if (content_right_on_screen() - ImGui::GetItemRectMax().x >= ImGui::GetFontSize() * 12.0f)
    ImGui::SameLine();
  text_wrapped_coloured(p.dim, item.reason);
  if (item.state == CheckState::failed) {
    ImGui::Indent(ImGui::GetFontSize() * 1.5f);
    char key[96];
    std::snprintf(key, sizeof key, "check.%s", item.check.c_str());
    explanation(ctx, key);
    if (!item.alert.empty()) {
      char line[128];
      // Only the first failure's alert goes out; the others would have called for theirs.
      std::snprintf(line, sizeof line, item.sent ? "→ sent %s" : "(would call for %s)",
                    item.alert.c_str());
      text_wrapped_coloured(item.sent ? p.fail : p.dim, line);
      std::snprintf(key, sizeof key, "alert.%s", item.alert.c_str());
      why(ctx, key, &item.alert);
    }
    ImGui::Unindent(ImGui::GetFontSize() * 1.5f);
  }
  ImGui::PopID();
}

}  // namespace

void draw_checklist(ViewContext& ctx) {
  const std::size_t connection = ctx.session.position().connection;
  for (const Checklist& list : ctx.view.cache.checklists) {
    ImGui::PushFont(ctx.fonts.large);
    text_wrapped(list.title);
    ImGui::PopFont();
    if (!list.note.empty()) text_wrapped_coloured(ctx.colours.dim, list.note);
    for (const ChecklistCard& card : list.cards) {
      ImGui::PushID(&card);
      char header[200];
      std::snprintf(header, sizeof header, "%s (%s)", card.name.c_str(), card.place.c_str());
      ImGui::SetNextItemOpen(true, ImGuiCond_Once);
      if (ImGui::TreeNode(header)) {
        for (const ChecklistItem& item : card.items) item_view(ctx, item, connection);
        ImGui::TreePop();
      }
      ImGui::PopID();
    }
    ImGui::Spacing();
  }
}

void draw_failed_checks(ViewContext& ctx) {
  const std::size_t connection = ctx.session.position().connection;
  for (const Checklist& list : ctx.view.cache.checklists) {
    for (const ChecklistCard& card : list.cards) {
      bool named = false;
      for (const ChecklistItem& item : card.items) {
        if (item.state != CheckState::failed) continue;
        if (!named) {
          ImGui::PushFont(ctx.fonts.large);
          char header[240];
          std::snprintf(header, sizeof header, "%s: %s (%s)", list.title.c_str(), card.name.c_str(),
                        card.place.c_str());
          text_wrapped(header);
          ImGui::PopFont();
          named = true;
        }
        item_view(ctx, item, connection);
      }
    }
  }
}

}  // namespace tlsclub::gui
