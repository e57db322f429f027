#include "load/error_ids.h"

#include <array>
#include <utility>

namespace tlsclub {

namespace {

using E = ErrorId;
constexpr std::array<std::pair<ErrorId, std::string_view>, 23> kIds{{
    {E::syntax, "syntax"},
    {E::unreadable_file, "unreadable-file"},
    {E::unsupported_format, "unsupported-format"},
    {E::missing_key, "missing-key"},
    {E::unknown_key, "unknown-key"},
    {E::wrong_type, "wrong-type"},
    {E::bad_enum, "bad-enum"},
    {E::bad_date, "bad-date"},
    {E::bad_validity, "bad-validity"},
    {E::bad_value, "bad-value"},
    {E::dangling_reference, "dangling-reference"},
    {E::duplicate, "duplicate"},
    {E::cycle, "cycle"},
    {E::no_scenarios, "no-scenarios"},
    {E::internal, "internal"},
    {E::bad_reference, "bad-reference"},
    {E::unknown_placeholder, "unknown-placeholder"},
    {E::bad_placeholder, "bad-placeholder"},
    {E::bad_anchor, "bad-anchor"},
    {E::unknown_scenario, "unknown-scenario"},
    {E::broken_scenario, "broken-scenario"},
    {E::unknown_member, "unknown-member"},
    {E::no_lessons, "no-lessons"},
}};

constexpr bool in_order() {
  for (std::size_t i = 0; i < kIds.size(); ++i)
    if (static_cast<std::size_t>(kIds[i].first) != i) return false;
  return true;
}
static_assert(in_order(), "kIds lists every ErrorId in enumerator order");

constexpr auto kAll = [] {
  std::array<ErrorId, kIds.size()> all{};
  for (std::size_t i = 0; i < kIds.size(); ++i) all[i] = kIds[i].first;
  return all;
}();

}  // namespace

std::string_view to_string(ErrorId id) {
  return kIds[static_cast<std::size_t>(id)].second;
}

std::span<const ErrorId> all_error_ids() {
  return kAll;
}

}  // namespace tlsclub
