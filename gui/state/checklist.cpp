#include "state/checklist.h"

#include <algorithm>
#include <optional>

#include "state/key_schedule.h"
#include "state/names.h"
#include "timeline/check_names.h"
#include "timeline/outcome.h"

namespace tlsclub::gui {

namespace {

// What a path validation checks on each kind of certificate (RFC 5280 6.1.3 and 6.1.4, RFC
// 6125 for the host name), so a check that never ran still shows as "?".
std::vector<std::string> expected_checks(std::size_t depth, std::size_t top, Side by) {
  if (depth == 0) {
    std::vector<std::string> leaf = {"issuer_known", "signature", "validity", "key_usage",
                                     "extended_key_usage"};
    if (by == Side::client) leaf.push_back("hostname");  // the member checks the club's name
    return leaf;
  }
  if (depth == top) return {"trust_anchor", "validity", "basic_constraints"};
  return {"issuer_known", "signature", "validity", "basic_constraints"};
}

// Whether `from` sent the message `name` by `step` (all of the visit by default).
bool sent_message(const Connection& c, Side from, std::string_view name, bool* empty = nullptr,
                  std::size_t step = npos) {
  for (const Event& e : c.events) {
    if (e.step > step) continue;
    const auto* m = std::get_if<MessageEvent>(&e.body);
    if (m == nullptr || m->from != from || m->message.name != name) continue;
    // An empty certificate_list: 4-byte header, context (1.3), 3-byte list length of zero.
    if (empty != nullptr) *empty = m->message.bytes.size() <= 8;
    return true;
  }
  return false;
}

// The holder's own decision not to show its certificate (certificate_selection) belongs in the list
// of the side that would have checked it: that is where a student looks for why nothing was
// checked.
bool belongs_to(const CheckEvent& check, Side by) {
  return check.check == checks::certificate_selection ? check.by == peer_of(by) : check.by == by;
}

bool held_back(const ChecklistCard& card) {
  return std::any_of(card.items.begin(), card.items.end(), [](const ChecklistItem& i) {
    return i.check == checks::certificate_selection;
  });
}

// Every check this list shows, grouped per certificate, as of `step`; returns the deepest depth.
std::size_t collect_checks(const Connection& c, Side by, std::size_t step, Checklist& list) {
  std::size_t top = 0;
  for (const Event& e : c.events) {
    const auto* check = std::get_if<CheckEvent>(&e.body);
    if (check == nullptr || !belongs_to(*check, by)) continue;
    const bool certificate = is_certificate_check(check->check);
    if (certificate) top = std::max(top, check->depth);
    auto card = std::find_if(list.cards.begin(), list.cards.end(), [&](const ChecklistCard& k) {
      return k.certificate == certificate && k.depth == check->depth && k.subject == check->subject;
    });
    if (card == list.cards.end() && !certificate) {
      list.cards.push_back(
          {check->subject, c.client + "'s password", 0, "asked after the handshake", {}, false});
      card = list.cards.end() - 1;
    } else if (card == list.cards.end()) {
      list.cards.push_back(
          {check->subject, common_name(check->subject), check->depth, "", {}, true});
      card = list.cards.end() - 1;
    }
    ChecklistItem item;
    item.check = check->check;
    item.event = static_cast<std::size_t>(&e - c.events.data());
    if (e.step > step) {
      item.reason = "not checked yet";
    } else {
      item.state = check->passed ? CheckState::passed : CheckState::failed;
      list.latest_step = std::max(list.latest_step, e.step);
      item.reason = check->reason;
      item.alert = check->alert;
    }
    card->items.push_back(std::move(item));
  }
  return top;
}

// The title of an item: the catalogue's, except where one check name covers two rules.
std::string title_for(const Connection& c, const ChecklistItem& item) {
  const auto* check =
      item.event != npos ? std::get_if<CheckEvent>(&c.events[item.event].body) : nullptr;
  return check != nullptr ? check_title(*check) : title_of("check." + item.check);
}

// Where a certificate stands, from the run: "root" only once its trust_anchor check passed (by
// the cursor: earlier it would tell how the chain's check ends).
std::string place_of(const ChecklistCard& card, bool last) {
  const bool anchored = std::any_of(card.items.begin(), card.items.end(), [&](const auto& i) {
    return i.check == checks::trust_anchor && i.state == CheckState::passed;
  });
  if (anchored) return "root";
  if (card.depth == 0) return "leaf";
  return last ? "top of what was sent" : "intermediate";
}

// Why a list has no certificate to show. "yet" only while one can still come: a resumption stands
// on the certificates of an earlier visit, and a visit that is over shows none. Only messages sent
// by `step` count: "showed no card" before the empty Certificate is sent would answer "which
// alert?" ahead of the step.
std::string empty_note(const Connection& c, Side by, std::size_t step) {
  if (std::string resumed = resumption_note(key_roles(c, step)); !resumed.empty()) return resumed;
  bool empty = false;
  // Whether the club asks for cards is the club's setting, known before it asks.
  if (by == Side::server && !sent_message(c, Side::server, "certificate_request"))
    return "The club does not ask for membership cards.";
  if (sent_message(c, peer_of(by), "certificate", &empty, step) && empty)
    return c.client + " showed no card.";
  return step >= c.steps ? "No certificate was checked in this visit." : "Nothing to check yet.";
}

Checklist one_side(const Connection& c, Side by, std::size_t step) {
  Checklist list;
  list.by = by;
  list.title = by == Side::client
                   ? c.client + (c.impostor.empty()
                                     ? " checks the club's badge"
                                     : " checks the impostor's badge (for " + c.server_name + ")")
                   : "The bouncer checks " + c.client + "'s card";
  const std::size_t top = collect_checks(c, by, step, list);
  for (ChecklistCard& card : list.cards) {
    if (!card.certificate) {
      for (ChecklistItem& item : card.items) item.title = title_for(c, item);
      continue;
    }
    if (held_back(card)) {
      // Never shown, so never checked: the one item says why.
      list.note = by == Side::server ? c.client + " holds a card but showed none."
                                     : "The club holds a badge but showed none.";
      list.held_back =
          std::any_of(card.items.begin(), card.items.end(),
                      [](const ChecklistItem& i) { return i.state == CheckState::failed; });
    } else {
      // While the visit goes on, a check that will never run reads like one still to come:
      // "never checked" beside "not checked yet" would point at the check that fails first.
      const char* missing = step >= c.steps ? "never checked" : "not checked yet";
      for (const std::string& name : expected_checks(card.depth, top, by)) {
        const bool made = std::any_of(card.items.begin(), card.items.end(),
                                      [&](const ChecklistItem& i) { return i.check == name; });
        if (!made)
          card.items.push_back({name, "", CheckState::not_checked, npos, missing, "", false});
      }
    }
    for (ChecklistItem& item : card.items) item.title = title_for(c, item);
  }
  std::stable_sort(list.cards.begin(), list.cards.end(),
                   [](const ChecklistCard& a, const ChecklistCard& b) {
                     return a.certificate != b.certificate ? a.certificate : a.depth < b.depth;
                   });
  const auto certificates = static_cast<std::size_t>(std::count_if(
      list.cards.begin(), list.cards.end(), [](const ChecklistCard& k) { return k.certificate; }));
  for (std::size_t i = 0; i < certificates; ++i)
    list.cards[i].place = place_of(list.cards[i], i + 1 == certificates);
  if (certificates < list.cards.size())
    list.title = certificates == 0 && !sent_message(c, Side::server, "certificate_request")
                     ? "The bouncer checks " + c.client + "'s password"
                     : list.title + " and password";
  if (certificates == 0) list.note = empty_note(c, by, step);
  return list;
}

}  // namespace

std::vector<Checklist> checklists(const Connection& c, std::size_t step) {
  std::vector<Checklist> lists = {one_side(c, Side::client, step), one_side(c, Side::server, step)};
  std::optional<Side> refused;  // by the side whose fatal alert has happened by `step`
  for (const Event& e : c.events) {
    const auto* a = std::get_if<AlertEvent>(&e.body);
    if (a != nullptr && a->fatal && a->name != "close_notify" && e.step <= step) {
      refused = a->from;
      break;
    }
  }
  // Only the first refusal's alert goes out: mark the failed check that called for it.
  std::size_t sent = npos;
  for (const Event& e : c.events) {
    const auto* a = std::get_if<AlertEvent>(&e.body);
    if (a == nullptr || !a->fatal || a->name == "close_notify" || e.step > step) continue;
    for (std::size_t i = 0; i < c.events.size() && &c.events[i] != &e; ++i) {
      const auto* check = std::get_if<CheckEvent>(&c.events[i].body);
      if (check != nullptr && !check->passed && check->alert == a->name) {
        sent = i;
        break;
      }
    }
    break;
  }
  for (Checklist& list : lists)
    for (ChecklistCard& card : list.cards)
      for (ChecklistItem& item : card.items)
        item.sent = sent != npos && item.event == sent && item.state == CheckState::failed;
  if (refused ? *refused == Side::server : lists[1].latest_step > lists[0].latest_step)
    std::swap(lists[0], lists[1]);
  return lists;
}

const char* check_icon(CheckState state) {
  switch (state) {
    case CheckState::passed:
      return "✓";
    case CheckState::failed:
      return "✗";
    case CheckState::not_checked:
      return "?";
  }
  return "?";
}

}  // namespace tlsclub::gui
