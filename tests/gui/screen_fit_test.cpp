// The window's arrangement follows its width measured in the text's height, so zoom and a HiDPI
// scale move the thresholds with the text.
#include "state/screen_fit.h"

#include <doctest/doctest.h>

using namespace tlsclub::gui;

TEST_CASE("three areas on a wide window, two on a laptop's browser tab, one column on a phone") {
  CHECK(arrangement_for(1920, 16) == Arrangement::three_areas);
  CHECK(arrangement_for(1280, 16) == Arrangement::three_areas);
  CHECK(arrangement_for(1024, 16) == Arrangement::two_areas);
  CHECK(arrangement_for(1920, 32) == Arrangement::two_areas);  // full HD at 2x: 960 wide
  CHECK(arrangement_for(1280, 24) == Arrangement::two_areas);  // zoomed in
  CHECK(arrangement_for(600, 16) == Arrangement::one_column);
  CHECK(arrangement_for(1024, 32) == Arrangement::one_column);
  CHECK(arrangement_for(1024, 0) == Arrangement::three_areas);  // no font yet: no division by 0
}
