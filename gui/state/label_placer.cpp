#include "state/label_placer.h"

namespace tlsclub::gui {

bool LabelPlacer::free(const Box& box) const {
  if (!box.inside(stage_)) return false;
  for (std::size_t i = 0; i < count_; ++i)
    if (box.overlaps(taken_[i])) return false;
  return true;
}

void LabelPlacer::take(Box box) {
  if (count_ < kRoom) taken_[count_++] = box;
}

std::optional<Box> LabelPlacer::place(std::span<const Spot> spots, float w, float h) {
  if (count_ == kRoom) return std::nullopt;
  for (const Spot& s : spots) {
    const Box box{s.x, s.y, s.x + w, s.y + h};
    if (!free(box)) continue;
    take(box);
    return box;
  }
  return std::nullopt;
}

}  // namespace tlsclub::gui
