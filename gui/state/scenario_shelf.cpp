#include "state/scenario_shelf.h"

namespace tlsclub::gui {

ScenarioShelf::ScenarioShelf(std::optional<std::filesystem::path> dir) : dir_(std::move(dir)) {
  rescan();
}

void ScenarioShelf::rescan() {
  if (dir_) library_.scan(*dir_);
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

}  // namespace tlsclub::gui
