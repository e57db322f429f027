#pragma once
// A handout for class, as Markdown: the scenario's title and summary, the ladder diagram (a link
// to the exported SVG, or a text ladder), every step with its club and engineer explanations and
// RFC sections, the certificate checks, the outcome, then the trainer's notes and questions.

#include <string>

#include "scenario/scenario.h"
#include "timeline/timeline.h"

namespace tlsclub {

struct HandoutOptions {
  std::string svg_link;  // path of the ladder SVG relative to the handout; empty: a text ladder
};

// `timeline` is the run of `spec`.
std::string markdown_handout(const ScenarioSpec& spec, const Timeline& timeline,
                             const HandoutOptions& options = {});

}  // namespace tlsclub
