// Lesson mode: the Session walking a lesson of the course. Each stop opens its scenario (run once
// and cached), puts the cursor on the step the lesson names and lets the panels tell it; questions
// hold the walk until answered; try-it tasks run as what-if branches and are compared with what
// the lesson says will happen.
#include <algorithm>

#include "state/anchors.h"
#include "state/session.h"

namespace tlsclub::gui {

namespace fs = std::filesystem;

namespace {

const LessonProgress kNoProgress;

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

void Session::set_course(Course course) {
  walk_.end();
  course_ = std::move(course);
  course_errors_.clear();
}

void Session::set_course_errors(std::vector<std::string> errors) {
  course_errors_ = std::move(errors);
}

const CourseLesson* Session::walk_lesson() const {
  if (!course_ || !walk_.active() || walk_.lesson() >= course_->lessons.size()) return nullptr;
  return &course_->lessons[walk_.lesson()];
}

void Session::set_progress(std::map<std::string, LessonProgress> progress) {
  progress_ = std::move(progress);
}

const LessonProgress& Session::progress_of(const CourseLesson& lesson) const {
  const auto it = progress_.find(lesson.id);
  return it == progress_.end() ? kNoProgress : it->second;
}

const Lesson* Session::cached(const std::string& scenario) {
  if (!scenarios_dir_) {
    course_message_ = "no scenarios/ folder: set TLSCLUB_SCENARIOS to the library";
    return nullptr;
  }
  const fs::path file = *scenarios_dir_ / scenario;
  auto it = cache_.find(file);
  if (it != cache_.end() && it->second.modified == modified_time(file)) return &it->second;
  LessonResult result = open_lesson(file);
  if (auto* errors = std::get_if<std::vector<LoadError>>(&result)) {
    course_message_ =
        errors->empty() ? file.string() + " does not load" : errors->front().to_string();
    return nullptr;
  }
  return &(cache_[file] = std::move(std::get<Lesson>(result)));
}

std::optional<std::size_t> Session::place_position(const LessonPlace& place) {
  const Lesson* lesson = cached(place.scenario);
  if (lesson == nullptr) return std::nullopt;
  const StepIndex steps(lesson->timeline);
  return shown_at(place.anchor, lesson->timeline, steps, LadderLayout(lesson->timeline, steps));
}

bool Session::show_scenario(const std::string& scenario) {
  const Lesson* lesson = cached(scenario);
  if (lesson == nullptr) return false;
  if (lesson_.file != lesson->file)
    adopt(Lesson(*lesson));
  else if (active_ != 0)
    show_branch(0, std::nullopt);  // anchors name steps of the run as written
  return true;
}

bool Session::show_place(const LessonPlace& place, bool before) {
  if (!show_scenario(place.scenario)) return false;
  cursor_.pause();
  pending_.reset();
  last_answered_.reset();
  std::optional<std::size_t> message;
  const auto at = shown_at(place.anchor, timeline(), steps_, ladder_, &message);
  if (!at) {
    course_message_ = "the run never gets to " + describe_anchor(place);
    return false;
  }
  const std::size_t c = anchor_connection(place.anchor, timeline());
  // A question is asked with the step before it on screen, as predict mode does.
  cursor_.seek(before && *at > 0 ? *at - 1 : *at);
  moved();
  if (message && !before) selection_.select_event(c, *message);
  return true;
}

void Session::show_stop() {
  const CourseLesson* lesson = walk_lesson();
  if (lesson == nullptr) return;
  course_message_.clear();
  lesson_choices_.clear();
  LessonProgress& progress = progress_[lesson->id];
  progress.seen = std::max(progress.seen, walk_.step_number(walk_.stop()));
  const WalkStop& stop = walk_.current();
  switch (stop.kind) {
    case WalkStop::Kind::question: {
      const LessonQuestion& q = lesson->questions[stop.index];
      lesson_choices_ = question_choices(q);
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
        course_message_ = "no member called " + task.member + " in " + task.scenario;
        break;
      }
      // The visit as written, from its start: the student changes it next.
      cursor_.pause();
      pending_.reset();
      cursor_.seek(steps_.first_of(c));
      moved();
      break;
    }
    case WalkStop::Kind::summary:
      progress.done = true;
      break;
  }
}

void Session::start_lesson(const cmd::StartLesson& start) {
  if (!course_ || start.lesson >= course_->lessons.size()) return;
  const CourseLesson& lesson = course_->lessons[start.lesson];
  course_message_.clear();
  if (!start.resume) progress_.erase(lesson.id);
  std::vector<WalkStop> stops =
      walk_order(lesson, [this](const LessonPlace& place) { return place_position(place); });
  const LessonProgress& progress = progress_of(lesson);
  walk_.begin(start.lesson, std::move(stops), 0);
  if (start.resume && progress.seen > 0 && !progress.done)
    walk_.go(walk_.stop_of_step(progress.seen));
  try_results_.assign(lesson.tries.size(), std::nullopt);
  try_running_.reset();
  show_stop();
}

void Session::lesson_answer(const std::string& choice) {
  const CourseLesson* lesson = walk_lesson();
  if (lesson == nullptr || walk_.current().kind != WalkStop::Kind::question) return;
  const std::size_t q = walk_.current().index;
  LessonProgress& progress = progress_[lesson->id];
  if (progress.answers.contains(q)) return;  // answered once, as in predict mode
  progress.answers[q] = choice;
  show_place(lesson->questions[q].place, false);  // now show the step it was about
}

void Session::run_try() {
  const CourseLesson* lesson = walk_lesson();
  if (lesson == nullptr || walk_.current().kind != WalkStop::Kind::try_it || what_if_.busy())
    return;
  const std::size_t index = walk_.current().index;
  const TryTask& task = lesson->tries[index];
  if (!show_scenario(task.scenario)) return;
  const std::size_t c = anchor_connection({task.member, ""}, timeline());
  if (c == npos) return;
  try_running_ = index;
  course_message_.clear();
  const Branch& original = branches_[0];
  if (task.fault) {
    std::vector<WireFault> faults = original.faults;
    faults.push_back(*task.fault);
    what_if_.start(original.spec, original.timeline, c, std::move(faults),
                   "try it: " + describe(*task.fault));
  } else if (task.clock) {
    what_if_.start_clock(original.spec, *task.clock, "try it: clock " + format_time(*task.clock));
  } else {  // nothing to change: the run as written is the answer
    try_results_[index] = compare_try(task, *original.spec, *original.timeline);
    try_running_.reset();
  }
}

void Session::branch_arrived(Branch branch) {
  branches_.push_back(std::move(branch));
  show_branch(branches_.size() - 1, position());
  const CourseLesson* lesson = walk_lesson();
  if (!try_running_ || lesson == nullptr || *try_running_ >= lesson->tries.size()) return;
  const TryTask& task = lesson->tries[*try_running_];
  try_results_[*try_running_] = compare_try(task, spec(), timeline());
  try_running_.reset();
  // Show how the changed visit ended: that is what the lesson predicted.
  const std::size_t c = anchor_connection({task.member, ""}, timeline());
  if (c != npos && cursor_.seek(steps_.last_of(c))) moved();
}

void Session::try_finished() {
  try_running_.reset();
  if (!what_if_.error().empty()) course_message_ = "the try did not run: " + what_if_.error();
}

void Session::show_evidence(const cmd::ShowEvidence& show) {
  if (!course_ || show.myth >= course_->myths.size()) return;
  const MythCard& card = course_->myths[show.myth];
  if (show.evidence >= card.evidence.size()) return;
  const MythEvidence& evidence = card.evidence[show.evidence];
  course_message_.clear();
  if (show_place(evidence.place, false) && evidence.field) select_field_named(*evidence.field);
}

// The first message of this step with a field whose explanation is `key` ("field.random"):
// selected, so the inspector opens it and the bytes light up.
void Session::select_field_named(const std::string& key) {
  const auto find = [&] {
    const FieldMap& fields = selection_.fields();
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const Field& field = fields.field(f);
      if (field.explain_key == key || "field." + field.name == key) {
        selection_.select_field(f);
        return true;
      }
    }
    return false;
  };
  if (selection_.message() != nullptr && find()) return;  // the message the evidence names
  const Position at = position();
  const Connection& c = connection();
  for (std::size_t e = 0; e < c.events.size(); ++e) {
    if (c.events[e].step != at.step || !std::holds_alternative<MessageEvent>(c.events[e].body))
      continue;
    selection_.select_event(at.connection, e);
    if (find()) return;
  }
  moved();  // no such field here: the step's own selection
}

}  // namespace tlsclub::gui
