#include "state/library.h"

#include <algorithm>
#include <iterator>
#include <system_error>

#include "state/lesson.h"

namespace tlsclub::gui {

namespace fs = std::filesystem;

LibraryEntry read_entry(const fs::path& file, const fs::path& dir) {
  LibraryEntry entry;
  entry.file = file;
  std::error_code ec;
  entry.relative = fs::relative(file, dir, ec).generic_string();
  if (ec || entry.relative.empty()) entry.relative = file.filename().string();
  entry.modified = modified_time(file);
  LoadResult loaded = load_scenario_file(file);
  const auto folder = fs::path(entry.relative).parent_path().generic_string();
  if (auto* errors = std::get_if<std::vector<LoadError>>(&loaded)) {
    entry.errors = std::move(*errors);
    entry.lesson = folder;
    entry.title = file.filename().string();
    return entry;
  }
  const ScenarioSpec& spec = std::get<ScenarioSpec>(loaded);
  entry.lesson = spec.lesson.empty() ? folder : spec.lesson;
  entry.title = spec.title;
  entry.summary = spec.summary;
  entry.level = spec.level;
  entry.members = spec.members.size();
  return entry;
}

void ScenarioLibrary::scan(const fs::path& dir) {
  dir_ = dir;
  entries_.clear();
  for (const fs::path& file : scenario_files_in(dir)) entries_.push_back(read_entry(file, dir));
}

std::vector<std::string> ScenarioLibrary::lessons() const {
  std::vector<std::string> out;
  for (const auto& e : entries_)
    if (std::find(out.begin(), out.end(), e.lesson) == out.end()) out.push_back(e.lesson);
  return out;
}

bool ScenarioLibrary::refresh() {
  if (dir_.empty()) return false;
  const std::vector<fs::path> files = scenario_files_in(dir_);
  bool changed = files.size() != entries_.size();
  for (std::size_t i = 0; !changed && i < files.size(); ++i)
    changed = files[i] != entries_[i].file || modified_time(files[i]) != entries_[i].modified;
  if (!changed) return false;
  std::vector<LibraryEntry> next;
  for (const fs::path& file : files) {
    const auto old = std::find_if(entries_.begin(), entries_.end(),
                                  [&](const LibraryEntry& e) { return e.file == file; });
    if (old != entries_.end() && old->modified == modified_time(file))
      next.push_back(std::move(*old));
    else
      next.push_back(read_entry(file, dir_));
  }
  entries_ = std::move(next);
  return true;
}

std::vector<RunAllRow> run_entry(const LibraryEntry& entry) {
  LessonResult result = open_lesson(entry.file);
  if (auto* errors = std::get_if<std::vector<LoadError>>(&result)) {
    RunAllRow row;
    row.scenario = entry.relative;
    row.expected = "a scenario that loads";
    row.actual = errors->empty() ? "does not load" : errors->front().to_string();
    return {std::move(row)};
  }
  std::vector<RunAllRow> rows;
  for (const ExpectationResult& r : std::get<Lesson>(result).expectations)
    rows.push_back({entry.relative, r.member, r.expected, r.actual, r.met});
  return rows;
}

std::vector<RunAllRow> run_all(const std::vector<LibraryEntry>& entries) {
  std::vector<RunAllRow> rows;
  for (const LibraryEntry& entry : entries) {
    std::vector<RunAllRow> more = run_entry(entry);
    rows.insert(rows.end(), std::make_move_iterator(more.begin()),
                std::make_move_iterator(more.end()));
  }
  return rows;
}

}  // namespace tlsclub::gui
