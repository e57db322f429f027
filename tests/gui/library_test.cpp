// The scenario library: lessons with summaries, located load errors, reload on change, run all.
#include "state/library.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "harness.h"

using namespace tlsclub;
using namespace tlsclub::gui;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& file, const std::string& text) {
  std::ofstream(file) << text;
}

const char* kGood = R"(format = 1
[scenario]
title = "A tiny lesson"
summary = "Alice gets in."
lesson = "tiny"
tls = "1.3"
[[authority]]
id = "root"
name = "Root CA"
[server]
name = "club.example"
issuer = "root"
[[member]]
name = "Alice"
[member.expect]
outcome = "admitted"
)";

}  // namespace

TEST_CASE("the library groups every scenario by lesson, basics first, with summaries") {
  ScenarioLibrary library;
  library.scan(test::scenarios_dir());
  REQUIRE(library.entries().size() >= 20);
  CHECK(library.lessons().front() == "basics");
  for (const LibraryEntry& e : library.entries()) {
    CAPTURE(e.relative);
    CHECK(e.errors.empty());
    CHECK_FALSE(e.title.empty());
    CHECK_FALSE(e.summary.empty());
  }
}

TEST_CASE("a broken file shows its errors in place with file:line:col, the lesson stays") {
  const fs::path dir = fs::temp_directory_path() / "tlsclub-gui-library-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  write(dir / "broken.toml",
        "format = 1\n[scenario]\ntitle = \"x\"\n[server]\nname = \"c\"\nisuer = \"r\"\n");
  ScenarioLibrary library;
  library.scan(dir);
  REQUIRE(library.entries().size() == 1);
  REQUIRE_FALSE(library.entries()[0].errors.empty());
  bool at_line_6 = false;
  for (const LoadError& e : library.entries()[0].errors)
    at_line_6 |= e.to_string().find("broken.toml:6:1: error[unknown-key]") != std::string::npos;
  CHECK(at_line_6);

  test::Harness h;
  h.open_demo();
  const std::string before = h.session().timeline().title;
  CHECK_FALSE(h.session().open(dir / "broken.toml"));
  CHECK(h.session().timeline().title == before);
  REQUIRE_FALSE(h.session().load_errors().empty());
  bool located = false;
  for (const LoadError& e : h.session().load_errors())
    located |= e.id == "unknown-key" && e.line == 6;
  CHECK(located);
  fs::remove_all(dir);
}

TEST_CASE("a lesson whose file changes on disk is run again, at the same place") {
  const fs::path dir = fs::temp_directory_path() / "tlsclub-gui-reload-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path file = dir / "tiny.toml";
  write(file, kGood);
  test::Harness h;
  REQUIRE(h.session().open(file));
  h.session().apply(cmd::Seek{2});
  std::string edited = kGood;
  edited.replace(edited.find("A tiny lesson"), 13, "A tiny lesson, edited");
  write(file, edited);
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(2));
  h.frame(1.5);  // the files are looked at about once a second
  CHECK(h.session().timeline().title == "A tiny lesson, edited");
  CHECK(h.session().playback().cursor().index() == 2);
  fs::remove_all(dir);
}

TEST_CASE("run all: every member of every scenario, expected against actual") {
  ScenarioLibrary library;
  library.scan(test::scenarios_dir());
  const auto rows = run_all(library.entries());
  REQUIRE(rows.size() >= library.entries().size());
  for (const RunAllRow& r : rows) {
    CAPTURE(r.scenario);
    CAPTURE(r.member);
    CHECK(r.met);
    CHECK_FALSE(r.expected.empty());
  }
}
