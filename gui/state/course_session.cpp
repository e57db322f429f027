// Lesson mode: the Session walking a lesson of the course. Each stop opens its scenario (run once
// and cached), puts the cursor on the step the lesson names and lets the panels tell it; questions
// hold the walk until answered; try-it tasks run as what-if branches and are compared with what
// the lesson says will happen.
#include <algorithm>

#include "state/anchors.h"
#include "state/session.h"

namespace tlsclub::gui {

namespace {

std::string describe_anchor(const LessonPlace& place) {
  return place.scenario + " (" + (place.anchor.member.empty() ? "" : place.anchor.member + " at ") +
         place.anchor.at + ")";
}

// Where a lesson shows a place: a message is sent one step and arrives later, so its place is the
// step its record arrives (the arrow the student sees); other anchors where they happen.
std::optional<std::size_t> shown_at(const StepAnchor& anchor, const Timeline& timeline,
                                    const StepIndex& steps, const LadderLayout& ladder,
                                    std::optional<std::size_t>* message = nullptr) {
  const auto at = resolve_anchor(anchor, timeline, steps);
  if (!at) return at;
  const std::size_t c = anchor_connection(anchor, timeline);
  const auto e = anchor_event(anchor, timeline);
  if (!e || !std::holds_alternative<MessageEvent>(timeline.connections[c].events[*e].body))
    return at;
  if (message != nullptr) *message = e;
  SelectionModel carrying;
  carrying.attach(&timeline);
  carrying.select_event(c, *e);
  if (carrying.record_event() == npos) return at;
  const auto& r =
      std::get<RecordEvent>(timeline.connections[c].events[carrying.record_event()].body);
  const std::size_t row = ladder.row_of_record(c, r.record_id);
  if (row == npos || ladder.rows()[row].arrives_at == npos) return at;
  return ladder.rows()[row].arrives_at;
}

}  // namespace

std::optional<std::size_t> Session::place_position(const LessonPlace& place) {
  const Lesson* lesson = lessons_.cached(shelf_.dir(), place.scenario);
  if (lesson == nullptr) return std::nullopt;
  const StepIndex steps(lesson->timeline);
  return shown_at(place.anchor, lesson->timeline, steps, LadderLayout(lesson->timeline, steps));
}

bool Session::show_scenario(const std::string& scenario) {
  const Lesson* lesson = lessons_.cached(shelf_.dir(), scenario);
  if (lesson == nullptr) return false;
  if (lesson_.file != lesson->file)
    adopt(Lesson(*lesson));
  else if (branches_.active_index() != 0)
    show_branch(0, std::nullopt);  // anchors name steps of the run as written
  return true;
}

bool Session::show_place(const LessonPlace& place, bool before) {
  if (!show_scenario(place.scenario)) return false;
  playback_.hold();
  std::optional<std::size_t> message;
  const auto at =
      shown_at(place.anchor, timeline(), playback_.steps(), playback_.ladder(), &message);
  if (!at) {
    lessons_.say("the run never gets to " + describe_anchor(place));
    return false;
  }
  const std::size_t c = anchor_connection(place.anchor, timeline());
  // A question is asked with the step before it on screen, as predict mode does.
  playback_.place(before && *at > 0 ? *at - 1 : *at);
  if (message && !before) playback_.select_event(c, *message);
  return true;
}

void Session::show_stop() {
  const CourseLesson* lesson = lessons_.lesson();
  if (lesson == nullptr) return;
  const LessonProgress& progress = lessons_.arrive();
  const WalkStop& stop = lessons_.walk().current();
  switch (stop.kind) {
    case WalkStop::Kind::question: {
      const LessonQuestion& q = lesson->questions[stop.index];
      lessons_.set_choices(question_choices(q));
      show_place(q.place, !progress.answers.contains(stop.index));
      break;
    }
    case WalkStop::Kind::step:
      show_place(lesson->steps[stop.index].place, false);
      break;
    case WalkStop::Kind::try_it: {
      const TryTask& task = lesson->tries[stop.index];
      if (!show_scenario(task.scenario)) break;
      const std::size_t c = anchor_connection({task.member, ""}, timeline());
      if (c == npos) {
        lessons_.say("no member called " + task.member + " in " + task.scenario);
        break;
      }
      // The visit as written, from its start: the student changes it next.
      playback_.hold();
      playback_.place(playback_.steps().first_of(c));
      break;
    }
    case WalkStop::Kind::summary:
      break;
  }
}

void Session::lesson_answer(const std::string& choice) {
  const CourseLesson* lesson = lessons_.lesson();
  if (lesson == nullptr || lessons_.walk().current().kind != WalkStop::Kind::question) return;
  const std::size_t q = lessons_.walk().current().index;
  if (!lessons_.record_answer(q, choice)) return;
  show_place(lesson->questions[q].place, false);  // now show the step it was about
}

void Session::run_try() {
  const CourseLesson* lesson = lessons_.lesson();
  if (lesson == nullptr || lessons_.walk().current().kind != WalkStop::Kind::try_it ||
      branches_.busy())
    return;
  const std::size_t index = lessons_.walk().current().index;
  const TryTask& task = lesson->tries[index];
  if (!show_scenario(task.scenario)) return;
  const std::size_t c = anchor_connection({task.member, ""}, timeline());
  if (c == npos) return;
  lessons_.try_started(index);
  lessons_.say("");
  if (task.fault) {
    branches_.start_fault(c, *task.fault, "try it: " + describe(*task.fault));
  } else if (task.clock) {
    branches_.start_clock(*task.clock, "try it: clock " + format_time(*task.clock));
  } else {  // nothing to change: the run as written is the answer
    const Branch& original = branches_.original();
    lessons_.try_done(compare_try(task, *original.spec, *original.timeline));
  }
}

void Session::branch_arrived(Branch branch) {
  show_branch(branches_.add(std::move(branch)), position());
  const CourseLesson* lesson = lessons_.lesson();
  const auto running = lessons_.running_try();
  if (!running || lesson == nullptr || *running >= lesson->tries.size()) return;
  const TryTask& task = lesson->tries[*running];
  lessons_.try_done(compare_try(task, spec(), timeline()));
  // Show how the changed visit ended: that is what the lesson predicted.
  const std::size_t c = anchor_connection({task.member, ""}, timeline());
  if (c != npos) playback_.place(playback_.steps().last_of(c));
}

// A try whose branch never came: the runner says why.
void Session::try_failed() {
  lessons_.try_failed(branches_.error());
}

void Session::show_evidence(const cmd::ShowEvidence& show) {
  const auto& course = lessons_.course();
  if (!course || show.myth >= course->myths.size()) return;
  const MythCard& card = course->myths[show.myth];
  if (show.evidence >= card.evidence.size()) return;
  const MythEvidence& evidence = card.evidence[show.evidence];
  lessons_.say("");
  if (show_place(evidence.place, false) && evidence.field)
    playback_.select_field_named(*evidence.field);
}

}  // namespace tlsclub::gui
