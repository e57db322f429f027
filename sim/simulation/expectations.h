#pragma once
// Did each member's visit go the way the scenario says it will?

#include <string>
#include <vector>

#include "scenario/scenario.h"
#include "timeline/timeline.h"

namespace tlsclub {

struct ExpectationResult {
  std::string member;
  bool met = true;
  std::string expected;  // "refused by server with certificate_required"
  std::string actual;
};

// One result per member that has an expectation, in member order.
std::vector<ExpectationResult> check_expectations(const ScenarioSpec& spec,
                                                  const Timeline& timeline);

// The first failed certificate check of a connection ("" when none failed).
std::string first_failing_check(const Connection& connection);

// What a scenario file asked for and the run did not do, in run order.
struct RunWarning {
  std::string member;
  std::size_t fault = 0;  // the [[fault]]'s number in the file (0: a what-if)
  std::string text;       // "fault 2 never applied (...): no record from the server carried ..."
};
std::vector<RunWarning> run_warnings(const Timeline& timeline);

}  // namespace tlsclub
