// Lesson files: [[step]] (the narration), [[question]] (predict before the step is shown) and
// [[try]] (one change to a scenario and what the lesson says will then happen).
#include <algorithm>
#include <array>

#include "course/course_loader_internal.h"
#include "simulation/simulation.h"
#include "timeline/check_names.h"

namespace tlsclub::course {

namespace {

constexpr std::array<std::string_view, 5> kStepKeys{"scenario", "member", "at", "text", "rfc"};
constexpr std::array<std::string_view, 8> kQuestionKeys{
    "scenario", "member", "at", "kind", "question", "choices", "answer", "explanation"};
constexpr std::array<std::string_view, 7> kTryKeys{"scenario", "member", "task",       "fault",
                                                   "clock",    "expect", "explanation"};
// A try's fault is a scenario [[fault]] without `member` (the try's) and `authority` (an impostor
// is a cast change, not a wire fault).
constexpr std::array<std::string_view, 7> kTryFaultKeys{"action", "from", "record", "message",
                                                        "offset", "mask", "alert"};
constexpr std::array<std::string_view, 2> kOutcomes{"admitted", "refused"};

// The scenario a step or question names when it names none: the previous one's, else the first
// the lesson lists.
std::string fallback(const std::string& previous, const CourseLesson& lesson) {
  if (!previous.empty()) return previous;
  return lesson.scenarios.empty() ? std::string() : lesson.scenarios.front().file;
}

// A name list with "none" added: the answers a question about an alert or a check may have.
std::vector<std::string_view> with_none(std::span<const std::string_view> names) {
  std::vector<std::string_view> out(names.begin(), names.end());
  out.push_back("none");
  return out;
}

void check_answer(const Section& s, LessonQuestion& q) {
  if (q.kind == QuestionKind::choice) {
    if (q.choices.size() < 2)
      s.errors().add(s.where("choices"),
                     s.has("choices") ? ErrorId::bad_value : ErrorId::missing_key,
                     "a choice question needs two `choices` or more", {});
    else if (!q.answer.empty() &&
             std::find(q.choices.begin(), q.choices.end(), q.answer) == q.choices.end())
      s.errors().add(s.where("answer"), ErrorId::bad_value, "`answer` must be one of the `choices`",
                     {});
    return;
  }
  if (s.has("choices"))
    s.errors().add(s.where("choices"), ErrorId::bad_value,
                   "`choices` only go with `kind = \"choice\"`",
                   "the other kinds offer the names themselves");
  if (q.answer.empty()) return;
  if (q.kind == QuestionKind::outcome)
    load::check_name(s.errors(), s.where("answer"), "answer", q.answer, kOutcomes);
  else if (q.kind == QuestionKind::alert)
    load::check_name(s.errors(), s.where("answer"), "answer", q.answer,
                     with_none(loader::alert_names()));
  else
    load::check_name(s.errors(), s.where("answer"), "answer", q.answer, with_none(check_names()));
}

// `fault = {...}` or `clock = ...`, exactly one.
void read_change(const Section& s, const ScenarioSpec* spec, TryTask& task) {
  const bool fault = s.has("fault"), clock = s.has("clock");
  if (fault == clock) {
    s.errors().add(s.where(), fault ? ErrorId::bad_value : ErrorId::missing_key,
                   "a try changes one thing: a wire `fault` or the `clock`",
                   "e.g. fault = { action = \"flip\", from = \"server\", message = "
                   "\"certificate_verify\", offset = 12 } or clock = \"+400d\"");
    return;
  }
  if (clock) {
    if (spec == nullptr) return;  // the scenario's own clock is unknown; its error is reported
    if (auto t = load::time_at(s, "clock", spec->now)) task.clock = *t;
    return;
  }
  const toml::table* table = s.table("fault");
  if (table == nullptr) return;
  const Section f(*table, "try.fault", kTryFaultKeys, s.errors());
  const auto action = load::pick(f, "action", loader::wire_fault_actions(), true);
  if (!action) return;
  WireFault wire = loader::read_wire_fault(f, wire_fault_kinds()[*action].action);
  wire.member = task.member;
  task.fault = std::move(wire);
}

}  // namespace

void read_steps(const toml::table& root, CourseLesson& lesson, Library& library, Errors& errors) {
  const toml::array* array = load::tables_of(root, "step", errors);
  if (array == nullptr || array->empty()) {
    if (!root.contains("step"))
      errors.add({1, 1}, ErrorId::missing_key, "a lesson needs a [[step]] or more",
                 "add [[step]] with `at` and `text`");
    return;
  }
  const auto listed = listed_files(lesson);
  std::string previous;
  for (const auto& element : *array) {
    const Section s(*element.as_table(), "step", kStepKeys, errors);
    LessonStep step;
    if (auto v = required_text(s, "text")) step.text = *v;
    if (auto v = s.string("rfc")) {
      load::Where where = s.where("rfc");
      check_reference(errors, where, "rfc", *v);
      step.rfc = *v;
    }
    auto place = read_place(s, fallback(previous, lesson), &listed, library);
    if (!place) {
      fill_numbers(errors, s.where("text"), step.text, [] { return PlaceholderRun{}; });
      continue;
    }
    previous = place->scenario;
    fill_numbers(errors, s.where("text"), step.text,
                 [&] { return library.numbers(place->scenario, place->anchor.member); });
    step.place = std::move(*place);
    lesson.steps.push_back(std::move(step));
  }
}

void read_questions(const toml::table& root, CourseLesson& lesson, Library& library,
                    Errors& errors) {
  const toml::array* array = load::tables_of(root, "question", errors);
  if (array == nullptr) return;
  const auto listed = listed_files(lesson);
  std::string previous;
  for (const auto& element : *array) {
    const Section s(*element.as_table(), "question", kQuestionKeys, errors);
    LessonQuestion q;
    if (auto v = load::pick(s, "kind", question_kind_names()))
      q.kind = static_cast<QuestionKind>(*v);
    if (auto v = required_text(s, "question")) q.question = *v;
    if (auto v = required_text(s, "explanation")) q.explanation = *v;
    std::vector<Where> choice_places;
    if (auto items = s.strings("choices"))
      for (auto& item : *items) {
        q.choices.push_back(std::move(item.value));
        choice_places.push_back(item.where);
      }
    if (auto v = s.string("answer", true)) q.answer = *v;
    check_answer(s, q);  // as written: an answer and its choice hold the same placeholders
    auto place = read_place(s, fallback(previous, lesson), &listed, library);
    const std::function<PlaceholderRun()> numbers = [&] {
      return place ? library.numbers(place->scenario, place->anchor.member) : PlaceholderRun{};
    };
    fill_numbers(errors, s.where("question"), q.question, numbers);
    fill_numbers(errors, s.where("explanation"), q.explanation, numbers);
    fill_numbers(errors, s.where("answer"), q.answer, numbers);
    for (std::size_t k = 0; k < q.choices.size(); ++k)
      fill_numbers(errors, choice_places[k], q.choices[k], numbers);
    if (!place) continue;
    previous = place->scenario;
    q.place = std::move(*place);
    lesson.questions.push_back(std::move(q));
  }
}

void read_tries(const toml::table& root, CourseLesson& lesson, Library& library, Errors& errors) {
  const toml::array* array = load::tables_of(root, "try", errors);
  if (array == nullptr) return;
  const auto listed = listed_files(lesson);
  for (const auto& element : *array) {
    const Section s(*element.as_table(), "try", kTryKeys, errors);
    TryTask task;
    task.line = s.where().line;
    if (auto v = required_text(s, "task")) task.task = *v;
    if (auto v = required_text(s, "explanation")) task.explanation = *v;
    if (const toml::table* t = s.table("expect"))
      task.expect = loader::read_expect(Section(*t, "try.expect", loader::expect_keys(), errors));
    else if (!s.has("expect"))
      s.missing("expect");
    const ScenarioSpec* spec = nullptr;
    if (auto file = s.string("scenario", true)) {
      task.scenario = *file;
      if (std::find(listed.begin(), listed.end(), *file) == listed.end())
        errors.add(s.where("scenario"), ErrorId::unknown_scenario,
                   "scenario `" + *file + "` is not one of the lesson's [[scenario]]",
                   "add it to the lesson's [[scenario]] list first");
      else
        spec = library.get(*file, nullptr, s.where("scenario"));  // reported at [[scenario]]
    }
    if (spec != nullptr) {
      if (auto member = read_member(s, *spec)) task.member = *member;
    }
    read_change(s, spec, task);
    // The try's texts describe the changed run: `{{clock}}` is the clock the task moves to.
    std::optional<ScenarioSpec> changed;
    std::optional<Timeline> changed_run;
    const std::function<PlaceholderRun()> numbers = [&] {
      if (spec == nullptr || (!task.fault && !task.clock)) return PlaceholderRun{};
      if (!changed) {
        changed = with_try(*spec, task);
        try {
          changed_run = run_scenario(*changed);
        } catch (const std::exception&) {
          // verify_lesson reports a changed run that fails; its values are simply missing here.
        }
      }
      const std::string member = task.member.empty() ? spec->members.front().name : task.member;
      return PlaceholderRun{&*changed, changed_run ? &*changed_run : nullptr, member};
    };
    fill_numbers(errors, s.where("task"), task.task, numbers);
    fill_numbers(errors, s.where("explanation"), task.explanation, numbers);
    lesson.tries.push_back(std::move(task));
  }
}

}  // namespace tlsclub::course
