#include "cli/one_scenario.h"

#include <ostream>

#include "cli/scenario_files.h"
#include "export/clock_shift.h"

namespace tlsclub::cli {

std::optional<ScenarioSpec> load_one_scenario(const std::string& path,
                                              const std::optional<std::string>& tls,
                                              const std::string& clock, std::string_view command,
                                              std::ostream& errors) {
  const auto version = [](const std::string& v) {
    return v == "1.2" ? TlsVersion::tls12 : TlsVersion::tls13;
  };
  ScenarioSpec spec;
  if (path.empty()) {
    spec = demo_scenario(version(tls.value_or("1.3")));
  } else {
    LoadedSet set = load_paths({path}, errors);
    if (set.any_folder) {
      errors << "tlsclub " << command << ": error: '" << path
             << "' is a folder (hint: name one scenario file)\n";
      return std::nullopt;
    }
    if (set.failed > 0 || set.scenarios.size() != 1) return std::nullopt;
    spec = std::move(set.scenarios[0].spec);
    if (tls) spec.min_version = spec.max_version = version(*tls);
  }
  if (!clock.empty()) {
    const auto now = clock_from_argument(clock);
    if (!now) {
      errors << "tlsclub " << command << ": error: --clock '" << clock
             << "' is not a time (hint: 'now' or 2026-03-01T20:00:00Z)\n";
      return std::nullopt;
    }
    shift_clock(spec, *now);
  }
  return spec;
}

}  // namespace tlsclub::cli
