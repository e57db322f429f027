#include "export/ladder.h"

#include <algorithm>
#include <map>
#include <optional>

#include "decode/handshake_decoder.h"
#include "explain/catalogue.h"
#include "timeline/outcome.h"
#include "wire/record.h"

namespace tlsclub {

namespace {

constexpr std::size_t kQuoteLength = 40;  // application data quoted in a label, at most

// What the Timeline says about each record beyond its bytes: the alert it carries and the data
// it says. An alert event sits next to its record's sent event (before it when the alert went out
// in plaintext, after it when encrypted); application data follows its record.
struct RecordExtras {
  std::map<std::size_t, std::string> alert;
  std::map<std::size_t, std::string> data;
};

RecordExtras extras_of(const Connection& c) {
  RecordExtras x;
  const auto& ev = c.events;
  for (std::size_t i = 0; i < ev.size(); ++i) {
    const auto* r = std::get_if<RecordEvent>(&ev[i].body);
    if (r == nullptr || r->phase != RecordEvent::Phase::sent) continue;
    const bool carries_alert =
        std::find(r->messages.begin(), r->messages.end(), "alert") != r->messages.end();
    for (const std::size_t j : {i + 1, i - 1}) {
      if (j >= ev.size()) continue;
      if (const auto* a = std::get_if<AlertEvent>(&ev[j].body);
          a && carries_alert && a->from == r->from && !x.alert.count(r->record_id))
        x.alert[r->record_id] = a->name;
      if (const auto* d = std::get_if<AppDataEvent>(&ev[j].body); d && j == i + 1)
        x.data[r->record_id] = std::string(d->data.begin(), d->data.end());
    }
  }
  return x;
}

std::string label_of(const RecordEvent& r, const RecordExtras& x) {
  std::string label;
  for (const auto& m : r.messages) {
    std::string part = message_title(m);
    if (m == "alert") {
      const auto it = x.alert.find(r.record_id);
      part = it != x.alert.end() ? "Alert: " + it->second : "Alert";
    } else if (m == "application_data") {
      part = "Application data";
      if (const auto it = x.data.find(r.record_id); it != x.data.end()) {
        std::string quote = it->second.substr(0, kQuoteLength);
        if (it->second.size() > kQuoteLength) quote += "…";
        part += " \"" + quote + "\"";
      }
    }
    label += (label.empty() ? "" : ", ") + part;
  }
  return label;
}

LadderArrow arrow_of(const RecordEvent& r, const RecordExtras& x, std::size_t step) {
  LadderArrow a;
  a.step = step;
  a.record_id = r.record_id;
  a.from = r.from;
  a.label = label_of(r, x);
  a.protection = r.protection;
  a.keys = keys_in_words(r.protection);
  a.paint =
      x.alert.count(r.record_id) > 0 ? Protection::alert : protection_of(keys_of(r.protection));
  a.messages = r.messages;
  return a;
}

// The password is its own step after the handshake: a note of its own, in the club's words.
LadderNote password_note(const Connection& c, const CheckEvent& k) {
  return {k.by,
          k.passed ? "✓ " + c.client + " knows the password" : "✗ wrong password: " + k.reason,
          !k.passed};
}

// One note per run of certificate checks by one side: all passed, or the first that failed.
class CheckSummary {
 public:
  bool other_side(Side by) const { return count_ > 0 && by != by_; }
  void add(const CheckEvent& c) {
    if (count_ == 0) {
      by_ = c.by;
      leaf_ = c.subject;
    }
    ++count_;
    if (!c.passed && !failed_) failed_ = c;
  }
  void flush_into(std::vector<LadderRow>* rows) {
    if (count_ > 0 && rows != nullptr) {
      LadderNote n{by_, "", failed_.has_value()};
      if (failed_)
        n.text = "✗ " + failed_->check + " of " + failed_->subject + ": " + failed_->reason +
                 (failed_->alert.empty() ? "" : " → " + failed_->alert);
      else
        n.text = "✓ " + std::to_string(count_) +
                 (count_ == 1 ? " certificate check passed (" : " certificate checks passed (") +
                 leaf_ + (count_ == 1 ? ")" : " and its chain)");
      rows->push_back(std::move(n));
    }
    count_ = 0;
    failed_.reset();
  }

 private:
  Side by_ = Side::client;
  std::string leaf_;
  std::size_t count_ = 0;
  std::optional<CheckEvent> failed_;
};

}  // namespace

std::string_view css_class(Protection p) {
  switch (p) {
    case Protection::plaintext:
      return "plaintext";
    case Protection::handshake_keys:
      return "handshake-keys";
    case Protection::application_keys:
      return "application-keys";
    case Protection::alert:
      return "alert";
  }
  return "plaintext";
}

std::string message_title(const std::string& name) {
  if (const Explanation* e = find_explanation("message." + name)) return std::string(e->title);
  return name;
}

Ladder ladder_of(const Connection& c) {
  Ladder l{c.client, c.server_name, {}, c.outcome == Outcome::admitted, outcome_sentence(c)};
  const RecordExtras extras = extras_of(c);
  std::map<std::size_t, const RecordEvent*> sent;
  std::vector<std::string> pending_faults;  // noted before the delivery they are about
  CheckSummary checks;
  for (const auto& e : c.events) {
    if (const auto* check = std::get_if<CheckEvent>(&e.body)) {
      if (!is_certificate_check(check->check)) {
        checks.flush_into(&l.rows);
        l.rows.push_back(password_note(c, *check));
        continue;
      }
      if (checks.other_side(check->by)) checks.flush_into(&l.rows);
      checks.add(*check);
      continue;
    }
    checks.flush_into(&l.rows);
    if (const auto* r = std::get_if<RecordEvent>(&e.body)) {
      if (r->phase == RecordEvent::Phase::sent) {
        sent[r->record_id] = r;
        continue;
      }
      LadderArrow a = arrow_of(*r, extras, e.step);
      a.faults = std::move(pending_faults);
      pending_faults.clear();
      l.rows.push_back(std::move(a));
    } else if (const auto* f = std::get_if<FaultEvent>(&e.body)) {
      if (f->action == "drop" && sent.count(f->record_id)) {
        LadderArrow a = arrow_of(*sent[f->record_id], extras, e.step);
        a.delivered = false;
        a.faults = {f->description};
        l.rows.push_back(std::move(a));
      } else {
        pending_faults.push_back(f->description);
      }
    } else if (const auto* s = std::get_if<EstablishedEvent>(&e.body)) {
      l.rows.push_back(
          LadderNote{s->side, "★ established: " + s->version + ", " + s->cipher_suite, false});
    }
  }
  checks.flush_into(&l.rows);
  return l;
}

}  // namespace tlsclub
