#include "view/layout_summary.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <vector>

#include "view/panels.h"

namespace tlsclub::gui {

namespace {

// ImGui names a child window "Parent/name_1A2B3C4D" (the id is a hash of the name): the name
// alone, at every level, reads the same in every build.
std::string plain_name(const char* name) {
  std::string out;
  for (const char* p = name; *p != '\0';) {
    const char* end = p;
    while (*end != '\0' && *end != '/') ++end;
    std::string part(p, end);
    const std::size_t underscore = part.rfind('_');
    if (underscore != std::string::npos && part.size() - underscore == 9 &&
        std::all_of(part.begin() + static_cast<std::ptrdiff_t>(underscore) + 1, part.end(),
                    [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }))
      part.resize(underscore);
    out += (out.empty() ? "" : "/") + part;
    p = *end == '/' ? end + 1 : end;
  }
  return out;
}

int percent(float part, float whole) {
  return whole > 0 ? static_cast<int>(std::lround(100.0 * part / whole)) : 0;
}

}  // namespace

std::string layout_summary(const ViewState& view) {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImVec2 screen = ImGui::GetMainViewport()->Size;
  std::vector<std::string> lines;
  for (const ImGuiWindow* w : g.Windows) {
    if (!w->WasActive || w->Hidden || (w->Flags & ImGuiWindowFlags_Tooltip) != 0) continue;
    char line[400];
    std::snprintf(line, sizeof line, "window %s %d %d %d %d", plain_name(w->Name).c_str(),
                  percent(w->Pos.x, screen.x), percent(w->Pos.y, screen.y),
                  percent(w->Size.x, screen.x), percent(w->Size.y, screen.y));
    lines.emplace_back(line);
  }
  for (std::size_t bar = 0; bar < view.tab_bar_shown.size(); ++bar)
    if (view.tab_bar_shown[bar] != Tab::count)
      lines.push_back("tab " + std::to_string(bar) + " " +
                      std::string(tab_panel(view.tab_bar_shown[bar]).name));
  std::sort(lines.begin(), lines.end());
  std::string text;
  for (const std::string& l : lines) text += l + "\n";
  return text;
}

}  // namespace tlsclub::gui
