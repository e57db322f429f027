#include "state/screen_fit.h"

namespace tlsclub::gui {

Arrangement arrangement_for(float width_px, float em_px) {
  const float em = width_px / (em_px > 0.0f ? em_px : 1.0f);
  if (em >= kThreeAreasEm) return Arrangement::three_areas;
  if (em >= kTwoAreasEm) return Arrangement::two_areas;
  return Arrangement::one_column;
}

}  // namespace tlsclub::gui
