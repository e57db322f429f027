// tlsclub-gui: the window around the view. GLFW makes the window and reads the input, OpenGL 3
// draws ImGui's lists; everything the student sees is drawn by AppView (gui/view).
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/file_drop.h"
#include "app/frame.h"
#include "app/options.h"
#include "app/screenshot.h"
#include "app/startup.h"
#include "state/lesson.h"
#include "state/session.h"
#include "state/settings.h"
#include "view/app_view.h"
#include "view/fonts.h"
#include "view/keys.h"
#include "view/layout_summary.h"

namespace keys = tlsclub::gui::keys;
static_assert(
    keys::kO == GLFW_KEY_O && keys::kR == GLFW_KEY_R && keys::kDigit1 == GLFW_KEY_1 &&
        keys::kF1 == GLFW_KEY_F1 && keys::kL == GLFW_KEY_L && keys::kM == GLFW_KEY_M &&
        keys::kG == GLFW_KEY_G && keys::kEqual == GLFW_KEY_EQUAL &&
        keys::kMinus == GLFW_KEY_MINUS && keys::kDigit0 == GLFW_KEY_0 &&
        keys::kKeypadAdd == GLFW_KEY_KP_ADD && keys::kKeypadSub == GLFW_KEY_KP_SUBTRACT &&
        keys::kKeypad0 == GLFW_KEY_KP_0 && keys::kF5 == GLFW_KEY_F5 && keys::kB == GLFW_KEY_B &&
        keys::kPeriod == GLFW_KEY_PERIOD && keys::kEscape == GLFW_KEY_ESCAPE,
    "view/keys.h must use GLFW's key numbers: the GLFW backend fills io.KeysDown with them");

namespace {

using namespace tlsclub::gui;
namespace fs = std::filesystem;

void glfw_error(int code, const char* description) {
  std::fprintf(stderr, "tlsclub-gui: GLFW error %d: %s\n", code, description);
}

fs::path executable(const char* argv0) {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path(argv0) : self;
}

// A screenshot's window has the size asked for and cannot be resized; the student's is where and
// as large as it was left.
GLFWwindow* open_window(const Options& options, const Settings& settings) {
  const bool screenshot = !options.screenshot.empty();
  glfwSetErrorCallback(glfw_error);
  if (glfwInit() == GLFW_FALSE) {
    std::fprintf(stderr,
                 "tlsclub-gui: error: no display (is $DISPLAY or $WAYLAND_DISPLAY set?); "
                 "`tlsclub run` is the headless demo\n");
    return nullptr;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  glfwWindowHint(GLFW_RESIZABLE, screenshot ? GLFW_FALSE : GLFW_TRUE);
  if (!screenshot && settings.maximized) glfwWindowHint(GLFW_MAXIMIZED, GLFW_TRUE);
  const int width = screenshot ? options.width : settings.window_width;
  const int height = screenshot ? options.height : settings.window_height;
  GLFWwindow* window = glfwCreateWindow(width, height, "TLS Club", nullptr, nullptr);
  if (window == nullptr) {
    glfwTerminate();
    return nullptr;
  }
  if (!screenshot && settings.window_x >= 0 && settings.window_y >= 0)
    glfwSetWindowPos(window, settings.window_x, settings.window_y);
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  return window;
}

// The window's content scale: 1 for a screenshot, so that it looks the same on every machine.
float content_scale(GLFWwindow* window, bool screenshot) {
  float scale = 1.0f;
  if (!screenshot) glfwGetWindowContentScale(window, &scale, nullptr);
  return scale;
}

// --layout: the panels of the picture, for the web edition's check to compare (nothing to do
// without it).
bool write_layout(const std::string& file, const AppView& view, std::string& error) {
  if (file.empty()) return true;
  std::ofstream out(file, std::ios::binary);
  out << layout_summary(view.view());
  if (out.flush()) return true;
  error = "cannot write " + file;
  return false;
}

// The club open to real visitors, on the terminal too: where it listens (as `tlsclub serve`
// prints it, so a script can read the port of --port 0) and why it could not open.
void report_club(const LiveClub& club, LiveClub::State& reported) {
  if (club.state() == reported) return;
  reported = club.state();
  if (reported == LiveClub::State::open)
    std::printf("listening on %s:%u as %s\n", club.host().c_str(),
                static_cast<unsigned>(club.port()), club.club_name().c_str());
  else if (reported == LiveClub::State::failed)
    std::fprintf(stderr, "tlsclub-gui: error: the club could not open: %s\n", club.error().c_str());
  std::fflush(stdout);
}

// Whether the picture can be taken: with --serve, once the club is open and --wait-visits
// visits have joined the queue. Nothing when it never will be (the club could not open).
std::optional<bool> ready_for_picture(const App& app) {
  if (!app.options.serve) return true;
  const LiveClub& club = app.session.live_club();
  if (club.state() == LiveClub::State::failed) return std::nullopt;
  return club.state() == LiveClub::State::open && club.visits() >= app.options.wait_visits;
}

// Frames until the window is closed or, for a screenshot, until the picture is taken. Returns the
// exit status.
int run_frames(App& app, AppView& view) {
  double last = glfwGetTime();
  const double deadline = last + 60.0;  // a live screenshot waits for its visits this long
  int settled = 0;
  LiveClub::State reported = LiveClub::State::closed;
  for (int frame = 0; !glfwWindowShouldClose(app.window) && !view.wants_quit(); ++frame) {
    const bool busy = app.session.playback().cursor().playing() || app.session.branches().busy() ||
                      app.session.shelf().run_all_busy();
    if (app.screenshot || busy)
      glfwPollEvents();
    else  // idle: wake for input, now and then to watch the files, often for a real visit
      glfwWaitEventsTimeout(app.session.live_club().running() ? 0.1 : 0.25);
    const double now = glfwGetTime();
    draw_frame(app, view, app.screenshot ? 1.0 / 60.0 : now - last);
    last = now;
    report_club(app.session.live_club(), reported);
    if (!app.screenshot) {
      glfwSwapBuffers(app.window);
      continue;
    }
    const auto ready = ready_for_picture(app);
    if (!ready || now > deadline) {
      std::fprintf(stderr, "tlsclub-gui: error: no picture: %s\n",
                   ready ? "the visits did not come within 60 s" : "the club could not open");
      return 1;
    }
    settled = *ready ? settled + 1 : 0;
    if (!*ready) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    // A few frames let ImGui settle sizes and scrolling before the picture is taken.
    if (frame >= 4 && settled >= 5) {
      std::string error;
      if (write_screenshot(app.options.screenshot, app.options.width, app.options.height, error) &&
          write_layout(app.options.layout, view, error))
        return 0;
      std::fprintf(stderr, "tlsclub-gui: error: %s\n", error.c_str());
      return 1;
    }
    glfwSwapBuffers(app.window);
  }
  return 0;
}

// The window (unless maximized), the lesson and the progress, for the next start.
void save_for_next_time(App& app) {
  Settings& settings = app.settings;
  settings.maximized = glfwGetWindowAttrib(app.window, GLFW_MAXIMIZED) == GLFW_TRUE;
  if (!settings.maximized) {
    glfwGetWindowPos(app.window, &settings.window_x, &settings.window_y);
    glfwGetWindowSize(app.window, &settings.window_width, &settings.window_height);
  }
  settings.last_lesson = app.session.lesson().file.string();
  settings.progress = app.session.lessons().progress();
  std::string error;
  if (!save_settings(app.settings_file, settings, &error))
    std::fprintf(stderr, "tlsclub-gui: warning: settings not saved: %s\n", error.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  int status = 0;
  const auto options = parse_command_line(argc, argv, status);
  if (!options) return status;
  const bool screenshot = !options->screenshot.empty();
  // A screenshot shows exactly what its arguments say: remembered settings play no part.
  const fs::path settings_file = screenshot ? fs::path() : settings_path();
  Settings settings = starting_settings(*options, settings_file);
  Session session(find_scenarios_dir(executable(argv[0])));
  const auto tab = configure(session, *options, settings, executable(argv[0]));
  if (!tab) return 2;

  GLFWwindow* window = open_window(*options, settings);
  if (window == nullptr) return 1;
  App app{window,
          session,
          settings,
          *options,
          settings_file,
          screenshot,
          content_scale(window, screenshot),
          text_size(settings)};
  start_imgui(settings, app.scale);
  {
    AppView view(session, settings, load_fonts(ImGui::GetIO(), text_size(settings) * app.scale));
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    accept_dropped_files(window);
    show_what_was_asked(view, *options, *tab);
    status = run_frames(app, view);
  }
  if (!screenshot && !settings_file.empty()) save_for_next_time(app);
  close_window(window);
  return status;
}
