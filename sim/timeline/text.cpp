#include "timeline/text.h"

#include <set>

#include "core/overloaded.h"
#include "explain/catalogue.h"
#include "timeline/outcome.h"
#include "timeline/protection.h"

namespace tlsclub {

namespace {

class Writer {
 public:
  Writer(std::ostream& out, const TextOptions& o) : out_(out), o_(o) {}

  std::string paint(std::string_view code, std::string_view text) const {
    if (!o_.color) return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
  }

  // Club and engineer sentences, once per key per connection: the second ClientHello of a
  // lesson does not need its story again.
  void explain(const std::string& key, std::string_view indent) {
    if (!o_.explanations || !explained_.insert(key).second) return;
    const Explanation* e = find_explanation(key);
    if (e == nullptr) return;
    out_ << indent << paint("36", "club:     ") << e->club << "\n";
    out_ << indent << paint("36", "engineer: ") << e->engineer << " [" << e->rfc << "]\n";
  }

  void fields(const std::vector<Field>& fs, int depth) {
    for (const auto& f : fs) {
      if (depth == 0 && f.name == "header") continue;
      out_ << std::string(static_cast<std::size_t>(6 + 2 * depth), ' ') << f.name;
      if (!f.value.empty()) out_ << ": " << f.value;
      out_ << "  [" << f.offset << ".." << f.offset + f.length << ")\n";
      if (depth < 2) fields(f.children, depth + 1);
    }
  }

  std::string protection(const std::string& p) const {
    switch (keys_of(p)) {
      case Keys::plaintext:
        return paint("37", "plaintext");
      case Keys::handshake_traffic:
        return paint("33", "encrypted with " + p);
      default:
        return paint("32", "encrypted with " + p);
    }
  }

  void event(const Event& e) {
    std::visit(
        Overloaded{
            [&](const RecordEvent& r) {
              const bool sent = r.phase == RecordEvent::Phase::sent;
              std::string what;
              for (const auto& m : r.messages) what += (what.empty() ? "" : ", ") + m;
              out_ << "  " << (sent ? "→ " : "  ") << to_string(r.from) << (sent ? " sends" : "'s")
                   << " record #" << r.record_id
                   << (sent ? "" : " delivered to " + std::string(to_string(peer_of(r.from))))
                   << ": " << r.bytes.size() - 5 << " bytes, " << protection(r.protection) << " ["
                   << what << "]\n";
            },
            [&](const MessageEvent& m) {
              out_ << "  "
                   << paint("1", std::string(to_string(m.from)) + " builds " + m.message.name)
                   << " (" << m.message.bytes.size() << " bytes)\n";
              explain("message." + m.message.name, "      ");
              if (o_.fields) fields(m.message.fields, 0);
              if (!m.message.error.empty())
                out_ << "      decode error: " << m.message.error << "\n";
            },
            [&](const SecretEvent& s) {
              out_ << "  " << paint("35", "secret ") << s.name << " derived (" << s.secret.size()
                   << " bytes: " << to_hex(s.secret).substr(0, 16) << "…)"
                   << (s.keylog_label.empty() ? "" : " key log " + s.keylog_label) << "\n";
              explain("secret." + s.name, "      ");
            },
            [&](const CheckEvent& c) {
              out_ << "  " << (c.passed ? paint("32", "✓") : paint("31", "✗")) << " "
                   << to_string(c.by) << " checks " << c.subject << ": " << c.check << " — "
                   << c.reason;
              if (!c.passed)
                out_ << paint("31",
                              (c.alert.empty() ? " (" : " → " + c.alert + " (") + c.status + ")");
              out_ << "\n";
              if (!c.passed) explain("check." + c.check, "      ");
            },
            [&](const AlertEvent& a) {
              out_ << "  " << paint("31", "alert " + a.name)
                   << (a.sent ? " sent by " : " raised (not sent: already closed for sending) by ")
                   << to_string(a.from) << (a.fatal ? " (fatal)" : "")
                   << (a.reason.empty() ? "" : ": " + a.reason) << "\n";
              explain("alert." + a.name, "      ");
            },
            [&](const EstablishedEvent& s) {
              out_ << "  " << paint("32", "★ " + std::string(to_string(s.side)) + " established")
                   << ": " << s.version << ", " << s.cipher_suite << ", group " << s.group
                   << (s.signature_scheme.empty() ? "" : ", peer signed with " + s.signature_scheme)
                   << "\n";
            },
            [&](const AppDataEvent& a) {
              out_ << "  " << to_string(a.from) << " says: \""
                   << std::string(a.data.begin(), a.data.end()) << "\"\n";
            },
            [&](const FaultEvent& f) {
              if (!f.applied) {
                out_ << "  " << paint("33;1", "⚠ " + f.description) << "\n";
                explain("event.fault_not_applied", "      ");
                return;
              }
              out_ << "  " << paint("31;1", "⚡ attack on the wire: " + f.description) << "\n";
              explain("event.fault_applied", "      ");
            },
            [&](const ClosedEvent& c) {
              out_ << "  " << to_string(c.side) << " closed the connection (" << c.reason << ")\n";
            },
        },
        e.body);
  }

  void connection(const Connection& c) {
    explained_.clear();
    out_ << "\n" << paint("1", "── " + c.client + " knocks at " + c.server_name + " ──") << "\n";
    if (!c.impostor.empty())
      out_ << paint("35", "⚠ A man in the middle answers in the club's place: " + other_end(c) +
                              ", with a badge from " + c.impostor)
           << "\n";
    std::size_t step = static_cast<std::size_t>(-1);
    for (const auto& e : c.events) {
      if (e.step != step) {
        step = e.step;
        out_ << paint("2", "step " + std::to_string(step)) << "\n";
      }
      event(e);
    }
    out_ << "\n";
    const bool real_club = c.outcome == Outcome::admitted && c.impostor.empty();
    out_ << paint(real_club ? "32" : "31", "Outcome: " + outcome_sentence(c)) << "\n";
  }

 private:
  std::ostream& out_;
  const TextOptions& o_;
  std::set<std::string> explained_;
};

}  // namespace

void write_text(std::ostream& out, const Timeline& t, const TextOptions& options) {
  Writer w(out, options);
  out << w.paint("1", "TLS Club — " + t.title) << "\n"
      << "seed " << t.seed << " · TLS " << t.tls_version << " · clock " << format_time(t.clock)
      << "\n";
  for (const auto& c : t.connections) w.connection(c);
}

}  // namespace tlsclub
