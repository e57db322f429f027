#pragma once
// The ladder diagram as a standalone SVG for slides: one ladder per member, client on the left,
// club on the right, one arrow per delivered record labelled with its messages and coloured by
// what protects it (docs/gui.md#colour-means-protection: plaintext grey, handshake keys amber,
// application keys green, alerts red), attacks marked, certificate checks and the outcome written
// on the lanes.

#include <string>

#include "timeline/timeline.h"

namespace tlsclub {

// Each arrow is a <g class="record PAINT" data-step data-record data-from> (a dropped record also
// has class "dropped"), so slides can be styled and tests can count them.
std::string ladder_svg(const Timeline& timeline);

}  // namespace tlsclub
