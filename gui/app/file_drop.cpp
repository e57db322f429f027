#include "app/file_drop.h"

#include <GLFW/glfw3.h>

#include <utility>

namespace tlsclub::gui {

namespace {

// GLFW calls back from glfwPollEvents (desktop) or from the page's event handlers (browser), on
// the one thread that also draws the frames, so no lock is needed.
std::vector<std::filesystem::path>& dropped() {
  static std::vector<std::filesystem::path> files;
  return files;
}

void on_drop(GLFWwindow* /*window*/, int count, const char** paths) {
  for (int i = 0; i < count; ++i)
    if (paths[i] != nullptr) dropped().emplace_back(paths[i]);
}

}  // namespace

void accept_dropped_files(GLFWwindow* window) {
  glfwSetDropCallback(window, on_drop);
}

std::vector<std::filesystem::path> take_dropped_files() {
  return std::exchange(dropped(), {});
}

}  // namespace tlsclub::gui
