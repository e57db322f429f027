#include "web/page_checks.h"

#include <emscripten.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "course/course.h"
#include "state/session.h"
#include "view/layout_summary.h"
#include "web/browser.h"

namespace tlsclub::gui::web {

namespace {

EM_JS(int, page_flag, (const char* name), { return Module[UTF8ToString(name)] ? 1 : 0; });

}  // namespace

void PageChecks::start(Session& session) {
  run_all_ = page_flag("tlsclubRunAll") != 0;
  lessons_ = page_flag("tlsclubLessonsCheck") != 0;
  layout_ = page_flag("tlsclubLayout") != 0;
  frame_times_ = page_flag("tlsclubFrameTimes") != 0;
  if (run_all_) session.apply(cmd::RunAll{});
  started_ = emscripten_get_now();
}

void PageChecks::frame_took(const Session& session, double ms) {
  if (!frame_times_) return;
  const std::size_t members = session.timeline().connections.size();
  if (members != timed_members_) {  // another file: this frame opened it, start again after it
    timed_members_ = members;
    frames_timed_ = 0;
    return;
  }
  frame_ms_[frames_timed_++] = ms;
  if (frames_timed_ < frame_ms_.size()) return;
  frames_timed_ = 0;
  std::array<double, 120> sorted = frame_ms_;
  std::sort(sorted.begin(), sorted.end());
  double sum = 0;
  for (const double t : sorted) sum += t;
  char line[200];
  std::snprintf(line, sizeof line,
                "tlsclub-web: frames: mean %.2f ms, p95 %.2f ms, worst %.2f ms over %zu frames "
                "(a queue of %zu)",
                sum / static_cast<double>(sorted.size()), sorted[sorted.size() * 95 / 100],
                sorted.back(), sorted.size(), members);
  report(line);
}

void PageChecks::after_frame(const Session& session, const ViewState& view, long frame) {
  // The fifth frame, as the desktop's screenshot is taken (ImGui has settled sizes by then).
  if (layout_ && frame == 5) {
    std::string line = "tlsclub-web: layout: " + layout_summary(view);
    std::replace(line.begin(), line.end(), '\n', ';');
    report(line);
  }
  report_run_all(session);
  check_next_lesson(session);
}

// "tlsclub-web: run all: 71 of 71 expectations met" and each one not met, once it has run.
void PageChecks::report_run_all(const Session& session) {
  const ScenarioShelf& shelf = session.shelf();
  if (!run_all_ || shelf.run_all_busy()) return;
  run_all_ = false;
  std::size_t met = 0;
  for (const RunAllRow& row : shelf.run_all_rows()) {
    met += row.met ? 1 : 0;
    if (!row.met)
      report("tlsclub-web: not met: " + row.scenario + " " + row.member + ": expected " +
             row.expected + ", got " + row.actual);
  }
  char seconds[40];
  std::snprintf(seconds, sizeof seconds, " (%.1f s)", (emscripten_get_now() - started_) / 1000.0);
  report("tlsclub-web: run all: " + std::to_string(met) + " of " +
         std::to_string(shelf.run_all_rows().size()) + " expectations met" + seconds);
}

// As `tlsclub lessons check` does (but for the Markdown pages, which are the desktop's): every
// lesson's claims against its runs, then the myth cards, one lesson per frame.
void PageChecks::check_next_lesson(const Session& session) {
  if (!lessons_) return;
  const auto& course = session.lessons().course();
  const auto& scenarios = session.shelf().dir();
  if (!course || !scenarios) {
    report("tlsclub-web: lessons check: no course or no scenario library in this page");
    lessons_ = false;
    return;
  }
  const std::vector<std::string> found =
      next_lesson_ < course->lessons.size()
          ? verify_lesson(course->lessons[next_lesson_], *scenarios)
          : verify_myths(course->myths, *scenarios);
  ++next_lesson_;
  for (const std::string& problem : found) report("tlsclub-web: lesson problem: " + problem);
  problems_ += found.size();
  if (next_lesson_ <= course->lessons.size()) return;
  lessons_ = false;
  char line[200];
  std::snprintf(
      line, sizeof line, "tlsclub-web: lessons check: %zu lessons, %zu myths: %s (%.1f s)",
      course->lessons.size(), course->myths.size(),
      problems_ == 0 ? "every claim holds" : (std::to_string(problems_) + " problem(s)").c_str(),
      (emscripten_get_now() - started_) / 1000.0);
  report(line);
}

}  // namespace tlsclub::gui::web
