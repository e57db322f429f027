#pragma once
// Stepping: one position per engine step of every member's visit (step s of a visit = after s
// records were delivered), flattened so ← → walk across the whole queue. Built once per Timeline;
// every move is O(1), so stepping never waits (docs/gui.md#never-waiting).

#include <cstddef>
#include <vector>

#include "timeline/timeline.h"

namespace tlsclub::gui {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

struct Position {
  std::size_t connection = 0;
  std::size_t step = 0;  // Event::step of the events that happen at this position
  bool operator==(const Position&) const = default;
};

class StepIndex {
 public:
  StepIndex() = default;
  explicit StepIndex(const Timeline& timeline);

  std::size_t size() const { return first_.empty() ? 0 : first_.back(); }
  std::size_t connections() const { return first_.empty() ? 0 : first_.size() - 1; }
  Position at(std::size_t index) const;
  std::size_t index_of(Position p) const;  // clamped into the connection's steps
  std::size_t first_of(std::size_t connection) const { return first_[connection]; }
  std::size_t last_of(std::size_t connection) const { return first_[connection + 1] - 1; }

 private:
  std::vector<std::size_t> first_;          // first index of each connection, then size()
  std::vector<std::size_t> connection_of_;  // index -> connection
};

// The cursor over a StepIndex, with playback. Moves report whether anything changed.
class StepCursor {
 public:
  void reset(std::size_t size, std::size_t index = 0);
  std::size_t index() const { return index_; }
  std::size_t size() const { return size_; }
  bool at_end() const { return size_ == 0 || index_ + 1 >= size_; }

  bool forward();
  bool back();
  bool seek(std::size_t index);  // clamped

  // Playback: `speed` steps per second; tick() advances by wall time and stops at the end.
  bool playing() const { return playing_; }
  void play();
  void pause() { playing_ = false; }
  double speed() const { return speed_; }
  void set_speed(double steps_per_second);
  // How many steps are due after `seconds` more of playback (consumed by the caller's moves).
  std::size_t tick(double seconds);

 private:
  std::size_t index_ = 0;
  std::size_t size_ = 0;
  bool playing_ = false;
  double speed_ = 1.5;
  double carry_ = 0.0;  // seconds of playback not yet turned into a step
};

}  // namespace tlsclub::gui
