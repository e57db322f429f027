#pragma once
// The stable ids of loader errors (`file:line:col: error[id]: ...`), one table for the scenario
// and lesson loaders, the CLI and the documents' id tables (a test holds them together).

#include <cstdint>
#include <span>
#include <string_view>

namespace tlsclub {

enum class ErrorId : std::uint8_t {
  syntax,
  unreadable_file,
  unsupported_format,
  missing_key,
  unknown_key,
  wrong_type,
  bad_enum,
  bad_date,
  bad_validity,
  bad_value,
  dangling_reference,
  duplicate,
  cycle,
  no_scenarios,
  internal,  // the loader itself failed: a bug to report, never the file's fault
  // Lesson files only.
  bad_reference,
  unknown_placeholder,
  bad_placeholder,
  bad_anchor,
  unknown_scenario,
  broken_scenario,
  unknown_member,
  no_lessons,
};

// "bad-value": the name a user sees and searches the documents for.
std::string_view to_string(ErrorId id);
std::span<const ErrorId> all_error_ids();

}  // namespace tlsclub
