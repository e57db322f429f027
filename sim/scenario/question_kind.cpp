#include "scenario/question_kind.h"

#include <array>

namespace tlsclub {

namespace {
constexpr std::array<std::string_view, 4> kNames{"outcome", "alert", "failing_check", "choice"};
}  // namespace

std::string_view to_string(QuestionKind kind) {
  return kNames[static_cast<std::size_t>(kind)];
}

std::optional<QuestionKind> question_kind(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<QuestionKind>(i);
  return std::nullopt;
}

std::span<const std::string_view> question_kind_names() {
  return kNames;
}

}  // namespace tlsclub
