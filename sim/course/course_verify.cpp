// Holding a lesson to the run: every scenario it names runs once, and every claim the lesson
// makes (a step exists, an answer, a try-it outcome, a myth's evidence) is checked against the
// Timeline. Problems are located in the lesson file, so an author can fix the line named.
#include <algorithm>
#include <map>

#include "course/course.h"
#include "simulation/anchors.h"
#include "simulation/expectations.h"
#include "simulation/simulation.h"

namespace tlsclub {

namespace {

// Each scenario of the library loaded and run once.
class Runs {
 public:
  explicit Runs(std::filesystem::path dir) : dir_(std::move(dir)) {}

  struct Run {
    ScenarioSpec spec;
    Timeline timeline;
  };
  // nullptr when the scenario does not load or run; `problem(file)` says why.
  const Run* get(const std::string& file) {
    auto it = runs_.find(file);
    if (it != runs_.end()) return it->second ? &*it->second : nullptr;
    std::optional<Run> run;
    LoadResult loaded = load_scenario_file(dir_ / file);
    if (auto* spec = std::get_if<ScenarioSpec>(&loaded)) {
      try {
        Timeline timeline = run_scenario(*spec);
        run = Run{std::move(*spec), std::move(timeline)};
      } catch (const std::exception& e) {
        problems_[file] = std::string("it does not run: ") + e.what();
      }
    } else {
      problems_[file] =
          "it does not load: " + std::get<std::vector<LoadError>>(loaded).front().to_string();
    }
    auto& stored = runs_.emplace(file, std::move(run)).first->second;
    return stored ? &*stored : nullptr;
  }
  std::string problem(const std::string& file) const {
    const auto it = problems_.find(file);
    return "scenario `" + file + "`: " + (it == problems_.end() ? "?" : it->second);
  }

 private:
  std::filesystem::path dir_;
  std::map<std::string, std::optional<Run>> runs_;
  std::map<std::string, std::string> problems_;
};

std::string at_line(const std::string& file, int line) {
  return std::filesystem::path(file).filename().string() + ":" + std::to_string(line) + ": ";
}

std::string where_in_words(const LessonPlace& place) {
  return "`" + place.anchor.at + "` of " + place.anchor.member + "'s visit in `" + place.scenario +
         "`";
}

// The connection and event a place names, or a message saying why there is none.
struct Found {
  const Connection* connection = nullptr;
  std::size_t event = 0;
};
std::optional<Found> find(const LessonPlace& place, Runs& runs, const std::string& prefix,
                          std::vector<std::string>& problems) {
  const Runs::Run* run = runs.get(place.scenario);
  if (run == nullptr) {
    problems.push_back(prefix + runs.problem(place.scenario));
    return std::nullopt;
  }
  const std::size_t c = anchor_connection(place.anchor, run->timeline);
  const auto event = c == kNoConnection ? std::nullopt : anchor_event(place.anchor, run->timeline);
  if (!event) {
    problems.push_back(prefix + where_in_words(place) + " names no step of the run" +
                       (c == kNoConnection ? " (no such visit)" : ""));
    return std::nullopt;
  }
  return Found{&run->timeline.connections[c], *event};
}

bool has_field(const std::vector<Field>& fields, const std::string& key) {
  for (const Field& f : fields)
    if (f.explain_key == key || has_field(f.children, key)) return true;
  return false;
}

// The messages at the step of an event: the event itself first when it is one.
std::vector<const MessageEvent*> messages_at(const Connection& c, std::size_t event) {
  std::vector<const MessageEvent*> out;
  if (const auto* m = std::get_if<MessageEvent>(&c.events[event].body)) out.push_back(m);
  for (const Event& e : c.events)
    if (const auto* m = std::get_if<MessageEvent>(&e.body);
        m != nullptr && e.step == c.events[event].step && (out.empty() || m != out.front()))
      out.push_back(m);
  return out;
}

void verify_evidence(const MythEvidence& e, Runs& runs, const std::string& prefix,
                     std::vector<std::string>& problems) {
  const auto found = find(e.place, runs, prefix, problems);
  if (!found) return;
  const Connection& c = *found->connection;
  const auto messages = messages_at(c, found->event);
  if (e.field && std::none_of(messages.begin(), messages.end(), [&](const MessageEvent* m) {
        return has_field(m->message.fields, *e.field);
      }))
    problems.push_back(prefix + "no message at " + where_in_words(e.place) + " has a field `" +
                       *e.field + "`");
  if (e.outcome && c.outcome != *e.outcome)
    problems.push_back(prefix + "the evidence says " + e.place.anchor.member + " is " +
                       std::string(to_string(*e.outcome)) + ", but the run says " +
                       std::string(to_string(c.outcome)));
  if (e.protection) {
    const std::string actual = messages.empty() ? "(no message)" : messages.front()->protection;
    if (actual != *e.protection)
      problems.push_back(prefix + "the evidence says the message at " + where_in_words(e.place) +
                         " is protected by `" + *e.protection + "`, but the run says `" + actual +
                         "`");
  }
}

}  // namespace

ScenarioSpec with_try(const ScenarioSpec& spec, const TryTask& task) {
  ScenarioSpec changed = spec;
  if (task.fault) changed.faults.push_back(*task.fault);
  if (task.clock) changed.now = *task.clock;
  const std::string& member =
      task.member.empty() && !spec.members.empty() ? spec.members.front().name : task.member;
  for (MemberSpec& m : changed.members)
    m.expect = m.name == member ? std::optional<Expectation>(task.expect) : std::nullopt;
  return changed;
}

TryResult run_try(const TryTask& task, const std::filesystem::path& scenarios_dir) {
  TryResult result;
  LoadResult loaded = load_scenario_file(scenarios_dir / task.scenario);
  if (auto* errors = std::get_if<std::vector<LoadError>>(&loaded)) {
    result.problem =
        "scenario `" + task.scenario + "` does not load: " + errors->front().to_string();
    return result;
  }
  const ScenarioSpec spec = with_try(std::get<ScenarioSpec>(loaded), task);
  Timeline timeline;
  try {
    timeline = run_scenario(spec);
  } catch (const std::exception& e) {
    result.problem = "scenario `" + task.scenario + "` does not run: " + e.what();
    return result;
  }
  const std::string member = task.member.empty() ? spec.members.front().name : task.member;
  const std::size_t c = anchor_connection({member, "end"}, timeline);
  if (c == kNoConnection) {
    result.problem = "no visit of `" + member + "` in `" + task.scenario + "`";
    return result;
  }
  result.ran = true;
  result.connection = timeline.connections[c];
  for (const ExpectationResult& r : check_expectations(spec, timeline)) {
    if (r.member != member) continue;
    result.met = r.met;
    result.expected = r.expected;
    result.actual = r.actual;
  }
  if (task.fault)
    result.fault_applied = std::any_of(result.connection->events.begin(),
                                       result.connection->events.end(), [](const Event& e) {
                                         // A fault whose record never came is recorded too, as not
                                         // applied.
                                         const auto* f = std::get_if<FaultEvent>(&e.body);
                                         return f != nullptr && f->applied;
                                       });
  return result;
}

std::vector<std::string> verify_lesson(const CourseLesson& lesson,
                                       const std::filesystem::path& scenarios_dir) {
  std::vector<std::string> problems;
  Runs runs(scenarios_dir);
  const std::string file = std::filesystem::path(lesson.source).filename().string();
  for (const LessonScenario& s : lesson.scenarios)
    if (runs.get(s.file) == nullptr) problems.push_back(file + ": " + runs.problem(s.file));
  for (const LessonStep& step : lesson.steps) {
    const LessonPlace& place = step.place;
    if (runs.get(place.scenario) == nullptr) continue;  // said above
    find(place, runs, at_line(lesson.source, place.line) + "step at ", problems);
  }
  for (const LessonQuestion& q : lesson.questions) {
    const std::string prefix = at_line(lesson.source, q.place.line);
    if (runs.get(q.place.scenario) == nullptr) continue;
    const auto found = find(q.place, runs, prefix + "question at ", problems);
    if (!found || q.kind == QuestionKind::choice) continue;
    const std::string right = right_answer(q.kind, *found->connection);
    if (right != q.answer)
      problems.push_back(prefix + "question answer `" + q.answer + "`, but the run says `" + right +
                         "`");
  }
  for (std::size_t k = 0; k < lesson.tries.size(); ++k) {
    const TryTask& task = lesson.tries[k];
    const std::string prefix =
        at_line(lesson.source, task.line) + "try-it task " + std::to_string(k + 1) + ": ";
    const TryResult r = run_try(task, scenarios_dir);
    if (!r.ran)
      problems.push_back(prefix + r.problem);
    else if (!r.fault_applied)
      problems.push_back(prefix + "the fault never hits a record of " + r.connection->client +
                         "'s visit");
    else if (!r.met)
      problems.push_back(prefix + "the lesson says `" + r.expected +
                         "`, but the changed run says `" + r.actual + "`");
  }
  return problems;
}

std::vector<std::string> verify_myths(const std::vector<MythCard>& myths,
                                      const std::filesystem::path& scenarios_dir) {
  std::vector<std::string> problems;
  Runs runs(scenarios_dir);
  for (const MythCard& card : myths)
    for (const MythEvidence& e : card.evidence)
      verify_evidence(e, runs,
                      at_line("myths.toml", e.place.line) + "myth `" + card.id + "`: ", problems);
  return problems;
}

}  // namespace tlsclub
