// verify_lesson / verify_myths hold every claim of a lesson to the run: a wrong answer, a wrong
// try-it expectation, an anchor that names no step, false myth evidence are each named with the
// line of the lesson file. And the real course (docs/lessons) must be true.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <variant>

#include "course/course.h"
#include "simulation/simulation.h"
#include "string_makers.h"

namespace {

namespace fs = std::filesystem;
using tlsclub::CourseLesson;
using tlsclub::LoadError;

const fs::path kLibrary = fs::path(TLSCLUB_SOURCE_DIR) / "scenarios";
const fs::path kFixture = fs::path(TLSCLUB_SOURCE_DIR) / "tests/sim/data/course";
const fs::path kCourse = fs::path(TLSCLUB_SOURCE_DIR) / "docs/lessons";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The fixture's first lesson, changed.
CourseLesson first_lesson(const std::string& from = "", const std::string& to = "") {
  std::string text = read(kFixture / "01-first-look.toml");
  if (!from.empty()) text = replace(text, from, to);
  auto result = tlsclub::load_lesson(text, "01-first-look.toml", kLibrary);
  if (auto* errors = std::get_if<std::vector<LoadError>>(&result)) {
    for (const auto& e : *errors) MESSAGE(e.to_string());
    FAIL("the lesson does not load");
  }
  return std::get<CourseLesson>(std::move(result));
}

std::vector<std::string> verify(const CourseLesson& lesson) {
  return tlsclub::verify_lesson(lesson, kLibrary);
}

std::vector<tlsclub::MythCard> myths(const std::string& from = "", const std::string& to = "") {
  std::string text = read(kFixture / "myths.toml");
  if (!from.empty()) text = replace(text, from, to);
  auto result = tlsclub::load_myths(text, "myths.toml", kLibrary);
  REQUIRE(std::holds_alternative<std::vector<tlsclub::MythCard>>(result));
  return std::get<std::vector<tlsclub::MythCard>>(result);
}

tlsclub::Course real_course() {
  auto result = tlsclub::load_course(kCourse, kLibrary);
  if (auto* errors = std::get_if<std::vector<LoadError>>(&result)) {
    for (const auto& e : *errors) MESSAGE(e.to_string());
    FAIL("docs/lessons does not load");
  }
  return std::get<tlsclub::Course>(std::move(result));
}

}  // namespace

TEST_CASE("the fixture course is true") {
  CHECK(verify(first_lesson()).empty());
  auto second = tlsclub::load_lesson(read(kFixture / "02-when-it-fails.toml"),
                                     "02-when-it-fails.toml", kLibrary);
  REQUIRE(std::holds_alternative<CourseLesson>(second));
  for (const auto& p : verify(std::get<CourseLesson>(second))) FAIL(p);
  for (const auto& p : tlsclub::verify_myths(myths(), kLibrary)) FAIL(p);
}

TEST_CASE("a wrong answer is named with its line and what the run says") {
  const auto problems = verify(first_lesson("answer = \"admitted\"", "answer = \"refused\""));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] ==
        "01-first-look.toml:33: question answer `refused`, but the run says `admitted`");
}

TEST_CASE("a try-it expectation the changed run does not meet is named") {
  const auto problems =
      verify(first_lesson("alert = \"bad_record_mac\"", "alert = \"decrypt_error\""));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] ==
        "01-first-look.toml:47: try-it task 1: the lesson says `refused by client with "
        "decrypt_error`, but the changed run says `refused by client with bad_record_mac`");
}

TEST_CASE("a fault that never hits the member's visit is named") {
  // The club asks for no card in this scenario: there is no CertificateRequest to flip.
  const auto problems = verify(first_lesson("message = \"certificate_verify\", offset = 40",
                                            "message = \"certificate_request\", offset = 40"));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] ==
        "01-first-look.toml:47: try-it task 1: the fault never hits a record of "
        "Alice's visit");
}

TEST_CASE("an anchor that names no step of the run is named") {
  // Alice has no card in this scenario, so she never sends a Certificate.
  const auto problems =
      verify(first_lesson("at = \"client.client_hello\"", "at = \"client.certificate\""));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] ==
        "01-first-look.toml:18: step at `client.certificate` of Alice's visit in "
        "`basics/server-only-tls13.toml` names no step of the run");
}

TEST_CASE("false myth evidence is named") {
  // TLS 1.3's CertificateVerify carries a signature, no encrypted premaster secret.
  auto problems = tlsclub::verify_myths(
      myths("field = \"field.signature\"", "field = \"field.encrypted_pre_master_secret\""),
      kLibrary);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] ==
        "myths.toml:19: myth `server-certificate-encrypts`: no message at "
        "`server.certificate_verify` "
        "of Alice's visit in `basics/server-only-tls13.toml` has a field "
        "`field.encrypted_pre_master_secret`");
  problems = tlsclub::verify_myths(
      myths("protection = \"plaintext\"", "protection = \"client_handshake_traffic_secret\""),
      kLibrary);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("is protected by `client_handshake_traffic_secret`, but the run says "
                         "`plaintext`") != std::string::npos);
  problems =
      tlsclub::verify_myths(myths("outcome = \"admitted\"", "outcome = \"refused\""), kLibrary);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("the evidence says Alice is refused, but the run says admitted") !=
        std::string::npos);
}

TEST_CASE("with_try adds the fault or moves the clock, and the member expects the task's") {
  const auto lesson = first_lesson();
  auto loaded = tlsclub::load_scenario_file(kLibrary / "basics/server-only-tls13.toml");
  const auto& spec = std::get<tlsclub::ScenarioSpec>(loaded);
  const auto& task = lesson.tries[0];
  const auto changed = tlsclub::with_try(spec, task);
  REQUIRE(changed.faults.size() == spec.faults.size() + 1);
  CHECK(changed.faults.back().message == "certificate_verify");
  CHECK(changed.faults.back().member == "Alice");
  CHECK(changed.now == spec.now);
  REQUIRE(changed.members[0].expect);
  CHECK(changed.members[0].expect->alert == "bad_record_mac");

  tlsclub::TryTask later = task;
  later.fault.reset();
  later.clock = spec.now + std::chrono::days(400);
  const auto moved = tlsclub::with_try(spec, later);
  CHECK(moved.faults.size() == spec.faults.size());
  CHECK(moved.now == spec.now + std::chrono::days(400));
}

TEST_CASE("run_try reports the member's visit after the change") {
  const auto r = tlsclub::run_try(first_lesson().tries[0], kLibrary);
  REQUIRE(r.ran);
  CHECK(r.met);
  CHECK(r.fault_applied);
  REQUIRE(r.connection);
  CHECK(r.connection->client == "Alice");
  CHECK(r.connection->alert == "bad_record_mac");
  CHECK(r.connection->refused_by == tlsclub::Side::client);
}

// The real course. These fail until docs/lessons is written and true; that is the point.
TEST_CASE("the course in docs/lessons loads, numbered without gaps") {
  const auto course = real_course();
  CHECK(course.lessons.size() >= 10);
  CHECK(course.lessons.size() <= 12);
  for (std::size_t i = 0; i < course.lessons.size(); ++i)
    CHECK(course.lessons[i].number == static_cast<int>(i) + 1);
  CHECK_FALSE(course.myths.empty());
}

TEST_CASE("every lesson of docs/lessons is true to its runs") {
  const auto course = real_course();
  for (const auto& lesson : course.lessons)
    for (const auto& problem : tlsclub::verify_lesson(lesson, kLibrary)) FAIL_CHECK(problem);
}

TEST_CASE("every myth card of docs/lessons has true evidence") {
  for (const auto& problem : tlsclub::verify_myths(real_course().myths, kLibrary))
    FAIL_CHECK(problem);
}

TEST_CASE("the checked-in pages of docs/lessons are the course's") {
  const auto course = real_course();
  for (const auto& page : tlsclub::course_markdown(course)) {
    const std::string& name = page.first;
    INFO("docs/lessons/", name, " is out of date: run `tlsclub lessons markdown docs/lessons`");
    CHECK(read(kCourse / name) == page.second);
  }
}
