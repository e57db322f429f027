// tlsclub lessons and tlsclub glossary, run as a student or an author runs them: list, show, try,
// check, markdown, myths; exit codes 0 (true), 1 (a claim does not hold), 2 (bad input).
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <variant>

#include "course/course.h"
#include "explain/glossary.h"
#include "export_test_tools.h"

namespace {

namespace fs = std::filesystem;
using Result = tlsclub::test::CommandResult;

const fs::path kLibrary = fs::path(TLSCLUB_SOURCE_DIR) / "scenarios";
const fs::path kFixture = fs::path(TLSCLUB_SOURCE_DIR) / "tests/sim/data/course";

Result lessons(const std::string& args, const fs::path& course = kFixture) {
  return tlsclub::test::run_command(std::string(TLSCLUB_CLI) + " lessons --course '" +
                                    course.string() + "' --scenarios '" + kLibrary.string() + "' " +
                                    args);
}

bool has(const Result& r, const std::string& text) {
  return r.out.find(text) != std::string::npos;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// The fixture course copied, its first lesson changed.
void copy_fixture(const fs::path& to, const std::string& from_text, const std::string& to_text) {
  for (const auto& entry : fs::directory_iterator(kFixture)) fs::copy(entry.path(), to);
  std::string text = read(to / "01-first-look.toml");
  const auto at = text.find(from_text);
  REQUIRE(at != std::string::npos);
  std::ofstream(to / "01-first-look.toml") << text.replace(at, from_text.size(), to_text);
}

}  // namespace

TEST_CASE("tlsclub lessons lists the course") {
  const auto r = lessons("");
  CHECK(r.code == 0);
  CHECK(has(r, " 1  A first look"));
  CHECK(has(r, " 2  When it fails"));
  CHECK(has(r, "1 myth cards"));
  CHECK(lessons("list").out == r.out);
}

TEST_CASE("tlsclub lessons show prints a lesson for the terminal") {
  const auto r = lessons("show 1");
  CHECK(r.code == 0);
  CHECK(r.out.rfind("Lesson 1: A first look\n======", 0) == 0);
  CHECK(has(r, "2. Alice's visit — the club sends CertificateVerify\n"));
  CHECK(has(r, "run: tlsclub lessons try 1 1"));
  const auto missing = lessons("show 9");
  CHECK(missing.code == 2);
  CHECK(has(missing, "there is no lesson 9"));
}

TEST_CASE("tlsclub lessons try runs a task and says whether the lesson is right") {
  auto r = lessons("try 1 1");
  CHECK(r.code == 0);
  CHECK(has(r,
            "Change:   flip byte 40 (mask 0x01) of the server's record carrying "
            "certificate_verify"));
  CHECK(has(r,
            "  outcome:       refused\n  refused by:    client\n  alert:         "
            "bad_record_mac\n"));
  CHECK(has(r, "That is what happened."));
  r = lessons("try 2 1");
  CHECK(r.code == 0);
  CHECK(has(r, "set the clock to 2026-02-27T20:00:00Z"));
  CHECK(has(r, "  outcome:       admitted\n"));
  CHECK(lessons("try 1 2").code == 2);

  tlsclub::test::ScratchDir dir("course-cli-try");
  copy_fixture(dir.path(), "alert = \"bad_record_mac\"", "alert = \"decrypt_error\"");
  r = lessons("try 1 1", dir.path());
  CHECK(r.code == 1);
  CHECK(has(r, "That is NOT what happened: refused by client with bad_record_mac"));
}

TEST_CASE("tlsclub lessons check: 0 when true, 1 when a claim fails, 2 when a file is broken") {
  auto r = lessons("check");
  CHECK(r.code == 0);
  CHECK(has(r, "ok   01-first-look.toml\n"));
  CHECK(has(r, "2 lessons, 1 myths: every claim holds"));
  // --course and --scenarios may also follow the action.
  CHECK(tlsclub::test::run_command(std::string(TLSCLUB_CLI) + " lessons check --course '" +
                                   kFixture.string() + "' --scenarios '" + kLibrary.string() + "'")
            .code == 0);

  tlsclub::test::ScratchDir wrong("course-cli-wrong");
  copy_fixture(wrong.path(), "answer = \"admitted\"", "answer = \"refused\"");
  r = lessons("check", wrong.path());
  CHECK(r.code == 1);
  CHECK(has(r,
            "FAIL 01-first-look.toml\n  01-first-look.toml:33: question answer `refused`, but "
            "the run says `admitted`\n"));
  CHECK(has(r, "1 problem(s)"));

  tlsclub::test::ScratchDir broken("course-cli-broken");
  copy_fixture(broken.path(), "at = \"end\"", "at = \"the end\"");
  r = lessons("check", broken.path());
  CHECK(r.code == 2);
  CHECK(has(r, "01-first-look.toml:30:6: error[bad-anchor]: `at = \"the end\"` names no step"));
}

TEST_CASE("tlsclub lessons check finds a page that is out of date") {
  tlsclub::test::ScratchDir dir("course-cli-stale");
  for (const auto& entry : fs::directory_iterator(kFixture)) fs::copy(entry.path(), dir.path());
  REQUIRE(lessons("markdown '" + dir.path().string() + "'", dir.path()).code == 0);
  CHECK(lessons("check", dir.path()).code == 0);
  std::ofstream(dir.path() / "myths.md") << "old\n";
  const auto r = lessons("check", dir.path());
  CHECK(r.code == 1);
  CHECK(has(r, "myths.md is not the page the lessons give"));
}

TEST_CASE("tlsclub lessons markdown writes the course's pages") {
  tlsclub::test::ScratchDir dir("course-cli-markdown");
  const auto r = lessons("markdown '" + (dir.path() / "pages").string() + "'");
  CHECK(r.code == 0);
  auto course = tlsclub::load_course(kFixture, kLibrary);
  REQUIRE(std::holds_alternative<tlsclub::Course>(course));
  const auto pages = tlsclub::course_markdown(std::get<tlsclub::Course>(course));
  CHECK(pages.size() == 4);
  for (const auto& page : pages) {
    const std::string& name = page.first;
    CAPTURE(name);
    CHECK(read(dir.path() / "pages" / name) == page.second);
  }
}

TEST_CASE("tlsclub lessons myths prints the cards") {
  const auto r = lessons("myths");
  CHECK(r.code == 0);
  CHECK(
      has(r, "1. [server-certificate-encrypts]\n   Myth: Server certificates encrypt the data.\n"));
  CHECK(has(r, "Taught in lesson 2."));
}

TEST_CASE("tlsclub lessons without a course says where to point it") {
  const auto missing = lessons("", "/nonexistent/lessons");
  CHECK(missing.code == 2);
  CHECK(has(missing, "--course: Directory does not exist: /nonexistent/lessons"));
  // Named by process: another checkout's run at the same time must not share the folder.
  const fs::path empty =
      fs::temp_directory_path() / ("tlsclub-empty-course-" + std::to_string(::getpid()));
  fs::create_directories(empty);
  const auto none = lessons("", empty);
  CHECK(none.code == 2);
  CHECK(has(none, "error[no-lessons]"));
  fs::remove_all(empty);
}

TEST_CASE("tlsclub glossary prints the glossary") {
  const auto r = tlsclub::test::run_command(std::string(TLSCLUB_CLI) + " glossary",
                                            tlsclub::test::Stderr::dropped);
  CHECK(r.code == 0);
  CHECK(r.out == tlsclub::glossary_markdown());
}
