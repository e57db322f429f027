#include <array>
#include <string>

#include "view/panels.h"

namespace tlsclub::gui {

namespace {

constexpr std::size_t kTabCount = static_cast<std::size_t>(Tab::count);

// "What if  9": built once, so ImGui gets a stable C string and drawing allocates nothing.
const std::array<std::string, kTabCount>& labels() {
  static const std::array<std::string, kTabCount> kLabels = [] {
    std::array<std::string, kTabCount> out;
    std::size_t i = 0;
#define TLSCLUB_TAB_LABEL(e, name, title, area, key, draw) \
  out[i++] = std::string(title) + ((key) > 0 ? "  " + std::to_string(key) : std::string());
    TLSCLUB_TAB_PANELS(TLSCLUB_TAB_LABEL)
#undef TLSCLUB_TAB_LABEL
    return out;
  }();
  return kLabels;
}

const std::array<TabPanel, kTabCount>& table() {
  static const std::array<TabPanel, kTabCount> kPanels = [] {
    const auto& label = labels();
    std::size_t i = 0;
    return std::array<TabPanel, kTabCount>{{
#define TLSCLUB_TAB_ROW(e, name, title, area, key, draw) \
  {Tab::e, name, title, label[i++].c_str(), Area::area, key, &(draw)},
        TLSCLUB_TAB_PANELS(TLSCLUB_TAB_ROW)
#undef TLSCLUB_TAB_ROW
    }};
  }();
  return kPanels;
}

}  // namespace

std::span<const TabPanel> tab_panels() {
  return table();
}

const TabPanel& tab_panel(Tab tab) {
  return table().at(static_cast<std::size_t>(tab));
}

}  // namespace tlsclub::gui
