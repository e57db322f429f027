// Any screen (docs/gui.md#small-screens-and-projectors): every panel at every step of a visit, and
// every stop of every lesson, rendered at a small laptop's, a browser tab's, a full HD and a HiDPI
// screen's size, with no text drawn over other text and no window cut off.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "course/course.h"
#include "harness.h"
#include "layout_check.h"
#include "view/panels.h"

using namespace tlsclub;
using namespace tlsclub::gui;

namespace {

struct Screen {
  std::string name;
  ImVec2 size;
  float scale;
};

const Screen kScreens[] = {{"1024x640", {1024, 640}, 1.0f},
                           {"1280x720", {1280, 720}, 1.0f},
                           {"1366x768", {1366, 768}, 1.0f},
                           {"1920x1080", {1920, 1080}, 1.0f},
                           {"1920x1080 at 2x", {1920, 1080}, 2.0f},
                           // A browser beside the slides on half a laptop's screen: one column.
                           {"683x768", {683, 768}, 1.0f}};

// Four frames, as a student sees the window once it settles: ImGui sizes a window by the content
// of the frame before, a scrollbar that appears re-wraps the text a frame later, and the bars fold
// by the widths their groups had when last drawn.
void look(test::Harness& h, const std::string& where, std::set<std::string>& problems) {
  h.frames(4);
  for (const std::string& p : test::layout_problems()) problems.insert(where + ": " + p);
}

void report(const Screen& screen, const std::set<std::string>& problems) {
  INFO(screen.name);
  for (const std::string& p : problems) CHECK_MESSAGE(false, p);
}

// Every step of every visit of a scenario with one tab in front.
void every_step(test::Harness& h, const std::string& file, Tab tab,
                std::set<std::string>& problems) {
  h.open(file);
  h.view().show_tab(tab);
  const std::size_t members = h.session().playback().steps().connections();
  for (std::size_t member = 0; member < members; ++member) {
    h.session().apply(cmd::Home{});
    for (std::size_t step = 0; step <= h.session().connection().steps; ++step) {
      look(h,
           file + " " + std::string(tab_panel(tab).name) + " member " + std::to_string(member) +
               " step " + std::to_string(step),
           problems);
      h.session().apply(cmd::StepForward{});
    }
    h.session().apply(cmd::NextMember{});
  }
}

}  // namespace

TEST_CASE("every panel at every step fits the screen, with no text over other text") {
  const char* const kFiles[] = {"basics/first-visit-mutual-tls13.toml",
                                "versions/mutual-tls12.toml",
                                "interception/impostor-authority-installed.toml",
                                "wire-attacks/tampered-certificate-verify.toml"};
  for (const Screen& screen : kScreens) {
    CAPTURE(screen.name);
    test::Harness h(screen.size, screen.scale);
    std::set<std::string> problems;
    for (const char* file : kFiles)
      for (const TabPanel& panel : tab_panels()) every_step(h, file, panel.tab, problems);
    report(screen, problems);
  }
}

// The club view draws words where its drawing leaves room: the queue, impostors, attack signs,
// refusals of every kind.
TEST_CASE("the club view of every library scenario fits the screen, with no words over others") {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::scenarios_dir()))
    if (entry.path().extension() == ".toml")
      files.push_back(entry.path().lexically_relative(test::scenarios_dir()).string());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 50);
  for (const Screen& screen : kScreens) {
    CAPTURE(screen.name);
    test::Harness h(screen.size, screen.scale);
    std::set<std::string> problems;
    for (const std::string& file : files) every_step(h, file, Tab::club, problems);
    report(screen, problems);
  }
}

TEST_CASE("every stop of every lesson fits the screen, with no text over other text") {
  const std::filesystem::path source(TLSCLUB_SOURCE_DIR);
  for (const Screen& screen : kScreens) {
    CAPTURE(screen.name);
    test::Harness h(screen.size, screen.scale);
    CourseLoad loaded = load_course(source / "docs" / "lessons", source / "scenarios");
    REQUIRE(std::holds_alternative<Course>(loaded));
    const std::size_t lessons = std::get<Course>(loaded).lessons.size();
    h.session().set_course(std::move(std::get<Course>(loaded)));
    std::set<std::string> problems;
    for (std::size_t lesson = 0; lesson < lessons; ++lesson) {
      h.session().apply(cmd::StartLesson{lesson, false});
      h.session().wait_for_jobs();
      const std::size_t stops = h.session().lessons().walk().stops().size();
      for (std::size_t stop = 0; stop < stops; ++stop) {
        h.session().apply(cmd::LessonGoTo{stop});
        h.session().wait_for_jobs();
        look(h, "lesson " + std::to_string(lesson + 1) + " stop " + std::to_string(stop), problems);
      }
    }
    report(screen, problems);
  }
}

TEST_CASE("presentation mode fits every screen, predict questions and failed checks included") {
  const char* const kFiles[] = {"basics/first-visit-mutual-tls13.toml",
                                "server-faults/expired-badge.toml",
                                "wire-attacks/man-in-the-middle.toml"};
  for (const Screen& screen : kScreens) {
    CAPTURE(screen.name);
    test::Harness h(screen.size, screen.scale);
    h.settings.present = true;
    h.reload_fonts();
    std::set<std::string> problems;
    for (const char* file : kFiles) every_step(h, file, Tab::club, problems);
    h.session().apply(cmd::SetPredict{true});
    for (const char* file : kFiles) {
      h.open(file);
      h.session().apply(cmd::Home{});
      for (int i = 0; i < 12 && !h.session().playback().pending_question(); ++i)
        h.session().apply(cmd::StepForward{});
      look(h, std::string(file) + " question", problems);
    }
    report(screen, problems);
  }
}

TEST_CASE("the help, the myth cards, the glossary and the export dialog fit every screen") {
  const std::pair<const char*, void (*)(ViewState&)> kDialogs[] = {
      {"help", [](ViewState& v) { v.help_open = true; }},
      {"myth cards", [](ViewState& v) { v.myths_open = true; }},
      {"glossary", [](ViewState& v) { v.glossary.open = true; }},
      {"export", [](ViewState& v) { v.export_form.asked = cmd::Export::What::ladder_svg; }}};
  for (const Screen& screen : kScreens) {
    CAPTURE(screen.name);
    std::set<std::string> problems;
    for (const auto& [name, open] : kDialogs) {
      test::Harness h(screen.size, screen.scale);  // one dialog at a time
      h.open("basics/first-visit-mutual-tls13.toml");
      open(h.view().view());
      look(h, name, problems);
    }
    report(screen, problems);
  }
}
