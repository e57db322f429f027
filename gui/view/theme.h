#pragma once
// Colours with one meaning everywhere (docs/gui.md#colour-means-protection): grey/white plaintext,
// amber handshake traffic keys, green application traffic keys, red alerts; ✓ green, ✗ red, ? grey.
// A dark and a light theme share the meanings.

#include <imgui.h>

#include "state/checklist.h"
#include "state/narration.h"
#include "timeline/protection.h"

namespace tlsclub::gui {

struct Palette {
  bool dark = true;
  ImU32 plaintext, handshake, application, alert;
  ImU32 pass, fail, unknown, attack;
  ImU32 text, dim, lane, focus_bg, select, band, panel_bg;
  ImU32 door, wood, seal, skin, card;
};

const Palette& palette(bool dark);
// Sets ImGui's own colours and the rounding/padding of the app.
void apply_theme(bool dark);

ImU32 protection_colour(const Palette& p, Protection protection);
ImU32 check_colour(const Palette& p, CheckState state);
ImU32 tone_colour(const Palette& p, Tone tone);
ImVec4 to_vec4(ImU32 colour);
ImU32 with_alpha(ImU32 colour, float alpha);

}  // namespace tlsclub::gui
