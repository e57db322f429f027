// docs/lessons/myths.toml (the myth-and-fact cards) and the whole course: every NN-slug.toml of
// the folder, numbered 1..N without gaps, and the cards, each pointing at one of those lessons.
#include <algorithm>
#include <array>
#include <fstream>
#include <regex>
#include <sstream>

#include "course/course_loader_internal.h"
#include "explain/catalogue.h"

namespace tlsclub {

namespace course {

namespace {

constexpr std::array<std::string_view, 2> kTopKeys{"format", "myth"};
constexpr std::array<std::string_view, 6> kMythKeys{"id",  "claim",  "truth",
                                                    "rfc", "lesson", "evidence"};
constexpr std::array<std::string_view, 7> kEvidenceKeys{"scenario", "member",  "at",        "shows",
                                                        "field",    "outcome", "protection"};
constexpr std::array<std::string_view, 2> kOutcomes{"admitted", "refused"};

void read_evidence(const Section& s, MythCard& card, Library& library) {
  MythEvidence e;
  if (auto v = required_text(s, "shows")) e.shows = *v;
  if (auto v = s.string("field")) {
    const Explanation* known = find_explanation(*v);
    if (!v->starts_with("field.") || known == nullptr)
      s.errors().add(s.where("field"), ErrorId::bad_value,
                     "`field = \"" + *v + "\"` is not a field of the explanations catalogue",
                     "a field's explain key, like \"field.encrypted_pre_master_secret\"");
    e.field = *v;
  }
  if (auto v = load::pick(s, "outcome", kOutcomes))
    e.outcome = *v == 0 ? Outcome::admitted : Outcome::refused;
  if (auto v = s.string("protection")) e.protection = *v;
  auto place = read_place(s, "", nullptr, library);
  fill_numbers(s.errors(), s.where("shows"), e.shows, [&] {
    return place ? library.numbers(place->scenario, place->anchor.member) : PlaceholderRun{};
  });
  if (!place) return;
  e.place = std::move(*place);
  card.evidence.push_back(std::move(e));
}

void read_card(const Section& s, std::vector<MythCard>& cards, Library& library, Errors& errors) {
  static const std::regex kId("[a-z0-9-]+");
  MythCard card;
  card.line = s.where().line;
  if (auto v = s.string("id", true)) {
    if (!std::regex_match(*v, kId))
      errors.add(s.where("id"), ErrorId::bad_value, "`id = \"" + *v + "\"` is not a slug",
                 "lower-case letters, digits and dashes: \"server-certificate-encrypts\"");
    else if (std::any_of(cards.begin(), cards.end(), [&](const auto& c) { return c.id == *v; }))
      errors.add(s.where("id"), ErrorId::duplicate, "two myths with `id = \"" + *v + "\"`", {});
    card.id = *v;
  }
  if (auto v = required_text(s, "claim")) card.claim = *v;
  if (auto v = required_text(s, "truth")) card.truth = *v;
  no_numbers(s.errors(), s.where("claim"), "claim", card.claim);
  no_numbers(s.errors(), s.where("truth"), "truth", card.truth);
  if (auto v = s.string("rfc", true)) {
    check_reference(errors, s.where("rfc"), "rfc", *v);
    card.rfc = *v;
  }
  if (auto v = s.integer("lesson", true)) {
    if (*v < 1 || *v > 99)
      errors.add(s.where("lesson"), ErrorId::bad_value, "`lesson` must be 1 to 99", {});
    else
      card.lesson = static_cast<int>(*v);
  }
  const toml::array* evidence = nullptr;
  if (const toml::node* n = s.node("evidence")) {
    evidence = n->as_array();
    if (evidence == nullptr || !evidence->is_array_of_tables()) {
      errors.add(load::where_of(*n), ErrorId::wrong_type, "`evidence` must be an array of tables",
                 "write each one under its own [[myth.evidence]] header");
      evidence = nullptr;
    }
  }
  if (evidence == nullptr || evidence->empty()) {
    if (!s.has("evidence"))
      errors.add(s.where(), ErrorId::missing_key, "a myth needs one [[myth.evidence]] or more",
                 "name a scenario step that shows the truth");
  } else {
    for (const auto& element : *evidence)
      read_evidence(Section(*element.as_table(), "myth.evidence", kEvidenceKeys, errors), card,
                    library);
  }
  cards.push_back(std::move(card));
}

std::optional<std::string> read_text(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return std::nullopt;
  return text.str();
}

std::vector<LoadError> unreadable(const std::filesystem::path& path) {
  Errors errors{path.string()};
  errors.add({0, 0}, ErrorId::unreadable_file, "cannot read the file",
             "check that it exists and is a readable file");
  return errors.take();
}

// NN-slug.toml
bool is_lesson_file(const std::filesystem::path& path) {
  static const std::regex kName(R"(\d\d-[a-z0-9-]+\.toml)");
  return std::regex_match(path.filename().string(), kName);
}

void append(std::vector<LoadError>& to, std::vector<LoadError> errors) {
  to.insert(to.end(), std::make_move_iterator(errors.begin()),
            std::make_move_iterator(errors.end()));
}

// Numbered 1..N, each once; every myth names one of them.
void check_numbering(const Course& course, const std::filesystem::path& myths_file,
                     std::vector<LoadError>& errors) {
  Errors found{course.dir.string()};
  for (std::size_t i = 0; i < course.lessons.size(); ++i) {
    const CourseLesson& lesson = course.lessons[i];
    const int expected = static_cast<int>(i) + 1;
    if (lesson.number == expected) continue;
    if (i > 0 && course.lessons[i - 1].number == lesson.number)
      errors.push_back({lesson.source, 0, 0, std::string(to_string(ErrorId::duplicate)),
                        "two lessons numbered " + std::to_string(lesson.number),
                        "renumber one of them"});
    else
      found.add({0, 0}, ErrorId::bad_value, "lesson " + std::to_string(expected) + " is missing",
                "lessons are numbered 1..N without gaps");
    break;  // one message: the rest follows from it
  }
  append(errors, found.take());
  Errors myths{myths_file.string()};
  const int count = static_cast<int>(course.lessons.size());
  for (const MythCard& card : course.myths)
    if (card.lesson > count)
      myths.add({card.line, 1}, ErrorId::bad_value,
                "myth `" + card.id + "` names lesson " + std::to_string(card.lesson) +
                    ", but the course has " + std::to_string(count),
                {});
  append(errors, myths.take());
}

}  // namespace

}  // namespace course

MythsLoad load_myths(std::string_view text, std::string_view file_name,
                     const std::filesystem::path& scenarios_dir) {
  course::Errors errors{std::string(file_name)};
  try {
    auto root = course::parse_document(text, file_name, course::kTopKeys, errors);
    if (!root) return errors.take();
    course::Library library(scenarios_dir);
    std::vector<MythCard> cards;
    const toml::array* array = load::tables_of(*root, "myth", errors);
    if (array == nullptr || array->empty()) {
      if (!root->contains("myth"))
        errors.add({1, 1}, ErrorId::missing_key, "the file needs a [[myth]] or more", {});
    } else {
      for (const auto& element : *array)
        course::read_card(course::Section(*element.as_table(), "myth", course::kMythKeys, errors),
                          cards, library, errors);
    }
    if (!errors.empty()) return errors.take();
    return cards;
  } catch (const std::exception& e) {
    errors.add({0, 0}, ErrorId::internal, std::string("the loader failed: ") + e.what(),
               "please report this file");
    return errors.take();
  }
}

CourseLoad load_course(const std::filesystem::path& course_dir,
                       const std::filesystem::path& scenarios_dir) {
  Course course;
  course.dir = course_dir;
  std::vector<LoadError> errors;
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(course_dir, ec), end; !ec && it != end;
       it.increment(ec))
    if (course::is_lesson_file(it->path())) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  if (files.empty())
    return std::vector<LoadError>{{course_dir.string(), 0, 0,
                                   std::string(to_string(ErrorId::no_lessons)),
                                   "no NN-slug.toml lesson file in this folder",
                                   "check --course (the course lives in docs/lessons)"}};
  for (const auto& file : files) {
    const auto text = course::read_text(file);
    if (!text) {
      course::append(errors, course::unreadable(file));
      continue;
    }
    LessonLoad lesson = load_lesson(*text, file.string(), scenarios_dir);
    if (auto* e = std::get_if<std::vector<LoadError>>(&lesson))
      course::append(errors, std::move(*e));
    else
      course.lessons.push_back(std::move(std::get<CourseLesson>(lesson)));
  }
  const auto myths_file = course_dir / "myths.toml";
  if (const auto text = course::read_text(myths_file)) {
    MythsLoad myths = load_myths(*text, myths_file.string(), scenarios_dir);
    if (auto* e = std::get_if<std::vector<LoadError>>(&myths))
      course::append(errors, std::move(*e));
    else
      course.myths = std::move(std::get<std::vector<MythCard>>(myths));
  } else {
    course::append(errors, course::unreadable(myths_file));
  }
  if (!errors.empty()) return errors;
  std::stable_sort(course.lessons.begin(), course.lessons.end(),
                   [](const auto& a, const auto& b) { return a.number < b.number; });
  course::check_numbering(course, myths_file, errors);
  if (!errors.empty()) return errors;
  return course;
}

}  // namespace tlsclub
