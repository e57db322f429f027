#pragma once
// How the window is divided for the space it has (docs/gui.md#small-screens-and-projectors),
// measured in the text's height so that zoom and HiDPI scale move the thresholds with the text.

#include <cstdint>

namespace tlsclub::gui {

enum class Arrangement : std::uint8_t {
  three_areas,  // club view | ladder over inspector | checklist: a wide window
  two_areas,    // club view | ladder over one tabbed area with the inspector's and checklist's tabs
  one_column,   // the ladder over one tabbed area with every tab (a phone-sized window)
};

// Width in the text's height ("em") from which the three areas fit: the ladder names a flight of
// five messages on one line, the inspector's field names and values have a column each, and the
// checklist's check and its evidence stand side by side.
inline constexpr float kThreeAreasEm = 75.0f;
// From here the club view and the ladder still fit side by side.
inline constexpr float kTwoAreasEm = 44.0f;

Arrangement arrangement_for(float width_px, float em_px);

}  // namespace tlsclub::gui
