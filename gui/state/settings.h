#pragma once
// What the app remembers between runs (docs/gui.md#what-is-remembered: the window opens where it
// was, at the size it was, on the lesson it was): $XDG_CONFIG_HOME/tlsclub/gui.ini (or
// ~/.config/tlsclub/gui.ini), plain key = value lines, written atomically.

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace tlsclub::gui {

enum class Level : std::uint8_t { club, engineer, both };
std::string_view to_string(Level level);
Level level_from_string(std::string_view text);  // unknown: both

// How far a student got in one lesson of the course, by question index: the answers given.
struct LessonProgress {
  std::size_t seen = 0;  // steps seen (the furthest step reached, 1-based; 0: not started)
  bool done = false;     // the summary was reached
  std::map<std::size_t, std::string> answers;
  bool operator==(const LessonProgress&) const = default;
};

// Text size (the zoom: fonts, and the layout measured in them), in pixels before HiDPI scaling.
inline constexpr float kDefaultFontSize = 16.0f;
inline constexpr float kMinFontSize = 11.0f;
inline constexpr float kMaxFontSize = 40.0f;
// One step larger (+1), smaller (-1), or back to the default (0), within the bounds.
float zoomed(float font_size, int step);
// Presentation mode's type is this much larger than the zoom's, to be read from the back row.
inline constexpr float kPresentTextScale = 1.6f;

struct Settings {
  int window_x = -1, window_y = -1;  // -1: let the window manager place it
  int window_width = 1600, window_height = 1000;
  bool maximized = false;
  float split_columns = 0.33f;  // club view | ladder
  float split_rows = 0.56f;     // top row | bottom row
  float split_bottom = 0.55f;   // inspector | checklist
  bool dark = true;
  Level level = Level::both;
  float font_size = kDefaultFontSize;  // before HiDPI scaling; the zoom
  bool predict = false;
  bool present = false;     // presentation mode: large type, the projector's colours
  double speed = 1.5;       // steps per second when playing
  std::string last_lesson;  // a file path; "" for the built-in demo
  // Lesson mode, by lesson id ("03-who-encrypts-what"): lines `lesson.<id>.seen = 4`,
  // `lesson.<id>.done = true`, `lesson.<id>.answer.<n> = refused`.
  std::map<std::string, LessonProgress> progress;
};

// The text size the fonts are made at (before HiDPI scaling): the zoom, larger when presenting.
float text_size(const Settings& settings);

// The file's place; empty when neither XDG_CONFIG_HOME nor HOME is set.
std::filesystem::path settings_path();
// Unknown keys and bad values are ignored: an old or hand-edited file never stops the app.
Settings parse_settings(std::string_view text);
std::string format_settings(const Settings& settings);
Settings load_settings(const std::filesystem::path& file);
// False (and `error` says why) when it cannot be written; the app goes on without it.
bool save_settings(const std::filesystem::path& file, const Settings& settings, std::string* error);
// Lesson progress is kept as it is made, not only when the app closes: an answer given survives a
// crash. Writes the file when `progress` differs from what `settings` holds (then takes it); false
// only when that write fails.
bool keep_progress(const std::filesystem::path& file, Settings& settings,
                   const std::map<std::string, LessonProgress>& progress, std::string* error);

}  // namespace tlsclub::gui
