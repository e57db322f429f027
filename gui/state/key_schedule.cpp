#include "state/key_schedule.h"

#include <algorithm>

namespace tlsclub::gui {

namespace {

std::size_t depth_of(std::string_view name) {
  if (name == "shared_secret" || name == "premaster_secret" || name == "early_secret") return 0;
  if (name == "handshake_secret" || name == "master_secret" || name == "tls12_master_secret")
    return 1;
  if (name.find("handshake_traffic") != std::string_view::npos) return 1;
  return 2;  // application traffic, exporter, resumption: from the master secret
}

// The fields that carry a public key share (RFC 8446 4.2.8; RFC 8422 5.4 and 5.7 for TLS 1.2).
bool is_share(const Field& f) {
  return f.name == "key_exchange" || f.name == "public" || f.name == "ecdh_yc" ||
         f.name == "encrypted_pre_master_secret";
}

void find_shares(const std::vector<Field>& fields, const Field* parent, const MessageEvent& m,
                 std::size_t event, std::size_t step, std::vector<KeyShare>& out) {
  for (const Field& f : fields) {
    if (is_share(f)) {
      KeyShare share;
      share.from = m.from;
      share.event = event;
      share.message = m.message.name;
      // TLS 1.3 shares sit in a key_share entry that names the group; TLS 1.2's stand alone.
      share.group = parent != nullptr                         ? parent->value
                    : f.name == "encrypted_pre_master_secret" ? "premaster secret, RSA-encrypted"
                                                              : "ECDH public key";
      share.value = f.value;
      share.step = step;
      out.push_back(std::move(share));
    }
    find_shares(f.children, &f, m, event, step, out);
  }
}

}  // namespace

KeySchedule key_schedule(const Connection& c, std::size_t step) {
  KeySchedule ks;
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    const Event& e = c.events[i];
    if (e.step > step) break;  // events are in step order
    if (const auto* m = std::get_if<MessageEvent>(&e.body)) {
      find_shares(m->message.fields, nullptr, *m, i, e.step, ks.shares);
    } else if (const auto* s = std::get_if<SecretEvent>(&e.body)) {
      const std::string value = to_hex(s->secret);
      auto same = std::find_if(ks.secrets.begin(), ks.secrets.end(), [&](const SecretRow& r) {
        return r.name == s->name && r.value == value;
      });
      if (same != ks.secrets.end()) {  // both sides arrive at the same secret
        const std::string by(to_string(s->derived_by));
        if (same->derived_by.find(by) == std::string::npos) same->derived_by += " and " + by;
        continue;
      }
      SecretRow row;
      row.event = i;
      row.name = s->name;
      row.depth = depth_of(s->name);
      row.derived_by = std::string(to_string(s->derived_by));
      row.value = value;
      row.keylog_label = s->keylog_label;
      row.step = e.step;
      ks.secrets.push_back(std::move(row));
    } else if (const auto* r = std::get_if<RecordEvent>(&e.body)) {
      if (r->phase != RecordEvent::Phase::sent) continue;
      for (SecretRow& row : ks.secrets) {
        // TLS 1.2 write keys all come from the master secret (RFC 5246 6.3).
        const bool tls12 = r->protection.starts_with("tls12_") && row.name == "tls12_master_secret";
        if (row.name != r->protection && !tls12) continue;
        row.records.push_back(r->record_id);
        row.record_from.push_back(r->from);
      }
    }
  }
  return ks;
}

}  // namespace tlsclub::gui
