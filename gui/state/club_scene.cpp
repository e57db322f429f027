#include "state/club_scene.h"

#include <algorithm>

#include "explain/catalogue.h"
#include "timeline/check_names.h"
#include "timeline/outcome.h"

namespace tlsclub::gui {

namespace {

// The first failed certificate check of a list, in the order the checks were made.
const CheckEvent* first_failed(const Connection& c, const Checklist* list) {
  if (list == nullptr) return nullptr;
  std::size_t first = npos;
  for (const ChecklistCard& card : list->cards)
    for (const ChecklistItem& item : card.items)
      if (item.state == CheckState::failed && item.event < first) first = item.event;
  return first == npos ? nullptr : std::get_if<CheckEvent>(&c.events[first].body);
}

// Failed, all passed, or still open, over the certificate checks of a list.
CheckState verdict(const Checklist* list) {
  if (list == nullptr) return CheckState::not_checked;
  bool any = false;
  bool open = false;
  for (const ChecklistCard& card : list->cards) {
    if (!card.certificate) continue;
    for (const ChecklistItem& item : card.items) {
      if (item.state == CheckState::failed) return CheckState::failed;
      if (item.state == CheckState::passed) any = true;
      if (item.state == CheckState::not_checked && item.event != npos) open = true;
    }
  }
  return any && !open ? CheckState::passed : CheckState::not_checked;
}

const Checklist* list_by(const std::vector<Checklist>& lists, Side by) {
  for (const Checklist& list : lists)
    if (list.by == by) return &list;
  return nullptr;
}

// The member walks up to the door during the first part of the visit, and waits there.
float approach_of(const Connection& c, Position at) {
  const float progress =
      c.steps == 0 ? 1.0f : static_cast<float>(at.step) / static_cast<float>(c.steps);
  return std::min(1.0f, progress * 1.6f);
}

Tally tally_of(const Timeline& t, Position at) {
  Tally tally;
  for (std::size_t k = 0; k <= at.connection && k < t.connections.size(); ++k) {
    const Connection& c = t.connections[k];
    if (k == at.connection && at.step < c.steps) break;  // the member at the door is not decided
    if (c.outcome == Outcome::admitted)
      ++(c.impostor.empty() ? tally.inside : tally.with_impostor);
    else if (!c.refused_by)
      ++tally.stalled;
    else
      ++(*c.refused_by == Side::server ? tally.turned_away : tally.walked_away);
  }
  return tally;
}

}  // namespace

namespace {

std::string check_title(const std::string& check) {
  const Explanation* e = find_explanation("check." + check);
  return e != nullptr ? std::string(e->title) : check;
}

}  // namespace

std::string refusal_words(const CheckEvent& k) {
  if (!is_certificate_check(k.check)) return "✗ Wrong password";
  // Made by the holder, who kept its certificate back: the member says both.
  if (k.check == checks::certificate_selection)
    return k.by == Side::server ? "✗ You showed me no badge" : "✗ My card is not a kind you take";
  const bool badge = k.by == Side::client;  // the member checks the badge, the bouncer the card
  const std::string thing = badge ? "badge" : "card";
  const std::string it = k.depth == 0 ? "That " + thing : "The authority behind that " + thing;
  const std::string& check = k.check;
  std::string words;
  if (check == checks::validity)
    words = it + (not_yet_valid(k) ? " is not valid yet" : " has expired");
  else if (check == checks::lifetime)
    words = "That badge was issued to live longer than my device allows";
  else if (check == checks::hostname)
    words = "That badge is for another club";
  else if (check == checks::issuer_known)
    words = "I don't know who sealed that " + thing;
  else if (check == checks::trust_anchor)
    words = "I don't trust the authority behind that " + thing;
  else if (check == checks::signature)
    words = k.depth == 0 ? "The seal on that " + thing + " does not verify"
                         : "A seal behind that " + thing + " does not verify";
  else if (check == checks::signature_strength)
    words = "The seal on that " + thing + " is too weak";
  else if (check == checks::basic_constraints)
    words = path_too_long(k) ? "That " + thing + "'s chain is longer than its authority allows"
                             : "That " + thing + " was sealed by someone who is no authority";
  else if (check == checks::name_constraints)
    words = "That authority may not seal a " + thing + " for this name";
  else if (check == checks::key_usage)
    words = "That " + thing + "'s key is not for signing";
  else if (check == checks::extended_key_usage)
    words = badge ? "That badge is not for a club door" : "That card is not a membership card";
  else if (check == checks::crl || check == checks::ocsp)
    words = revoked(k) ? it + " was revoked"
                       : "I can't trust the " +
                             std::string(check == checks::crl ? "revocation list"
                                                              : "OCSP "
                                                                "answer") +
                             " for that " + thing;
  else if (check == checks::revocation_info)
    words = "I can't tell whether that " + thing + " was revoked";
  else  // a check without words here yet: its explanation's title, never the bare name
    words = "That " + thing + " fails “" + check_title(check) + "”";
  return "✗ " + words;
}

ClubScene club_scene(const Timeline& t, Position at, const std::vector<Checklist>& lists,
                     bool asks_for_cards) {
  ClubScene scene;
  scene.tally = tally_of(t, at);
  if (at.connection >= t.connections.size()) return scene;
  const Connection& c = t.connections[at.connection];
  scene.impostor = !c.impostor.empty();
  scene.door = scene.impostor ? "impostor" : c.server_name;
  if (scene.impostor) scene.door_note = "as " + c.server_name;
  const Checklist* badge_list = list_by(lists, Side::client);  // the member checks the badge
  const Checklist* card_list = list_by(lists, Side::server);   // the bouncer checks the card
  scene.badge = verdict(badge_list);
  scene.card = verdict(card_list);
  scene.approach = approach_of(c, at);
  scene.waiting = t.connections.size() - at.connection - 1;
  for (std::size_t next = at.connection + 1; next < t.connections.size() && scene.queue.size() < 3;
       ++next)
    scene.queue.push_back(t.connections[next].client);

  const bool decided = at.step >= c.steps;
  const bool admitted = c.outcome == Outcome::admitted;
  scene.door_open = decided && admitted;
  const CheckEvent* card_failure = first_failed(c, card_list);
  const CheckEvent* badge_failure = first_failed(c, badge_list);

  // A held-back card is the member's own decision: the member says it, not the bouncer.
  if (card_failure != nullptr && card_failure->check == checks::certificate_selection) {
    scene.member = {refusal_words(*card_failure), Mood::refusal};
    card_failure = nullptr;
  }
  if (decided && admitted && scene.impostor)
    scene.bouncer = {"⚠ Welcome in — an impostor's door", Mood::attack};
  else if (decided && admitted)
    scene.bouncer = {"✓ Welcome in", Mood::welcome};
  else if (card_failure != nullptr)
    scene.bouncer = {refusal_words(*card_failure), Mood::refusal};
  else if (decided && c.refused_by == Side::server)
    scene.bouncer = {"✗ Not tonight" + (c.alert ? " (" + *c.alert + ")" : std::string()),
                     Mood::refusal};
  else
    scene.bouncer = {asks_for_cards ? "Card, please" : "Good evening", Mood::neutral};

  if (badge_failure != nullptr)
    scene.member = {refusal_words(*badge_failure), Mood::refusal};
  else if (scene.member.text.empty() && decided && c.refused_by == Side::client)
    scene.member = {"✗ Something is wrong here" + (c.alert ? " (" + *c.alert + ")" : std::string()),
                    Mood::refusal};
  return scene;
}

std::string tally_line(const Tally& t) {
  std::string line = "inside " + std::to_string(t.inside) + " ✓";
  const auto add = [&](std::size_t n, const char* words, const char* icon) {
    if (n > 0) line += " · " + std::string(words) + " " + std::to_string(n) + " " + icon;
  };
  add(t.with_impostor, "let in by an impostor", "⚠");
  add(t.turned_away, "turned away", "✗");
  add(t.walked_away, "walked away", "✗");
  add(t.stalled, "stalled", "…");
  return line;
}

std::string_view seal_owner(const std::vector<Chain>& chains) {
  const std::string_view issuer = badge_issuer(chains);
  return issuer.empty() ? "the town authority" : issuer;
}

std::string_view attack_sign(const ClubScene& scene, const Narration& narration) {
  if (scene.impostor) return "a man in the middle";
  const bool attacked = std::any_of(narration.stories.begin(), narration.stories.end(),
                                    [](const Story& story) { return story.tone == Tone::attack; });
  return attacked ? "someone on the path" : "";
}

}  // namespace tlsclub::gui
