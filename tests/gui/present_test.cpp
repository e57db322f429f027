// Presentation mode: F5 in and out (remembered), a clicker's Page Down / Page Up stepping, B and .
// blanking the screen, Escape leaving it, and a predict question across the whole screen that a
// click on the class's answer reveals.
#include <doctest/doctest.h>

#include "../sim/string_makers.h"
#include "harness.h"
#include "state/settings.h"
#include "view/keys.h"

using namespace tlsclub;
using namespace tlsclub::gui;

namespace {

// Whether the last frame drew a window whose name contains `window`.
bool drawn(const char* window) {
  const ImDrawData* data = ImGui::GetDrawData();
  for (int i = 0; i < data->CmdListsCount; ++i) {
    const char* owner = data->CmdLists[i]->_OwnerName;
    if (owner != nullptr && std::string_view(owner).find(window) != std::string_view::npos)
      return true;
  }
  return false;
}

}  // namespace

TEST_CASE("F5 starts and ends presentation mode, which is remembered with the settings") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  CHECK_FALSE(h.settings.present);
  h.press(keys::kF5);
  CHECK(h.settings.present);
  CHECK(drawn("present_ladder"));
  CHECK_FALSE(drawn("inspector"));  // no tabs: only what the class needs
  CHECK(parse_settings(format_settings(h.settings)).present);
  CHECK(text_size(h.settings) == doctest::Approx(h.settings.font_size * kPresentTextScale));
  h.press(keys::kF5);
  CHECK_FALSE(h.settings.present);
  CHECK(drawn("inspector"));
  CHECK_FALSE(parse_settings(format_settings(h.settings)).present);
}

TEST_CASE("a clicker's Page Down and Page Up step while presenting, and change member otherwise") {
  test::Harness h;
  h.open("basics/queue-of-members.toml");
  h.session().apply(cmd::Home{});
  const Position start = h.session().position();
  h.press(test::kPageDown);  // not presenting: the next member
  CHECK(h.session().position().connection == start.connection + 1);
  h.session().apply(cmd::PreviousMember{});
  h.session().apply(cmd::Home{});
  h.press(keys::kF5);
  h.press(test::kPageDown);
  CHECK(h.session().position().connection == start.connection);
  CHECK(h.session().position().step == start.step + 1);
  h.press(test::kPageDown);
  h.press(test::kPageUp);
  CHECK(h.session().position().step == start.step + 1);
}

TEST_CASE("B or . blanks the screen, the next key brings it back, Escape then leaves") {
  test::Harness h;
  h.open("basics/first-visit-mutual-tls13.toml");
  h.press(keys::kF5);
  h.press(keys::kB);
  CHECK(h.view().view().blank);
  CHECK_FALSE(drawn("present_ladder"));
  const Position before = h.session().position();
  h.press(test::kPageDown);  // back from black where it was, without stepping
  CHECK_FALSE(h.view().view().blank);
  CHECK(h.session().position() == before);
  h.press(keys::kPeriod);
  CHECK(h.view().view().blank);
  h.press(keys::kEscape);  // first Escape: the picture back
  CHECK_FALSE(h.view().view().blank);
  CHECK(h.settings.present);
  h.press(keys::kEscape);  // second: out of presentation mode
  CHECK_FALSE(h.settings.present);
  h.press(keys::kB);  // outside presentation mode B is just a letter
  CHECK_FALSE(h.view().view().blank);
}

TEST_CASE(
    "presenting, a predict question fills the screen and the class's answer reveals the step") {
  test::Harness h;
  h.open("server-faults/expired-badge.toml");
  h.settings.present = true;
  h.reload_fonts();
  h.session().apply(cmd::SetPredict{true});
  h.session().apply(cmd::Home{});
  for (int i = 0; i < 10 && !h.session().playback().pending_question(); ++i)
    h.press(test::kPageDown);
  REQUIRE(h.session().playback().pending_question().has_value());
  h.frames(2);
  CHECK(drawn("present_question"));
  CHECK_FALSE(drawn("present_ladder"));  // the ladder would give the answer away
  const Question& q =
      h.session().playback().predict().questions()[*h.session().playback().pending_question()];
  std::size_t right = 0;
  for (std::size_t i = 0; i < q.choices.size(); ++i)
    if (q.choices[i] == q.answer) right = i;
  const auto button = h.where(Hit::Kind::answer, right);
  REQUIRE(button.has_value());
  h.click(*button);
  CHECK_FALSE(h.session().playback().pending_question().has_value());
  CHECK(h.session().playback().predict().correct() == 1);
  h.frame();  // the answer was applied after the click's frame was drawn
  CHECK(drawn("present_ladder"));
}
