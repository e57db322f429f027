// Ctrl+= / Ctrl+- / Ctrl+0 change the text size the app remembers, as in browsers and editors.
#include <doctest/doctest.h>

#include "harness.h"
#include "view/keys.h"

using namespace tlsclub::gui;

TEST_CASE("Ctrl+=, Ctrl+- and Ctrl+0 zoom the text, and the keypad's keys do too") {
  test::Harness h;
  h.open_demo();
  const float start = h.settings.font_size;
  h.press(keys::kEqual, true);
  CHECK(h.settings.font_size == zoomed(start, 1));
  h.press(keys::kKeypadAdd, true);
  CHECK(h.settings.font_size == zoomed(zoomed(start, 1), 1));
  h.press(keys::kMinus, true);
  h.press(keys::kKeypadSub, true);
  CHECK(h.settings.font_size < zoomed(start, 1));
  h.press(keys::kDigit0, true);
  CHECK(h.settings.font_size == kDefaultFontSize);
  h.press(keys::kEqual);  // without Ctrl: nothing
  CHECK(h.settings.font_size == kDefaultFontSize);
}
