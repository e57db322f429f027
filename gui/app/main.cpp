// tlsclub-gui: the window around the view. GLFW makes the window and reads the input, OpenGL 3
// draws ImGui's lists; everything the student sees is drawn by AppView (gui/view).
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/options.h"
#include "app/screenshot.h"
#include "course/course.h"
#include "state/lesson.h"
#include "state/session.h"
#include "state/settings.h"
#include "view/app_view.h"
#include "view/keys.h"
#include "view/theme.h"

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

void print_errors(const Session& session) {
  for (const auto& e : session.load_errors()) std::fprintf(stderr, "%s\n", e.to_string().c_str());
}

// The lesson to start with: the file given, else the last one, else the first lesson.
bool open_start_lesson(Session& session, const Options& options, const Settings& settings) {
  if (!options.scenario.empty()) {
    if (session.open(options.scenario)) return true;
    print_errors(session);
    return false;
  }
  std::error_code ec;
  if (!settings.last_lesson.empty() && fs::is_regular_file(settings.last_lesson, ec) &&
      session.open(settings.last_lesson))
    return true;
  if (session.shelf().dir()) {
    const fs::path first = default_lesson(*session.shelf().dir());
    if (fs::is_regular_file(first, ec) && session.open(first)) return true;
  }
  session.open_demo();
  return true;
}

// --member / --step: where the cursor starts. False (and a message) for an unknown member.
bool place_cursor(Session& session, const Options& options) {
  std::size_t connection = 0;
  if (!options.member.empty()) {
    const auto& connections = session.timeline().connections;
    connection = connections.size();
    for (std::size_t c = 0; c < connections.size(); ++c)
      if (connections[c].client == options.member) connection = c;
    if (connection == connections.size()) {
      std::fprintf(stderr, "tlsclub-gui: error: no member called '%s' in this scenario\n",
                   options.member.c_str());
      return false;
    }
    session.apply(cmd::Seek{session.playback().steps().first_of(connection)});
  }
  if (options.step) {
    const std::size_t base =
        options.member.empty() ? 0 : session.playback().steps().first_of(connection);
    session.apply(cmd::Seek{base + *options.step});
  }
  return true;
}

// --what-if ACTION:RECORD[:BYTE] on the visit the cursor is in. False (and a message) when it
// does not name an action and a record of that visit.
bool run_what_if(Session& session, const std::string& text) {
  const std::size_t colon = text.find(':');
  const std::string action = text.substr(0, colon);
  std::size_t record = 0, offset = 0;
  const std::string rest = colon == std::string::npos ? "" : text.substr(colon + 1);
  const std::size_t colon2 = rest.find(':');
  try {
    record = std::stoul(rest.substr(0, colon2));
    if (colon2 != std::string::npos) offset = std::stoul(rest.substr(colon2 + 1));
  } catch (const std::exception&) {
    record = 0;
  }
  WhatIf w;
  w.connection = session.position().connection;
  w.offset = offset;
  if (const auto known = tlsclub::wire_fault_action(action))
    w.action = *known;
  else
    record = 0;
  const std::size_t row =
      record == 0 ? npos : session.playback().ladder().row_of_record(w.connection, record);
  if (row == npos) {
    std::string names;
    for (const auto& k : tlsclub::wire_fault_kinds())
      names += (names.empty() ? "" : ", ") + std::string(k.name) +
               (k.takes_byte ? ":RECORD:BYTE" : ":RECORD");
    std::fprintf(stderr,
                 "tlsclub-gui: error: --what-if needs one of %s (tamper is flip) with a record of "
                 "this visit, not '%s'\n",
                 names.c_str(), text.c_str());
    return false;
  }
  w.record_event = session.playback().ladder().rows()[row].event;
  session.apply(cmd::RunWhatIf{w});
  session.wait_for_jobs();
  return session.branches().error().empty();
}

// The course (docs/lessons): found beside the program or its source tree, or $TLSCLUB_LESSONS.
// Without it the app still runs; the Course tab says why there are no lessons.
void load_the_course(Session& session, const fs::path& self) {
  const auto dir = tlsclub::find_course_dir(self);
  if (!dir || !session.shelf().dir()) {
    session.set_course_errors({"no docs/lessons folder was found"});
    return;
  }
  tlsclub::CourseLoad loaded = tlsclub::load_course(*dir, *session.shelf().dir());
  if (auto* errors = std::get_if<std::vector<tlsclub::LoadError>>(&loaded)) {
    std::vector<std::string> lines;
    for (const tlsclub::LoadError& e : *errors) lines.push_back(e.to_string());
    session.set_course_errors(std::move(lines));
    return;
  }
  session.set_course(std::move(std::get<tlsclub::Course>(loaded)));
}

// --lesson N [--lesson-stop K]: walk lesson N from stop K. False (and a message) without it.
bool start_lesson(Session& session, const Options& options) {
  if (options.lesson == 0) return true;
  const auto& course = session.lessons().course();
  if (!course || options.lesson > static_cast<int>(course->lessons.size())) {
    std::fprintf(stderr, "tlsclub-gui: error: there is no lesson %d\n", options.lesson);
    return false;
  }
  session.apply(cmd::StartLesson{static_cast<std::size_t>(options.lesson - 1), true});
  if (options.lesson_stop) session.apply(cmd::LessonGoTo{*options.lesson_stop});
  return session.lessons().lesson() != nullptr;
}

void render(GLFWwindow* window, const ImVec4& clear) {
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(clear.x, clear.y, clear.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// The command line, or nothing when there is nothing to run: `status` is then the exit status
// (0 after --help, 2 after a mistake).
std::optional<Options> parse(int argc, char** argv, int& status) {
  std::string error;
  auto options = parse_options(std::vector<std::string>(argv + 1, argv + argc), error);
  if (!options) {
    std::fprintf(stderr, "tlsclub-gui: error: %s\n", error.c_str());
    status = 2;
    return std::nullopt;
  }
  if (options->help) {
    std::fputs(usage(), stdout);
    status = 0;
    return std::nullopt;
  }
  return options;
}

// The remembered settings (none for a screenshot, whose file is empty), overridden by the command
// line.
Settings starting_settings(const Options& options, const fs::path& settings_file) {
  Settings settings = settings_file.empty() ? Settings{} : load_settings(settings_file);
  if (!options.theme.empty()) settings.dark = options.theme == "dark";
  if (!options.level.empty()) settings.level = level_from_string(options.level);
  if (options.predict) settings.predict = true;
  if (options.present) settings.present = true;
  return settings;
}

// The course, the lesson, the cursor, the what-if and the lesson walk the command line asks for;
// returns the tab to show first. Nothing (after a message) for an unknown tab, or for anything
// else that failed when a screenshot is to be taken: it would not show what was asked.
std::optional<Tab> configure(Session& session, const Options& options, const Settings& settings,
                             const fs::path& self) {
  const bool screenshot = !options.screenshot.empty();
  load_the_course(session, self);
  session.set_progress(settings.progress);
  if (!open_start_lesson(session, options, settings) && screenshot) return std::nullopt;
  session.apply(cmd::SetLevel{settings.level});
  session.apply(cmd::SetPredict{settings.predict});
  session.apply(cmd::SetSpeed{settings.speed});
  if (!place_cursor(session, options) && screenshot) return std::nullopt;
  if (!options.what_if.empty() && !run_what_if(session, options.what_if) && screenshot)
    return std::nullopt;
  if (!start_lesson(session, options) && screenshot) return std::nullopt;
  // A new student starts at the course; a file named on the command line, or a lesson being
  // walked, is shown in the club view.
  Tab tab = options.scenario.empty() && options.lesson == 0 ? Tab::course : Tab::club;
  if (!options.tab.empty() && !tab_from_string(options.tab, tab)) {
    std::fprintf(stderr, "tlsclub-gui: error: unknown tab '%s' (see --help)\n",
                 options.tab.c_str());
    return std::nullopt;
  }
  return tab;
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

// ImGui's context and style; returns the window's content scale (1 for a screenshot, so that it
// looks the same on every machine).
float start_imgui(GLFWwindow* window, const Settings& settings, bool screenshot) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; gui.ini keeps what we remember
  float scale = 1.0f;
  if (!screenshot) glfwGetWindowContentScale(window, &scale, nullptr);
  apply_theme(look_of(settings));
  ImGui::GetStyle().ScaleAllSizes(scale);
  return scale;
}

// The panels the command line opens.
void show_what_was_asked(AppView& view, const Options& options, Tab tab) {
  view.show_tab(tab);
  view.view().myths_open = options.myths;
  view.view().glossary.open = options.glossary;
  if (options.lesson > 0)
    view.view().course_selected = static_cast<std::size_t>(options.lesson - 1);
}

// What the frames of the window work with.
struct App {
  GLFWwindow* window;
  Session& session;
  Settings& settings;
  const Options& options;
  fs::path settings_file;  // empty: nothing is remembered (a screenshot)
  bool screenshot;
  float scale;  // the window's content scale
};

// The student's progress, written as soon as it changes; a failure is told once.
void keep_progress_saved(App& app) {
  std::string error;
  if (app.screenshot || app.settings_file.empty() ||
      keep_progress(app.settings_file, app.settings, app.session.lessons().progress(), &error))
    return;
  std::fprintf(stderr, "tlsclub-gui: warning: lesson progress not saved: %s\n", error.c_str());
  app.settings.progress = app.session.lessons().progress();  // warn once, not every frame
}

// Frames until the window is closed or, for a screenshot, until the picture is taken. Returns the
// exit status.
int run_frames(App& app, AppView& view) {
  ImGuiIO& io = ImGui::GetIO();
  float font_size = text_size(app.settings);
  double last = glfwGetTime();
  for (int frame = 0; !glfwWindowShouldClose(app.window) && !view.wants_quit(); ++frame) {
    const bool busy = app.session.playback().cursor().playing() || app.session.branches().busy() ||
                      app.session.shelf().run_all_busy();
    if (app.screenshot || busy)
      glfwPollEvents();
    else
      glfwWaitEventsTimeout(0.25);  // idle: wake for input, and now and then to watch the files
    if (font_size != text_size(app.settings)) {  // zoom, or presentation mode's large type
      font_size = text_size(app.settings);
      view.set_fonts(load_fonts(io, font_size * app.scale));
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    const double now = glfwGetTime();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    view.frame(app.screenshot ? 1.0 / 60.0 : now - last);
    last = now;
    keep_progress_saved(app);
    render(app.window, to_vec4(palette(look_of(app.settings)).panel_bg));
    // A few frames let ImGui settle sizes and scrolling before the picture is taken.
    if (app.screenshot && frame == 4) {
      std::string error;
      if (write_screenshot(app.options.screenshot, app.options.width, app.options.height, error))
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

void close_window(GLFWwindow* window) {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
}

}  // namespace

int main(int argc, char** argv) {
  int status = 0;
  const auto options = parse(argc, argv, status);
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
          start_imgui(window, settings, screenshot)};
  {
    AppView view(session, settings, load_fonts(ImGui::GetIO(), text_size(settings) * app.scale));
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    show_what_was_asked(view, *options, *tab);
    status = run_frames(app, view);
  }
  if (!screenshot && !settings_file.empty()) save_for_next_time(app);
  close_window(window);
  return status;
}
