#include "cli/lessons_text.h"

#include <sstream>

namespace tlsclub::cli {

namespace {

std::string trimmed(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  const auto end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

std::string heading(const std::string& title, char underline) {
  return title + "\n" + std::string(title.size(), underline) + "\n\n";
}

void write_steps(std::ostream& out, const CourseLesson& lesson) {
  out << heading("Step by step", '-');
  std::string scenario;
  for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
    const LessonStep& step = lesson.steps[i];
    if (step.place.scenario != scenario) out << "[" << step.place.scenario << "]\n";
    scenario = step.place.scenario;
    out << i + 1 << ". " << place_in_words(step.place) << "\n" << trimmed(step.text) << "\n";
    if (!step.rfc.empty()) out << "   (" << step.rfc << ")\n";
    out << "\n";
  }
}

void write_questions(std::ostream& out, const CourseLesson& lesson) {
  if (lesson.questions.empty()) return;
  out << heading("Predict", '-');
  for (std::size_t i = 0; i < lesson.questions.size(); ++i) {
    const LessonQuestion& q = lesson.questions[i];
    out << "Q" << i + 1 << ". " << trimmed(q.question) << "\n    before " << place_in_words(q.place)
        << " [" << q.place.scenario << "]\n";
    if (q.kind == QuestionKind::choice)
      for (const auto& c : q.choices) out << "    - " << c << "\n";
    out << "    answer: " << q.answer << " - " << trimmed(q.explanation) << "\n\n";
  }
}

void write_tries(std::ostream& out, const CourseLesson& lesson) {
  if (lesson.tries.empty()) return;
  out << heading("Try it", '-');
  for (std::size_t k = 0; k < lesson.tries.size(); ++k) {
    const TryTask& task = lesson.tries[k];
    out << k + 1 << ". " << trimmed(task.task) << "\n    [" << task.scenario
        << "] change: " << change_in_words(task) << "\n    run: tlsclub lessons try "
        << lesson.number << " " << k + 1 << "\n\n";
  }
}

}  // namespace

std::string lesson_text(const CourseLesson& lesson) {
  std::ostringstream out;
  out << heading("Lesson " + std::to_string(lesson.number) + ": " + lesson.title, '=')
      << "In this lesson you will:\n";
  for (const auto& o : lesson.objectives) out << "  - " << trimmed(o) << "\n";
  out << "\n" << trimmed(lesson.introduction) << "\n\n" << heading("Scenarios", '-');
  for (const auto& s : lesson.scenarios)
    out << "  " << s.file << (s.title.empty() ? "" : " (" + s.title + ")") << "\n    "
        << trimmed(s.why) << "\n";
  out << "\n";
  write_steps(out, lesson);
  write_questions(out, lesson);
  write_tries(out, lesson);
  out << heading("Summary", '-') << trimmed(lesson.summary) << "\n";
  if (!lesson.references.empty()) {
    out << "\nFurther reading:";
    for (const auto& r : lesson.references) out << "\n  " << r;
    out << "\n";
  }
  return out.str();
}

std::string myths_text(const Course& course) {
  std::ostringstream out;
  for (std::size_t i = 0; i < course.myths.size(); ++i) {
    const MythCard& card = course.myths[i];
    out << i + 1 << ". [" << card.id << "]\n   Myth: " << trimmed(card.claim)
        << "\n   Fact: " << trimmed(card.truth) << "\n   (" << card.rfc << ")\n   See:\n";
    for (const auto& e : card.evidence)
      out << "     " << e.place.scenario << ", " << place_in_words(e.place) << ": "
          << trimmed(e.shows) << "\n";
    out << "   Taught in lesson " << card.lesson << ".\n\n";
  }
  return out.str();
}

}  // namespace tlsclub::cli
