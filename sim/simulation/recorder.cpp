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
    : book_(connection, clock, Keyring::each_side), wire_(wire) {}

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

  auto& negotiated = book_.negotiated();
  if (const auto* hello = dynamic_cast<const Botan::TLS::Server_Hello_12*>(&msg)) {
    negotiated.tls13 = false;
    const auto suite = Botan::TLS::Ciphersuite::by_id(hello->ciphersuite());
    rsa_key_exchange_ = suite && suite->kex_method() == Botan::TLS::Kex_Algo::STATIC_RSA;
    if (rsa_key_exchange_) negotiated.group = "none (RSA key transport)";
  }
  if (const auto* hello = dynamic_cast<const Botan::TLS::Server_Hello_13*>(&msg))
    negotiated.cipher_suite = hello->ciphersuite();
  if (const auto* cv = dynamic_cast<const Botan::TLS::Certificate_Verify*>(&msg))
    peer_signature_scheme_[observer == Side::client ? 1 : 0] =
        signature_scheme_name(cv->signature_scheme().wire_code());

  const auto body = msg.serialize();
  Bytes bytes{type, static_cast<std::uint8_t>(body.size() >> 16),
              static_cast<std::uint8_t>(body.size() >> 8), static_cast<std::uint8_t>(body.size())};
  bytes.insert(bytes.end(), body.begin(), body.end());
  DecodeContext context{negotiated.tls13 ? TlsVersion::tls13 : TlsVersion::tls12, observer,
                        rsa_key_exchange_};
  MessageEvent event{observer, 0, "", decode_handshake_message(bytes, context)};
  const std::string name = event.message.name;
  // The negotiated group as the server announced it: its key_share (TLS 1.3) or the named curve
  // of its ServerKeyExchange (TLS 1.2), whose signature is the badge key's proof (RFC 8422 5.4).
  if (name == "server_hello" && !rsa_key_exchange_)
    negotiated.group = first_value(event.message.fields, "group");
  if (name == "server_key_exchange") {
    negotiated.group = first_value(event.message.fields, "named_group");
    peer_signature_scheme_[0] = first_value(event.message.fields, "signature_scheme");
  }
  book_.append(std::move(event));
  me.outgoing.push_back({book_.connection().events.size() - 1, name, bytes.size()});
  side(peer_of(observer)).expected_incoming.push_back(type);
}

// Handshake messages fill records in order; a record's capacity tells how many it carries.
void Recorder::assign_messages(Side from, RecordEvent& record, std::size_t capacity) {
  auto& out = side(from).outgoing;
  while (!out.empty() && capacity > 0) {
    auto& m = out.front();
    if (m.consumed == 0) {
      auto& event = std::get<MessageEvent>(book_.connection().events[m.event_index].body);
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
    // TLS 1.3: the sender's records after its Finished use the application keys.
    if (m.name == "finished") book_.switch_to_application_keys(from);
    out.pop_front();
  }
}

void Recorder::flush(Side from, const CallContext& context) {
  auto& me = side(from);
  const std::size_t alerts_before = book_.alerts();
  flush_records(from, me, context);
  if (context.sent_alert && book_.alerts() == alerts_before && book_.sent_close_notify(from)) {
    // Botan raised the alert but, its sending half closed, could not send it.
    book_.alert(from, 2, *context.sent_alert, context.error, /*sent=*/false);
  }
  if (context.action == CallContext::Action::send_app_data)
    book_.append(AppDataEvent{from, context.app_data});
}

void Recorder::flush_records(Side from, SideState& me, const CallContext& context) {
  while (auto bytes = me.emitted.next()) {
    const auto view = *peek_record(*bytes);
    RecordEvent r = book_.next_record(from, view, *bytes);
    r.protection = book_.protection_for(from, view.content_type);
    const bool tls13 = book_.negotiated().tls13;
    const bool encrypted = is_encrypted(r.protection);
    const std::size_t length = view.fragment.size();
    switch (static_cast<ContentType>(view.content_type)) {
      case ContentType::change_cipher_spec:
        r.messages.push_back("change_cipher_spec");
        book_.note_change_cipher_spec(from);
        break;
      case ContentType::handshake:
        assign_messages(from, r, encrypted ? (length > kAeadTag ? length - kAeadTag : 0) : length);
        break;
      case ContentType::alert:
        r.messages.push_back("alert");
        if (encrypted)  // TLS 1.2 after ChangeCipherSpec: the type shows, the contents do not
          r.inner_type = view.content_type;
        else if (length >= 2)
          book_.alert(from, view.fragment[0], view.fragment[1], context.error);
        break;
      case ContentType::application_data:
        if (tls13 && !me.outgoing.empty()) {
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
    // The sender's own keys open what it sent: after a tampered handshake the two sides' keys
    // differ.
    std::optional<OpenedRecord> opened =
        encrypted && tls13 ? book_.open(from, r.bytes, r.protection) : std::nullopt;
    if (opened) {
      r.inner_type = opened->inner_type;  // what the record really carries
      r.plaintext = opened->content;
    }
    const bool encrypted_alert = r.inner_type == static_cast<std::uint8_t>(ContentType::alert);
    if (!tls13) r.inner_type = 0;
    wire_.send({r.record_id, from, *bytes});
    sent_event_.push_back(book_.connection().events.size());
    book_.append(std::move(r));
    if (encrypted_alert) {
      if (opened && opened->content.size() >= 2)
        book_.alert(from, opened->content[0], opened->content[1], context.error);
      else if (context.sent_alert)  // not opened: the call that sent it says what it was
        book_.alert(from, 2, *context.sent_alert, context.error);
      else
        book_.alert(from, 1, 0, "");
    }
  }
}

const RecordEvent& Recorder::sent_record(std::size_t record_id) const {
  return std::get<RecordEvent>(book_.connection().events.at(sent_event_.at(record_id - 1)).body);
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
  book_.append(std::move(delivered));
}

void Recorder::note_fault(const WireRecord& record, const WireFault& fault, std::string note) {
  std::string description = describe(fault);
  if (!note.empty()) description += " (" + note + ")";
  FaultEvent e{record.from, record.id, std::string(to_string(fault.action)),
               std::move(description)};
  e.number = fault.number;
  book_.append(std::move(e));
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
  book_.append(std::move(e));
}

WireRecord Recorder::forge_record(Side as_if_from, Bytes bytes, std::string carried) {
  const auto view = *peek_record(bytes);
  RecordEvent r = book_.next_record(as_if_from, view, bytes);  // plaintext: nobody sealed it
  r.messages = {std::move(carried)};
  sent_event_.push_back(book_.connection().events.size());
  book_.append(std::move(r));
  if (view.content_type == static_cast<std::uint8_t>(ContentType::alert) &&
      view.fragment.size() >= 2)
    book_.alert(as_if_from, view.fragment[0], view.fragment[1],
                "forged on the wire: the " + std::string(to_string(as_if_from)) + " never sent it");
  return WireRecord{book_.records(), as_if_from, std::move(bytes)};
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
  EstablishedEvent e = established_event(s, summary, book_.negotiated().group,
                                         peer_signature_scheme_[s == Side::client ? 0 : 1]);
  book_.connection().version = e.version;
  book_.append(std::move(e));
}

// Both sides derive every secret, and one may report the same one twice (Botan's default KEM
// callbacks for an (EC)DHE group run the key agreement callback inside the encapsulation
// callback, and we hook both): the book says when a secret is news.
void Recorder::on_secret(Side s, std::string_view label, ByteView client_random, ByteView secret) {
  const auto name = secret_name(label);
  if (!book_.learn_secret(s, name, secret)) return;
  book_.append(SecretEvent{s, name, std::string(label),
                           Bytes(client_random.begin(), client_random.end()),
                           Bytes(secret.begin(), secret.end())});
}

void Recorder::on_shared_secret(Side s, ByteView secret) {
  if (!book_.learn_secret(s, "shared_secret", secret)) return;
  book_.append(SecretEvent{s, "shared_secret", "", {}, Bytes(secret.begin(), secret.end())});
}

void Recorder::on_checks(Side, const VerifyResult& result) {
  for (const auto& check : result.checks) book_.append(check);
}

void Recorder::note_closed(Side s, std::string reason) {
  if (side(s).closed) return;
  side(s).closed = true;
  book_.append(ClosedEvent{s, std::move(reason)});
}

}  // namespace tlsclub
