// tlsclub (web): the same app in a browser tab. The page (tlsclub.html) turns its address into the
// command line (?lesson=4&stop=6 becomes --lesson 4 --lesson-stop 6) and mounts the settings
// folder; the browser drives the frames (emscripten_set_main_loop: a tab must not block), the
// canvas fills the page at the display's pixel ratio, and the settings are kept in IndexedDB.
// Everything else is the desktop app's own code (gui/app: startup, frame).
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "app/file_drop.h"
#include "app/frame.h"
#include "app/startup.h"
#include "timeline/outcome.h"
#include "view/fonts.h"
#include "view/panels.h"
#include "web/address.h"
#include "web/browser.h"
#include "web/page_checks.h"
#include "web/scrolling.h"

namespace {

using namespace tlsclub::gui;
namespace fs = std::filesystem;

// The files the page preloads sit at the root of the browser's file system: /scenarios,
// /docs/lessons (found from the current folder, /) and the fonts at Debian's path.
const fs::path kSelf = "/tlsclub";
// In the folder the page mounts on IndexedDB before main() runs.
const fs::path kSettingsFile = "/settings/gui.ini";

// The tab's app: made once, never destroyed (the page lives as long as the tab).
struct WebShell {
  WebShell(Options o, Settings s)
      : options(std::move(o)), settings(std::move(s)), session(find_scenarios_dir(kSelf)) {}
  Options options;
  Settings settings;
  Session session;
  std::unique_ptr<App> app;
  std::unique_ptr<AppView> view;
  web::CanvasPixels canvas;
  double last = 0;                 // glfwGetTime() at the last frame
  long frames = 0;                 // frames drawn
  std::size_t exports = 0;         // the exports handed to the browser (ExportReport::number)
  std::string remembered;          // the settings as last written
  web::PageChecks checks;          // ?run-all=1, ?lessons-check=1
  fs::path shown;                  // the lesson file last reported as shown
  fs::path failed;                 // the file whose load errors were last reported
  bool replace_address = true;     // the next address is written in place (first, or after back)
  Tab addressed_tab = Tab::count;  // the tab the address names
};

// The canvas follows the page (a resized window, a zoomed page, a rotated tablet, a screen of
// another pixel ratio, where the app is drawn again at the new scale).
void fit_canvas(WebShell& shell) {
  rescale(*shell.app, web::pixel_ratio());
  const web::CanvasPixels now = web::canvas_pixels();
  if (now == shell.canvas || now.width <= 0 || now.height <= 0) return;
  shell.canvas = now;
  web::resize_canvas(now);
}

// The lesson, the progress and the look, written (and copied to IndexedDB) when they changed.
void remember(WebShell& shell) {
  Settings& settings = shell.settings;
  settings.last_lesson = shell.session.lesson().file.string();
  settings.progress = shell.session.lessons().progress();
  std::string text = format_settings(settings);
  if (text == shell.remembered) return;
  std::string error;
  if (!save_settings(kSettingsFile, settings, &error))
    web::report("tlsclub-web: warning: settings not saved: " + error);
  else
    web::persist_settings();
  shell.remembered = std::move(text);  // tried once per change, not every second
}

// What ran in the tab, for the console and the title: "Alice admitted (TLS 1.3, 73 events)".
// `what`: "ready" after the first frame, "showing" when another file is shown.
void report_shown(WebShell& shell, const char* what) {
  shell.shown = shell.session.lesson().file;
  const auto& timeline = shell.session.timeline();
  std::string line = std::string("tlsclub-web: ") + what + ": " + timeline.title;
  for (const auto& connection : timeline.connections)
    line += "; " + tlsclub::outcome_sentence(connection) + " [" +
            (connection.version.empty() ? "no version agreed" : connection.version) + ", " +
            std::to_string(connection.events.size()) + " events]";
  web::started(line, "TLS Club · " + timeline.title);
}

// What File ▸ Export wrote into the tab's file system goes to the browser's downloads.
void download_exports(WebShell& shell) {
  const ExportReport& report = shell.session.export_report();
  if (report.number == shell.exports) return;
  shell.exports = report.number;
  if (report.failed) return;
  for (const fs::path& file : report.files) web::download(file.string());
}

// The back or forward button: the app goes where the address now says, as if opened there.
void navigate(WebShell& shell, const std::vector<std::string>& arguments) {
  std::string error;
  const auto options = parse_options(arguments, error);
  const auto tab = options ? go_to(shell.session, *options) : std::nullopt;
  if (!tab) {
    web::report("tlsclub-web: warning: cannot go back there" +
                (error.empty() ? std::string() : ": " + error));
    return;
  }
  show_what_was_asked(*shell.view, *options, *tab);
  shell.replace_address = true;
  web::report("tlsclub-web: went to: " + web::link_to(shell.session, ""));
}

// Files picked in the browser's dialog or dropped on the page (gui/app/file_drop.h).
void open_picked_files(WebShell& shell) {
  ViewState& view = shell.view->view();
  if (std::exchange(view.pick_file, false)) web::open_file_picker();
  shell.view->open_files(web::take_picked_files());
}

// Another file shown (picked, dropped, from the library, after the back button), or a file that
// did not load: a console line (the tests read it) and the page's title.
void report_changes(WebShell& shell) {
  const Session& session = shell.session;
  // Paths compared as they are: nothing is made per frame.
  if (session.lesson().file != shell.shown) report_shown(shell, "showing");
  if (session.load_errors().empty() || session.failed_file() == shell.failed) return;
  shell.failed = session.failed_file();
  web::report("tlsclub-web: did not load: " + session.load_errors().front().to_string());
}

// The address follows the student (gui/web/address.h).
void follow_address(WebShell& shell) {
  const Tab front = shell.view->view().front_tab;
  const std::string_view tab = front == Tab::count ? std::string_view() : tab_panel(front).name;
  web::show_address(web::link_to(shell.session, tab), !shell.replace_address);
  shell.replace_address = false;
  shell.addressed_tab = front;
}

void frame(void* arg) {
  WebShell& shell = *static_cast<WebShell*>(arg);
  fit_canvas(shell);
  if (auto arguments = web::take_navigation()) navigate(shell, *arguments);
  open_picked_files(shell);
  const double now = glfwGetTime();
  const double made = emscripten_get_now();
  draw_frame(*shell.app, *shell.view, now - shell.last);
  shell.checks.frame_took(shell.session, emscripten_get_now() - made);
  shell.last = now;
  download_exports(shell);
  ++shell.frames;
  shell.checks.after_frame(shell.session, shell.view->view(), shell.frames);
  if (shell.frames == 1)
    report_shown(shell, "ready");
  else
    report_changes(shell);
  if (shell.frames % 60 == 0) remember(shell);
  // A step moves the address within a third of a second; a tab brought forward (a link's tab
  // shows a frame late, when ImGui has laid out its tab bar) at once.
  if (shell.frames % 20 == 1 || shell.replace_address ||
      shell.view->view().front_tab != shell.addressed_tab)
    follow_address(shell);
}

// The window is the page's canvas, in device pixels; WebGL 2 (OpenGL ES 3).
GLFWwindow* open_window(WebShell& shell) {
  if (glfwInit() == GLFW_FALSE) return nullptr;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  shell.canvas = web::canvas_pixels();
  return glfwCreateWindow(shell.canvas.width, shell.canvas.height, "TLS Club", nullptr, nullptr);
}

}  // namespace

int main(int argc, char** argv) {
  int status = 0;
  auto options = parse_command_line(argc, argv, status);
  if (!options) {
    web::show_error("The page's address asks for something TLS Club does not know (see above).");
    return status;
  }
  Settings settings = starting_settings(*options, kSettingsFile);
  auto* shell = new WebShell(std::move(*options), std::move(settings));
  const auto tab = configure(shell->session, shell->options, shell->settings, kSelf);
  if (!tab) {
    web::show_error("The page's address names a tab TLS Club does not have (see above).");
    return 2;
  }
  GLFWwindow* window = open_window(*shell);
  if (window == nullptr) {
    web::show_error("This browser could not give TLS Club a WebGL 2 canvas.");
    return 1;
  }
  const float scale = web::pixel_ratio();
  shell->app = std::make_unique<App>(App{window, shell->session, shell->settings, shell->options,
                                         kSettingsFile, false, scale, text_size(shell->settings)});
  start_imgui(shell->settings, scale);
  shell->view =
      std::make_unique<AppView>(shell->session, shell->settings,
                                load_fonts(ImGui::GetIO(), text_size(shell->settings) * scale));
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  web::install_scrolling(window);
  accept_dropped_files(window);
  shell->view->view().in_browser = true;
  ImGui_ImplOpenGL3_Init("#version 300 es");
  show_what_was_asked(*shell->view, shell->options, *tab);
  shell->remembered = format_settings(shell->settings);
  shell->checks.start(shell->session);
  shell->last = glfwGetTime();
  emscripten_set_main_loop_arg(frame, shell, 0, true);  // returns to the browser, never here
  return 0;
}
