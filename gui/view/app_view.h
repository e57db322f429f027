#pragma once
// The whole window (docs/gui.md#layout): menu, scenario bar, club view | ladder over inspector |
// checklist, the transport bar; the keyboard; commands applied once per frame. ImGui only: the
// shell owns the window and the renderer, tests drive it headless.

#include <filesystem>
#include <vector>

#include "state/session.h"
#include "state/settings.h"
#include "view/fonts.h"
#include "view/theme.h"
#include "view/view_context.h"

namespace tlsclub::gui {

class AppView {
 public:
  AppView(Session& session, Settings& settings, FontSet fonts);

  // Between ImGui::NewFrame() and ImGui::Render(): background work and playback advance by
  // `seconds`, everything is drawn, keys are read, and the frame's commands are applied.
  void frame(double seconds);

  ViewState& view() { return view_; }
  const ViewState& view() const { return view_; }
  bool wants_quit() const { return view_.quit; }
  void set_fonts(FontSet fonts) { fonts_ = fonts; }
  // Pick a tab as if its number key were pressed (the screenshot mode's --tab).
  void show_tab(Tab tab) { view_.request_tab = tab; }
  // Files dropped on the window or picked in the browser: the scenario among them opens as with
  // File ▸ Open, and the club view shows it; when it does not load, the library says why.
  void open_files(const std::vector<std::filesystem::path>& files);

 private:
  void keyboard();
  void zoom_keys();     // Ctrl+= / Ctrl+- / Ctrl+0: the text size, remembered
  void present_keys();  // F5, and in presentation mode what a clicker sends
  void refresh_cache();
  void layout(ViewContext& ctx);

  Session& session_;
  Settings& settings_;
  Look look_;  // the colours ImGui was given
  FontSet fonts_;
  ViewState view_;
  Commands commands_;
};

// "club", "lessons", "fields", "bytes", "certificates", "checklist", "secrets", "what-if".
bool tab_from_string(std::string_view name, Tab& tab);

}  // namespace tlsclub::gui
