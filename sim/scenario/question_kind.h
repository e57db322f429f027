#pragma once
// What a predict question asks, one table for scenario and lesson files, the engine's right
// answers, the app's choices and the pages. "outcome", "alert" and "failing_check" take their
// right answer from the run; "choice" has the trainer's own answer among its choices.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace tlsclub {

enum class QuestionKind : std::uint8_t { outcome, alert, failing_check, choice };

std::string_view to_string(QuestionKind kind);  // "failing_check"
std::optional<QuestionKind> question_kind(std::string_view name);
std::span<const std::string_view> question_kind_names();  // in enumerator order

}  // namespace tlsclub
