#pragma once
// The course: twelve lessons that lead a student from "what is a certificate?" to "why did this
// handshake fail?", and the myth-and-fact cards. Lessons are data (docs/lessons/NN-slug.toml,
// docs/lesson-format.md) built on the scenario library: every step, question and "try it" task
// names a scenario file and a step of one of its visits, and verify_lesson() holds every claim a
// lesson makes (an answer, an expected outcome, a piece of evidence) to the run itself.

#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "load/error_ids.h"
#include "scenario/loader.h"
#include "scenario/scenario.h"
#include "timeline/timeline.h"
#include "wire/fault.h"

namespace tlsclub {

// A step of a visit in a scenario of the library: `scenario` is relative to the library
// ("basics/first-visit-mutual-tls13.toml"); the anchor is as in scenario files ("" member = the
// first; at = "server.certificate_verify", "check.validity", "alert", "established", "end").
// The loader fills in the first member's name when the file names none.
struct LessonPlace {
  std::string scenario;
  StepAnchor anchor;
  int line = 0;  // where the lesson file says it (for verify_lesson's messages)
};

// A scenario the lesson uses, and why.
struct LessonScenario {
  std::string file;
  std::string why;
  std::string title;  // the scenario's own title, as the loader found it
};

// One piece of narration, shown with its step; the GUI's lesson mode walks them in order.
struct LessonStep {
  LessonPlace place;
  std::string text;
  std::string rfc;  // "RFC 8446 4.4.3" ("" when the step cites nothing)
};

// A predict question, asked before its step is shown. For every kind the lesson states the
// answer; for outcome / alert / failing_check verify_lesson() checks it against the run
// (right_answer), for "choice" it must be one of the choices.
struct LessonQuestion {
  LessonPlace place;
  QuestionKind kind = QuestionKind::outcome;
  std::string question;
  std::vector<std::string> choices;  // choice only
  std::string answer;
  std::string explanation;  // shown once answered: why that is the answer
};

// "Try it": one change to a scenario (a wire fault, or the clock moved), what the student is asked
// to do, and what the lesson says will then happen to the member.
struct TryTask {
  std::string scenario;
  std::string member;  // "" = the first (the loader fills in its name)
  std::string task;    // "Flip a byte of the club's CertificateVerify and run the visit again."
  std::optional<WireFault> fault;  // its member is the task's
  std::optional<SimTime> clock;    // absolute (an offset in the file is resolved on loading)
  Expectation expect;  // outcome always; alert / failing_check when the lesson says them
  std::string explanation;
  int line = 0;
};

struct CourseLesson {
  std::string source;  // the file it was loaded from
  std::string id;      // the file name without its extension: "03-who-encrypts-what"
  int number = 0;
  std::string title;
  std::vector<std::string> objectives;
  std::string introduction;
  std::vector<LessonScenario> scenarios;
  std::vector<LessonStep> steps;
  std::vector<LessonQuestion> questions;
  std::vector<TryTask> tries;
  std::string summary;
  std::vector<std::string> references;  // "RFC 8446 4.4.3", for further reading
};

// Something the run must show for a myth card to stand: the step exists and, when given, carries
// a field with that key, or the visit ends with that outcome.
struct MythEvidence {
  LessonPlace place;
  std::string shows;                      // "the premaster secret, encrypted to the badge's key"
  std::optional<std::string> field;       // "field.encrypted_pre_master_secret"
  std::optional<Outcome> outcome;         // the visit's outcome
  std::optional<std::string> protection;  // the step's protection name ("handshake traffic keys")
};

// A claim course material repeats, what really happens, and the scenarios that prove it.
struct MythCard {
  std::string id;     // "server-certificate-encrypts"
  std::string claim;  // "Server certificates encrypt the data."
  std::string truth;  // what really happens
  std::string rfc;    // "RFC 8446 4.4.3; RFC 5246 7.4.7.1"
  int lesson = 0;     // the lesson that teaches it
  std::vector<MythEvidence> evidence;
  int line = 0;
};

struct Course {
  std::filesystem::path dir;          // docs/lessons
  std::vector<CourseLesson> lessons;  // by number
  std::vector<MythCard> myths;
};

inline constexpr int kLessonFormat = 1;

using LessonLoad = std::variant<CourseLesson, std::vector<LoadError>>;
using MythsLoad = std::variant<std::vector<MythCard>, std::vector<LoadError>>;
using CourseLoad = std::variant<Course, std::vector<LoadError>>;

// Never throw; every error of the file, located (file:line:col, stable ids as the scenario
// loader's). `scenarios_dir` is the library the lesson's scenario paths are checked against.
LessonLoad load_lesson(std::string_view text, std::string_view file_name,
                       const std::filesystem::path& scenarios_dir);
MythsLoad load_myths(std::string_view text, std::string_view file_name,
                     const std::filesystem::path& scenarios_dir);
// Every NN-*.toml of `course_dir` and its myths.toml; lesson numbers must be 1..N without gaps.
CourseLoad load_course(const std::filesystem::path& course_dir,
                       const std::filesystem::path& scenarios_dir);

// A scenario with a try-it task's change applied (the fault added, or the clock moved). The
// task's member then expects what the task says (task.expect); the other members expect nothing,
// since the lesson makes no claim about them after the change.
ScenarioSpec with_try(const ScenarioSpec& spec, const TryTask& task);

// What a try-it task's member did in the changed run, against what the lesson says.
struct TryResult {
  bool ran = false;           // false: the scenario did not load or run (`problem` says why)
  bool met = false;           // the member's visit went as task.expect says
  bool fault_applied = true;  // a fault task: the fault hit a record of the member's visit
  std::string expected;       // "refused by client with decrypt_error (signature fails)"
  std::string actual;         // as much as the expectation asks about
  std::optional<Connection> connection;  // the member's visit in the changed run
  std::string problem;
};
TryResult run_try(const TryTask& task, const std::filesystem::path& scenarios_dir);

// Runs every scenario the lesson names and returns what does not hold, located in the lesson file
// ("03-who-encrypts-what.toml:41: question answer `admitted`, but the run says `refused`"):
// anchors that name no step, answers that disagree with the run, try-it expectations the changed
// run does not meet. Empty when the lesson is true.
std::vector<std::string> verify_lesson(const CourseLesson& lesson,
                                       const std::filesystem::path& scenarios_dir);
std::vector<std::string> verify_myths(const std::vector<MythCard>& myths,
                                      const std::filesystem::path& scenarios_dir);

// Numbers a step, question or try-it text takes from its run instead of typing them
// (docs/lesson-format.md, "Numbers from the run"): `{{badge.lifetime_days}}`, `{{clock}}`,
// `{{size.server.certificate}}`, ... The loader resolves them, so the GUI, the terminal and the
// pages all show the run's value. A try's texts use the changed run (its clock).
struct PlaceholderRun {
  const ScenarioSpec* spec = nullptr;  // nullptr: only the names are checked
  const Timeline* timeline = nullptr;  // nullptr: the run failed (values from the spec still work)
  std::string member;                  // whose visit
};
struct PlaceholderProblem {
  ErrorId id;  // unknown_placeholder (no such name), bad_placeholder (the run lacks the value)
  std::string message;
  std::string hint;
};
std::variant<std::string, PlaceholderProblem> resolve_placeholders(std::string_view text,
                                                                   const PlaceholderRun& run);
// Every placeholder, as docs/lesson-format.md writes it ("size.<side>.<message>").
std::vector<std::string> placeholder_names();

// Words for the pages and the terminal (course_words.cpp).
// "Alice's visit — the club sends CertificateVerify", "Bob's visit — the check “Within its
// validity period”", "Alice's visit — the end".
std::string place_in_words(const LessonPlace& place);
// "Alice is refused: the client sends the fatal alert `decrypt_error`; the first check that fails
// is `signature`."
std::string expectation_in_words(const std::string& member, const Expectation& expect);
// "flip byte 12 (mask 0x01) of the server's record carrying certificate_verify", "set the clock
// to 2027-04-05T12:00:00Z".
std::string change_in_words(const TryTask& task);

// docs/lessons/: the course as Markdown pages (one per lesson, an index README.md, myths.md), as
// file name -> content; the checked-in pages must equal these (a test compares).
std::vector<std::pair<std::string, std::string>> course_markdown(const Course& course);

// Where the course is: $TLSCLUB_LESSONS; docs/lessons beside or above `executable`; the source
// tree; the install's share/tlsclub/lessons.
std::optional<std::filesystem::path> find_course_dir(const std::filesystem::path& executable);
// Where the scenario library is, the same way: $TLSCLUB_SCENARIOS; scenarios/ beside or above
// `executable`; the source tree; the current directory; the install's share/tlsclub/scenarios.
std::optional<std::filesystem::path> find_scenarios_dir(const std::filesystem::path& executable);
// The scenario library a course is written against: $TLSCLUB_SCENARIOS; the source tree's
// scenarios/ two folders above docs/lessons; share/tlsclub/scenarios beside an installed
// share/tlsclub/lessons.
std::optional<std::filesystem::path> find_scenarios_for_course(
    const std::filesystem::path& course_dir);

}  // namespace tlsclub
