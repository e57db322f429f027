// Fuzz target for the scenario loader: any bytes give either a ScenarioSpec or located errors,
// never an exception, a crash or a hang. Checks the loader's promises on each error.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "scenario/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = tlsclub::load_scenario(text, "fuzz.toml");
  if (const auto* errors = std::get_if<std::vector<tlsclub::LoadError>>(&result)) {
    if (errors->empty()) std::abort();  // a failed load always says why
    for (const auto& e : *errors) {
      if (e.id.empty() || e.message.empty() || e.file != "fuzz.toml") std::abort();
      if (e.line < 0 || e.column < 0) std::abort();
      if (e.to_string().empty()) std::abort();
    }
  } else {
    if (std::get<tlsclub::ScenarioSpec>(result).members.empty()) std::abort();  // one at least
  }
  return 0;
}
