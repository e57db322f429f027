#pragma once
// What the web shell asks of the browser and of its page (tlsclub.html): the canvas's size in
// device pixels, the settings store, files the student picks, the back and forward buttons, and
// the lines the page shows or a test reads.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

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

// File ▸ Open: the browser's file picker. The page copies the files chosen into the tab's file
// system (/uploads) and keeps their paths for take_picked_files().
void open_file_picker();
std::vector<std::filesystem::path> take_picked_files();

// Where the back or forward button went, as the app's command line (the page turns the address
// into arguments as at the start); nothing when neither was pressed since the last call.
std::optional<std::vector<std::string>> take_navigation();

// Replaces the canvas with a readable message (the page's error panel).
void show_error(const std::string& message);

}  // namespace tlsclub::gui::web
