#include "state/key_schedule.h"

#include <algorithm>

#include "timeline/protection.h"

namespace tlsclub::gui {

namespace {

std::size_t depth_of(std::string_view name) {
  if (name == "shared_secret" || name == "premaster_secret" || name == "early_secret") return 0;
  if (name == "handshake_secret" || name == "master_secret" || name == "tls12_master_secret")
    return 1;
  if (sealing_keys(name) == Keys::handshake_traffic) return 1;
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
      // A hybrid share is two values in one, and the two sides' halves are not alike: the club
      // answers the member's encapsulation key with a ciphertext (draft-ietf-tls-ecdhe-mlkem
      // 3.1.1, 3.1.2; X25519MLKEM768 puts ML-KEM first).
      if (share.group.starts_with("X25519MLKEM768"))
        share.group += m.from == Side::client ? ": ML-KEM-768 encapsulation key + X25519 public key"
                                              : ": ML-KEM-768 ciphertext + X25519 public key";
      share.value = f.value;
      share.step = step;
      out.push_back(std::move(share));
    }
    find_shares(f.children, &f, m, event, step, out);
  }
}

const Field* find_field(const std::vector<Field>& fields, std::string_view name) {
  for (const Field& f : fields) {
    if (f.name == name) return &f;
    if (const Field* inner = find_field(f.children, name)) return inner;
  }
  return nullptr;
}

// "x25519" of "x25519 (32 bytes)" or "x25519 (0x001d)".
std::string first_word(const Field* f) {
  return f == nullptr ? std::string() : f->value.substr(0, f->value.find(' '));
}

KeyExchangeKind kind_of_group(std::string_view group) {
  if (group.find("MLKEM") != std::string_view::npos) return KeyExchangeKind::hybrid_kem;
  if (group.starts_with("ffdhe")) return KeyExchangeKind::dhe;
  return KeyExchangeKind::ecdhe;  // TLS 1.3 without a PSK always has an (EC)DHE or hybrid share
}

// TLS 1.2 names the key exchange in the suite: TLS_RSA_WITH_... is RSA key transport.
KeyExchangeKind kind_of_suite(std::string_view suite) {
  if (suite.starts_with("TLS_RSA_")) return KeyExchangeKind::rsa_transport;
  if (suite.find("_ECDHE_") != std::string_view::npos) return KeyExchangeKind::ecdhe;
  if (suite.find("_DHE_") != std::string_view::npos) return KeyExchangeKind::dhe;
  return KeyExchangeKind::not_yet;  // PSK or static DH suites: no policy here offers them
}

}  // namespace

KeyRoles key_roles(const Connection& c, std::size_t step) {
  KeyRoles roles;
  roles.over = step >= c.steps;
  const MessageEvent* hello = nullptr;
  std::string_view after_hello;  // the club's next message after its ServerHello
  for (const Event& e : c.events) {
    if (e.step > step) break;  // events are in step order
    const auto* m = std::get_if<MessageEvent>(&e.body);
    if (m == nullptr) continue;
    const std::string& name = m->message.name;
    if (m->from == Side::client) {
      roles.card_signed = roles.card_signed || name == "certificate_verify";
    } else if (name == "server_hello") {
      hello = m;
      after_hello = {};
    } else if (hello != nullptr && after_hello.empty()) {
      after_hello = name;
    }
    if (m->from == Side::server && name == "server_key_exchange")
      roles.group = first_word(find_field(m->message.fields, "named_group"));
  }
  if (hello == nullptr) return roles;
  const std::vector<Field>& fields = hello->message.fields;
  const Field* version = find_field(fields, "selected_version");
  roles.tls12 = version == nullptr || version->value.find("TLS 1.3") == std::string::npos;
  if (!roles.tls12) {
    roles.group = first_word(find_field(fields, "key_share_entry"));
    roles.kind = find_field(fields, "pre_shared_key") != nullptr ? KeyExchangeKind::resumed
                                                                 : kind_of_group(roles.group);
    return roles;
  }
  // The abbreviated handshake: ServerHello, then straight to (NewSessionTicket,) ChangeCipherSpec
  // and Finished, with no Certificate and no key exchange (RFC 5246 7.3; RFC 5077 3.1).
  if (after_hello == "finished" || after_hello == "new_session_ticket") {
    roles.kind = KeyExchangeKind::resumed;
    roles.group.clear();
    return roles;
  }
  const Field* suite = find_field(fields, "cipher_suite");
  roles.kind = kind_of_suite(suite != nullptr ? std::string_view(suite->value) : "");
  return roles;
}

KeyExchangeKind key_exchange_of(const Connection& c, std::size_t step) {
  return key_roles(c, step).kind;
}

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
        const bool tls12 =
            keys_of(r->protection) == Keys::tls12_session && row.name == "tls12_master_secret";
        if (row.name != r->protection && !tls12) continue;
        row.records.push_back(r->record_id);
        row.record_from.push_back(r->from);
      }
    }
  }
  return ks;
}

}  // namespace tlsclub::gui
