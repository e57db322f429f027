#include "timeline/record_book.h"

#include "decode/handshake_decoder.h"
#include "timeline/protection.h"

namespace tlsclub {

RecordBook::RecordBook(Connection& connection, const SimClock& clock, Keyring keyring)
    : connection_(connection), clock_(clock), keyring_(keyring) {}

Event& RecordBook::append(EventBody body) {
  Event e;
  e.seq = connection_.events.size() + 1;
  e.step = step_;
  e.time = clock_.now();
  e.body = std::move(body);
  connection_.events.push_back(std::move(e));
  return connection_.events.back();
}

RecordEvent RecordBook::next_record(Side from, const RecordView& view, ByteView bytes) {
  RecordEvent r;
  r.from = from;
  r.record_id = ++records_;
  r.content_type = view.content_type;
  r.legacy_version = view.legacy_version;
  r.protection = kPlaintext;
  r.bytes.assign(bytes.begin(), bytes.end());
  return r;
}

void RecordBook::note_change_cipher_spec(Side from) {
  if (!negotiated_.tls13) direction(from).change_cipher_spec = true;
}

void RecordBook::switch_to_application_keys(Side from) {
  direction(from).application_keys = true;
}

std::string RecordBook::protection_for(Side from, std::uint8_t content_type) const {
  const auto& d = direction(from);
  if (negotiated_.tls13) {
    // Every protected TLS 1.3 record shows as application_data (RFC 8446 5.2).
    if (content_type != code(ContentType::application_data)) return std::string(kPlaintext);
    return protection_name(d.application_keys ? Keys::application_traffic : Keys::handshake_traffic,
                           from);
  }
  return d.change_cipher_spec ? protection_name(Keys::tls12_session, from)
                              : std::string(kPlaintext);
}

bool RecordBook::learn_secret(Side derived_by, const std::string& name, ByteView value) {
  Bytes secret(value.begin(), value.end());
  auto& own = secrets_[ring(derived_by)];
  // Botan's default KEM callbacks may report the same shared secret twice on one side
  // (docs/botan-notes.md, "Seeing the messages").
  if (const auto mine = own.find(name); mine != own.end() && mine->second == secret) return false;
  // Both sides derive every secret: show it once, unless the two disagree. With one ring, the
  // "other side" is the same ring, whose value (if any) differs by now.
  const auto& other = secrets_[ring(peer_of(derived_by))];
  const auto theirs = other.find(name);
  const bool news = theirs == other.end() || theirs->second != secret;
  own[name] = std::move(secret);
  return news;
}

bool RecordBook::knows_secret(Side derived_by, const std::string& name) const {
  return secrets_[ring(derived_by)].count(name) == 1;
}

// The record opener for the key `protection` from the sender's ring, made on first use; null
// while that secret is unknown or the suite is not a TLS 1.3 AEAD suite.
const Tls13RecordOpener* RecordBook::opener(Side from, const std::string& protection) {
  const auto key = std::make_pair(ring(from), protection);
  if (const auto made = openers_.find(key); made != openers_.end()) return &made->second;
  const auto& secrets = secrets_[ring(from)];
  const auto secret = secrets.find(protection);
  if (secret == secrets.end()) return nullptr;
  auto created = Tls13RecordOpener::create(negotiated_.cipher_suite, secret->second);
  if (!created) return nullptr;
  return &openers_.emplace(key, std::move(*created)).first->second;
}

std::optional<OpenedRecord> RecordBook::open(Side from, ByteView record,
                                             const std::string& protection) {
  const auto* keys = opener(from, protection);
  if (keys == nullptr) return std::nullopt;
  return keys->open(record, sequence_[protection]++);
}

RecordBook::Opened RecordBook::open_next(Side from, ByteView record) {
  auto& d = direction(from);
  const std::string handshake = protection_name(Keys::handshake_traffic, from);
  const std::string application = protection_name(Keys::application_traffic, from);
  Opened result{d.application_keys ? application : handshake, std::nullopt};
  for (const std::string& name : {handshake, application}) {
    if (name == handshake && d.application_keys) continue;
    const auto* keys = opener(from, name);
    if (keys == nullptr) continue;
    // A record that does not open under this key did not use up one of its numbers.
    if (auto opened = keys->open(record, sequence_[name])) {
      ++sequence_[name];
      if (name == application) d.application_keys = true;
      return {name, std::move(opened)};
    }
  }
  return result;
}

void RecordBook::alert(Side from, std::uint8_t level, std::uint8_t code, std::string reason,
                       bool sent) {
  ++alerts_;
  if (level == 1 && code == 0) direction(from).sent_close_notify = true;
  AlertEvent a;
  a.sent = sent;
  a.from = from;
  a.fatal = level == 2;
  a.code = code;
  a.name = alert_name(code);
  a.reason = std::move(reason);
  if (a.fatal && !connection_.alert) {
    connection_.alert = a.name;
    connection_.refused_by = from;
  }
  append(std::move(a));
}

}  // namespace tlsclub
