#include "state/settings.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/atomic_file.h"

namespace tlsclub::gui {

namespace fs = std::filesystem;

float text_size(const Settings& settings) {
  return settings.font_size * (settings.present ? kPresentTextScale : 1.0f);
}

float zoomed(float font_size, int step) {
  if (step == 0) return kDefaultFontSize;
  // About 10% a step, as browsers zoom, and at least one whole pixel so small sizes still move.
  const float next = step > 0 ? std::max(font_size + 1.0f, std::round(font_size * 1.1f))
                              : std::min(font_size - 1.0f, std::round(font_size / 1.1f));
  return std::clamp(next, kMinFontSize, kMaxFontSize);
}

std::string_view to_string(Level level) {
  switch (level) {
    case Level::club:
      return "club";
    case Level::engineer:
      return "engineer";
    case Level::both:
      return "both";
  }
  return "both";
}

Level level_from_string(std::string_view text) {
  if (text == "club") return Level::club;
  if (text == "engineer") return Level::engineer;
  return Level::both;
}

fs::path settings_path() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg == '/')
    return fs::path(xdg) / "tlsclub" / "gui.ini";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return fs::path(home) / ".config" / "tlsclub" / "gui.ini";
  return {};
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

template <class T>
void number(std::string_view text, T& out, T low, T high) {
  T value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc() && end == text.data() + text.size()) out = std::clamp(value, low, high);
}

// `lesson.<id>.seen`, `lesson.<id>.done`, `lesson.<id>.answer.<n>`; anything else is ignored.
void lesson_progress(std::string_view key, std::string_view value, Settings& s) {
  key.remove_prefix(std::string_view("lesson.").size());
  const std::size_t dot = key.find('.');
  if (dot == 0 || dot == std::string_view::npos) return;
  const std::string id(key.substr(0, dot));
  const std::string_view what = key.substr(dot + 1);
  if (what == "seen") {
    std::size_t seen = 0;
    number(value, seen, std::size_t{0}, std::size_t{10000});
    s.progress[id].seen = seen;
  } else if (what == "done") {
    s.progress[id].done = value == "true";
  } else if (what.starts_with("answer.") && !value.empty()) {
    std::size_t n = 0;
    const std::string_view index = what.substr(7);
    const auto [end, ec] = std::from_chars(index.data(), index.data() + index.size(), n);
    if (ec == std::errc() && end == index.data() + index.size() && n < 10000)
      s.progress[id].answers[n] = std::string(value);
  }
}

}  // namespace

Settings parse_settings(std::string_view text) {
  Settings s;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = trim(text.substr(start, end - start));
    start = end + 1;
    const std::size_t eq = line.find('=');
    if (line.empty() || line.front() == '#' || eq == std::string_view::npos) continue;
    const std::string_view key = trim(line.substr(0, eq));
    const std::string_view value = trim(line.substr(eq + 1));
    if (key == "window_x") number(value, s.window_x, -100000, 100000);
    if (key == "window_y") number(value, s.window_y, -100000, 100000);
    if (key == "window_width") number(value, s.window_width, 640, 16384);
    if (key == "window_height") number(value, s.window_height, 480, 16384);
    if (key == "maximized") s.maximized = value == "true";
    if (key == "split_columns") number(value, s.split_columns, 0.15f, 0.85f);
    if (key == "split_rows") number(value, s.split_rows, 0.2f, 0.85f);
    if (key == "split_bottom") number(value, s.split_bottom, 0.2f, 0.8f);
    if (key == "theme") s.dark = value != "light";
    if (key == "level") s.level = level_from_string(value);
    if (key == "font_size") number(value, s.font_size, kMinFontSize, kMaxFontSize);
    if (key == "predict") s.predict = value == "true";
    if (key == "present") s.present = value == "true";
    if (key == "speed") number(value, s.speed, 0.25, 20.0);
    if (key == "last_lesson") s.last_lesson = std::string(value);
    if (key.starts_with("lesson.")) lesson_progress(key, value, s);
  }
  return s;
}

std::string format_settings(const Settings& s) {
  std::ostringstream out;
  out << "# TLS Club window and lesson, written by tlsclub-gui on exit\n"
      << "window_x = " << s.window_x << "\nwindow_y = " << s.window_y
      << "\nwindow_width = " << s.window_width << "\nwindow_height = " << s.window_height
      << "\nmaximized = " << (s.maximized ? "true" : "false")
      << "\nsplit_columns = " << s.split_columns << "\nsplit_rows = " << s.split_rows
      << "\nsplit_bottom = " << s.split_bottom << "\ntheme = " << (s.dark ? "dark" : "light")
      << "\nlevel = " << to_string(s.level) << "\nfont_size = " << s.font_size
      << "\npredict = " << (s.predict ? "true" : "false")
      << "\npresent = " << (s.present ? "true" : "false") << "\nspeed = " << s.speed
      << "\nlast_lesson = " << s.last_lesson << "\n";
  for (const auto& [id, p] : s.progress) {
    if (p == LessonProgress{}) continue;
    out << "lesson." << id << ".seen = " << p.seen << "\n";
    if (p.done) out << "lesson." << id << ".done = true\n";
    for (const auto& [n, answer] : p.answers)
      out << "lesson." << id << ".answer." << n << " = " << answer << "\n";
  }
  return out.str();
}

Settings load_settings(const fs::path& file) {
  std::ifstream in(file);
  if (!in) return {};
  std::stringstream text;
  text << in.rdbuf();
  return parse_settings(text.str());
}

bool save_settings(const fs::path& file, const Settings& settings, std::string* error) {
  try {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    write_file_atomically(file, format_settings(settings));
    return true;
  } catch (const std::exception& e) {
    if (error != nullptr) *error = e.what();
    return false;
  }
}

bool keep_progress(const fs::path& file, Settings& settings,
                   const std::map<std::string, LessonProgress>& progress, std::string* error) {
  if (progress == settings.progress) return true;
  settings.progress = progress;
  return save_settings(file, settings, error);
}

}  // namespace tlsclub::gui
