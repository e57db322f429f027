#pragma once
// Files dropped on the window: from the desktop's file manager, or onto the browser page (where
// emscripten's GLFW first copies them into the tab's own file system). They wait here until the
// next frame opens them, so a drop never changes the session in the middle of a frame.

#include <filesystem>
#include <vector>

struct GLFWwindow;

namespace tlsclub::gui {

// From now on, files dropped on `window` are kept for take_dropped_files().
void accept_dropped_files(GLFWwindow* window);

// The files of the drops since the last call, in the order they came (empty: none).
std::vector<std::filesystem::path> take_dropped_files();

}  // namespace tlsclub::gui
