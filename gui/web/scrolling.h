#pragma once
// Wheel and touch scrolling in the browser. Emscripten 3.1.6's GLFW hands ImGui the browser's raw
// wheel deltas (pixels, positive downwards) where GLFW means notches, positive upwards: one turn
// of the wheel threw a panel a hundred lines the wrong way. And ImGui has no touch scrolling. These
// read the canvas's wheel and one-finger drags and give ImGui notches.

struct GLFWwindow;

namespace tlsclub::gui::web {

// After ImGui's GLFW backend installed its callbacks: replaces its scroll callback.
void install_scrolling(GLFWwindow* window);

}  // namespace tlsclub::gui::web
