// What the app remembers: window, layout, theme, level, last lesson; atomically written.
#include "state/settings.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace tlsclub::gui;
namespace fs = std::filesystem;

TEST_CASE("settings survive a round trip through their text") {
  Settings s;
  s.window_x = 40;
  s.window_y = 60;
  s.window_width = 1280;
  s.window_height = 800;
  s.maximized = true;
  s.split_columns = 0.4f;
  s.dark = false;
  s.level = Level::engineer;
  s.predict = true;
  s.speed = 3.0;
  s.last_lesson = "/tmp/a lesson.toml";
  const Settings back = parse_settings(format_settings(s));
  CHECK(back.window_x == 40);
  CHECK(back.window_y == 60);
  CHECK(back.window_width == 1280);
  CHECK(back.window_height == 800);
  CHECK(back.maximized);
  CHECK(back.split_columns == doctest::Approx(0.4f));
  CHECK_FALSE(back.dark);
  CHECK(back.level == Level::engineer);
  CHECK(back.predict);
  CHECK(back.speed == doctest::Approx(3.0));
  CHECK(back.last_lesson == "/tmp/a lesson.toml");
}

TEST_CASE("a hand-edited file with junk and out-of-range values never stops the app") {
  const Settings s = parse_settings(
      "# comment\nwindow_width = 5\nsplit_rows = 9\nlevel = shouting\nnonsense\nspeed = fast\n"
      "theme=light\n");
  CHECK(s.window_width == 640);  // clamped
  CHECK(s.split_rows == doctest::Approx(0.85f));
  CHECK(s.level == Level::both);  // unknown: the default
  CHECK(s.speed == doctest::Approx(1.5));
  CHECK_FALSE(s.dark);
}

TEST_CASE("settings live in $XDG_CONFIG_HOME/tlsclub and are written whole") {
  const fs::path dir = fs::temp_directory_path() / "tlsclub-gui-settings-test";
  fs::remove_all(dir);
  ::setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
  const fs::path file = settings_path();
  CHECK(file == dir / "tlsclub" / "gui.ini");
  Settings s;
  s.last_lesson = "basics/x.toml";
  std::string error;
  REQUIRE(save_settings(file, s, &error));
  CHECK(load_settings(file).last_lesson == "basics/x.toml");
  for (const auto& entry : fs::directory_iterator(file.parent_path()))
    CHECK(entry.path().filename() == "gui.ini");  // no temporary left behind
  ::unsetenv("XDG_CONFIG_HOME");
  fs::remove_all(dir);
}

TEST_CASE("lesson progress is written as it is made, and only when it changes") {
  const fs::path dir = fs::temp_directory_path() / "tlsclub-gui-progress-test";
  fs::remove_all(dir);
  const fs::path file = dir / "tlsclub" / "gui.ini";
  Settings settings;
  std::map<std::string, LessonProgress> progress;
  std::string error;
  CHECK(keep_progress(file, settings, progress, &error));
  CHECK_FALSE(fs::exists(file));  // nothing changed: nothing written

  progress["02-meeting-the-club"].seen = 3;
  progress["02-meeting-the-club"].answers[1] = "admitted";
  REQUIRE(keep_progress(file, settings, progress, &error));
  REQUIRE(fs::exists(file));
  CHECK(load_settings(file).progress == progress);

  fs::remove(file);
  CHECK(keep_progress(file, settings, progress, &error));
  CHECK_FALSE(fs::exists(file));  // the same progress again: no write
  fs::remove_all(dir);
}

TEST_CASE("zoom steps about 10%, at least a pixel, within the bounds, and 0 is the default") {
  using namespace tlsclub::gui;
  CHECK(zoomed(16.0f, 1) == 18.0f);
  CHECK(zoomed(11.0f, 1) == 12.0f);  // 10% of 11 rounds to nothing: one pixel
  CHECK(zoomed(16.0f, -1) == 15.0f);
  CHECK(zoomed(kMaxFontSize, 1) == kMaxFontSize);
  CHECK(zoomed(kMinFontSize, -1) == kMinFontSize);
  CHECK(zoomed(31.0f, 0) == kDefaultFontSize);
  // From the default, in and back out lands where it started.
  CHECK(zoomed(zoomed(kDefaultFontSize, 1), -1) == kDefaultFontSize);
}
