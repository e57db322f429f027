#include "web/browser.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>

namespace tlsclub::gui::web {

namespace {

constexpr const char* kCanvas = "#canvas";

// (clang-format reads an EM_JS body as C++ and splits `=>` and `!==`: they use `function` and
// `!=`.)
// Module.canvas's drawing buffer. Browser.setCanvasSize is emscripten's own: it tells GLFW, whose
// glfwSetWindowSize would instead go full screen when the size equals the screen's.
EM_JS(void, set_canvas_size, (int width, int height), { Browser.setCanvasSize(width, height); });

EM_JS(void, sync_settings_to_storage, (), {
  FS.syncfs(
      false, function(error) {
        if (error) console.warn("tlsclub-web: settings not saved in the browser: " + error);
      });
});

EM_JS(void, report_line, (const char* line), { console.log(UTF8ToString(line)); });

EM_JS(void, started_page, (const char* title), {
  if (Module.tlsclubStarted) Module.tlsclubStarted();
  document.title = UTF8ToString(title);
});

EM_JS(void, download_file, (const char* path), {
  const name = UTF8ToString(path);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([FS.readFile(name)]));
  link.download = name.substring(name.lastIndexOf("/") + 1);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(
      function() { URL.revokeObjectURL(link.href); }, 60000);
});

EM_JS(void, click_file_input, (), {
  if (Module.tlsclubPickFiles) Module.tlsclubPickFiles();
});

// The page's queues (tlsclub.html) hold lines joined by "\n". The size of the first entry in
// UTF-8 (-1: the queue is empty), then the entry itself, taken off the queue.
EM_JS(int, queued_size, (const char* queue), {
  const waiting = Module[UTF8ToString(queue)];
  return waiting && waiting.length > 0 ? lengthBytesUTF8(waiting[0]) : -1;
});
EM_JS(void, take_queued, (const char* queue, char* buffer, int size),
      { stringToUTF8(Module[UTF8ToString(queue)].shift(), buffer, size); });

EM_JS(void, show_error_panel, (const char* message), {
  if (Module.tlsclubShowError) Module.tlsclubShowError(UTF8ToString(message));
});

}  // namespace

float pixel_ratio() {
  const double ratio = emscripten_get_device_pixel_ratio();
  return ratio > 0 ? static_cast<float>(ratio) : 1.0f;
}

CanvasPixels canvas_pixels() {
  double css_width = 0, css_height = 0;
  emscripten_get_element_css_size(kCanvas, &css_width, &css_height);
  const double ratio = pixel_ratio();
  return {static_cast<int>(std::lround(css_width * ratio)),
          static_cast<int>(std::lround(css_height * ratio))};
}

void resize_canvas(CanvasPixels pixels) {
  set_canvas_size(pixels.width, pixels.height);
}

void persist_settings() {
  sync_settings_to_storage();
}

void report(const std::string& line) {
  report_line(line.c_str());
}

void started(const std::string& line, const std::string& title) {
  report_line(line.c_str());
  started_page(title.c_str());
}

void download(const std::string& path) {
  download_file(path.c_str());
}

void open_file_picker() {
  click_file_input();
}

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// The next entry of one of the page's queues, if any (polled every frame: nothing is allocated
// while the queue is empty).
std::optional<std::string> take(const char* queue) {
  const int size = queued_size(queue);
  if (size < 0) return std::nullopt;
  std::string text(static_cast<std::size_t>(size) + 1, '\0');  // stringToUTF8 ends it with NUL
  take_queued(queue, text.data(), size + 1);
  text.resize(static_cast<std::size_t>(size));
  return text;
}

}  // namespace

std::vector<std::filesystem::path> take_picked_files() {
  std::vector<std::filesystem::path> files;
  while (const auto picked = take("tlsclubPicked"))
    for (const std::string& line : lines_of(*picked)) files.emplace_back(line);
  return files;
}

std::optional<std::vector<std::string>> take_navigation() {
  std::optional<std::vector<std::string>> arguments;
  while (const auto navigated = take("tlsclubNavigated")) arguments = lines_of(*navigated);
  return arguments;  // the last of several: where the student ended up
}

void show_error(const std::string& message) {
  show_error_panel(message.c_str());
}

}  // namespace tlsclub::gui::web
