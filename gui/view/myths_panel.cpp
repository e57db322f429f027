// Myth and fact: the claims course material repeats, what really happens (with its RFC), the
// lesson that teaches it, and per piece of evidence a "Show me" that opens the scenario at that
// step (and selects the field, when the card names one).
#include <cstdio>

#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

void card(ViewContext& ctx, std::size_t m, const MythCard& myth) {
  const Session& s = ctx.session;
  ImGui::PushID(static_cast<int>(m));
  text_coloured(ctx.colours.fail, "✗ Myth");
  ImGui::SameLine();
  ImGui::PushFont(ctx.fonts.large);
  text_wrapped(myth.claim);
  ImGui::PopFont();
  text_coloured(ctx.colours.pass, "✓ Fact");
  ImGui::SameLine();
  text_wrapped(myth.truth);
  text_coloured(ctx.colours.select, myth.rfc);
  const auto& lessons = s.lessons().course()->lessons;
  for (std::size_t l = 0; l < lessons.size(); ++l) {
    if (lessons[l].number != myth.lesson) continue;
    ImGui::SameLine();
    char label[256];
    std::snprintf(label, sizeof label, "Lesson %d · %s", lessons[l].number,
                  lessons[l].title.c_str());
    if (ImGui::SmallButton(label)) {
      ctx.view.course_selected = l;
      ctx.view.request_tab = Tab::course;
    }
  }
  for (std::size_t e = 0; e < myth.evidence.size(); ++e) {
    const MythEvidence& evidence = myth.evidence[e];
    ImGui::PushID(static_cast<int>(e));
    if (ImGui::SmallButton("Show me")) {
      ctx.push(cmd::ShowEvidence{m, e});
      ctx.view.request_tab = Tab::club;
    }
    ctx.view.hit(Hit::Kind::show_me, m * 100 + e, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::SameLine();
    text_wrapped(evidence.shows);
    ImGui::PopID();
  }
  ImGui::Separator();
  ImGui::PopID();
}

}  // namespace

void draw_myths(ViewContext& ctx) {
  if (!ctx.view.myths_open) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                 viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.56f, viewport->WorkSize.y * 0.78f),
                           ImGuiCond_Appearing);
  if (!ImGui::Begin("Myth and fact", &ctx.view.myths_open, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  const Session& s = ctx.session;
  if (!s.lessons().course() || s.lessons().course()->myths.empty()) {
    text_wrapped_coloured(ctx.colours.dim,
                          "No myth cards: the course (docs/lessons) was not found.");
  } else {
    text_wrapped_coloured(ctx.colours.dim,
                          "Things course material often gets wrong, and runs that show what "
                          "really happens. \"Show me\" opens the scenario at that step.");
    ImGui::Separator();
    const auto& myths = s.lessons().course()->myths;
    for (std::size_t m = 0; m < myths.size(); ++m) card(ctx, m, myths[m]);
  }
  ImGui::End();
}

}  // namespace tlsclub::gui
