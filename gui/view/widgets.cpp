#include "view/widgets.h"

#include <cmath>

#include "explain/catalogue.h"

namespace tlsclub::gui {

void text(std::string_view s) {
  ImGui::TextUnformatted(s.data(), s.data() + s.size());
}

void text_dim(const ViewContext& ctx, std::string_view s) {
  text_coloured(ctx.colours.dim, s);
}

void text_coloured(ImU32 colour, std::string_view s) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  text(s);
  ImGui::PopStyleColor();
}

float content_right() {
  return ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
}

float content_right_on_screen() {
  return ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
}

void Flow::next(float width) {
  if (started_ && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <=
                      content_right_on_screen())
    ImGui::SameLine();
  started_ = true;
}

void Flow::text(ImU32 colour, std::string_view s) {
  const float width = ImGui::CalcTextSize(s.data(), s.data() + s.size()).x;
  next(width);
  if (ImGui::GetContentRegionAvail().x < width)
    text_wrapped_coloured(colour, s);
  else
    text_coloured(colour, s);
}

void text_wrapped(std::string_view s) {
  ImGui::PushTextWrapPos(0.0f);
  text(s);
  ImGui::PopTextWrapPos();
}

void text_wrapped_coloured(ImU32 colour, std::string_view s) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  text_wrapped(s);
  ImGui::PopStyleColor();
}

void explanation(const ViewContext& ctx, std::string_view key) {
  const Explanation* e = find_explanation(key);
  if (e == nullptr) {
    text_dim(ctx, "(no explanation for this yet)");
    return;
  }
  const Level level = ctx.session.playback().level();
  if (level != Level::engineer) {
    text_coloured(ctx.colours.dim, "Club:");
    ImGui::SameLine();
    text_wrapped(e->club);
  }
  if (level != Level::club) {
    text_coloured(ctx.colours.dim, "Engineer:");
    ImGui::SameLine();
    text_wrapped(e->engineer);
  }
  text_wrapped_coloured(ctx.colours.select, e->rfc);
}

void tooltip_wrapped(std::string_view s) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
  text(s);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void why(const ViewContext& ctx, std::string_view key, const void* id) {
  // Beside the item where it fits, else under it (a line that ends at the edge has no room).
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize("(?)").x <=
      content_right_on_screen())
    ImGui::SameLine();
  ImGui::PushID(id);
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
    const Explanation* e = find_explanation(key);
    if (e != nullptr) text(e->title);
    explanation(ctx, key);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  ImGui::PopID();
}

void padlock(ImDrawList* draw, ImVec2 c, float size, ImU32 colour, bool locked) {
  const float w = size * 0.8f, h = size * 0.55f;
  const ImVec2 body_min(c.x - w / 2, c.y - h / 2 + size * 0.12f);
  const ImVec2 body_max(c.x + w / 2, c.y + h / 2 + size * 0.12f);
  const float r = w * 0.3f;
  // The shackle: a half ring above the body; open, it lifts and swings aside.
  const ImVec2 ring(c.x + (locked ? 0.0f : w * 0.35f), body_min.y - (locked ? 0.0f : size * 0.12f));
  draw->PathArcTo(ring, r, 3.14159f, 2.0f * 3.14159f, 10);
  draw->PathStroke(colour, 0, size * 0.12f);
  draw->AddLine(ImVec2(ring.x - r, ring.y), ImVec2(ring.x - r, body_min.y + 1), colour,
                size * 0.12f);
  if (locked)
    draw->AddLine(ImVec2(ring.x + r, ring.y), ImVec2(ring.x + r, body_min.y + 1), colour,
                  size * 0.12f);
  draw->AddRectFilled(body_min, body_max, colour, size * 0.08f);
}

void warning_sign(ImDrawList* draw, ImVec2 c, float size, ImU32 colour) {
  const ImVec2 a(c.x, c.y - size * 0.5f), b(c.x - size * 0.55f, c.y + size * 0.45f),
      d(c.x + size * 0.55f, c.y + size * 0.45f);
  draw->AddTriangleFilled(a, b, d, colour);
  draw->AddLine(ImVec2(c.x, c.y - size * 0.2f), ImVec2(c.x, c.y + size * 0.15f),
                IM_COL32(0, 0, 0, 255), size * 0.12f);
  draw->AddCircleFilled(ImVec2(c.x, c.y + size * 0.3f), size * 0.07f, IM_COL32(0, 0, 0, 255));
}

void spinner(float radius, ImU32 colour) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 centre(pos.x + radius, pos.y + radius);
  const float t = static_cast<float>(ImGui::GetTime()) * 6.0f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PathArcTo(centre, radius * 0.8f, t, t + 4.2f, 16);
  draw->PathStroke(colour, 0, radius * 0.3f);
  ImGui::Dummy(ImVec2(radius * 2, radius * 2));
}

void splitter(const char* id, bool vertical, float thickness, float* ratio, float total,
              float min_ratio, float max_ratio) {
  const ImVec2 size = vertical ? ImVec2(thickness, ImGui::GetContentRegionAvail().y)
                               : ImVec2(ImGui::GetContentRegionAvail().x, thickness);
  ImGui::InvisibleButton(id, size);
  const bool active = ImGui::IsItemActive();
  if (ImGui::IsItemHovered() || active)
    ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImGui::GetWindowDrawList()->AddRectFilled(
      min, max, ImGui::GetColorU32(active ? ImGuiCol_SeparatorActive : ImGuiCol_Separator));
  if (active && total > 1.0f) {
    const float delta = vertical ? ImGui::GetIO().MouseDelta.x : ImGui::GetIO().MouseDelta.y;
    *ratio = std::fmin(max_ratio, std::fmax(min_ratio, *ratio + delta / total));
  }
}

bool tracked_button(ViewContext& ctx, const char* label, ButtonId id, ImVec2 size) {
  const bool pressed = ImGui::Button(label, size);
  ctx.view.hit(Hit::Kind::button, id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  return pressed;
}

}  // namespace tlsclub::gui
