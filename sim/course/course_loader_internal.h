#pragma once
// The course loader's inside: the loaders' shared machinery (sim/load: Errors, Section, pick,
// ...) and the scenario parts a lesson writes the same way (scenario/table_readers.h), plus what
// lesson and myth files share: the scenarios they name, loaded once per file, and places
// (scenario, member, at) checked against them. Only course_loader*.cpp include this.

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "course/course.h"
#include "load/errors.h"
#include "load/section.h"
#include "load/suggest.h"
#include "load/times.h"
#include "load/toml_shield.h"
#include "load/values.h"
#include "scenario/format_names.h"
#include "scenario/table_readers.h"

namespace tlsclub::course {

using load::Errors;
using load::Section;
using load::Where;

// Parses the text and checks `format = 1` (syntax, unsupported-format, missing-key); nullopt when
// the file is read no further. `top_keys` are the keys allowed at the top level.
std::optional<toml::table> parse_document(std::string_view text, std::string_view file_name,
                                          std::span<const std::string_view> top_keys,
                                          Errors& errors);

// The scenarios of the library a file names, each loaded once.
class Library {
 public:
  explicit Library(std::filesystem::path dir) : dir_(std::move(dir)) {}
  // The scenario at `file` (relative to the library), or nullptr after reporting why not (when
  // `errors` is given): unknown-scenario (no such file), broken-scenario (it does not load).
  const ScenarioSpec* get(const std::string& file, Errors* errors, Where where);
  // What the placeholders of a text at `file`, `member` read: the scenario and its run, each run
  // once and only when a text asks (loading a course without placeholders runs nothing).
  PlaceholderRun numbers(const std::string& file, const std::string& member);

 private:
  std::filesystem::path dir_;
  std::map<std::string, std::optional<ScenarioSpec>> loaded_;
  std::map<std::string, std::optional<Timeline>> runs_;
  std::map<std::string, std::string> why_not_;  // file -> the first load error
};

// A place's keys (scenario, member, at) read from `s`: the scenario must load and, when `listed`
// is given, be one of them (else unknown-scenario; a listed one that does not load was reported
// at its [[scenario]]); the member must be one of its members
// (unknown-member; the loader fills in the first member's name when none is given); `at` must be
// an anchor (bad-anchor). `fallback` is the scenario when the table names none ("" = required).
std::optional<LessonPlace> read_place(const Section& s, const std::string& fallback,
                                      const std::vector<std::string>* listed, Library& library);

// A required key's text; a key given as "" (or only spaces) says nothing: bad-value.
std::optional<std::string> required_text(const Section& s, std::string_view key);

// `text`, the value at `where`, with its placeholders replaced by the run's values; a name that is
// no placeholder (unknown-placeholder) or a value the run lacks (bad-placeholder) is reported
// there. `run` is only asked for when the text holds a placeholder.
void fill_numbers(Errors& errors, Where where, std::string& text,
                  const std::function<PlaceholderRun()>& run);
// A text no run stands behind (introduction, summary, a myth): a placeholder there is
// bad-placeholder.
void no_numbers(Errors& errors, Where where, std::string_view key, const std::string& text);

// The member a table names (its `member` key, checked), or the scenario's first member.
std::optional<std::string> read_member(const Section& s, const ScenarioSpec& spec);

// "RFC 8446 4.4.3" or several joined by "; " (bad-reference otherwise).
bool reference_ok(std::string_view text);
void check_reference(Errors& errors, Where where, std::string_view key, std::string_view text);

// Lesson files' [[step]], [[question]] and [[try]] (course_loader_tasks.cpp).
void read_steps(const toml::table& root, CourseLesson& lesson, Library& library, Errors& errors);
void read_questions(const toml::table& root, CourseLesson& lesson, Library& library,
                    Errors& errors);
void read_tries(const toml::table& root, CourseLesson& lesson, Library& library, Errors& errors);

// The scenarios a lesson lists, by file.
std::vector<std::string> listed_files(const CourseLesson& lesson);

}  // namespace tlsclub::course
