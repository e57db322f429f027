#include "simulation/recorder.h"

#include <botan/tls_ciphersuite.h>
#include <botan/tls_messages.h>

#include "decode/handshake_decoder.h"
#include "simulation/recorded_names.h"
#include "timeline/protection.h"

namespace tlsclub {

namespace {

constexpr std::size_t kAeadOverhead13 = 16 + 1;  // tag + inner content type (RFC 8446 5.2)
constexpr std::size_t kAeadTag = 16;

// Which handshake messages each role ever builds; a second look at a received message (a TLS 1.3
// server that falls back to 1.2 inspects the ClientHello twice) is then never mistaken for a send.
bool role_sends(Side side, std::uint8_t type) {
  switch (static_cast<HandshakeType>(type)) {
    case HandshakeType::certificate:
    case HandshakeType::certificate_verify:
    case HandshakeType::finished:
    case HandshakeType::key_update:
      return true;
    case HandshakeType::client_hello:
    case HandshakeType::end_of_early_data:
    case HandshakeType::client_key_exchange:
      return side == Side::client;
    default:
      return side == Side::server;
  }
}

}  // namespace

Recorder::Recorder(Connection& connection, Wire& wire, const SimClock& clock)
    : connection_(connection), wire_(wire), clock_(clock) {}

Event& Recorder::append(EventBody body) {
  Event e;
  e.seq = connection_.events.size() + 1;
  e.step = step_;
  e.time = clock_.now();
  e.body = std::move(body);
  connection_.events.push_back(std::move(e));
  return connection_.events.back();
}

void Recorder::on_emit(Side from, ByteView bytes) {
  side(from).emitted.append(bytes);
}

void Recorder::on_handshake_message(Side observer, const Botan::TLS::Handshake_Message& msg) {
  const auto type = static_cast<std::uint8_t>(msg.wire_type());
  auto& me = side(observer);
  // The sender always sees a message before the receiver does (docs/botan-notes.md, "Seeing
  // the messages"): what this side was waiting for is a receipt, anything else it builds itself.
  if (!me.expected_incoming.empty() && me.expected_incoming.front() == type) {
    me.expected_incoming.pop_front();
    return;
  }
  if (!role_sends(observer, type)) return;

  if (const auto* hello = dynamic_cast<const Botan::TLS::Server_Hello_12*>(&msg)) {
    tls13_ = false;
    const auto suite = Botan::TLS::Ciphersuite::by_id(hello->ciphersuite());
    rsa_key_exchange_ = suite && suite->kex_method() == Botan::TLS::Kex_Algo::STATIC_RSA;
    if (rsa_key_exchange_) group_ = "none (RSA key transport)";
  }
  if (const auto* hello = dynamic_cast<const Botan::TLS::Server_Hello_13*>(&msg))
    cipher_suite_ = hello->ciphersuite();
  if (const auto* cv = dynamic_cast<const Botan::TLS::Certificate_Verify*>(&msg))
    peer_signature_scheme_[observer == Side::client ? 1 : 0] =
        signature_scheme_name(cv->signature_scheme().wire_code());

  const auto body = msg.serialize();
  Bytes bytes{type, static_cast<std::uint8_t>(body.size() >> 16),
              static_cast<std::uint8_t>(body.size() >> 8), static_cast<std::uint8_t>(body.size())};
  bytes.insert(bytes.end(), body.begin(), body.end());
  DecodeContext context{tls13_ ? TlsVersion::tls13 : TlsVersion::tls12, observer,
                        rsa_key_exchange_};
  MessageEvent event{observer, 0, "", decode_handshake_message(bytes, context)};
  const std::string name = event.message.name;
  // The negotiated group as the server announced it: its key_share (TLS 1.3) or the named curve
  // of its ServerKeyExchange (TLS 1.2), whose signature is the badge key's proof (RFC 8422 5.4).
  if (name == "server_hello" && !rsa_key_exchange_)
    group_ = first_value(event.message.fields, "group");
  if (name == "server_key_exchange") {
    group_ = first_value(event.message.fields, "named_group");
    peer_signature_scheme_[0] = first_value(event.message.fields, "signature_scheme");
  }
  append(std::move(event));
  me.outgoing.push_back({connection_.events.size() - 1, name, bytes.size()});
  side(peer_of(observer)).expected_incoming.push_back(type);
}

std::string Recorder::protection_for(Side from, std::uint8_t content_type) const {
  const auto& s = side(from);
  const std::string who(to_string(from));
  if (tls13_) {
    if (content_type != static_cast<std::uint8_t>(ContentType::application_data))
      return std::string(kPlaintext);
    return s.sent_finished ? who + "_application_traffic_secret_0"
                           : who + "_handshake_traffic_secret";
  }
  return s.sent_change_cipher_spec ? "tls12_" + who + "_write_key" : std::string(kPlaintext);
}

// Handshake messages fill records in order; a record's capacity tells how many it carries.
void Recorder::assign_messages(Side from, RecordEvent& record, std::size_t capacity) {
  auto& out = side(from).outgoing;
  while (!out.empty() && capacity > 0) {
    auto& m = out.front();
    if (m.consumed == 0) {
      auto& event = std::get<MessageEvent>(connection_.events[m.event_index].body);
      event.record_id = record.record_id;
      event.protection = record.protection;
    }
    record.messages.push_back(m.name);
    const std::size_t need = m.size - m.consumed;
    if (need > capacity) {  // continues in the next record
      m.consumed += capacity;
      break;
    }
    capacity -= need;
    if (m.name == "finished") side(from).sent_finished = true;
    out.pop_front();
  }
}

void Recorder::flush(Side from, const CallContext& context) {
  auto& me = side(from);
  const std::size_t alerts_before = alerts_;
  flush_records(from, me, context);
  if (context.sent_alert && alerts_ == alerts_before && me.sent_close_notify) {
    // Botan raised the alert but, its sending half closed, could not send it.
    record_alert(from, 2, *context.sent_alert, context.error, /*sent=*/false);
  }
  if (context.action == CallContext::Action::send_app_data)
    append(AppDataEvent{from, context.app_data});
}

void Recorder::flush_records(Side from, SideState& me, const CallContext& context) {
  while (auto bytes = me.emitted.next()) {
    const auto view = *peek_record(*bytes);
    RecordEvent r;
    r.from = from;
    r.record_id = ++records_;
    r.content_type = view.content_type;
    r.legacy_version = view.legacy_version;
    r.protection = protection_for(from, view.content_type);
    r.bytes = *bytes;
    const bool encrypted = is_encrypted(r.protection);
    const std::size_t length = view.fragment.size();
    switch (static_cast<ContentType>(view.content_type)) {
      case ContentType::change_cipher_spec:
        r.messages.push_back("change_cipher_spec");
        if (!tls13_) me.sent_change_cipher_spec = true;
        break;
      case ContentType::handshake:
        assign_messages(from, r, encrypted ? (length > kAeadTag ? length - kAeadTag : 0) : length);
        break;
      case ContentType::alert:
        r.messages.push_back("alert");
        if (encrypted)  // TLS 1.2 after ChangeCipherSpec: the type shows, the contents do not
          r.inner_type = view.content_type;
        else if (length >= 2)
          record_alert(from, view.fragment[0], view.fragment[1], context.error);
        break;
      case ContentType::application_data:
        if (tls13_ && !me.outgoing.empty()) {
          r.inner_type = static_cast<std::uint8_t>(ContentType::handshake);
          assign_messages(from, r, length > kAeadOverhead13 ? length - kAeadOverhead13 : 0);
        } else if (context.action == CallContext::Action::send_app_data) {
          r.inner_type = view.content_type;
          r.messages.push_back("application_data");
        } else {
          // An encrypted record that carries no handshake message and no data we sent: an alert.
          r.inner_type = static_cast<std::uint8_t>(ContentType::alert);
          r.messages.push_back("alert");
        }
        break;
      default:
        r.messages.push_back(content_type_name(view.content_type));
    }
    std::optional<OpenedRecord> opened = encrypted && tls13_ ? open(r) : std::nullopt;
    if (opened) {
      r.inner_type = opened->inner_type;  // what the record really carries
      r.plaintext = opened->content;
    }
    const bool encrypted_alert = r.inner_type == static_cast<std::uint8_t>(ContentType::alert);
    if (!tls13_) r.inner_type = 0;
    wire_.send({r.record_id, from, *bytes});
    sent_event_.push_back(connection_.events.size());
    append(std::move(r));
    if (encrypted_alert) {
      if (opened && opened->content.size() >= 2)
        record_alert(from, opened->content[0], opened->content[1], context.error);
      else if (context.sent_alert)  // not opened: the call that sent it says what it was
        record_alert(from, 2, *context.sent_alert, context.error);
      else
        record_alert(from, 1, 0, "");
    }
  }
}

std::optional<OpenedRecord> Recorder::open(const RecordEvent& record) {
  // Each record is protected with its sender's keys; after a tampered handshake the two sides'
  // keys differ, and only the sender's open what it sent.
  auto& sender = side(record.from);
  auto opener = sender.openers.find(record.protection);
  if (opener == sender.openers.end()) {
    const auto secret = sender.secrets.find(record.protection);
    if (secret == sender.secrets.end()) return std::nullopt;
    auto created = Tls13RecordOpener::create(cipher_suite_, secret->second);
    if (!created) return std::nullopt;
    opener = sender.openers.emplace(record.protection, std::move(*created)).first;
  }
  return opener->second.open(record.bytes, sender.sequence[record.protection]++);
}

void Recorder::record_alert(Side from, std::uint8_t level, std::uint8_t code, std::string reason,
                            bool sent) {
  ++alerts_;
  if (level == 1 && code == 0) side(from).sent_close_notify = true;
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

const RecordEvent& Recorder::sent_record(std::size_t record_id) const {
  return std::get<RecordEvent>(connection_.events.at(sent_event_.at(record_id - 1)).body);
}

void Recorder::record_delivered(const WireRecord& record) {
  // The delivered event repeats the sent one, in the receiver's time, with the bytes that
  // actually arrived.
  RecordEvent delivered = sent_record(record.id);
  delivered.phase = RecordEvent::Phase::delivered;
  if (delivered.bytes != record.bytes) {
    delivered.bytes = record.bytes;
    delivered.plaintext.reset();  // what the sender protected is not what arrives
  }
  append(std::move(delivered));
}

void Recorder::note_fault(const WireRecord& record, const WireFault& fault, std::string note) {
  std::string description = describe(fault);
  if (!note.empty()) description += " (" + note + ")";
  FaultEvent e{record.from, record.id, std::string(to_string(fault.action)),
               std::move(description)};
  e.number = fault.number;
  append(std::move(e));
}

void Recorder::note_fault_not_applied(const WireFault& fault, const std::string& why) {
  FaultEvent e;
  e.from = fault.from;
  e.action = std::string(to_string(fault.action));
  e.description =
      (fault.number > 0 ? "fault " + std::to_string(fault.number) : std::string("the change")) +
      " never applied (" + describe(fault) + "): " + why;
  e.applied = false;
  e.number = fault.number;
  append(std::move(e));
}

WireRecord Recorder::forge_record(Side as_if_from, Bytes bytes, std::string carried) {
  RecordEvent r;
  r.from = as_if_from;
  r.record_id = ++records_;
  const auto view = *peek_record(bytes);
  r.content_type = view.content_type;
  r.legacy_version = view.legacy_version;
  r.protection = kPlaintext;
  r.messages = {std::move(carried)};
  r.bytes = bytes;
  sent_event_.push_back(connection_.events.size());
  append(std::move(r));
  if (view.content_type == static_cast<std::uint8_t>(ContentType::alert) &&
      view.fragment.size() >= 2)
    record_alert(
        as_if_from, view.fragment[0], view.fragment[1],
        "forged on the wire: the " + std::string(to_string(as_if_from)) + " never sent it");
  return WireRecord{records_, as_if_from, std::move(bytes)};
}

void Recorder::on_app_data(Side receiver, ByteView) {
  side(receiver).app_data_received = true;
}

void Recorder::on_alert_received(Side receiver, const Botan::TLS::Alert& alert) {
  if (alert.type() == Botan::TLS::AlertType::CloseNotify)
    side(receiver).close_notify_received = true;
}

void Recorder::on_established(Side s, const Botan::TLS::Session_Summary& summary) {
  side(s).established = true;
  EstablishedEvent e;
  e.side = s;
  e.version = version_name(static_cast<std::uint16_t>((summary.version().major_version() << 8) |
                                                      summary.version().minor_version()));
  e.cipher_suite = cipher_suite_name(summary.ciphersuite_code());
  e.group = group_.empty() ? summary.kex_parameters().value_or("") : group_;
  e.signature_scheme = peer_signature_scheme_[s == Side::client ? 0 : 1];
  connection_.version = e.version;
  append(std::move(e));
}

// Both sides derive every secret: show it once, unless the two disagree (a tampered transcript).
// One side may also report the same secret twice: Botan's default KEM callbacks for an (EC)DHE
// group run the key agreement callback inside the encapsulation callback, and we hook both.
bool Recorder::remember_secret(Side s, const std::string& name, ByteView secret) {
  Bytes value(secret.begin(), secret.end());
  auto& own = side(s).secrets;
  if (const auto mine = own.find(name); mine != own.end() && mine->second == value) return false;
  const auto& other = side(peer_of(s)).secrets;
  const auto it = other.find(name);
  const bool news = it == other.end() || it->second != value;
  own[name] = std::move(value);
  return news;
}

void Recorder::on_secret(Side s, std::string_view label, ByteView client_random, ByteView secret) {
  const auto name = secret_name(label);
  if (!remember_secret(s, name, secret)) return;
  append(SecretEvent{s, name, std::string(label), Bytes(client_random.begin(), client_random.end()),
                     Bytes(secret.begin(), secret.end())});
}

void Recorder::on_shared_secret(Side s, ByteView secret) {
  if (!remember_secret(s, "shared_secret", secret)) return;
  append(SecretEvent{s, "shared_secret", "", {}, Bytes(secret.begin(), secret.end())});
}

void Recorder::on_checks(Side, const VerifyResult& result) {
  for (const auto& check : result.checks) append(check);
}

void Recorder::note_closed(Side s, std::string reason) {
  if (side(s).closed) return;
  side(s).closed = true;
  append(ClosedEvent{s, std::move(reason)});
}

}  // namespace tlsclub
