// Numbers in lesson texts come from the run: placeholders ({{badge.lifetime_days}}, {{clock}}, ...)
// resolve to what the scenario and its run say, a name that is none is a located error, and the
// "number test" holds every date, duration and size typed into the course to an explicit list of
// facts no run gives (a hand-typed "170 days" once contradicted the run it described).
#include <doctest/doctest.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "course/course.h"

namespace {

namespace fs = std::filesystem;
using tlsclub::CourseLesson;
using tlsclub::LoadError;

const fs::path kLibrary = fs::path(TLSCLUB_SOURCE_DIR) / "scenarios";
const fs::path kCourse = fs::path(TLSCLUB_SOURCE_DIR) / "docs/lessons";

// A lesson whose texts are filled in by each case: {STEP}, {QUESTION}, {TASK}, {INTRO}.
const std::string kLesson = R"(format = 1

[lesson]
number = 1
title = "t"
objectives = ["o"]
introduction = "{INTRO}"
summary = "s"

[[scenario]]
file = "basics/server-only-tls13.toml"
why = "w"

[[step]]
at = "server.certificate"
text = "{STEP}"

[[question]]
at = "end"
question = "{QUESTION}"
answer = "admitted"
explanation = "e"

[[try]]
scenario = "basics/server-only-tls13.toml"
task = "{TASK}"
clock = "2026-09-01T12:00:00Z"
expect = { outcome = "refused", refused_by = "client", alert = "certificate_expired" }
explanation = "e"
)";

std::string lesson_with(std::string step, std::string question = "q", std::string task = "t",
                        std::string intro = "i") {
  std::string text = kLesson;
  for (auto [from, to] : {std::pair<std::string, std::string>{"{STEP}", step},
                          {"{QUESTION}", question},
                          {"{TASK}", task},
                          {"{INTRO}", intro}})
    text.replace(text.find(from), from.size(), to);
  return text;
}

CourseLesson loaded(const std::string& text) {
  auto result = tlsclub::load_lesson(text, "01-base.toml", kLibrary);
  if (auto* errors = std::get_if<std::vector<LoadError>>(&result)) {
    for (const auto& e : *errors) MESSAGE(e.to_string());
    FAIL("the lesson does not load");
  }
  return std::get<CourseLesson>(std::move(result));
}

std::vector<LoadError> errors_of(const std::string& text) {
  auto result = tlsclub::load_lesson(text, "01-base.toml", kLibrary);
  auto* errors = std::get_if<std::vector<LoadError>>(&result);
  REQUIRE_MESSAGE(errors != nullptr, "the broken lesson loads");
  REQUIRE_FALSE(errors->empty());
  return *errors;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// ---- the number test -----------------------------------------------------------------------

// A date, a duration, a size or a count as a text states it.
const std::regex kNumber(
    R"(\b\d+[ -](day|days|byte|bytes|record|records)\b)"
    R"(|\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b)"
    R"(|\b\d{4}-\d{2}-\d{2}\b)");

// Numbers a lesson states that no run of its scenarios gives: a standard's constant, a policy's
// date, a wrong choice of a quiz. Each says why; anything else the patterns find must be a
// placeholder, so that it is the run's own value.
struct OutsideFact {
  std::string_view file;
  std::string_view literal;
  std::string_view why;
};
constexpr OutsideFact kOutsideFacts[] = {
    {"02-meeting-the-club.toml", "32-byte", "every hello random (RFC 8446 4.1.2)"},
    {"03-who-encrypts-what.toml", "48-byte", "every premaster secret (RFC 5246 7.4.7.1)"},
    {"myths.toml", "48-byte", "every premaster secret (RFC 5246 7.4.7.1)"},
    {"07-revocation.toml", "200 days", "CA/B Forum ballot SC-081: the maximum lifetime from 2026"},
    {"07-revocation.toml", "100 days", "CA/B Forum ballot SC-081: the maximum lifetime from 2027"},
    {"07-revocation.toml", "47 days", "CA/B Forum ballot SC-081: the maximum lifetime from 2029"},
    {"07-revocation.toml", "15 March 2026", "CA/B Forum ballot SC-081: the first step"},
    {"07-revocation.toml", "15 March 2027", "CA/B Forum ballot SC-081: the second step"},
    {"07-revocation.toml", "15 March 2029", "CA/B Forum ballot SC-081: the last step"},
    {"07-revocation.toml", "398 days",
     "Apple's limit on server certificates issued since 1 September 2020 (a device policy)"},
    {"09-attacks-on-the-wire.toml", "8 bytes", "the downgrade sentinel (RFC 8446 4.1.3)"},
    {"11-tomorrows-handshake.toml", "1184 bytes", "an ML-KEM-768 encapsulation key (FIPS 203)"},
    {"11-tomorrows-handshake.toml", "32 bytes", "an X25519 public key (RFC 7748 6.1)"},
    {"11-tomorrows-handshake.toml", "32-byte", "the X25519 and ML-KEM-768 shared secrets"},
    {"11-tomorrows-handshake.toml", "1500-byte", "an Ethernet packet, not this run"},
    {"11-tomorrows-handshake.toml", "64 bytes", "a wrong choice of the quiz"},
    {"11-tomorrows-handshake.toml", "4096 bytes", "a wrong choice of the quiz"},
};

bool outside_fact(std::string_view file, std::string_view literal) {
  for (const OutsideFact& f : kOutsideFacts)
    if (f.file == file && f.literal == literal) return true;
  return false;
}

struct Typed {
  std::string literal;
  int line = 0;
};

// The numbers typed into one text that are not listed as outside facts.
std::vector<Typed> typed_numbers(std::string_view file, const std::string& text, int line) {
  std::vector<Typed> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kNumber);
       it != std::sregex_iterator(); ++it)
    if (!outside_fact(file, it->str())) out.push_back({it->str(), line});
  return out;
}

// Every text of a lesson or myths file (a `clock` is a setting, not a text), with its line.
void texts_of(const toml::node& node, std::string_view key,
              std::vector<std::pair<std::string, int>>& out) {
  if (const auto* t = node.as_table()) {
    for (const auto& [k, v] : *t) texts_of(v, k.str(), out);
  } else if (const auto* a = node.as_array()) {
    for (const auto& v : *a) texts_of(v, key, out);
  } else if (const auto* s = node.as_string(); s != nullptr && key != "clock") {
    out.emplace_back(s->get(), static_cast<int>(node.source().begin.line));
  }
}

std::vector<std::string> course_files() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(kCourse))
    if (entry.path().extension() == ".toml") files.push_back(entry.path().filename().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("placeholders take the badge's dates and the clock from the run") {
  const CourseLesson lesson = loaded(lesson_with(
      "{{badge.lifetime_days}} days from {{badge.not_before.date}} to {{badge.not_after.date}}; "
      "{{badge.days_left}} left at {{clock}}",
      "{{badge.days_left}} days left at {{clock.date}}?",
      "the badge expired {{badge.days_expired}} days before {{clock.date}}"));
  // The library's default badge: notBefore the clock - 30 days, notAfter the clock + 170 days.
  CHECK(lesson.steps.at(0).text ==
        "200 days from 30 January 2026 to 18 August 2026; 170 left at 1 March 2026, 20:00 UTC");
  CHECK(lesson.questions.at(0).question == "170 days left at 1 March 2026?");
  // A try's texts read the changed run: its clock is the one the task moves to.
  CHECK(lesson.tries.at(0).task == "the badge expired 14 days before 1 September 2026");
  // A question reads the unchanged run, where the badge has not expired.
  const auto errors = errors_of(lesson_with("s", "expired {{badge.days_expired}} days?"));
  CHECK(errors.front().id == "bad-placeholder");
  CHECK(errors.front().line == 20);
}

TEST_CASE("placeholders take sizes and counts from the member's visit") {
  const CourseLesson lesson =
      loaded(lesson_with("{{size.server.certificate}} {{key_share.client}} {{key_share.server}} "
                         "{{size.secret.client_handshake_traffic_secret}} {{record_count}}"));
  std::istringstream words(lesson.steps.at(0).text);
  std::vector<int> n(5);
  for (int& v : n) words >> v;
  CHECK(n[0] > 300);  // a badge and an intermediate's certificate
  CHECK(n[1] == 32);  // X25519 (RFC 7748 6.1)
  CHECK(n[2] == 32);
  CHECK(n[3] == 48);  // SHA-384 (TLS_AES_256_GCM_SHA384)
  CHECK(n[4] >= 6);
}

TEST_CASE("an unknown placeholder is a located loader error") {
  auto errors = errors_of(lesson_with("The badge lives {{badge.lifetime}} days."));
  CHECK(errors.front().id == "unknown-placeholder");
  CHECK(errors.front().line == 16);
  CHECK(errors.front().column == 8);
  CHECK(errors.front().hint.find("badge.lifetime_days") != std::string::npos);
  CHECK(errors.front().to_string().starts_with("01-base.toml:16:8: error[unknown-placeholder]"));

  errors = errors_of(lesson_with("{{size.server.certificat}}"));
  CHECK(errors.front().id == "unknown-placeholder");
  errors = errors_of(lesson_with("{{clock"));
  CHECK(errors.front().id == "unknown-placeholder");
  // A message the visit never has: the name is right, the run lacks the value.
  errors = errors_of(lesson_with("{{size.client.certificate}}"));
  CHECK(errors.front().id == "bad-placeholder");
  CHECK(errors.front().message.find("sends no certificate") != std::string::npos);
  // No run stands behind an introduction.
  errors = errors_of(lesson_with("s", "q", "t", "{{clock}}"));
  CHECK(errors.front().id == "bad-placeholder");
  CHECK(errors.front().line == 7);
}

TEST_CASE("docs/lesson-format.md documents every placeholder") {
  const std::string doc = read_file(fs::path(TLSCLUB_SOURCE_DIR) / "docs/lesson-format.md");
  for (const std::string& name : tlsclub::placeholder_names()) {
    CAPTURE(name);
    CHECK(doc.find("`{{" + name + "}}`") != std::string::npos);
  }
}

TEST_CASE("the number test finds a date or a duration typed where the run gives it") {
  // Lesson 1's try-it as it once was: the badge really ran 200 days, not 170.
  const auto found = typed_numbers(
      "01-what-a-certificate-is.toml",
      "The badge was issued for 170 days from 30 January 2026. The seal is still genuine.", 127);
  REQUIRE(found.size() == 2);
  CHECK(found[0].literal == "170 days");
  CHECK(found[1].literal == "30 January 2026");
  CHECK(typed_numbers("11-tomorrows-handshake.toml", "a key_share of 1216 bytes", 1).size() == 1);
  CHECK(typed_numbers("x.toml", "moved to 2026-09-01", 1).size() == 1);
  CHECK(typed_numbers("x.toml", "{{badge.lifetime_days}} days from {{badge.not_before.date}}", 1)
            .empty());
}

TEST_CASE("number test: every date, duration and size in the course comes from its run") {
  std::set<std::pair<std::string, std::string>> used;
  for (const std::string& file : course_files()) {
    CAPTURE(file);
    toml::table root;
    REQUIRE_NOTHROW(root = toml::parse(read_file(kCourse / file), file));
    std::vector<std::pair<std::string, int>> texts;
    texts_of(root, "", texts);
    for (const auto& [text, line] : texts) {
      for (const Typed& t : typed_numbers(file, text, line))
        FAIL_CHECK(file << ":" << t.line << ": `" << t.literal
                        << "` is typed; write the placeholder that gives it from the run "
                           "(docs/lesson-format.md), or, if no run gives it, list it in "
                           "kOutsideFacts with the reason");
      for (auto it = std::sregex_iterator(text.begin(), text.end(), kNumber);
           it != std::sregex_iterator(); ++it)
        used.emplace(file, it->str());
    }
  }
  // An outside fact no text states any more is a stale excuse.
  for (const OutsideFact& f : kOutsideFacts) {
    CAPTURE(f.literal);
    CHECK(used.count({std::string(f.file), std::string(f.literal)}) == 1);
  }
}
