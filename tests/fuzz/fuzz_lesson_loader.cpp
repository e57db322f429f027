// Fuzz target for the lesson and myths loaders: any bytes give either a lesson (or cards) or
// located errors, never an exception, a crash or a hang. The scenario library they name is the
// source tree's (TLSCLUB_SOURCE_DIR), so inputs that name real scenarios reach the deep checks.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "course/course.h"

#ifndef TLSCLUB_SOURCE_DIR
#define TLSCLUB_SOURCE_DIR "."
#endif

namespace {

void check_errors(const std::vector<tlsclub::LoadError>& errors, std::string_view file) {
  if (errors.empty()) std::abort();  // a failed load always says why
  for (const auto& e : errors) {
    if (e.id.empty() || e.message.empty() || e.file != file) std::abort();
    if (e.line < 0 || e.column < 0) std::abort();
    if (e.to_string().empty()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path library =
      std::filesystem::path(TLSCLUB_SOURCE_DIR) / "scenarios";
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto lesson = tlsclub::load_lesson(text, "01-fuzz.toml", library);
  if (const auto* errors = std::get_if<std::vector<tlsclub::LoadError>>(&lesson)) {
    check_errors(*errors, "01-fuzz.toml");
  } else {
    const auto& l = std::get<tlsclub::CourseLesson>(lesson);
    if (l.number != 1 || l.scenarios.empty() || l.steps.empty()) std::abort();
    for (const auto& step : l.steps)
      if (step.place.anchor.member.empty()) std::abort();  // the loader names the member
    if (tlsclub::course_markdown({{}, {l}, {}}).size() != 3) std::abort();
  }
  const auto myths = tlsclub::load_myths(text, "myths.toml", library);
  if (const auto* errors = std::get_if<std::vector<tlsclub::LoadError>>(&myths)) {
    check_errors(*errors, "myths.toml");
  } else {
    for (const auto& card : std::get<std::vector<tlsclub::MythCard>>(myths))
      if (card.evidence.empty() || card.id.empty()) std::abort();
  }
  return 0;
}
