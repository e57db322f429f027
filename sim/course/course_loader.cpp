// Lesson files, format 1 (docs/lesson-format.md): the top level, [lesson] and [[scenario]], and
// what lesson and myth files share (the document, the scenarios they name, places, references).
// [[step]], [[question]] and [[try]] are read in course_loader_tasks.cpp.
#include <algorithm>
#include <array>
#include <regex>

#include "course/course_loader_internal.h"
#include "simulation/simulation.h"

namespace tlsclub {

namespace course {

namespace {

constexpr std::array<std::string_view, 6> kTopKeys{"format", "lesson",   "scenario",
                                                   "step",   "question", "try"};
constexpr std::array<std::string_view, 6> kLessonKeys{"number",       "title",   "objectives",
                                                      "introduction", "summary", "references"};
constexpr std::array<std::string_view, 2> kScenarioKeys{"file", "why"};
constexpr std::string_view kFormatHint = "see docs/lesson-format.md and https://toml.io";

std::vector<std::string_view> views_of(const std::vector<std::string>& names) {
  return {names.begin(), names.end()};
}

// A path inside the library, written with forward slashes and without `..`.
bool inside_library(const std::string& file) {
  const std::filesystem::path p(file);
  if (file.empty() || p.is_absolute() || file.find('\\') != std::string::npos) return false;
  return std::none_of(p.begin(), p.end(), [](const auto& part) { return part == ".."; });
}

}  // namespace

std::optional<toml::table> parse_document(std::string_view text, std::string_view file_name,
                                          std::span<const std::string_view> top_keys,
                                          Errors& errors) {
  Where plane15;
  const auto shielded = load::shield(text, plane15);
  if (!shielded) {
    errors.add(plane15, ErrorId::syntax,
               "characters of Unicode plane 15 (private use) are not supported", "remove them");
    return std::nullopt;
  }
  toml::table root;
  try {
    root = toml::parse(*shielded, file_name);
  } catch (const toml::parse_error& e) {
    errors.add(load::where_of(e.source()), ErrorId::syntax, std::string(e.description()),
               std::string(kFormatHint));
    return std::nullopt;
  }
  const Section top(root, "", top_keys, errors);
  const toml::node* n = root.get("format");
  if (n == nullptr) {
    errors.add({1, 1}, ErrorId::missing_key, "the file needs `format = 1` at the top",
               "the first line of a lesson or myths file is `format = 1`");
    return std::nullopt;
  }
  const auto* v = n->as_integer();
  if (v == nullptr || v->get() != kLessonFormat) {
    errors.add(load::where_of(*n), ErrorId::unsupported_format, "unsupported format version",
               "this tlsclub reads `format = 1`");
    return std::nullopt;
  }
  return root;
}

const ScenarioSpec* Library::get(const std::string& file, Errors* errors, Where where) {
  auto it = loaded_.find(file);
  if (it == loaded_.end()) {
    std::optional<ScenarioSpec> spec;
    std::error_code ec;
    const std::filesystem::path path = dir_ / file;
    if (!inside_library(file) || !std::filesystem::is_regular_file(path, ec)) {
      why_not_[file] = "";
    } else {
      LoadResult result = load_scenario_file(path);
      if (auto* s = std::get_if<ScenarioSpec>(&result))
        spec = std::move(*s);
      else
        why_not_[file] = std::get<std::vector<LoadError>>(result).front().to_string();
    }
    it = loaded_.emplace(file, std::move(spec)).first;
  }
  if (it->second) return &*it->second;
  if (errors == nullptr) return nullptr;
  const std::string& why = why_not_[file];
  if (!why.empty()) {
    errors->add(where, ErrorId::broken_scenario, "scenario `" + file + "` does not load",
                why + "; `tlsclub check` shows every error");
    return nullptr;
  }
  std::vector<std::string> files;
  for (const auto& p : scenario_files_in(dir_))
    files.push_back(std::filesystem::relative(p, dir_).generic_string());
  std::string hint = load::did_you_mean(file, views_of(files));
  if (hint.empty())
    hint = "a path inside the scenario library (" + dir_.generic_string() +
           "), like \"basics/server-only-tls13.toml\"";
  errors->add(where, ErrorId::unknown_scenario, "scenario `" + file + "` is not in the library",
              std::move(hint));
  return nullptr;
}

PlaceholderRun Library::numbers(const std::string& file, const std::string& member) {
  PlaceholderRun run;
  run.member = member;
  run.spec = get(file, nullptr, {});
  if (run.spec == nullptr) return run;
  auto it = runs_.find(file);
  if (it == runs_.end()) {
    std::optional<Timeline> timeline;
    try {
      timeline = run_scenario(*run.spec);
    } catch (const std::exception&) {
      // The verifier reports a scenario that does not run; here its values are simply missing.
    }
    it = runs_.emplace(file, std::move(timeline)).first;
  }
  if (it->second) run.timeline = &*it->second;
  return run;
}

void fill_numbers(Errors& errors, Where where, std::string& text,
                  const std::function<PlaceholderRun()>& run) {
  if (text.find("{{") == std::string::npos) return;
  const PlaceholderRun source = run();
  auto resolved = resolve_placeholders(text, source);
  if (auto* problem = std::get_if<PlaceholderProblem>(&resolved))
    errors.add(where, problem->id, problem->message, problem->hint);
  else if (source.spec != nullptr)  // without a scenario only the names were checked
    text = std::move(std::get<std::string>(resolved));
}

void no_numbers(Errors& errors, Where where, std::string_view key, const std::string& text) {
  if (text.find("{{") == std::string::npos) return;
  errors.add(where, ErrorId::bad_placeholder,
             "`" + std::string(key) + "` has no run to take numbers from",
             "placeholders go in the texts of a [[step]], [[question]] or [[try]]");
}

std::optional<std::string> read_member(const Section& s, const ScenarioSpec& spec) {
  const auto name = s.string("member");
  if (!name) {
    if (s.has("member") || spec.members.empty()) return std::nullopt;  // wrong type, reported
    return spec.members.front().name;
  }
  std::vector<std::string_view> names;
  for (const auto& m : spec.members) {
    if (m.name == *name) return *name;
    names.push_back(m.name);
  }
  std::string hint = load::did_you_mean(*name, names);
  if (hint.empty()) hint = "the members of that scenario are " + load::join_names(names);
  s.errors().add(s.where("member"), ErrorId::unknown_member,
                 "`" + *name + "` is not a member there", std::move(hint));
  return std::nullopt;
}

std::optional<LessonPlace> read_place(const Section& s, const std::string& fallback,
                                      const std::vector<std::string>* listed, Library& library) {
  LessonPlace place;
  place.line = s.where().line;
  const auto file = s.string("scenario", fallback.empty());
  const auto at = s.string("at", true);
  if (at) loader::check_anchor(s.errors(), s.where("at"), *at, ErrorId::bad_anchor);
  if (!file && (s.has("scenario") || fallback.empty())) return std::nullopt;
  place.scenario = file.value_or(fallback);
  if (listed != nullptr &&
      std::find(listed->begin(), listed->end(), place.scenario) == listed->end()) {
    std::string hint = load::did_you_mean(place.scenario, views_of(*listed));
    if (hint.empty()) hint = "add it to the lesson's [[scenario]] list first";
    s.errors().add(s.where("scenario"), ErrorId::unknown_scenario,
                   "scenario `" + place.scenario + "` is not one of the lesson's [[scenario]]",
                   std::move(hint));
    return std::nullopt;
  }
  const ScenarioSpec* spec =
      library.get(place.scenario, listed == nullptr ? &s.errors() : nullptr, s.where("scenario"));
  if (spec == nullptr) return std::nullopt;
  const auto member = read_member(s, *spec);
  if (!member || !at) return std::nullopt;
  place.anchor = {*member, *at};
  return place;
}

bool reference_ok(std::string_view text) {
  static const std::regex reference(R"((RFC \d+|draft-[a-z0-9-]+) ([A-Z]|\d+)(\.\d+)*)");
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find("; ", start);
    const std::string_view part = text.substr(start, end - start);
    if (!std::regex_match(part.begin(), part.end(), reference)) return false;
    if (end == std::string_view::npos) return true;
    start = end + 2;
  }
}

void check_reference(Errors& errors, Where where, std::string_view key, std::string_view text) {
  if (reference_ok(text)) return;
  errors.add(where, ErrorId::bad_reference,
             "`" + std::string(key) + "` = \"" + std::string(text) +
                 "\" does not name a document and a section",
             "write \"RFC 8446 4.4.3\" (several joined by \"; \")");
}

std::vector<std::string> listed_files(const CourseLesson& lesson) {
  std::vector<std::string> files;
  for (const auto& s : lesson.scenarios) files.push_back(s.file);
  return files;
}

std::optional<std::string> required_text(const Section& s, std::string_view key) {
  auto v = s.string(key, true);
  if (v && v->find_first_not_of(" \t\r\n") == std::string::npos) {
    s.errors().add(s.where(key), ErrorId::bad_value, "`" + std::string(key) + "` is empty", {});
    return std::nullopt;
  }
  return v;
}

namespace {

// "03-who-encrypts-what.toml" -> 3; nullopt when the name does not start with two digits and "-".
std::optional<int> number_in_name(std::string_view file_name) {
  const std::string name = std::filesystem::path(file_name).filename().string();
  if (name.size() < 3 || !std::isdigit(static_cast<unsigned char>(name[0])) ||
      !std::isdigit(static_cast<unsigned char>(name[1])) || name[2] != '-')
    return std::nullopt;
  return (name[0] - '0') * 10 + (name[1] - '0');
}

void read_lesson_table(const toml::table& root, std::string_view file_name, CourseLesson& lesson,
                       Errors& errors) {
  const toml::table* table = load::required_table(
      root, "lesson", "",
      "add [lesson] with `number`, `title`, `objectives`, `introduction`, `summary`", errors);
  if (table == nullptr) return;
  const Section s(*table, "lesson", kLessonKeys, errors);
  if (auto v = s.integer("number", true)) {
    const auto named = number_in_name(file_name);
    if (*v < 1 || *v > 99)
      errors.add(s.where("number"), ErrorId::bad_value, "`number` must be 1 to 99", {});
    else if (named && *named != *v)
      errors.add(
          s.where("number"), ErrorId::bad_value,
          "`number = " + std::to_string(*v) + "` but the file name says " + std::to_string(*named),
          "lesson N lives in NN-slug.toml");
    else
      lesson.number = static_cast<int>(*v);
  }
  if (auto v = required_text(s, "title")) lesson.title = *v;
  if (auto v = required_text(s, "introduction")) lesson.introduction = *v;
  if (auto v = required_text(s, "summary")) lesson.summary = *v;
  no_numbers(errors, s.where("title"), "title", lesson.title);
  no_numbers(errors, s.where("introduction"), "introduction", lesson.introduction);
  no_numbers(errors, s.where("summary"), "summary", lesson.summary);
  if (auto items = s.strings("objectives")) {
    for (auto& item : *items) {
      no_numbers(errors, item.where, "objectives", item.value);
      lesson.objectives.push_back(std::move(item.value));
    }
    if (lesson.objectives.empty())
      errors.add(s.where("objectives"), ErrorId::bad_value, "a lesson has one objective or more",
                 {});
  } else if (!s.has("objectives")) {
    s.missing("objectives");
  }
  if (auto items = s.strings("references")) {
    for (auto& item : *items) {
      check_reference(errors, item.where, "references", item.value);
      lesson.references.push_back(std::move(item.value));
    }
  }
}

void read_scenarios(const toml::table& root, CourseLesson& lesson, Library& library,
                    Errors& errors) {
  const toml::array* array = load::tables_of(root, "scenario", errors);
  if (array == nullptr || array->empty()) {
    if (!root.contains("scenario"))
      errors.add({1, 1}, ErrorId::missing_key, "a lesson needs a [[scenario]] or more",
                 "add [[scenario]] with `file` (relative to the scenario library) and `why`");
    return;
  }
  for (const auto& element : *array) {
    const Section s(*element.as_table(), "scenario", kScenarioKeys, errors);
    LessonScenario scenario;
    if (auto v = required_text(s, "why")) scenario.why = *v;
    no_numbers(errors, s.where("why"), "why", scenario.why);
    const auto file = s.string("file", true);
    if (!file) continue;
    scenario.file = *file;
    if (std::any_of(lesson.scenarios.begin(), lesson.scenarios.end(),
                    [&](const LessonScenario& o) { return o.file == *file; })) {
      errors.add(s.where("file"), ErrorId::duplicate, "scenario `" + *file + "` is listed twice",
                 {});
      continue;
    }
    if (const ScenarioSpec* spec = library.get(*file, &errors, s.where("file")))
      scenario.title = spec->title;
    lesson.scenarios.push_back(std::move(scenario));
  }
}

}  // namespace

}  // namespace course

LessonLoad load_lesson(std::string_view text, std::string_view file_name,
                       const std::filesystem::path& scenarios_dir) {
  course::Errors errors{std::string(file_name)};
  try {
    auto root = course::parse_document(text, file_name, course::kTopKeys, errors);
    if (!root) return errors.take();
    CourseLesson lesson;
    lesson.source = std::string(file_name);
    lesson.id = std::filesystem::path(file_name).stem().string();
    course::Library library(scenarios_dir);
    course::read_lesson_table(*root, file_name, lesson, errors);
    course::read_scenarios(*root, lesson, library, errors);
    course::read_steps(*root, lesson, library, errors);
    course::read_questions(*root, lesson, library, errors);
    course::read_tries(*root, lesson, library, errors);
    if (!errors.empty()) return errors.take();
    return lesson;
  } catch (const std::exception& e) {
    // Not expected (every value is checked); still never an exception to the user.
    errors.add({0, 0}, ErrorId::internal, std::string("the loader failed: ") + e.what(),
               "please report this file");
    return errors.take();
  }
}

}  // namespace tlsclub
