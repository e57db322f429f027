#pragma once
// What a student would see as broken on a small screen, found in ImGui's draw data and window
// list after a frame, not in pixels: text drawn over other text, and windows whose content is
// wider or taller than they are while they cannot scroll there (a control cut off).

#include <imgui.h>

#include <string>
#include <vector>

namespace tlsclub::gui::test {

// "'seal of Town Authority' over 'club.example' in TLS Club", one line per problem; empty when
// the last rendered frame is clean. Text is compared within one top-level window (a popup or a
// floating window covers what is under it, which is not a collision).
std::vector<std::string> text_collisions(const ImDrawData& data);

// "TLS Club/top_bar: content 1300 px wide in 1024 px, cannot scroll across", and top-level
// windows (dialogs) that reach past the edge of the screen.
std::vector<std::string> cut_off_windows();

// Both, for the frame just rendered.
std::vector<std::string> layout_problems();

}  // namespace tlsclub::gui::test
