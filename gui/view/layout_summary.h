#pragma once
// Which panels the last frame showed, and where, in words a test can compare between two builds:
// the web edition and the desktop app must lay out the same state the same way (not pixel for
// pixel: the panels present, their places, the tab each tab bar shows).

#include <string>

#include "view/view_context.h"

namespace tlsclub::gui {

// One line per visible window, "window NAME X Y W H" (percent of the screen, rounded to whole
// percents; NAME without ImGui's id suffix, "TLS Club/ladder"), then "tab BAR TAB" for each tab
// bar drawn ("tab 0 course"), sorted. Call after ImGui::Render().
std::string layout_summary(const ViewState& view);

}  // namespace tlsclub::gui
