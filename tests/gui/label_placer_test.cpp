// The club view's words: the first free place in order of preference, inside the stage, and
// none when every place is taken.
#include "state/label_placer.h"

#include <doctest/doctest.h>

using namespace tlsclub::gui;

TEST_CASE("a label takes the first spot inside the stage that nothing placed before covers") {
  LabelPlacer placer(Box{0, 0, 200, 100});
  const Spot spots[] = {{10, 10}, {10, 40}, {120, 10}};
  const auto first = placer.place(spots, 50, 20);
  REQUIRE(first);
  CHECK(first->x0 == 10);
  CHECK(first->y0 == 10);
  const auto second = placer.place(spots, 50, 20);  // {10,10} is taken now
  REQUIRE(second);
  CHECK(second->y0 == 40);
  const auto third = placer.place(spots, 50, 20);
  REQUIRE(third);
  CHECK(third->x0 == 120);
  CHECK_FALSE(placer.place(spots, 50, 20));  // all three taken: not drawn
}

TEST_CASE("a spot that reaches out of the stage or over a taken box is passed over") {
  LabelPlacer placer(Box{0, 0, 200, 100});
  placer.take(Box{0, 0, 100, 50});
  const Spot outside[] = {{180, 10}};  // 180 + 50 > 200
  CHECK_FALSE(placer.place(outside, 50, 20));
  const Spot over[] = {{90, 40}, {100, 50}};  // the first overlaps the taken box by a corner
  const auto at = placer.place(over, 50, 20);
  REQUIRE(at);
  CHECK(at->x0 == 100);
  CHECK_FALSE(placer.free(Box{60, 30, 80, 40}));
  CHECK(placer.free(Box{150, 60, 190, 90}));
}

TEST_CASE("when its room for boxes is full, the placer places nothing more") {
  LabelPlacer placer(Box{0, 0, 10000, 10000});
  std::size_t placed = 0;
  for (int i = 0; i < 100; ++i) {
    const Spot spot[] = {{static_cast<float>(i) * 20.0f, 0.0f}};
    placed += placer.place(spot, 10, 10) ? 1 : 0;
  }
  CHECK(placed > 10);
  CHECK(placed < 100);  // the rest are dropped, not placed over boxes it no longer remembers
}
