#pragma once
// What the club view shows at the cursor, in words derived from the run: what the member and the
// bouncer say (from the first failed check of each checklist), who stands behind the door (the club
// or an impostor posing as it), whether it is open, how far the member has come, who waits in the
// queue, the seal above the club and the attack sign, and the tally of visits decided so far. The
// view only draws it.

#include <string>
#include <string_view>
#include <vector>

#include "state/certificates.h"
#include "state/checklist.h"
#include "state/narration.h"
#include "state/stepping.h"
#include "timeline/timeline.h"

namespace tlsclub::gui {

enum class Mood : std::uint8_t { neutral, welcome, refusal, attack };

struct Speech {
  std::string text;  // empty: says nothing
  Mood mood = Mood::neutral;
};

// Visits decided by the cursor (those before it, and the one at the door once its last step is
// reached), by how each ended.
struct Tally {
  std::size_t inside = 0;         // admitted by the club itself
  std::size_t with_impostor = 0;  // "admitted", but by a man in the middle
  std::size_t turned_away = 0;    // refused by the club
  std::size_t walked_away = 0;    // the member refused the club
  std::size_t stalled = 0;        // nobody refused; the handshake never finished
};

struct ClubScene {
  std::string door;       // "club.example", or "impostor"
  std::string door_note;  // under it: "as club.example" for an impostor
  bool impostor = false;
  CheckState badge = CheckState::not_checked;  // the member's verdict on the badge so far
  CheckState card = CheckState::not_checked;   // the bouncer's verdict on the card (not password)
  bool door_open = false;                      // the visit is over and the member was let in
  float approach = 1.0f;  // how far the member has walked to the door: 0 at the start, 1 there
  Speech member;
  Speech bouncer;
  std::vector<std::string> queue;  // the next members waiting behind the one at the door, 3 at most
  std::size_t waiting = 0;         // everyone waiting behind the one at the door
  Tally tally;
};

// The words for a failed check, as the side that checks says them: the member about the badge,
// the bouncer about the card ("✗ That badge has expired", "✗ That card was revoked").
std::string refusal_words(const CheckEvent& check);

// The scene at `at`: `lists` are the visit's checklists at that step (checklists()),
// `asks_for_cards` whether the club asks members for a card.
ClubScene club_scene(const Timeline& timeline, Position at, const std::vector<Checklist>& lists,
                     bool asks_for_cards);

// "inside 2 ✓ · turned away 1 ✗ · walked away 1 ✗": the categories that have visits, inside always.
std::string tally_line(const Tally& tally);

// Whose seal is drawn above the club: the badge's issuer (the leaf's issuer name), not the top of
// what was sent; the town authority before a badge is shown. A name, not a caption: drawing may
// not allocate, so the view formats it into a buffer of its own.
std::string_view seal_owner(const std::vector<Chain>& chains);

// What the attack sign says at this step, "" for no sign: an impostor is on the path for the whole
// visit, an attack on the wire at the step it strikes (a story told in the attack's tone).
std::string_view attack_sign(const ClubScene& scene, const Narration& narration);

}  // namespace tlsclub::gui
