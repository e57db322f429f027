#pragma once
// A headless ImGui: a context with a built font atlas and a display size, no window and no GPU.
// Frames run the real AppView; input goes in through ImGui 1.86's IO fields, as a backend would.

#include <imgui.h>

#include <filesystem>
#include <optional>

#include "state/session.h"
#include "state/settings.h"
#include "view/app_view.h"

namespace tlsclub::gui::test {

// GLFW's numbers for the keys ImGui knows by name, as the GLFW backend maps them.
inline constexpr int kRight = 262, kLeft = 263, kPageDown = 267, kPageUp = 266, kHome = 268,
                     kEnd = 269, kSpace = 32;

class Harness {
 public:
  // `scale` as a HiDPI screen's content scale: fonts and ImGui's sizes that many times larger.
  explicit Harness(ImVec2 display = ImVec2(1600, 1000), float scale = 1.0f);
  ~Harness();
  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  // A session on a scenario file of the library (relative to scenarios/), and its view.
  void open(const std::string& scenario);
  void open_demo();
  Session& session() { return *session_; }
  AppView& view() { return *view_; }

  // The fonts made again at the settings' text size, as the app does after a zoom or F5.
  void reload_fonts();

  void frame(double seconds = 1.0 / 60.0);
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }
  void press(int key, bool ctrl = false);
  void click(ImVec2 at, int button = 0);
  // The centre of the first thing of this kind (and index) drawn in the last frame.
  std::optional<ImVec2> where(Hit::Kind kind, std::size_t index) const;
  // The centre of byte `offset` of a hex block drawn in the last frame (scrolled into view).
  std::optional<ImVec2> byte_at(ByteBlock block, std::size_t offset) const;

  Settings settings;

 private:
  ImGuiContext* context_ = nullptr;
  float scale_ = 1.0f;
  std::unique_ptr<Session> session_;
  std::unique_ptr<AppView> view_;
};

std::filesystem::path scenarios_dir();

}  // namespace tlsclub::gui::test
