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
  bool run_all_busy() const;
  const std::vector<RunAllRow>& run_all_rows() const { return rows_; }

  void rescan();
  void refresh() { library_.refresh(); }
  // Starts "run all" on a worker (in the web edition: in slices) unless one is running.
  void start_run_all();
  void poll();
  void wait();

 private:
  std::optional<std::filesystem::path> dir_;
  ScenarioLibrary library_;
  std::vector<RunAllRow> rows_;
#ifdef __EMSCRIPTEN__
  // The web edition has no threads (state/job.h): there run all goes one file per poll, that is
  // per frame, so the tab keeps drawing while the rows fill in.
  std::vector<LibraryEntry> to_run_;
  std::size_t next_ = 0;
#else
  Job<std::vector<RunAllRow> > run_all_;
#endif
};

}  // namespace tlsclub::gui
