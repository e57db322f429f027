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

// Black on white; each meaning in a deep, saturated colour a washed-out projector still shows
// apart (amber and green are darkened more than on a screen, where they can stay light).
Palette make_projector() {
  Palette p = make(false);
  p.plaintext = IM_COL32(60, 60, 60, 255);
  p.handshake = IM_COL32(176, 92, 0, 255);
  p.application = IM_COL32(0, 120, 40, 255);
  p.alert = IM_COL32(200, 0, 0, 255);
  p.pass = p.application;
  p.fail = p.alert;
  p.unknown = IM_COL32(90, 90, 90, 255);
  p.attack = IM_COL32(150, 0, 160, 255);
  p.text = IM_COL32(0, 0, 0, 255);
  p.dim = IM_COL32(60, 60, 60, 255);
  p.lane = IM_COL32(40, 40, 40, 255);
  p.focus_bg = IM_COL32(255, 225, 120, 255);
  p.select = IM_COL32(0, 60, 200, 255);
  p.band = IM_COL32(0, 0, 0, 24);
  p.panel_bg = IM_COL32(255, 255, 255, 255);
  return p;
}

}  // namespace

Look look_of(const Settings& settings) {
  if (settings.present) return Look::projector;
  return settings.dark ? Look::dark : Look::light;
}

const Palette& palette(Look look) {
  static const Palette kDark = make(true);
  static const Palette kLight = make(false);
  static const Palette kProjector = make_projector();
  switch (look) {
    case Look::dark:
      return kDark;
    case Look::light:
      return kLight;
    case Look::projector:
      break;
  }
  return kProjector;
}

void apply_colours(Look look) {
  ImGuiStyle& style = ImGui::GetStyle();
  if (look == Look::dark)
    ImGui::StyleColorsDark(&style);
  else
    ImGui::StyleColorsLight(&style);
  const Palette& p = palette(look);
  style.Colors[ImGuiCol_WindowBg] = to_vec4(p.panel_bg);
  if (look != Look::dark) style.Colors[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
  if (look == Look::projector) {
    style.Colors[ImGuiCol_Text] = to_vec4(p.text);
    style.Colors[ImGuiCol_TextDisabled] = to_vec4(p.dim);
    style.Colors[ImGuiCol_Border] = to_vec4(p.lane);
    style.Colors[ImGuiCol_Button] = to_vec4(with_alpha(p.select, 0.18f));
  }
}

void apply_theme(Look look) {
  ImGuiStyle& style = ImGui::GetStyle();
  apply_colours(look);
  style.WindowRounding = 0.0f;
  style.ChildRounding = 4.0f;
  style.FrameRounding = 4.0f;
  style.TabRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.WindowBorderSize = 0.0f;
  style.ItemSpacing = ImVec2(8.0f, 5.0f);
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
