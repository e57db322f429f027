#include "view/fold.h"

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cfloat>
#include <cstring>

namespace tlsclub::gui {

namespace {

constexpr const char* kMore = "⋯";

float more_button_width() {
  return ImGui::CalcTextSize(kMore).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

void measured(ViewContext& ctx, BarGroup group, float& width) {
  ImGui::BeginGroup();
  group(ctx);
  ImGui::EndGroup();
  width = ImGui::GetItemRectSize().x;
}

}  // namespace

float FoldingBar::plan(std::size_t count, float width) {
  count_ = std::min(count, kMaxGroups);
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  float all = 0.0f;
  for (std::size_t i = 0; i < count_; ++i) all += widths_[i] + spacing;
  if (all <= width) {
    shown_ = count_;
    return all;
  }
  float used = more_button_width() + spacing;
  shown_ = 0;
  while (shown_ < count_ && used + widths_[shown_] + spacing <= width)
    used += widths_[shown_++] + spacing;
  return used;
}

void FoldingBar::draw(ViewContext& ctx, const char* id, std::span<const BarGroup> groups,
                      bool first) {
  const std::size_t count = std::min(groups.size(), count_);
  for (std::size_t i = 0; i < std::min(shown_, count); ++i) {
    if (i > 0 || !first) ImGui::SameLine();
    measured(ctx, groups[i], widths_[i]);
  }
  if (shown_ >= count) return;
  if (shown_ > 0 || !first) ImGui::SameLine();
  ImGui::PushID(id);
  if (ImGui::Button(kMore)) ImGui::OpenPopup("more");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("More controls: the window is too narrow for them");
  if (ImGui::BeginPopup("more")) {
    for (std::size_t i = shown_; i < count; ++i) measured(ctx, groups[i], widths_[i]);
    ImGui::EndPopup();
  }
  ImGui::PopID();
}

FittedText fit_text(ImFont* font, float size, std::string_view s, float width) {
  const char* begin = s.data();
  const char* end = begin + s.size();
  FittedText out;
  out.width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, end).x;
  out.bytes = s.size();
  if (out.width <= width) return out;
  out.cut = true;
  out.ellipsis = font->CalcTextSizeA(size, FLT_MAX, 0.0f, kEllipsis).x;
  const float room = width - out.ellipsis;
  out.bytes = 0;
  out.width = out.ellipsis;
  // One pass, adding each character's advance as ImGui measures text (no kerning in 1.86): the
  // ladder cuts a label per row per frame, so no re-measuring of ever longer prefixes.
  const float scale = size / font->FontSize;
  float w = 0.0f;
  for (const char* p = begin; p < end;) {
    unsigned int c = 0;
    const int bytes = ImTextCharFromUtf8(&c, p, end);
    if (bytes <= 0) break;
    w += font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
    if (w > room) break;
    p += bytes;
    out.bytes = static_cast<std::size_t>(p - begin);
    out.width = w + out.ellipsis;
  }
  return out;
}

void text_fitted(std::string_view s, float width, ImU32 colour) {
  const FittedText fit = fit_text(ImGui::GetFont(), ImGui::GetFontSize(), s, width);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  if (!fit.cut) {
    ImGui::TextUnformatted(s.data(), s.data() + s.size());
    ImGui::PopStyleColor();
    return;
  }
  char buffer[512];
  const std::size_t kept = std::min(fit.bytes, sizeof buffer - std::strlen(kEllipsis) - 1);
  std::memcpy(buffer, s.data(), kept);
  std::strcpy(buffer + kept, kEllipsis);
  ImGui::TextUnformatted(buffer);
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(s.data(), s.data() + s.size());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

bool selectable_fitted(const char* id, std::string_view text, bool selected) {
  const float width = ImGui::GetContentRegionAvail().x;
  const bool clicked = ImGui::Selectable(id, selected, ImGuiSelectableFlags_AllowItemOverlap);
  ImGui::SameLine(0.0f, 0.0f);  // over the selectable, which took no width of its own
  text_fitted(text, width, ImGui::GetColorU32(ImGuiCol_Text));
  return clicked;
}

}  // namespace tlsclub::gui
