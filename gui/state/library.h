#pragma once
// The scenario library: every file under scenarios/, grouped by lesson, with its summary or its
// load errors; and the trainer's "run all": expected against actual for every member.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scenario/loader.h"

namespace tlsclub::gui {

struct LibraryEntry {
  std::filesystem::path file;
  std::string relative;  // "server-faults/expired-badge.toml"
  std::string lesson;    // the scenario's lesson, else its folder
  std::string title, summary, level;
  std::size_t members = 0;
  std::vector<LoadError> errors;  // non-empty: the file does not load
  std::optional<std::filesystem::file_time_type> modified;
};

class ScenarioLibrary {
 public:
  void scan(const std::filesystem::path& dir);
  const std::filesystem::path& dir() const { return dir_; }
  const std::vector<LibraryEntry>& entries() const { return entries_; }
  // Lesson names in the order they first appear (basics first, as the folders sort).
  std::vector<std::string> lessons() const;
  // Re-reads files changed on disk, picks up new and removed ones. True when anything changed.
  bool refresh();

 private:
  std::filesystem::path dir_;
  std::vector<LibraryEntry> entries_;
};

LibraryEntry read_entry(const std::filesystem::path& file, const std::filesystem::path& dir);

struct RunAllRow {
  std::string scenario;  // relative path
  std::string member;    // "" when the file did not load or run
  std::string expected, actual;
  bool met = false;
};

// Loads and runs every file (as `tlsclub run scenarios/` does): one row per member with an
// expectation; a file that does not load gives one row with its first error.
std::vector<RunAllRow> run_all(const std::vector<LibraryEntry>& entries);
// The rows of one file.
std::vector<RunAllRow> run_entry(const LibraryEntry& entry);

}  // namespace tlsclub::gui
