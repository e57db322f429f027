// Predict mode: the question asked before a decisive step is shown, and the verdict after.
#include <cstdio>

#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

void choices(ViewContext& ctx, std::size_t index, const Question& q) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  for (std::size_t i = 0; i < q.choices.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    const char* label = q.choices[i].c_str();
    const float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
    if (i > 0) {
      ImGui::SameLine();
      if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w > right) ImGui::NewLine();
    }
    if (ImGui::Button(label)) ctx.push(cmd::Answer{index, q.choices[i]});
    ctx.view.hit(Hit::Kind::answer, i, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::PopID();
  }
}

}  // namespace

void draw_question(ViewContext& ctx) {
  const Session& s = ctx.session;
  const auto pending = s.playback().pending_question();
  const auto answered = s.playback().last_answered();
  if (!pending && !answered) return;
  const Question& q = s.playback().predict().questions()[pending ? *pending : *answered];
  ImGui::PushStyleColor(ImGuiCol_ChildBg, to_vec4(with_alpha(ctx.colours.select, 0.16f)));
  const bool explained = !pending && q.answer != "none" &&
                         (q.kind == QuestionKind::failing_check || q.kind == QuestionKind::alert);
  const float lines = pending ? 4.6f : explained ? 7.0f : 2.6f;
  ImGui::BeginChild("question", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * lines), true);
  if (pending) {
    text_coloured(ctx.colours.select, "Predict before you look:");
    ImGui::SameLine();
    text(q.text);
    choices(ctx, *pending, q);
  } else {
    const bool right = q.given && *q.given == q.answer;
    char line[320];
    std::snprintf(line, sizeof line, "%s You said %s; it is %s.",
                  right ? "✓ Right!" : "✗ Not quite.", q.given ? q.given->c_str() : "nothing",
                  q.answer.c_str());
    text_coloured(right ? ctx.colours.pass : ctx.colours.fail, line);
    ImGui::SameLine();
    ImGui::TextDisabled("score %zu / %zu", s.playback().predict().correct(),
                        s.playback().predict().answered());
    if (explained) {
      char key[128];
      std::snprintf(key, sizeof key, "%s.%s", q.kind == QuestionKind::alert ? "alert" : "check",
                    q.answer.c_str());
      explanation(ctx, key);
    }
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace tlsclub::gui
