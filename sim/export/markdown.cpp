#include "export/markdown.h"

#include <map>
#include <set>
#include <sstream>

#include "core/overloaded.h"
#include "explain/catalogue.h"
#include "export/ladder.h"
#include "simulation/expectations.h"
#include "timeline/protection.h"

namespace tlsclub {

namespace {

// Markdown table cells hold one line and no pipes.
std::string cell(std::string s) {
  std::string out;
  for (const char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

// The catalogue key of what protects a record (as the Timeline's explain keys name it).

std::string side_name(Side s) {
  return std::string(to_string(s));
}

std::string arrow_text(const LadderArrow& a) {
  if (!a.delivered) return a.from == Side::client ? "client ──✕      " : "      ✕── server";
  return a.from == Side::client ? "client ──▶ server" : "client ◀── server";
}

std::string text_ladder(const Ladder& l) {
  std::ostringstream out;
  out << "```text\n" << l.client << " (client)  ↔  " << l.server_name << " (server)\n";
  for (const auto& row : l.rows)
    std::visit(Overloaded{[&](const LadderArrow& a) {
                            std::string step = std::to_string(a.step);
                            out << std::string(3 - std::min<std::size_t>(3, step.size()), ' ')
                                << step << "  " << arrow_text(a) << "  " << a.label << "  ["
                                << a.keys << "]\n";
                            for (const auto& f : a.faults) out << "     ⚡ " << f << "\n";
                          },
                          [&](const LadderNote& n) {
                            out << "     " << side_name(n.side) << ": " << n.text << "\n";
                          }},
               row);
  out << "=> " << l.outcome << "\n```\n";
  return out.str();
}

// Explanations once per connection; later mentions point back to the step that explained them.
class Explainer {
 public:
  explicit Explainer(std::ostream& out) : out_(out) {}
  void reset() { seen_.clear(); }

  void explain(const std::string& key, const std::string& heading, std::size_t step) {
    const Explanation* e = find_explanation(key);
    if (e == nullptr) {
      out_ << "- **" << heading << "**\n";
      return;
    }
    if (auto it = seen_.find(key); it != seen_.end()) {
      out_ << "- **" << heading << "** (" << e->rfc << ") — explained in step " << it->second
           << ".\n";
      return;
    }
    seen_.emplace(key, step);
    out_ << "- **" << heading << "** (" << e->rfc << ")\n"
         << "  - *Club:* " << e->club << "\n"
         << "  - *Engineer:* " << e->engineer << "\n";
  }

 private:
  std::ostream& out_;
  std::map<std::string, std::size_t> seen_;
};

class Handout {
 public:
  Handout(const ScenarioSpec& spec, const Timeline& t, const HandoutOptions& o)
      : spec_(spec), timeline_(t), options_(o), explainer_(out_) {}

  std::string write() {
    out_ << "# " << timeline_.title << "\n\n";
    if (!spec_.summary.empty()) out_ << spec_.summary << "\n\n";
    out_ << "*Lesson:* " << (spec_.lesson.empty() ? "-" : spec_.lesson) << " · *Level:* "
         << (spec_.level.empty() ? "-" : spec_.level) << " · TLS " << timeline_.tls_version
         << " · scenario clock " << format_time(timeline_.clock) << " · seed " << timeline_.seed
         << "\n\n";
    out_ << "Colours in the diagram: grey = plaintext, amber = handshake keys, green = "
            "application keys, red = alert.\n\n";
    if (!options_.svg_link.empty())
      out_ << "![Ladder diagram of " << timeline_.title << "](" << options_.svg_link << ")\n\n";
    for (const auto& c : timeline_.connections) connection(c);
    trainer_notes();
    questions();
    return out_.str();
  }

 private:
  void connection(const Connection& c) {
    explainer_.reset();
    const Ladder ladder = ladder_of(c);
    out_ << "## " << c.client << " at " << c.server_name << ": "
         << (c.outcome == Outcome::refused ? "refused"
             : c.impostor.empty()          ? "admitted"
                                           : "admitted by an impostor")
         << "\n\n";
    if (options_.svg_link.empty()) out_ << text_ladder(ladder) << "\n";
    std::map<std::size_t, std::vector<const LadderArrow*>> arrows;  // by step
    for (const auto& row : ladder.rows)
      if (const auto* a = std::get_if<LadderArrow>(&row)) arrows[a->step].push_back(a);
    std::size_t step = 0;
    for (const auto& e : c.events) {
      if (e.step != step) {
        step = e.step;
        step_heading(step, arrows[step]);
      }
      if (step > 0) event(e, step);
    }
    out_ << "\n";
    checks_table(c);
    outcome(c, ladder);
  }

  void step_heading(std::size_t step, const std::vector<const LadderArrow*>& arrows) {
    if (arrows.empty()) {
      out_ << "\n### Step " << step << "\n\n";
      return;
    }
    for (const LadderArrow* a : arrows) {
      out_ << "\n### Step " << step << " · " << side_name(a->from) << " → "
           << side_name(peer_of(a->from)) << " · " << a->label << "\n\n"
           << "*Protection:* " << a->keys << (a->delivered ? "" : " · dropped on the way")
           << "\n\n";
      explainer_.explain(std::string(explain_key(keys_of(a->protection))), "Protection: " + a->keys,
                         step);
      for (const auto& m : a->messages) {
        if (m == "alert" || m == "application_data") continue;  // their events explain them
        explainer_.explain("message." + m, message_title(m), step);
      }
    }
  }

  void event(const Event& e, std::size_t step) {
    std::visit(Overloaded{
                   [&](const CheckEvent& c) {
                     if (c.passed) return;
                     out_ << "- ✗ The " << side_name(c.by) << " checks **" << c.check << "** of "
                          << c.subject << ": " << c.reason
                          << (c.alert.empty() ? "" : " → alert `" + c.alert + "`") << "\n";
                     explainer_.explain("check." + c.check, "Check: " + c.check, step);
                   },
                   [&](const AlertEvent& a) {
                     out_ << "- The " << side_name(a.from)
                          << (a.sent ? " sends" : " raises (not sent)") << " alert `" << a.name
                          << "`" << (a.fatal ? " (fatal)" : "") << "\n";
                     explainer_.explain("alert." + a.name, "Alert: " + a.name, step);
                   },
                   [&](const FaultEvent& f) {
                     out_ << "- ⚡ **Attack on the wire:** " << f.description << "\n";
                     explainer_.explain("event.fault_applied", "Fault", step);
                   },
                   [&](const EstablishedEvent& s) {
                     out_ << "- ★ The " << side_name(s.side) << " is established: " << s.version
                          << ", " << s.cipher_suite << (s.group.empty() ? "" : ", group " + s.group)
                          << "\n";
                   },
                   [&](const AppDataEvent& a) {
                     out_ << "- The " << side_name(a.from) << " says: \""
                          << std::string(a.data.begin(), a.data.end()) << "\"\n";
                     explainer_.explain("event.app_data", "Application data", step);
                   },
                   [&](const ClosedEvent& c) {
                     out_ << "- The " << side_name(c.side) << " closes the connection (" << c.reason
                          << ").\n";
                   },
                   [](const auto&) {},
               },
               e.body);
  }

  void checks_table(const Connection& c) {
    std::size_t count = 0;
    std::ostringstream rows;
    for (const auto& e : c.events) {
      const auto* k = std::get_if<CheckEvent>(&e.body);
      if (k == nullptr) continue;
      ++count;
      rows << "| " << side_name(k->by) << " | " << cell(k->subject) << " | " << k->depth << " | "
           << k->check << " | " << (k->passed ? "✓" : "✗") << " | " << cell(k->reason) << " | "
           << (k->alert.empty() ? "" : "`" + k->alert + "`") << " |\n";
    }
    out_ << "### Certificate checks\n\n";
    if (count == 0) {
      out_ << "No certificate was checked.\n\n";
      return;
    }
    out_ << "| by | certificate | depth | check | result | reason | alert |\n"
         << "|---|---|---|---|---|---|---|\n"
         << rows.str() << "\n";
  }

  void outcome(const Connection& c, const Ladder& ladder) {
    out_ << "### Outcome\n\n**" << ladder.outcome << "**";
    const std::string failing = first_failing_check(c);
    if (!failing.empty()) out_ << " — the first check that failed: " << failing;
    out_ << "\n\n";
    const std::string key = c.outcome == Outcome::admitted ? "outcome.admitted" : "outcome.refused";
    if (const Explanation* e = find_explanation(key))
      out_ << "*Club:* " << e->club << " *Engineer:* " << e->engineer << " (" << e->rfc << ")\n\n";
    for (const auto& r : check_expectations(spec_, timeline_))
      if (r.member == c.client)
        out_ << "*Expected:* " << r.expected << " — "
             << (r.met ? "met" : "NOT met (got " + r.actual + ")") << "\n\n";
  }

  const Connection* connection_of(const std::string& member) const {
    for (const auto& c : timeline_.connections)
      if (member.empty() || c.client == member) return &c;
    return nullptr;
  }

  static std::string where(const StepAnchor& a) {
    return (a.member.empty() ? std::string() : a.member + ", ") + a.at;
  }

  void trainer_notes() {
    if (spec_.notes.empty()) return;
    out_ << "## Notes for the trainer\n\n";
    for (const auto& n : spec_.notes) out_ << "- *(" << where(n.anchor) << ")* " << n.text << "\n";
    out_ << "\n";
  }

  std::string answer(const PredictQuestion& q) const {
    if (q.kind == QuestionKind::choice) return q.answer;
    const Connection* c = connection_of(q.anchor.member);
    if (c == nullptr) return "";
    if (q.kind == QuestionKind::outcome) return std::string(to_string(c->outcome));
    if (q.kind == QuestionKind::alert) return c->alert.value_or("no alert");
    if (q.kind == QuestionKind::failing_check) {
      const std::string f = first_failing_check(*c);
      return f.empty() ? "none failed" : f;
    }
    return "";
  }

  void questions() {
    if (spec_.questions.empty()) return;
    out_ << "## Questions for the class\n\n";
    std::size_t n = 0;
    for (const auto& q : spec_.questions) {
      out_ << ++n << ". " << q.question << " *(" << where(q.anchor) << ")*";
      if (!q.choices.empty()) {
        std::string choices;
        for (const auto& c : q.choices) choices += (choices.empty() ? "" : " / ") + c;
        out_ << " — " << choices;
      }
      out_ << "\n   <details><summary>Answer</summary>" << answer(q) << "</details>\n";
    }
    out_ << "\n";
  }

  const ScenarioSpec& spec_;
  const Timeline& timeline_;
  const HandoutOptions& options_;
  std::ostringstream out_;
  Explainer explainer_;
};

}  // namespace

std::string markdown_handout(const ScenarioSpec& spec, const Timeline& timeline,
                             const HandoutOptions& options) {
  return Handout(spec, timeline, options).write();
}

}  // namespace tlsclub
