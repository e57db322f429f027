// Files dropped on the window or picked in the browser (AppView::open_files), the tab last
// brought forward (which the web edition's address names), File ▸ Open in a browser tab, and the
// layout summary the web edition's check compares with the desktop's.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "harness.h"
#include "view/keys.h"
#include "view/layout_summary.h"

using namespace tlsclub::gui;
using namespace tlsclub::gui::test;
namespace fs = std::filesystem;

namespace {

fs::path write_file(const std::string& name, const std::string& text) {
  const fs::path path = fs::temp_directory_path() / ("tlsclub-open-files-test-" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace

TEST_CASE("a dropped scenario file opens and the club view shows it, the one among several") {
  Harness h(ImVec2(1600, 1000));
  h.open("basics/first-visit-mutual-tls13.toml");
  h.frames(2);
  const fs::path notes = write_file("notes.txt", "not a scenario");
  const fs::path scenario = scenarios_dir() / "server-faults" / "expired-badge.toml";
  h.view().open_files({notes, scenario});
  h.frames(2);
  CHECK(h.session().lesson().file == scenario);
  CHECK(h.session().load_errors().empty());
  CHECK(h.view().view().front_tab == Tab::club);
  fs::remove(notes);
}

TEST_CASE(
    "a dropped file that does not load keeps the lesson and shows its errors in the library") {
  Harness h(ImVec2(1600, 1000));
  h.open("basics/first-visit-mutual-tls13.toml");
  h.frames(2);
  const fs::path before = h.session().lesson().file;
  // A whole scenario but for one mistyped key on line 9 (the web edition's check drops it too).
  const fs::path broken = fs::path(TLSCLUB_SOURCE_DIR) / "tests/web/data/broken.toml";
  h.view().open_files({broken});
  h.frames(2);
  CHECK(h.session().lesson().file == before);
  REQUIRE(h.session().load_errors().size() == 1);
  CHECK(h.session().load_errors().front().line == 9);
  CHECK(h.session().load_errors().front().to_string().find("clok") != std::string::npos);
  CHECK(h.view().view().front_tab == Tab::library);
}

TEST_CASE("no files dropped changes nothing") {
  Harness h(ImVec2(1600, 1000));
  h.open("basics/first-visit-mutual-tls13.toml");
  h.frames(2);
  const fs::path before = h.session().lesson().file;
  h.view().open_files({});
  h.frames(1);
  CHECK(h.session().lesson().file == before);
  CHECK(h.view().view().front_tab == Tab::count);  // nothing brought forward yet
}

TEST_CASE("the front tab follows digit keys and clicks, not the tab bars' first frame") {
  Harness h(ImVec2(1600, 1000));
  h.open("basics/first-visit-mutual-tls13.toml");
  h.frames(3);
  CHECK(h.view().view().front_tab == Tab::count);
  h.press(keys::kDigit1 + 7 - 1);  // 7: the checklist
  h.frames(2);
  CHECK(h.view().view().front_tab == Tab::checklist);
  h.press(keys::kDigit1 + 5 - 1);  // 5: the bytes
  h.frames(2);
  CHECK(h.view().view().front_tab == Tab::bytes);
}

TEST_CASE("in a browser tab, File ▸ Open and Ctrl+O ask for the file picker instead") {
  Harness h(ImVec2(1600, 1000));
  h.open("basics/first-visit-mutual-tls13.toml");
  h.frames(2);
  h.press(keys::kO, true);
  h.frames(1);
  CHECK_FALSE(h.view().view().pick_file);  // the desktop: the library's path field
  CHECK(h.view().view().front_tab == Tab::library);
  h.view().view().in_browser = true;
  h.press(keys::kO, true);
  h.frames(1);
  CHECK(h.view().view().pick_file);
}

TEST_CASE("the layout summary names the panels shown, their places and each tab bar's tab") {
  Harness h(ImVec2(1600, 1000));
  h.open("basics/first-visit-mutual-tls13.toml");
  h.press(keys::kDigit1 + 8 - 1);  // 8: the secrets
  h.frames(4);
  const std::string summary = layout_summary(h.view().view());
  CAPTURE(summary);
  CHECK(summary.find("window TLS Club 0 0 100 100\n") != std::string::npos);
  CHECK(summary.find("window TLS Club/ladder ") != std::string::npos);
  CHECK(summary.find("tab 2 secrets\n") != std::string::npos);
  CHECK_FALSE(std::regex_search(summary, std::regex("_[0-9A-F]{8}\\b")));  // no ImGui id suffixes
  // A smaller screen has another arrangement: the summary says so.
  Harness small(ImVec2(683, 768));
  small.open("basics/first-visit-mutual-tls13.toml");
  small.frames(4);
  CHECK(layout_summary(small.view().view()) != summary);
}
