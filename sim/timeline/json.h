#pragma once
// The Timeline as JSON (docs/timeline-json.md). Key order is fixed, so equal Timelines give
// byte-identical text.

#include <nlohmann/json.hpp>

#include "timeline/timeline.h"

namespace tlsclub {

nlohmann::ordered_json to_json(const Timeline& timeline);
nlohmann::ordered_json to_json(const Event& event);

}  // namespace tlsclub
