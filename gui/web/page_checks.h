#pragma once
// What the page does when a test or a benchmark opens it with ?run-all=1, ?lessons-check=1,
// ?layout=1 or ?frame-times=1 (scripts/web-check, tests/bench/web_bench): the whole scenario
// library, or every claim of the course, checked inside the tab, one piece per frame so the tab
// keeps drawing; the panels of the fifth frame (view/layout_summary.h, as the desktop's --layout
// writes them); or what the frames cost. Results go to the console.

#include <array>
#include <cstddef>
#include <string>

namespace tlsclub::gui {
class Session;
struct ViewState;
}  // namespace tlsclub::gui

namespace tlsclub::gui::web {

class PageChecks {
 public:
  // Reads the page's flags; starts the library's run (it goes one file per frame by itself).
  void start(Session& session);
  // After frame number `frame` (1 the first): reports what has finished, and checks the next
  // lesson.
  void after_frame(const Session& session, const ViewState& view, long frame);
  // ?frame-times=1: the time one frame took to make (not to show: the browser's own drawing is
  // not in it), reported as mean, 95th percentile and worst of each 120 frames.
  void frame_took(const Session& session, double ms);

 private:
  void report_run_all(const Session& session);
  void check_next_lesson(const Session& session);

  bool run_all_ = false;      // the library's run is to be reported, once
  bool lessons_ = false;      // the course is being checked
  bool layout_ = false;       // the panels are to be reported
  bool frame_times_ = false;  // frames are being timed
  std::array<double, 120> frame_ms_{};
  std::size_t frames_timed_ = 0;
  std::size_t timed_members_ = 0;  // the queue the frames being timed showed
  std::size_t next_lesson_ = 0;
  std::size_t problems_ = 0;
  double started_ = 0;  // emscripten_get_now() when the course check began
};

}  // namespace tlsclub::gui::web
