#include "view/theme.h"

namespace tlsclub::gui {

namespace {

Palette make(bool dark) {
  Palette p;
  p.dark = dark;
  p.plaintext = dark ? IM_COL32(215, 215, 215, 255) : IM_COL32(95, 95, 100, 255);
  p.handshake = dark ? IM_COL32(242, 169, 35, 255) : IM_COL32(196, 120, 0, 255);
  p.application = dark ? IM_COL32(72, 196, 100, 255) : IM_COL32(24, 140, 62, 255);
  p.alert = dark ? IM_COL32(240, 80, 72, 255) : IM_COL32(200, 30, 30, 255);
  p.pass = p.application;
  p.fail = p.alert;
  p.unknown = dark ? IM_COL32(150, 150, 160, 255) : IM_COL32(130, 130, 140, 255);
  p.attack = dark ? IM_COL32(224, 112, 232, 255) : IM_COL32(160, 40, 170, 255);
  p.text = dark ? IM_COL32(235, 235, 240, 255) : IM_COL32(25, 25, 30, 255);
  p.dim = dark ? IM_COL32(160, 160, 172, 255) : IM_COL32(105, 105, 115, 255);
  p.lane = dark ? IM_COL32(120, 120, 135, 255) : IM_COL32(150, 150, 160, 255);
  p.focus_bg = dark ? IM_COL32(70, 90, 140, 110) : IM_COL32(150, 185, 250, 110);
  p.select = dark ? IM_COL32(110, 170, 255, 255) : IM_COL32(30, 100, 220, 255);
  p.band = dark ? IM_COL32(255, 255, 255, 18) : IM_COL32(0, 0, 0, 14);
  p.panel_bg = dark ? IM_COL32(28, 30, 36, 255) : IM_COL32(246, 246, 248, 255);
  p.door = dark ? IM_COL32(120, 72, 40, 255) : IM_COL32(140, 86, 48, 255);
  p.wood = dark ? IM_COL32(80, 60, 48, 255) : IM_COL32(196, 170, 140, 255);
  p.seal = IM_COL32(214, 170, 40, 255);
  p.skin = IM_COL32(236, 196, 160, 255);
  p.card = dark ? IM_COL32(236, 236, 244, 255) : IM_COL32(255, 255, 255, 255);
  return p;
}

}  // namespace

const Palette& palette(bool dark) {
  static const Palette kDark = make(true);
  static const Palette kLight = make(false);
  return dark ? kDark : kLight;
}

void apply_theme(bool dark) {
  ImGuiStyle& style = ImGui::GetStyle();
  if (dark)
    ImGui::StyleColorsDark(&style);
  else
    ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0.0f;
  style.ChildRounding = 4.0f;
  style.FrameRounding = 4.0f;
  style.TabRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.WindowBorderSize = 0.0f;
  style.ItemSpacing = ImVec2(8.0f, 5.0f);
  style.Colors[ImGuiCol_WindowBg] = to_vec4(palette(dark).panel_bg);
  if (!dark) style.Colors[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
}

ImU32 protection_colour(const Palette& p, Protection protection) {
  switch (protection) {
    case Protection::plaintext:
      return p.plaintext;
    case Protection::handshake_keys:
      return p.handshake;
    case Protection::application_keys:
      return p.application;
    case Protection::alert:
      return p.alert;
  }
  return p.plaintext;
}

ImU32 check_colour(const Palette& p, CheckState state) {
  switch (state) {
    case CheckState::passed:
      return p.pass;
    case CheckState::failed:
      return p.fail;
    case CheckState::not_checked:
      return p.unknown;
  }
  return p.unknown;
}

ImU32 tone_colour(const Palette& p, Tone tone) {
  switch (tone) {
    case Tone::info:
      return p.text;
    case Tone::good:
      return p.pass;
    case Tone::bad:
      return p.fail;
    case Tone::attack:
      return p.attack;
  }
  return p.text;
}

ImVec4 to_vec4(ImU32 c) {
  return ImGui::ColorConvertU32ToFloat4(c);
}

ImU32 with_alpha(ImU32 colour, float alpha) {
  const auto a =
      static_cast<ImU32>(static_cast<float>((colour >> IM_COL32_A_SHIFT) & 0xff) * alpha);
  return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

}  // namespace tlsclub::gui
