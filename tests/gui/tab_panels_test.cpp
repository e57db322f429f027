// The tabs come from one list (gui/view/tabs.h): every Tab has a panel with a unique name, a
// unique digit key and a label that shows the key; --tab finds each by its name.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "view/app_view.h"
#include "view/panels.h"

using namespace tlsclub::gui;

TEST_CASE("every tab has one panel, a unique --tab name and a unique digit shown in its label") {
  const auto panels = tab_panels();
  REQUIRE(panels.size() == static_cast<std::size_t>(Tab::count));
  std::set<std::string_view> names;
  std::set<int> keys;
  for (std::size_t i = 0; i < panels.size(); ++i) {
    const TabPanel& p = panels[i];
    CAPTURE(p.name);
    CHECK(static_cast<std::size_t>(p.tab) == i);
    CHECK(&tab_panel(p.tab) == &p);
    CHECK(names.insert(p.name).second);
    CHECK(static_cast<bool>(p.draw));
    Tab found = Tab::count;
    CHECK(tab_from_string(p.name, found));
    CHECK(found == p.tab);
    const std::string label = p.label;
    CHECK(label.rfind(std::string(p.title), 0) == 0);
    if (p.key > 0) {
      // A digit key brings it forward (keys 1..9); the label says which.
      CHECK(p.key <= 9);
      CHECK(keys.insert(p.key).second);
      CHECK(label == std::string(p.title) + "  " + std::to_string(p.key));
    } else {
      CHECK(label == p.title);
    }
  }
  Tab none = Tab::course;
  CHECK_FALSE(tab_from_string("inspector", none));
}

TEST_CASE("each area of the window has tabs") {
  std::set<Area> areas;
  for (const TabPanel& p : tab_panels()) areas.insert(p.area);
  CHECK(areas == std::set<Area>{Area::top_left, Area::inspector, Area::side});
}
