// docs/lessons/*.md: the course as pages a student can read on the forge, generated from the
// lesson files (deterministic: a test compares the checked-in pages with these).
#include <algorithm>
#include <sstream>

#include "course/course.h"

namespace tlsclub {

namespace {

constexpr std::string_view kScenarioLinks = "../../scenarios/";

std::string trimmed(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  const auto end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

// "RFC 8446 4.4.3" -> a link to that section; "RFC 8446 D.4" -> the appendix.
std::string reference_link(const std::string& reference) {
  const auto space = reference.rfind(' ');
  if (space == std::string::npos) return reference;
  const std::string document = reference.substr(0, space), section = reference.substr(space + 1);
  const std::string kind =
      std::isalpha(static_cast<unsigned char>(section[0])) != 0 ? "appendix-" : "section-";
  std::string url;
  if (document.starts_with("RFC "))
    url = "https://www.rfc-editor.org/rfc/rfc" + document.substr(4) + "#" + kind + section;
  else
    url = "https://datatracker.ietf.org/doc/html/" + document + "#" + kind + section;
  return "[" + reference + "](" + url + ")";
}

// "RFC 8446 4.4.3; RFC 5246 7.4.7.1", each linked.
std::string references_linked(const std::string& references) {
  std::string out;
  std::size_t start = 0;
  while (start <= references.size()) {
    const auto end = references.find("; ", start);
    if (!out.empty()) out += "; ";
    out += reference_link(references.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return out;
}

std::string page_of(const CourseLesson& lesson) {
  return lesson.id + ".md";
}

std::string lesson_link(const CourseLesson& lesson) {
  return "[Lesson " + std::to_string(lesson.number) + ": " + lesson.title + "](" + page_of(lesson) +
         ")";
}

std::string scenario_link(const std::string& file, const std::string& title) {
  return "[" + (title.empty() ? file : title) + "](" + std::string(kScenarioLinks) + file + ")";
}

std::string title_of(const CourseLesson& lesson, const std::string& file) {
  for (const auto& s : lesson.scenarios)
    if (s.file == file) return s.title;
  return "";
}

std::string navigation(const Course& course, std::size_t index) {
  std::string out;
  if (index > 0) out += "← " + lesson_link(course.lessons[index - 1]) + " · ";
  out += "[All lessons](README.md)";
  if (index + 1 < course.lessons.size())
    out += " · " + lesson_link(course.lessons[index + 1]) + " →";
  return out + "\n";
}

std::string answer_prompt(const LessonQuestion& q) {
  if (q.kind == QuestionKind::outcome) return "Answer `admitted` or `refused`.";
  if (q.kind == QuestionKind::alert) return "Answer with the name of the alert, or `none`.";
  if (q.kind == QuestionKind::failing_check)
    return "Answer with the name of the check that fails, or `none`.";
  std::string s = "Choose one:";
  for (const auto& c : q.choices) s += "\n- " + c;
  return s;
}

void write_steps(std::ostream& out, const CourseLesson& lesson) {
  out << "## Step by step\n\n";
  std::string scenario;
  for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
    const LessonStep& step = lesson.steps[i];
    if (lesson.scenarios.size() > 1 && step.place.scenario != scenario)
      out << "*In " << scenario_link(step.place.scenario, title_of(lesson, step.place.scenario))
          << ":*\n\n";
    scenario = step.place.scenario;
    out << "**" << i + 1 << ". " << place_in_words(step.place) << "**\n\n"
        << trimmed(step.text) << "\n\n";
    if (!step.rfc.empty()) out << "*" << references_linked(step.rfc) << "*\n\n";
  }
}

void write_questions(std::ostream& out, const CourseLesson& lesson) {
  if (lesson.questions.empty()) return;
  out << "## Predict\n\nAnswer before you step to the moment named; the run itself decides.\n\n";
  for (std::size_t i = 0; i < lesson.questions.size(); ++i) {
    const LessonQuestion& q = lesson.questions[i];
    out << "**Question " << i + 1 << "** (before " << place_in_words(q.place) << ", in "
        << scenario_link(q.place.scenario, title_of(lesson, q.place.scenario)) << "). "
        << trimmed(q.question) << "\n\n"
        << answer_prompt(q) << "\n\n"
        << "<details><summary>Answer</summary>\n\n"
        << "**" << q.answer << "**. " << trimmed(q.explanation) << "\n\n</details>\n\n";
  }
}

void write_tries(std::ostream& out, const CourseLesson& lesson) {
  if (lesson.tries.empty()) return;
  out << "## Try it\n\n";
  for (std::size_t k = 0; k < lesson.tries.size(); ++k) {
    const TryTask& task = lesson.tries[k];
    out << "### " << lesson.number << "." << k + 1 << " In "
        << scenario_link(task.scenario, title_of(lesson, task.scenario)) << "\n\n"
        << trimmed(task.task) << "\n\n"
        << "The change: " << change_in_words(task) << ".\n\n"
        << "```sh\ntlsclub lessons try " << lesson.number << " " << k + 1 << "\n```\n\n"
        << "<details><summary>Expected result</summary>\n\n"
        << expectation_in_words(task.member, task.expect) << "\n\n"
        << trimmed(task.explanation) << "\n\n</details>\n\n";
  }
}

std::string lesson_page(const Course& course, std::size_t index) {
  const CourseLesson& lesson = course.lessons[index];
  std::ostringstream out;
  out << "# Lesson " << lesson.number << ": " << lesson.title << "\n\n"
      << navigation(course, index) << "\n"
      << "**In this lesson you will**\n\n";
  for (const auto& o : lesson.objectives) out << "- " << trimmed(o) << "\n";
  out << "\n" << trimmed(lesson.introduction) << "\n\n## Scenarios\n\n";
  for (const auto& s : lesson.scenarios)
    out << "- " << scenario_link(s.file, s.title) << " (`" << s.file << "`): " << trimmed(s.why)
        << "\n";
  out << "\n";
  write_steps(out, lesson);
  write_questions(out, lesson);
  write_tries(out, lesson);
  out << "## Summary\n\n" << trimmed(lesson.summary) << "\n\n## Further reading\n\n";
  for (const auto& r : lesson.references) out << "- " << reference_link(r) << "\n";
  out << "- [Myths and facts](myths.md)\n- [Glossary: the club's words and the TLS terms]"
         "(../glossary.md)\n\n---\n\n"
      << navigation(course, index);
  return out.str();
}

std::string index_page(const Course& course) {
  std::ostringstream out;
  out << "# The TLS Club course\n\n"
      << course.lessons.size()
      << " lessons, from \"what is a certificate?\" to \"why did this handshake fail?\". Each "
         "lesson walks through real runs of the scenario library step by step, asks you to "
         "predict what happens next, and gives you changes to try.\n\n"
         "These pages are generated from the lesson files beside them "
         "(`tlsclub lessons markdown docs/lessons`); `tlsclub lessons check` runs every "
         "scenario a lesson names and holds each answer and expected result to the run.\n\n"
         "| # | Lesson | Scenarios |\n|---|---|---|\n";
  for (const auto& lesson : course.lessons)
    out << "| " << lesson.number << " | [" << lesson.title << "](" << page_of(lesson) << ") | "
        << lesson.scenarios.size() << " |\n";
  out << "\n- [Myths and facts](myths.md): " << course.myths.size()
      << " things course material often gets wrong, and the runs that show what really "
         "happens\n"
         "- [Glossary](../glossary.md): the club's words and the TLS terms they stand for\n";
  return out.str();
}

std::string evidence_line(const MythEvidence& e) {
  std::string s = "- " + scenario_link(e.place.scenario, "") + ", " + place_in_words(e.place) +
                  ": " + trimmed(e.shows);
  std::vector<std::string> looks;
  if (e.field) looks.push_back("the field `" + *e.field + "`");
  if (e.protection) looks.push_back("protection `" + *e.protection + "`");
  if (e.outcome)
    looks.push_back(e.place.anchor.member + " is " + std::string(to_string(*e.outcome)));
  if (!looks.empty()) {
    s += " (";
    for (std::size_t i = 0; i < looks.size(); ++i) s += (i > 0 ? "; " : "") + looks[i];
    s += ")";
  }
  return s + "\n";
}

std::string myths_page(const Course& course) {
  std::ostringstream out;
  out << "# Myths and facts\n\n[All lessons](README.md)\n\n"
         "Things course material often says about TLS that are not so, what really happens, and "
         "a step of a run where you can see it for yourself.\n\n";
  for (std::size_t i = 0; i < course.myths.size(); ++i) {
    const MythCard& card = course.myths[i];
    out << "## " << i + 1 << ". " << card.id << "\n\n"
        << "> **Myth:** " << trimmed(card.claim) << "\n\n"
        << "**Fact.** " << trimmed(card.truth) << "\n\n"
        << "*" << references_linked(card.rfc) << "*\n\n"
        << "**See for yourself**\n\n";
    for (const auto& e : card.evidence) out << evidence_line(e);
    const auto lesson =
        std::find_if(course.lessons.begin(), course.lessons.end(),
                     [&](const CourseLesson& l) { return l.number == card.lesson; });
    out << "\nTaught in "
        << (lesson != course.lessons.end() ? lesson_link(*lesson)
                                           : "lesson " + std::to_string(card.lesson))
        << ".\n\n";
  }
  return out.str();
}

}  // namespace

std::vector<std::pair<std::string, std::string>> course_markdown(const Course& course) {
  std::vector<std::pair<std::string, std::string>> pages;
  for (std::size_t i = 0; i < course.lessons.size(); ++i)
    pages.emplace_back(page_of(course.lessons[i]), lesson_page(course, i));
  pages.emplace_back("README.md", index_page(course));
  pages.emplace_back("myths.md", myths_page(course));
  return pages;
}

}  // namespace tlsclub
