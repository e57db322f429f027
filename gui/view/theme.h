#pragma once
// Colours with one meaning everywhere (docs/gui.md#colour-means-protection): grey/white plaintext,
// amber handshake traffic keys, green application traffic keys, red alerts; ✓ green, ✗ red, ? grey.
// A dark and a light theme share the meanings.

#include <imgui.h>

#include <cstdint>

#include "state/checklist.h"
#include "state/narration.h"
#include "state/settings.h"
#include "timeline/protection.h"

namespace tlsclub::gui {

struct Palette {
  bool dark = true;
  ImU32 plaintext, handshake, application, alert;
  ImU32 pass, fail, unknown, attack;
  ImU32 text, dim, lane, focus_bg, select, band, panel_bg;
  ImU32 door, wood, seal, skin, card;
};

// The three looks: dark, light, and the projector's (presentation mode): black on white, the
// meanings in deeper, fully saturated colours that survive a washed-out beam.
enum class Look : std::uint8_t { dark, light, projector };
Look look_of(const Settings& settings);

const Palette& palette(Look look);
// Sets ImGui's own colours and the rounding/padding of the app (sizes at scale 1: the shell
// scales them for HiDPI afterwards).
void apply_theme(Look look);
// Only the colours, keeping sizes as they are scaled: switching looks while the app runs.
void apply_colours(Look look);

ImU32 protection_colour(const Palette& p, Protection protection);
ImU32 check_colour(const Palette& p, CheckState state);
ImU32 tone_colour(const Palette& p, Tone tone);
ImVec4 to_vec4(ImU32 colour);
ImU32 with_alpha(ImU32 colour, float alpha);

}  // namespace tlsclub::gui
