#pragma once
// The parts of a scenario file a lesson file writes the same way: a wire fault table, an anchor
// (`at`) and an expectation. The scenario loader reads its own with these, and the lesson loader
// reads its try-it tasks and places with them, so the two formats cannot drift apart.

#include <optional>
#include <span>
#include <string_view>

#include "load/error_ids.h"
#include "load/errors.h"
#include "load/section.h"
#include "scenario/scenario.h"
#include "wire/fault.h"

namespace tlsclub::loader {

// One wire fault table (`action` already picked): from, record | message, offset, mask, alert,
// each checked. The caller sets the member. Lesson files' try-it faults share it.
WireFault read_wire_fault(const load::Section& s, WireFault::Action action);
// An anchor string (`at`): "<client|server>.<message>", "check.<name>", "alert", "established"
// or "end". Reports what is wrong at `where`: under `id` when given, else as bad-value (the
// shape) or bad-enum (the name).
bool check_anchor(load::Errors& errors, load::Where where, std::string_view at,
                  std::optional<ErrorId> id = std::nullopt);
// A member's [member.expect] (and a lesson's try-it `expect`): the table's keys, and the table
// read.
std::span<const std::string_view> expect_keys();
Expectation read_expect(const load::Section& s);

}  // namespace tlsclub::loader
