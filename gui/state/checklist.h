#pragma once
// The bouncer's checklist: per certificate, every check with pass / fail / not checked (✓ ✗ ?), and
// for a failure the plain reason and the alert it caused (docs/gui.md#symbols-and-direction: a
// failed check always names its alert). Only what has happened by the cursor is revealed.

#include <string>
#include <vector>

#include "state/stepping.h"
#include "timeline/timeline.h"

namespace tlsclub::gui {

enum class CheckState : std::uint8_t { passed, failed, not_checked };

struct ChecklistItem {
  std::string check;  // "validity" (catalogue: check.validity)
  std::string title;  // the catalogue's title for it
  CheckState state = CheckState::not_checked;
  std::size_t event = npos;  // its CheckEvent, npos when it never ran
  std::string reason;        // the engine's sentence, or why it is not checked
  std::string alert;         // the alert a failure calls for
  bool sent = false;         // its alert is the one the connection actually sent (only one is)
};

struct ChecklistCard {
  std::string subject;
  std::string name;       // its common name
  std::size_t depth = 0;  // 0 = leaf
  // "leaf", "root" (only when its trust_anchor check passed), "intermediate", or "top of what was
  // sent" (the highest certificate whose issuer was not found): from the run, never the position.
  std::string place;
  std::vector<ChecklistItem> items;
  // false: the password, asked inside the encrypted channel after the handshake (the club's
  // second factor), shown as a card of its own after the certificates and never counted as one.
  bool certificate = true;
};

struct Checklist {
  Side by = Side::client;  // the side checking
  std::string title;       // "Alice checks the club's badge"
  std::string note;        // when there is nothing to check: "no card was shown"
  // Its one card is the holder's own decision, revealed by the cursor, not to show it
  // (certificate_selection failed): nothing was ever checked.
  bool held_back = false;
  std::vector<ChecklistCard> cards;  // leaf first
  std::size_t latest_step = 0;       // when its last revealed check was made (0: none yet)
};

// The two checklists of a visit as of `step` (Event::step): once a side has refused, its list
// first; before, the one checked most recently (the badge when neither is). Checks made later
// show as not checked yet.
std::vector<Checklist> checklists(const Connection& connection, std::size_t step);

// "✓", "✗", "?".
const char* check_icon(CheckState state);

}  // namespace tlsclub::gui
