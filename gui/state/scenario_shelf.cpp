#include "state/scenario_shelf.h"

#include <iterator>

namespace tlsclub::gui {

ScenarioShelf::ScenarioShelf(std::optional<std::filesystem::path> dir) : dir_(std::move(dir)) {
  rescan();
}

void ScenarioShelf::rescan() {
  if (dir_) library_.scan(*dir_);
}

#ifdef __EMSCRIPTEN__
bool ScenarioShelf::run_all_busy() const {
  return next_ < to_run_.size();
}

void ScenarioShelf::start_run_all() {
  if (run_all_busy()) return;
  to_run_ = library_.entries();
  next_ = 0;
  rows_.clear();
}

void ScenarioShelf::poll() {
  if (!run_all_busy()) return;
  std::vector<RunAllRow> more = run_entry(to_run_[next_++]);
  rows_.insert(rows_.end(), std::make_move_iterator(more.begin()),
               std::make_move_iterator(more.end()));
}

void ScenarioShelf::wait() {
  while (run_all_busy()) poll();
}
#else
bool ScenarioShelf::run_all_busy() const {
  return run_all_.busy();
}

void ScenarioShelf::start_run_all() {
  if (run_all_.busy()) return;
  run_all_.start([entries = library_.entries()] { return run_all(entries); });
}

void ScenarioShelf::poll() {
  if (auto rows = run_all_.poll()) rows_ = std::move(*rows);
}

void ScenarioShelf::wait() {
  if (auto rows = run_all_.wait()) rows_ = std::move(*rows);
}
#endif

}  // namespace tlsclub::gui
