// Predict mode: the question asked before a decisive step is shown, and the verdict after.
#include <algorithm>
#include <cstdio>

#include "view/panels.h"
#include "view/widgets.h"

namespace tlsclub::gui {

namespace {

void choices(ViewContext& ctx, std::size_t index, const Question& q, ImVec2 size = ImVec2(0, 0)) {
  Flow line;
  for (std::size_t i = 0; i < q.choices.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    const char* label = q.choices[i].c_str();
    line.next(size.x > 0 ? size.x
                         : ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2);
    if (ImGui::Button(label, size)) ctx.push(cmd::Answer{index, q.choices[i]});
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
    Flow line;
    line.text(ctx.colours.select, "Predict before you look:");
    line.text(ImGui::GetColorU32(ImGuiCol_Text), q.text);
    choices(ctx, *pending, q);
  } else {
    const bool right = q.given && *q.given == q.answer;
    char line[320];
    std::snprintf(line, sizeof line, "%s You said %s; it is %s.",
                  right ? "✓ Right!" : "✗ Not quite.", q.given ? q.given->c_str() : "nothing",
                  q.answer.c_str());
    char score[48];
    std::snprintf(score, sizeof score, "score %zu / %zu", s.playback().predict().correct(),
                  s.playback().predict().answered());
    Flow verdict;
    verdict.text(right ? ctx.colours.pass : ctx.colours.fail, line);
    verdict.text(ctx.colours.dim, score);
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

void draw_question_full(ViewContext& ctx) {
  const Session& s = ctx.session;
  const auto pending = s.playback().pending_question();
  if (!pending) return;
  const Question& q = s.playback().predict().questions()[*pending];
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
  text_wrapped_coloured(ctx.colours.select,
                        "Predict before you look — vote, then pick the class's answer:");
  ImGui::Spacing();
  ImGui::PushFont(ctx.fonts.large);
  text_wrapped(q.text);
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
  // Every choice a large target, as wide as the longest, so a trainer hits it from across the room.
  float widest = 0.0f;
  for (const std::string& c : q.choices)
    widest = std::max(widest, ImGui::CalcTextSize(c.c_str()).x);
  const ImVec2 size(std::min(width, widest + ImGui::GetFontSize() * 2.0f),
                    ImGui::GetFrameHeight() * 1.8f);
  choices(ctx, *pending, q, size);
}

}  // namespace tlsclub::gui
