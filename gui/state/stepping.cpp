#include "state/stepping.h"

#include <algorithm>

namespace tlsclub::gui {

StepIndex::StepIndex(const Timeline& timeline) {
  first_.reserve(timeline.connections.size() + 1);
  std::size_t next = 0;
  for (std::size_t c = 0; c < timeline.connections.size(); ++c) {
    first_.push_back(next);
    // Positions 0..steps: before the first delivery, then after each one.
    const std::size_t count = timeline.connections[c].steps + 1;
    connection_of_.insert(connection_of_.end(), count, c);
    next += count;
  }
  first_.push_back(next);
}

Position StepIndex::at(std::size_t index) const {
  if (size() == 0) return {};
  index = std::min(index, size() - 1);
  const std::size_t c = connection_of_[index];
  return {c, index - first_[c]};
}

std::size_t StepIndex::index_of(Position p) const {
  if (connections() == 0) return 0;
  const std::size_t c = std::min(p.connection, connections() - 1);
  return std::min(first_[c] + p.step, last_of(c));
}

void StepCursor::reset(std::size_t size, std::size_t index) {
  size_ = size;
  index_ = size == 0 ? 0 : std::min(index, size - 1);
  playing_ = false;
  carry_ = 0.0;
}

bool StepCursor::forward() {
  if (at_end()) return false;
  ++index_;
  return true;
}

bool StepCursor::back() {
  if (index_ == 0) return false;
  --index_;
  return true;
}

bool StepCursor::seek(std::size_t index) {
  const std::size_t target = size_ == 0 ? 0 : std::min(index, size_ - 1);
  if (target == index_) return false;
  index_ = target;
  return true;
}

void StepCursor::play() {
  if (at_end()) index_ = 0;  // play from the start again, as media players do
  playing_ = size_ > 1;
  carry_ = 0.0;
}

void StepCursor::set_speed(double steps_per_second) {
  speed_ = std::clamp(steps_per_second, 0.25, 20.0);
}

std::size_t StepCursor::tick(double seconds) {
  if (!playing_) return 0;
  carry_ += seconds * speed_;
  std::size_t due = 0;
  while (carry_ >= 1.0) {
    carry_ -= 1.0;
    ++due;
  }
  return due;
}

}  // namespace tlsclub::gui
