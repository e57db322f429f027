#pragma once
// What the web shell asks of the browser and of its page (tlsclub.html): the canvas's size in
// device pixels, the settings store, and the lines the page shows or a test reads.

#include <string>

namespace tlsclub::gui::web {

// The canvas as the page lays it out (CSS pixels) times the display's pixel ratio.
struct CanvasPixels {
  int width = 0, height = 0;
  bool operator==(const CanvasPixels&) const = default;
};
float pixel_ratio();  // window.devicePixelRatio: 2 on most HiDPI screens
CanvasPixels canvas_pixels();
// Gives the canvas's drawing buffer that size; GLFW hears of it (its window size follows).
void resize_canvas(CanvasPixels pixels);

// Copies the settings folder (IndexedDB, mounted by the page) to the browser's storage.
void persist_settings();

// A line in the browser's console.
void report(const std::string& line);
// The first frame is drawn: the loading panel goes, the page takes `title`, and `line` goes to
// the console (what the tests wait for).
void started(const std::string& line, const std::string& title);

// Hands a file of the tab's file system to the browser as a download (its name, not its path).
void download(const std::string& path);

// The page was opened with ?run-all=1: run the whole library and report (the tests ask).
bool run_all_requested();

// Replaces the canvas with a readable message (the page's error panel).
void show_error(const std::string& message);

}  // namespace tlsclub::gui::web
