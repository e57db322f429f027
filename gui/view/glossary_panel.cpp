// The glossary: the club's words and the TLS terms they stand for, filtered as you type; a row
// opens the catalogue's explanation of the term (club sentence, engineer sentence, RFC).
#include <algorithm>

#include "explain/catalogue.h"
#include "explain/glossary.h"
#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

bool passes(const ImGuiTextFilter& filter, const GlossaryEntry& e) {
  const auto pass = [&](std::string_view s) {
    return filter.PassFilter(s.data(), s.data() + s.size());
  };
  return pass(e.club) || pass(e.tls) || pass(e.meaning);
}

void detail(ViewContext& ctx, const GlossaryEntry& e) {
  Flow line;
  line.text(ctx.colours.select, e.club);
  line.text(ctx.colours.dim, "=");
  line.text(ImGui::GetColorU32(ImGuiCol_Text), e.tls);
  text_wrapped(e.meaning);
  if (e.see.empty()) return;
  const Explanation* x = find_explanation(e.see);
  if (x != nullptr) {
    ImGui::Spacing();
    text_wrapped_coloured(ctx.colours.dim, x->title);
  }
  explanation(ctx, e.see);
}

}  // namespace

void draw_glossary(ViewContext& ctx) {
  if (!ctx.view.glossary.open) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                 viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.6f, viewport->WorkSize.y * 0.75f),
                           ImGuiCond_Appearing);
  if (!ImGui::Begin("Glossary", &ctx.view.glossary.open, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  ImGuiTextFilter& filter = ctx.view.glossary.filter;
  const char* filter_label = "filter (club word or TLS term)";
  const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(filter_label).x -
                     ImGui::GetStyle().ItemInnerSpacing.x;
  filter.Draw(filter_label,
              std::clamp(room, ImGui::GetFontSize() * 6.0f, ImGui::GetFontSize() * 18.0f));
  const auto entries = glossary();
  const float detail_h = ImGui::GetTextLineHeightWithSpacing() * 8.0f;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
  if (ImGui::BeginTable("glossary", 3, flags, ImVec2(0, -detail_h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("the club", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 12.0f);
    ImGui::TableSetupColumn("TLS / X.509", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 13.0f);
    ImGui::TableSetupColumn("what it is");
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const GlossaryEntry& e = entries[i];
      if (!passes(filter, e)) continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(static_cast<int>(i));
      const std::string_view club = e.club;
      // The row selects as a whole; the label is the club word itself.
      if (ImGui::Selectable(
              "##row", ctx.view.glossary.selected == i,
              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
        ctx.view.glossary.selected = i;
      ctx.view.hit(Hit::Kind::glossary_row, i, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      ImGui::SameLine();
      text_wrapped(club);
      ImGui::PopID();
      ImGui::TableNextColumn();
      text_wrapped(e.tls);
      ImGui::TableNextColumn();
      text_wrapped(e.meaning);
    }
    ImGui::EndTable();
  }
  ImGui::BeginChild("glossary_detail", ImVec2(0, 0), true);
  if (ctx.view.glossary.selected < entries.size())
    detail(ctx, entries[ctx.view.glossary.selected]);
  else
    text_wrapped_coloured(ctx.colours.dim,
                          "Click a row: its explanation, in the club's words and an engineer's, "
                          "with the RFC section.");
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace tlsclub::gui
