// Lesson and myth files: what a good file gives, and for each kind of mistake the stable error id
// and the exact place (file:line:col) an author is sent to.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <variant>

#include "course/course.h"
#include "export_test_tools.h"
#include "string_makers.h"

namespace {

namespace fs = std::filesystem;
using tlsclub::CourseLesson;
using tlsclub::LoadError;

const fs::path kLibrary = fs::path(TLSCLUB_SOURCE_DIR) / "scenarios";
const fs::path kFixture = fs::path(TLSCLUB_SOURCE_DIR) / "tests/sim/data/course";

// A small valid lesson; each broken case changes a line or two of it.
const std::string kLesson = R"(format = 1

[lesson]
number = 1
title = "t"
objectives = ["o"]
introduction = "i"
summary = "s"
references = ["RFC 8446 4.4.3"]

[[scenario]]
file = "basics/server-only-tls13.toml"
why = "w"

[[step]]
at = "server.certificate_verify"
text = "x"
rfc = "RFC 8446 4.4.3"

[[question]]
at = "end"
question = "q"
answer = "admitted"
explanation = "e"

[[try]]
scenario = "basics/server-only-tls13.toml"
task = "t"
fault = { action = "flip", from = "server", message = "certificate_verify", offset = 40 }
expect = { outcome = "refused", refused_by = "client", alert = "bad_record_mac" }
explanation = "e"
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

CourseLesson lesson_of(const std::string& text, const std::string& file_name = "01-base.toml") {
  auto result = tlsclub::load_lesson(text, file_name, kLibrary);
  if (auto* errors = std::get_if<std::vector<LoadError>>(&result)) {
    for (const auto& e : *errors) MESSAGE(e.to_string());
    FAIL("the lesson does not load");
  }
  return std::get<CourseLesson>(std::move(result));
}

std::vector<LoadError> errors_of(const std::string& text, const fs::path& library = kLibrary) {
  auto result = tlsclub::load_lesson(text, "01-base.toml", library);
  auto* errors = std::get_if<std::vector<LoadError>>(&result);
  REQUIRE_MESSAGE(errors != nullptr, "the broken lesson loads");
  REQUIRE_FALSE(errors->empty());
  return *errors;
}

std::vector<LoadError> myth_errors_of(const std::string& text) {
  auto result = tlsclub::load_myths(text, "myths.toml", kLibrary);
  auto* errors = std::get_if<std::vector<LoadError>>(&result);
  REQUIRE_MESSAGE(errors != nullptr, "the broken myths load");
  REQUIRE_FALSE(errors->empty());
  return *errors;
}

struct Broken {
  const char* name;
  std::string text;
  const char* id;
  int line;
  int column;           // 0: not checked (the TOML parser's own)
  const char* message;  // a part of the message
};

const std::string kMyth = R"(format = 1

[[myth]]
id = "server-certificate-encrypts"
claim = "c"
truth = "t"
rfc = "RFC 8446 4.4.3"
lesson = 1

[[myth.evidence]]
scenario = "versions/rsa-key-exchange-tls12.toml"
at = "client.client_key_exchange"
shows = "s"
field = "field.encrypted_pre_master_secret"
outcome = "admitted"
protection = "plaintext"
)";

}  // namespace

TEST_CASE("a lesson loads with its places filled in") {
  const CourseLesson lesson = lesson_of(kLesson);
  CHECK(lesson.number == 1);
  CHECK(lesson.id == "01-base");
  CHECK(lesson.source == "01-base.toml");
  REQUIRE(lesson.scenarios.size() == 1);
  CHECK(lesson.scenarios[0].title == "Server-only authentication (TLS 1.3)");
  REQUIRE(lesson.steps.size() == 1);
  // No scenario and no member: the lesson's first scenario and that scenario's first member.
  CHECK(lesson.steps[0].place.scenario == "basics/server-only-tls13.toml");
  CHECK(lesson.steps[0].place.anchor.member == "Alice");
  CHECK(lesson.steps[0].place.anchor.at == "server.certificate_verify");
  CHECK(lesson.steps[0].place.line == 15);
  CHECK(lesson.steps[0].rfc == "RFC 8446 4.4.3");
  REQUIRE(lesson.questions.size() == 1);
  CHECK(lesson.questions[0].kind == tlsclub::QuestionKind::outcome);
  CHECK(lesson.questions[0].answer == "admitted");
  REQUIRE(lesson.tries.size() == 1);
  const auto& task = lesson.tries[0];
  CHECK(task.line == 26);
  CHECK(task.member == "Alice");
  REQUIRE(task.fault);
  CHECK(task.fault->member == "Alice");
  CHECK(task.fault->action == tlsclub::WireFault::Action::flip);
  CHECK(task.fault->from == tlsclub::Side::server);
  CHECK(task.fault->message == "certificate_verify");
  CHECK(task.fault->offset == 40);
  CHECK_FALSE(task.clock);
  CHECK(task.expect.outcome == tlsclub::Outcome::refused);
  CHECK(task.expect.refused_by == tlsclub::Side::client);
  CHECK(task.expect.alert == "bad_record_mac");
  CHECK_FALSE(task.expect.failing_check);
}

TEST_CASE("a step without a scenario takes the previous step's") {
  std::ifstream in(kFixture / "02-when-it-fails.toml");
  const auto lesson =
      lesson_of(std::string(std::istreambuf_iterator<char>(in), {}), "02-when-it-fails.toml");
  REQUIRE(lesson.steps.size() == 2);
  CHECK(lesson.steps[0].place.scenario == "server-faults/expired-badge.toml");
  CHECK(lesson.steps[1].place.scenario == "versions/rsa-key-exchange-tls12.toml");
  // A question without a scenario takes the previous question's, else the lesson's first.
  REQUIRE(lesson.questions.size() == 2);
  CHECK(lesson.questions[1].place.scenario == "server-faults/expired-badge.toml");
}

TEST_CASE("a try's clock offset counts from the scenario's clock") {
  auto text = replace(kLesson,
                      "fault = { action = \"flip\", from = \"server\", message = "
                      "\"certificate_verify\", offset = 40 }",
                      "clock = \"+400d\"");
  const auto lesson = lesson_of(text);
  REQUIRE(lesson.tries[0].clock);
  CHECK_FALSE(lesson.tries[0].fault);
  // basics/server-only-tls13.toml: clock = "2026-03-01T20:00:00Z".
  CHECK(tlsclub::format_time(*lesson.tries[0].clock) == "2027-04-05T20:00:00Z");
  text = replace(kLesson, "fault = { action", "clock = \"2031-03-01\"\nfault = { action");
  CHECK(errors_of(text)[0].message == "a try changes one thing: a wire `fault` or the `clock`");
}

TEST_CASE("every kind of mistake in a lesson file has its id and place") {
  const Broken cases[] = {
      {"not TOML", replace(kLesson, "title = \"t\"", "title = \"t"), "syntax", 5, 0, ""},
      {"another format", replace(kLesson, "format = 1", "format = 2"), "unsupported-format", 1, 10,
       "unsupported format version"},
      {"no format", replace(kLesson, "format = 1\n", "#\n"), "missing-key", 1, 1, "`format = 1`"},
      {"no title", replace(kLesson, "title = \"t\"\n", ""), "missing-key", 3, 1,
       "[lesson] needs `title`"},
      {"no objectives", replace(kLesson, "objectives = [\"o\"]\n", ""), "missing-key", 3, 1,
       "[lesson] needs `objectives`"},
      {"no steps", replace(kLesson, "[[step]]", "[[stepp]]"), "missing-key", 1, 1,
       "a lesson needs a [[step]]"},
      {"misspelt key", replace(kLesson, "rfc = \"RFC 8446 4.4.3\"", "rcf = \"RFC 8446 4.4.3\""),
       "unknown-key", 18, 1, "unknown key `rcf` in [step]"},
      {"misspelt fault key", replace(kLesson, "offset = 40", "ofset = 40"), "unknown-key", 29, 77,
       "unknown key `ofset` in [try.fault]"},
      {"number as a string", replace(kLesson, "number = 1", "number = \"1\""), "wrong-type", 4, 10,
       "`number` must be an integer, not a string"},
      {"steps as a table", replace(kLesson, "[[step]]", "[step]"), "wrong-type", 15, 1,
       "`step` must be an array of tables"},
      {"answer not an outcome", replace(kLesson, "answer = \"admitted\"", "answer = \"admited\""),
       "bad-enum", 23, 10, "`answer` = \"admited\" is not allowed"},
      {"unknown alert expected", replace(kLesson, "\"bad_record_mac\"", "\"bad_record_mak\""),
       "bad-enum", 30, 64, "`alert` = \"bad_record_mak\" is not allowed"},
      {"a fault action of no wire", replace(kLesson, "\"flip\"", "\"impostor\""), "bad-enum", 29,
       20, "`action` = \"impostor\" is not allowed"},
      {"a clock that is no time",
       replace(kLesson,
               "fault = { action = \"flip\", from = \"server\", message = "
               "\"certificate_verify\", offset = 40 }",
               "clock = \"tomorrow\""),
       "bad-date", 29, 9, "`clock` = \"tomorrow\" is not a date"},
      {"number unlike the file name", replace(kLesson, "number = 1", "number = 2"), "bad-value", 4,
       10, "`number = 2` but the file name says 1"},
      {"empty text", replace(kLesson, "text = \"x\"", "text = \" \""), "bad-value", 17, 8,
       "`text` is empty"},
      {"a choice not among the choices",
       replace(kLesson, "answer = \"admitted\"",
               "kind = \"choice\"\nchoices = [\"a\", \"b\"]\nanswer = \"c\""),
       "bad-value", 25, 10, "`answer` must be one of the `choices`"},
      {"an admitted try with an alert",
       replace(kLesson, "outcome = \"refused\"", "outcome = \"admitted\""), "bad-value", 30, 22,
       "an admitted member has no `refused_by`"},
      {"no such scenario file",
       replace(kLesson, "file = \"basics/server-only-tls13.toml\"",
               "file = \"basics/server-only-tls31.toml\""),
       "unknown-scenario", 12, 8, "scenario `basics/server-only-tls31.toml` is not in the library"},
      {"a scenario the lesson does not list",
       replace(kLesson, "at = \"server.certificate_verify\"",
               "scenario = \"basics/first-visit-mutual-tls13.toml\"\nat = \"server.finished\""),
       "unknown-scenario", 16, 12, "is not one of the lesson's [[scenario]]"},
      {"a path out of the library",
       replace(kLesson, "file = \"basics/server-only-tls13.toml\"",
               "file = \"../scenarios/basics/server-only-tls13.toml\""),
       "unknown-scenario", 12, 8, "is not in the library"},
      {"no such member",
       replace(kLesson, "at = \"server.certificate_verify\"",
               "member = \"Alcie\"\nat = \"server.certificate_verify\""),
       "unknown-member", 16, 10, "`Alcie` is not a member there"},
      {"a misspelt message", replace(kLesson, "\"server.certificate_verify\"", "\"server.cv\""),
       "bad-anchor", 16, 6, "`message` = \"cv\" is not allowed"},
      {"an anchor of no shape", replace(kLesson, "at = \"end\"", "at = \"middle\""), "bad-anchor",
       21, 6, "`at = \"middle\"` names no step"},
      {"a reference without a section",
       replace(kLesson, "rfc = \"RFC 8446 4.4.3\"", "rfc = \"RFC 8446\""), "bad-reference", 18, 7,
       "`rfc` = \"RFC 8446\" does not name a document and a section"},
      {"a further reading without a space",
       replace(kLesson, "references = [\"RFC 8446 4.4.3\"]", "references = [\"RFC8446 4.4.3\"]"),
       "bad-reference", 9, 15, "`references`"},
      {"a scenario listed twice",
       replace(kLesson, "[[step]]",
               "[[scenario]]\nfile = \"basics/server-only-tls13.toml\"\nwhy = \"w\"\n\n[[step]]"),
       "duplicate", 16, 8, "is listed twice"},
  };
  for (const auto& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    const auto errors = errors_of(c.text);
    const LoadError& e = errors.front();
    CAPTURE(e.to_string());
    CHECK(e.file == "01-base.toml");
    CHECK(e.id == c.id);
    CHECK(e.line == c.line);
    if (c.column != 0) CHECK(e.column == c.column);
    CHECK(e.message.find(c.message) != std::string::npos);
  }
}

TEST_CASE("a misspelt member or message says what was meant") {
  auto errors = errors_of(replace(kLesson, "at = \"server.certificate_verify\"",
                                  "member = \"Alcie\"\nat = \"server.certificate_verify\""));
  CHECK(errors[0].hint == "did you mean `Alice`?");
  errors =
      errors_of(replace(kLesson, "\"server.certificate_verify\"", "\"server.certificate_verfy\""));
  CHECK(errors[0].to_string() ==
        "01-base.toml:16:6: error[bad-anchor]: `message` = \"certificate_verfy\" is not allowed "
        "(did you mean `certificate_verify`?)");
}

TEST_CASE("a scenario that does not load is named with its first error") {
  tlsclub::test::ScratchDir library("course-library");
  std::filesystem::create_directories(library.path() / "basics");
  std::ofstream(library.path() / "basics/server-only-tls13.toml") << "format = 1\n[scenario]\n";
  const auto errors = errors_of(kLesson, library.path());
  CHECK(errors.front().id == "broken-scenario");
  CHECK(errors.front().line == 12);
  CHECK(errors.front().hint.find("server-only-tls13.toml:") != std::string::npos);
}

TEST_CASE("a lesson's errors are all reported, in file order") {
  auto text = replace(kLesson, "title = \"t\"", "title = 3");
  text = replace(text, "at = \"end\"", "at = \"middle\"");
  text = replace(text, "\"bad_record_mac\"", "\"nope\"");
  const auto errors = errors_of(text);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].id == "wrong-type");
  CHECK(errors[1].id == "bad-anchor");
  CHECK(errors[2].id == "bad-enum");
}

TEST_CASE("myth cards load, and each mistake is located") {
  auto result = tlsclub::load_myths(kMyth, "myths.toml", kLibrary);
  REQUIRE(std::holds_alternative<std::vector<tlsclub::MythCard>>(result));
  const auto& cards = std::get<std::vector<tlsclub::MythCard>>(result);
  REQUIRE(cards.size() == 1);
  CHECK(cards[0].line == 3);
  REQUIRE(cards[0].evidence.size() == 1);
  const auto& evidence = cards[0].evidence[0];
  CHECK(evidence.place.anchor.member == "Alice");
  CHECK(evidence.field == "field.encrypted_pre_master_secret");
  CHECK(evidence.outcome == tlsclub::Outcome::admitted);
  CHECK(evidence.protection == "plaintext");

  const Broken cases[] = {
      {"an id that is no slug", replace(kMyth, "\"server-certificate-encrypts\"", "\"Server\""),
       "bad-value", 4, 6, "is not a slug"},
      {"no evidence", replace(kMyth, "[[myth.evidence]]", "[[myth.evidenc]]"), "missing-key", 3, 1,
       "a myth needs one [[myth.evidence]] or more"},
      {"a field the catalogue lacks",
       replace(kMyth, "field.encrypted_pre_master_secret", "field.x"), "bad-value", 14, 9,
       "is not a field of the explanations catalogue"},
      {"a bad reference", replace(kMyth, "rfc = \"RFC 8446 4.4.3\"", "rfc = \"see RFC 8446\""),
       "bad-reference", 7, 7, "does not name a document"},
      {"no such scenario", replace(kMyth, "rsa-key-exchange-tls12", "rsa-key-exchange"),
       "unknown-scenario", 11, 12, "is not in the library"},
      {"an outcome of no kind", replace(kMyth, "outcome = \"admitted\"", "outcome = \"in\""),
       "bad-enum", 15, 11, "`outcome` = \"in\""},
      {"no lesson", replace(kMyth, "lesson = 1\n", ""), "missing-key", 3, 1,
       "[myth] needs `lesson`"},
  };
  for (const auto& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    const auto errors = myth_errors_of(c.text);
    const LoadError& e = errors.front();
    CAPTURE(e.to_string());
    CHECK(e.id == c.id);
    CHECK(e.line == c.line);
    CHECK(e.column == c.column);
    CHECK(e.message.find(c.message) != std::string::npos);
  }
  const auto twice = kMyth + kMyth.substr(kMyth.find("[[myth]]"));
  CHECK(myth_errors_of(twice).front().id == "duplicate");
}

TEST_CASE("a course is its numbered lessons and its myths") {
  const auto result = tlsclub::load_course(kFixture, kLibrary);
  if (const auto* errors = std::get_if<std::vector<LoadError>>(&result))
    for (const auto& e : *errors) FAIL(e.to_string());
  const auto& course = std::get<tlsclub::Course>(result);
  REQUIRE(course.lessons.size() == 2);
  CHECK(course.lessons[0].number == 1);
  CHECK(course.lessons[1].id == "02-when-it-fails");
  CHECK(course.myths.size() == 1);
}

TEST_CASE("a course with a gap or a myth about a missing lesson does not load") {
  tlsclub::test::ScratchDir dir("course-gap");
  fs::copy(kFixture / "02-when-it-fails.toml", dir.path() / "02-when-it-fails.toml");
  fs::copy(kFixture / "myths.toml", dir.path() / "myths.toml");
  auto result = tlsclub::load_course(dir.path(), kLibrary);
  REQUIRE(std::holds_alternative<std::vector<LoadError>>(result));
  CHECK(std::get<std::vector<LoadError>>(result).front().message == "lesson 1 is missing");

  fs::copy(kFixture / "01-first-look.toml", dir.path() / "01-first-look.toml");
  fs::remove(dir.path() / "02-when-it-fails.toml");
  result = tlsclub::load_course(dir.path(), kLibrary);
  REQUIRE(std::holds_alternative<std::vector<LoadError>>(result));
  const auto& e = std::get<std::vector<LoadError>>(result).front();
  CHECK(e.to_string() == (dir.path() / "myths.toml").string() +
                             ":4:1: error[bad-value]: myth `server-certificate-encrypts` names "
                             "lesson 2, but the course has 1");

  fs::remove(dir.path() / "myths.toml");
  result = tlsclub::load_course(dir.path(), kLibrary);
  REQUIRE(std::holds_alternative<std::vector<LoadError>>(result));
  CHECK(std::get<std::vector<LoadError>>(result).front().id == "unreadable-file");
}
