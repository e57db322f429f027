// The checker behind the screen tests finds what it claims to: words drawn over words, and a
// window whose content is wider than it while it cannot scroll across.
#include "layout_check.h"

#include <doctest/doctest.h>

#include "harness.h"

namespace {

// One frame of a window of our own instead of the app's.
template <class Draw>
void frame_of(Draw draw) {
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(400, 300));
  ImGui::Begin("probe", nullptr, ImGuiWindowFlags_NoDecoration);
  draw();
  ImGui::End();
  ImGui::Render();
}

}  // namespace

TEST_CASE(
    "two strings drawn at one place collide, side by side and in separate windows they do not") {
  tlsclub::gui::test::Harness h(ImVec2(800, 600));
  frame_of([] {
    ImGui::SetCursorPos(ImVec2(20, 20));
    ImGui::TextUnformatted("seal of Town Authority");
    ImGui::SetCursorPos(ImVec2(30, 22));
    ImGui::TextUnformatted("club.example");
  });
  const auto found = tlsclub::gui::test::text_collisions(*ImGui::GetDrawData());
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("club.example") != std::string::npos);
  CHECK(found[0].find("in probe") != std::string::npos);

  frame_of([] {
    ImGui::TextUnformatted("seal of Town Authority");
    ImGui::SameLine();
    ImGui::TextUnformatted("club.example");
    ImGui::TextUnformatted("a second line, under the first");
  });
  CHECK(tlsclub::gui::test::text_collisions(*ImGui::GetDrawData()).empty());
}

TEST_CASE("content wider than a window that cannot scroll across is cut off, scrolling is not") {
  tlsclub::gui::test::Harness h(ImVec2(800, 600));
  const auto narrow_child = [](ImGuiWindowFlags flags) {
    for (int i = 0; i < 3; ++i)  // a window learns its content's size a frame later
      frame_of([flags] {
        ImGui::BeginChild("narrow", ImVec2(100, 100), true, flags);
        ImGui::TextUnformatted("a line much wider than one hundred pixels");
        ImGui::EndChild();
      });
  };
  narrow_child(0);
  const auto cut = tlsclub::gui::test::cut_off_windows();
  REQUIRE(cut.size() == 1);
  CHECK(cut[0].find("probe/narrow") != std::string::npos);
  narrow_child(ImGuiWindowFlags_HorizontalScrollbar);
  CHECK(tlsclub::gui::test::cut_off_windows().empty());
}
