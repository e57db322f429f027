#include "harness.h"

namespace tlsclub::gui::test {

std::filesystem::path scenarios_dir() {
  return std::filesystem::path(TLSCLUB_SOURCE_DIR) / "scenarios";
}

Harness::Harness(ImVec2 display, float scale) : scale_(scale) {
  context_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = display;
  io.DeltaTime = 1.0f / 60.0f;
  const std::pair<ImGuiKey, int> keys[] = {{ImGuiKey_Tab, 258},
                                           {ImGuiKey_LeftArrow, kLeft},
                                           {ImGuiKey_RightArrow, kRight},
                                           {ImGuiKey_UpArrow, 265},
                                           {ImGuiKey_DownArrow, 264},
                                           {ImGuiKey_PageUp, kPageUp},
                                           {ImGuiKey_PageDown, kPageDown},
                                           {ImGuiKey_Home, kHome},
                                           {ImGuiKey_End, kEnd},
                                           {ImGuiKey_Insert, 260},
                                           {ImGuiKey_Delete, 261},
                                           {ImGuiKey_Backspace, 259},
                                           {ImGuiKey_Space, kSpace},
                                           {ImGuiKey_Enter, 257},
                                           {ImGuiKey_Escape, 256},
                                           {ImGuiKey_KeyPadEnter, 335},
                                           {ImGuiKey_A, 65},
                                           {ImGuiKey_C, 67},
                                           {ImGuiKey_V, 86},
                                           {ImGuiKey_X, 88},
                                           {ImGuiKey_Y, 89},
                                           {ImGuiKey_Z, 90}};
  for (const auto& [key, code] : keys) io.KeyMap[key] = code;
  apply_theme(look_of(settings));
  ImGui::GetStyle().ScaleAllSizes(scale);
  const FontSet fonts = load_fonts(io, text_size(settings) * scale);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  session_ = std::make_unique<Session>(scenarios_dir());
  view_ = std::make_unique<AppView>(*session_, settings, fonts);
}

Harness::~Harness() {
  view_.reset();
  session_.reset();
  ImGui::DestroyContext(context_);
}

void Harness::reload_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  const FontSet fonts = load_fonts(io, text_size(settings) * scale_);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  view_->set_fonts(fonts);
}

void Harness::open(const std::string& scenario) {
  session_->open(scenarios_dir() / scenario);
  frames(3);
}

void Harness::open_demo() {
  session_->open_demo();
  frames(3);
}

void Harness::frame(double seconds) {
  ImGui::GetIO().DeltaTime = static_cast<float>(seconds);
  ImGui::NewFrame();
  view_->frame(seconds);
  ImGui::Render();
}

void Harness::press(int key, bool ctrl) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = ctrl;
  io.KeysDown[key] = true;
  frame();
  io.KeysDown[key] = false;
  io.KeyCtrl = false;
  frame();
}

void Harness::click(ImVec2 at, int button) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = at;
  frame();  // hover first: ImGui decides what is under the mouse from the previous frame
  io.MouseDown[button] = true;
  frame();
  io.MouseDown[button] = false;
  frame();
}

std::optional<ImVec2> Harness::where(Hit::Kind kind, std::size_t index) const {
  for (const Hit& h : view_->view().hits)
    if (h.kind == kind && h.index == index)
      return ImVec2((h.min.x + h.max.x) * 0.5f, (h.min.y + h.max.y) * 0.5f);
  return std::nullopt;
}

std::optional<ImVec2> Harness::byte_at(ByteBlock block, std::size_t offset) const {
  for (const Hit& h : view_->view().hits) {
    if (h.kind != Hit::Kind::hex_block || h.index != static_cast<std::size_t>(block)) continue;
    const std::size_t row = offset / h.columns, column = offset % h.columns;
    return ImVec2(h.min.x + h.cell.x * (static_cast<float>(column) + 0.3f),
                  h.min.y + h.cell.y * (static_cast<float>(row) + 0.5f));
  }
  return std::nullopt;
}

}  // namespace tlsclub::gui::test
