#include "state/narration.h"

#include <algorithm>

#include "state/anchors.h"
#include "state/names.h"
#include "timeline/outcome.h"
#include "timeline/protection.h"

namespace tlsclub::gui {

namespace {

std::string who(const Connection& c, Side side) {
  return side == Side::client ? c.client : other_end(c);
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// What a step is about, most important first.
enum Rank : int {
  kFailure = 0,
  kAttack = 1,
  kArrival = 2,
  kEstablished = 3,
  kMessage = 4,
  kOther = 5
};

// The alert a sent alert record carries: the next alert its sender raised (the recorder notes the
// record, then the alert).
const AlertEvent* alert_in(const Connection& c, const RecordEvent& delivered) {
  bool after_sent = false;
  for (const Event& e : c.events) {
    if (const auto* r = std::get_if<RecordEvent>(&e.body)) {
      if (r->phase == RecordEvent::Phase::sent && r->record_id == delivered.record_id)
        after_sent = true;
    } else if (const auto* a = std::get_if<AlertEvent>(&e.body)) {
      if (after_sent && a->from == delivered.from && a->sent) return a;
    }
  }
  return nullptr;
}

// A record arrives: one story for the record (what protects it), one per message inside.
void arrival(Narration& n, const Connection& c, const RecordEvent& r, std::size_t event) {
  const std::string from = r.from == Side::client ? c.client + "'s"
                           : c.impostor.empty()   ? "The club's"
                                                  : "The impostor's";
  const bool single = r.messages.size() == 1;
  std::string what;
  for (const auto& m : r.messages)
    what += (what.empty() ? "" : " · ") + std::string(message_title(m));
  const std::string sealed = !is_encrypted(r.protection)
                                 ? "in plaintext"
                                 : "sealed with " + title_of(explain_key(keys_of(r.protection)));
  if (single && r.messages.front() == "alert") {
    // Which alert: the one its sender raised when it sent this record.
    if (const AlertEvent* a = alert_in(c, r)) {
      n.stories.push_back({from + " alert " + a->name + " arrives", "alert." + a->name,
                           a->name == "close_notify" ? Tone::info : Tone::bad, event,
                           "record #" + std::to_string(r.record_id) + ", " + sealed, kArrival});
      return;
    }
  }
  if (single) {
    const std::string& m = r.messages.front();
    const bool record_level = m == "alert" || m == "application_data" || m == "change_cipher_spec";
    n.stories.push_back({from + " " + what + " arrives",
                         (record_level ? "record." : "message.") + m, Tone::info, event,
                         "record #" + std::to_string(r.record_id) + ", " + sealed, kArrival});
    return;
  }
  n.stories.push_back({from + " record #" + std::to_string(r.record_id) + " arrives, " + sealed,
                       std::string(explain_key(keys_of(r.protection))), Tone::info, event, what,
                       kArrival});
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    const auto* m = std::get_if<MessageEvent>(&c.events[i].body);
    if (m == nullptr || m->record_id != r.record_id || m->from != r.from) continue;
    n.stories.push_back({"inside: " + std::string(message_title(m->message.name)),
                         "message." + m->message.name, Tone::info, i, "", kArrival});
  }
}

// A failed certificate check, or the password (asked after the handshake: the member, not a card,
// answers it).
Story check_story(const Connection& c, const CheckEvent& k, std::size_t event) {
  const std::string key = "check." + k.check;
  if (!is_certificate_check(k.check)) {
    if (k.passed)
      return {"✓ " + c.client + " knows the password", key, Tone::good, event, "", kEstablished};
    return {"✗ The bouncer refuses " + c.client + ": wrong password",
            key,
            Tone::bad,
            event,
            k.reason,
            kFailure};
  }
  const std::string who = k.by == Side::server ? "The bouncer refuses " + c.client + "'s card"
                                               : c.client + " refuses " + other_end(c) + "'s badge";
  return {"✗ " + who + ": it fails \"" + check_title(k) + "\"",
          key,
          Tone::bad,
          event,
          common_name(k.subject) + ": " + k.reason + (k.alert.empty() ? "" : " → alert " + k.alert),
          kFailure};
}

// The stories of one step of a visit, told event by event; the certificate checks that pass are
// told last, as one count.
class StepStories {
 public:
  StepStories(Narration& n, const Connection& c) : n_(n), c_(c) {}

  void tell(std::size_t event, const Event& e) {
    event_ = event;
    std::visit([&](const auto& body) { tell(body); }, e.body);
  }

  void tell_passed_checks() {
    if (passed_ == 0) return;
    const auto& k = std::get<CheckEvent>(c_.events[first_passed_].body);
    n_.stories.push_back(
        {"✓ " + std::to_string(passed_) +
             (passed_ == 1 ? " certificate check passes (" : " certificate checks pass (") +
             std::string(k.by == Side::server ? "the bouncer" : c_.client) + ")",
         "check." + k.check, Tone::good, first_passed_, "", kEstablished});
  }

 private:
  void add(std::string headline, std::string key, Tone tone, int rank, std::string detail = {}) {
    n_.stories.push_back(
        {std::move(headline), std::move(key), tone, event_, std::move(detail), rank});
  }

  std::string who_capitalised(Side side) const { return capitalised(who(c_, side)); }

  void tell(const RecordEvent& r) {
    if (r.phase == RecordEvent::Phase::delivered) arrival(n_, c_, r, event_);
  }

  void tell(const MessageEvent& m) {
    add(who_capitalised(m.from) + " builds " + std::string(message_title(m.message.name)),
        "message." + m.message.name, Tone::info, kMessage);
  }

  void tell(const SecretEvent& s) {
    if (std::any_of(n_.stories.begin(), n_.stories.end(),
                    [&](const Story& t) { return t.explain_key == "secret." + s.name; }))
      return;  // both sides derive it: tell it once
    add(capitalised(title_of("secret." + s.name)) + " derived", "secret." + s.name, Tone::info,
        kOther);
  }

  void tell(const CheckEvent& k) {
    if (is_certificate_check(k.check) && k.passed) {
      ++passed_;
      if (first_passed_ == npos) first_passed_ = event_;
      return;
    }
    n_.stories.push_back(check_story(c_, k, event_));
  }

  void tell(const AlertEvent& a) {
    const bool goodbye = a.name == "close_notify";
    add(who_capitalised(a.from) + (a.sent ? " sends" : " raises") + " alert " + a.name +
            (a.fatal ? " (fatal)" : ""),
        "alert." + a.name, goodbye ? Tone::info : Tone::bad, goodbye ? kOther : kFailure, a.reason);
  }

  void tell(const EstablishedEvent& est) {
    add("★ " + who_capitalised(est.side) + " has finished the handshake: " + est.version + ", " +
            est.cipher_suite,
        "event.established", Tone::good, kEstablished);
  }

  void tell(const AppDataEvent& d) {
    add(who_capitalised(d.from) + " says \"" + std::string(d.data.begin(), d.data.end()) + "\"",
        "event.app_data", Tone::info, kArrival);
  }

  void tell(const FaultEvent& f) {
    if (!f.applied)
      add("⚠ " + capitalised(f.description), "event.fault_not_applied", Tone::info, kOther);
    else
      add("⚠ Someone on the wire: " + f.description, "event.fault_applied", Tone::attack, kAttack);
  }

  void tell(const ClosedEvent& cl) {
    add(who_capitalised(cl.side) + " closes the connection (" + cl.reason + ")", "event.closed",
        Tone::info, kOther);
  }

  Narration& n_;
  const Connection& c_;
  std::size_t event_ = 0;  // the event being told
  std::size_t passed_ = 0;
  std::size_t first_passed_ = npos;
};

// The trainer's notes anchored at `position`.
void add_notes(Narration& n, const ScenarioSpec& spec, const Timeline& timeline,
               const StepIndex& steps, std::size_t position) {
  for (const NarrationNote& note : spec.notes) {
    const auto p = resolve_anchor(note.anchor, timeline, steps);
    if (p && *p == position) n.notes.push_back(note.text);
  }
}

}  // namespace

Narration narrate(const Timeline& timeline, const StepIndex& steps, std::size_t position,
                  const ScenarioSpec* spec) {
  Narration n;
  if (steps.size() == 0) return n;
  const Position at = steps.at(position);
  const Connection& c = timeline.connections[at.connection];
  StepStories stories(n, c);
  for (std::size_t i = 0; i < c.events.size(); ++i)
    if (c.events[i].step == at.step) stories.tell(i, c.events[i]);
  stories.tell_passed_checks();
  std::stable_sort(n.stories.begin(), n.stories.end(),
                   [](const Story& a, const Story& b) { return a.rank < b.rank; });
  if (spec != nullptr) add_notes(n, *spec, timeline, steps, position);
  return n;
}

}  // namespace tlsclub::gui
