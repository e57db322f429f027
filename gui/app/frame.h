#pragma once
// One frame of the app, the same in the desktop window (main.cpp) and the browser tab (gui/web):
// the fonts follow the zoom, ImGui draws the view, lesson progress is saved, OpenGL renders. The
// shells differ only in how frames are driven and what surrounds them.

#include <filesystem>

#include "app/options.h"
#include "state/session.h"
#include "state/settings.h"
#include "view/app_view.h"

struct GLFWwindow;

namespace tlsclub::gui {

// What the frames of the window work with.
struct App {
  GLFWwindow* window;
  Session& session;
  Settings& settings;
  const Options& options;
  std::filesystem::path settings_file;  // empty: nothing is remembered (a screenshot)
  bool screenshot;
  float scale;      // the display's scale: the window's content scale, the browser's pixel ratio
  float font_size;  // the text size the fonts were last made at (text_size, before `scale`)
};

// ImGui's context and style, its sizes multiplied by `scale`.
void start_imgui(const Settings& settings, float scale);

// The display's scale changed (a browser tab moved to a screen of another pixel ratio): the style
// is made again at the new scale, and the fonts before the next frame.
void rescale(App& app, float scale);

// One frame, `seconds` after the last one (what playback advances by).
void draw_frame(App& app, AppView& view, double seconds);

// ImGui's backends and context, then the window and GLFW.
void close_window(GLFWwindow* window);

}  // namespace tlsclub::gui
