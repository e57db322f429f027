#pragma once
// What one step means, in order of importance: the first item is the headline the club view
// tells; each names the catalogue entry that explains it (club sentence, engineer sentence, RFC).

#include <string>
#include <vector>

#include "scenario/scenario.h"
#include "state/stepping.h"

namespace tlsclub::gui {

enum class Tone : std::uint8_t { info, good, bad, attack };

struct Story {
  std::string headline;     // "✗ The bouncer refuses Carol's card: validity"
  std::string explain_key;  // "check.validity"
  Tone tone = Tone::info;
  std::size_t event = npos;
  std::string detail;  // the engine's own words, when there are some ("expired: valid ... → alert")
  int rank = 5;        // lower is told first
};

struct Narration {
  std::vector<Story> stories;      // headline first
  std::vector<std::string> notes;  // the trainer's notes anchored at this step
};

Narration narrate(const Timeline& timeline, const StepIndex& steps, std::size_t position,
                  const ScenarioSpec* spec);

}  // namespace tlsclub::gui
