#include "web/scrolling.h"

#include <GLFW/glfw3.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include "web/browser.h"

namespace tlsclub::gui::web {

namespace {

constexpr const char* kCanvas = "#canvas";
// What one notch of a wheel is in the event's units: browsers scroll about 100 pixels or 3 lines.
constexpr double kPixelsPerNotch = 100.0;
constexpr double kLinesPerNotch = 3.0;
// ImGui scrolls five lines of text per notch: a finger moving that far moves the panel as far.
constexpr float kLinesPerNotchInImGui = 5.0f;

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* event, void*) {
  double per_notch = 1.0;  // DOM_DELTA_PAGE
  if (event->deltaMode == DOM_DELTA_PIXEL) per_notch = kPixelsPerNotch;
  if (event->deltaMode == DOM_DELTA_LINE) per_notch = kLinesPerNotch;
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheel -= static_cast<float>(event->deltaY / per_notch);
  io.MouseWheelH -= static_cast<float>(event->deltaX / per_notch);
  return EM_TRUE;  // the page itself does not scroll
}

// The finger being followed (one-finger drags only) and where it was last.
struct Finger {
  long id = -1;
  long x = 0, y = 0;
};
Finger finger;

EM_BOOL on_touch_start(int, const EmscriptenTouchEvent* event, void*) {
  finger.id = event->numTouches == 1 ? event->touches[0].identifier : -1;
  if (finger.id >= 0) {
    finger.x = event->touches[0].clientX;
    finger.y = event->touches[0].clientY;
  }
  return EM_FALSE;  // GLFW still sees the touch as a click
}

EM_BOOL on_touch_move(int, const EmscriptenTouchEvent* event, void*) {
  if (event->numTouches != 1 || event->touches[0].identifier != finger.id) return EM_FALSE;
  const EmscriptenTouchPoint& touch = event->touches[0];
  ImGuiIO& io = ImGui::GetIO();
  const float font = io.Fonts->Fonts.empty() ? 16.0f : io.Fonts->Fonts[0]->FontSize;
  const float device_pixels_per_notch = kLinesPerNotchInImGui * font;
  const float ratio = pixel_ratio();
  io.MouseWheel += static_cast<float>(touch.clientY - finger.y) * ratio / device_pixels_per_notch;
  io.MouseWheelH += static_cast<float>(touch.clientX - finger.x) * ratio / device_pixels_per_notch;
  finger.x = touch.clientX;
  finger.y = touch.clientY;
  return EM_FALSE;
}

}  // namespace

void install_scrolling(GLFWwindow* window) {
  glfwSetScrollCallback(window, nullptr);
  emscripten_set_wheel_callback(kCanvas, nullptr, EM_TRUE, on_wheel);
  emscripten_set_touchstart_callback(kCanvas, nullptr, EM_TRUE, on_touch_start);
  emscripten_set_touchmove_callback(kCanvas, nullptr, EM_TRUE, on_touch_move);
}

}  // namespace tlsclub::gui::web
