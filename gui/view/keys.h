#pragma once
// Keys ImGui 1.86 has no ImGuiKey_ for, by their index in io.KeysDown: GLFW's key numbers
// (glfw3.h), which the GLFW backend writes there. The shell checks they match (static_assert);
// tests press them by the same numbers.

namespace tlsclub::gui::keys {

inline constexpr int kO = 79;       // GLFW_KEY_O: Ctrl+O opens a scenario
inline constexpr int kR = 82;       // GLFW_KEY_R: Ctrl+R reloads it
inline constexpr int kDigit1 = 49;  // GLFW_KEY_1 .. GLFW_KEY_9: panel tabs
inline constexpr int kF1 = 290;     // GLFW_KEY_F1: help
inline constexpr int kL = 76;       // GLFW_KEY_L: Ctrl+L the course
inline constexpr int kM = 77;       // GLFW_KEY_M: Ctrl+M the myth cards
inline constexpr int kG = 71;       // GLFW_KEY_G: Ctrl+G the glossary
// Zoom, as in browsers and editors: Ctrl+= (or the keypad's +), Ctrl+-, Ctrl+0.
inline constexpr int kEqual = 61;       // GLFW_KEY_EQUAL
inline constexpr int kMinus = 45;       // GLFW_KEY_MINUS
inline constexpr int kDigit0 = 48;      // GLFW_KEY_0
inline constexpr int kKeypadAdd = 334;  // GLFW_KEY_KP_ADD
inline constexpr int kKeypadSub = 333;  // GLFW_KEY_KP_SUBTRACT
inline constexpr int kKeypad0 = 320;    // GLFW_KEY_KP_0
// Presentation mode: F5 in and out (what a clicker's "start show" button sends, with Escape);
// B or . blanks the screen, as in presentation programs.
inline constexpr int kF5 = 294;      // GLFW_KEY_F5
inline constexpr int kB = 66;        // GLFW_KEY_B
inline constexpr int kPeriod = 46;   // GLFW_KEY_PERIOD
inline constexpr int kEscape = 256;  // GLFW_KEY_ESCAPE

}  // namespace tlsclub::gui::keys
