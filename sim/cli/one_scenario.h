#pragma once
// The one scenario that export, serve and knock work on: a file, or the built-in demo, with the
// --tls and --clock overrides applied.

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "scenario/scenario.h"

namespace tlsclub::cli {

// Prints what is wrong to `errors` (load errors with file:line:col, a folder, a bad --clock) and
// returns nullopt. `command` names the subcommand in messages ("export").
std::optional<ScenarioSpec> load_one_scenario(const std::string& path,
                                              const std::optional<std::string>& tls,
                                              const std::string& clock, std::string_view command,
                                              std::ostream& errors);

}  // namespace tlsclub::cli
