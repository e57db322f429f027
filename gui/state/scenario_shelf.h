#pragma once
// The Session's library part: the scenarios folder (when there is one), what is in it, and the
// trainer's "run all" with its results.

#include <filesystem>
#include <optional>
#include <vector>

#include "state/job.h"
#include "state/library.h"

namespace tlsclub::gui {

class ScenarioShelf {
 public:
  explicit ScenarioShelf(std::optional<std::filesystem::path> dir);

  const std::optional<std::filesystem::path>& dir() const { return dir_; }
  const ScenarioLibrary& library() const { return library_; }
  bool run_all_busy() const { return run_all_.busy(); }
  const std::vector<RunAllRow>& run_all_rows() const { return rows_; }

  void rescan();
  void refresh() { library_.refresh(); }
  // Starts "run all" on a worker unless one is running.
  void start_run_all();
  void poll();
  void wait();

 private:
  std::optional<std::filesystem::path> dir_;
  ScenarioLibrary library_;
  Job<std::vector<RunAllRow>> run_all_;
  std::vector<RunAllRow> rows_;
};

}  // namespace tlsclub::gui
