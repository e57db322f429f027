#pragma once
// Where the club view's words go (docs/gui.md#the-club-view): each label is tried at the places
// its drawing allows, in order of preference, and takes the first that lies inside the stage and
// clear of every label placed before it; one that has no such place is not drawn. Labels are
// placed most needed first, so a small window loses decoration, never what the bouncer says.

#include <array>
#include <cstddef>
#include <optional>
#include <span>

namespace tlsclub::gui {

struct Box {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float width() const { return x1 - x0; }
  float height() const { return y1 - y0; }
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  bool inside(const Box& o) const { return x0 >= o.x0 && y0 >= o.y0 && x1 <= o.x1 && y1 <= o.y1; }
};

struct Spot {
  float x = 0, y = 0;  // a top-left corner to try
};

class LabelPlacer {
 public:
  explicit LabelPlacer(Box stage) : stage_(stage) {}

  // The first spot where a `w` × `h` label fits; it is then taken.
  std::optional<Box> place(std::span<const Spot> spots, float w, float h);
  // Marks a box as taken whatever it overlaps (what must be drawn where it is).
  void take(Box box);
  bool free(const Box& box) const;
  const Box& stage() const { return stage_; }

 private:
  // Drawing allocates nothing: a scene has a dozen labels. When the room is full nothing more is
  // placed (a box not kept could not be kept clear of).
  static constexpr std::size_t kRoom = 48;
  Box stage_;
  std::array<Box, kRoom> taken_{};
  std::size_t count_ = 0;
};

}  // namespace tlsclub::gui
