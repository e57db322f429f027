#include "app/frame.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/file_drop.h"
#include "view/fonts.h"
#include "view/theme.h"

namespace tlsclub::gui {

namespace {

// The student's progress, written as soon as it changes; a failure is told once.
void keep_progress_saved(App& app) {
  std::string error;
  if (app.screenshot || app.settings_file.empty() ||
      keep_progress(app.settings_file, app.settings, app.session.lessons().progress(), &error))
    return;
  std::fprintf(stderr, "tlsclub-gui: warning: lesson progress not saved: %s\n", error.c_str());
  app.settings.progress = app.session.lessons().progress();  // warn once, not every frame
}

void render(GLFWwindow* window, const ImVec4& clear) {
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(clear.x, clear.y, clear.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace

void start_imgui(const Settings& settings, float scale) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; gui.ini keeps what we remember
  apply_theme(look_of(settings));
  ImGui::GetStyle().ScaleAllSizes(scale);
}

void rescale(App& app, float scale) {
  if (scale == app.scale) return;
  app.scale = scale;
  ImGui::GetStyle() = ImGuiStyle();
  apply_theme(look_of(app.settings));
  ImGui::GetStyle().ScaleAllSizes(scale);
  app.font_size = 0.0f;  // draw_frame makes the fonts again
}

void draw_frame(App& app, AppView& view, double seconds) {
  ImGuiIO& io = ImGui::GetIO();
  if (app.font_size != text_size(app.settings)) {  // zoom, or presentation mode's large type
    app.font_size = text_size(app.settings);
    view.set_fonts(load_fonts(io, app.font_size * app.scale));
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // A clock that stands still between two frames (a browser's virtual time, a coarse timer) gives
  // a zero frame time, which ImGui's NewFrame rejects with an assertion.
  io.DeltaTime = std::max(io.DeltaTime, 1.0f / 1000.0f);
  ImGui::NewFrame();
  view.open_files(take_dropped_files());
  view.frame(seconds);
  keep_progress_saved(app);
  render(app.window, to_vec4(palette(look_of(app.settings)).panel_bg));
}

void close_window(GLFWwindow* window) {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
}

}  // namespace tlsclub::gui
