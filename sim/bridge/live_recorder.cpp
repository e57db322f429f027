#include "bridge/live_recorder.h"

#include <botan/tls_messages.h>

#include <algorithm>

#include "decode/handshake_decoder.h"
#include "simulation/recorded_names.h"
#include "timeline/protection.h"

namespace tlsclub::bridge {

namespace {

constexpr std::uint8_t kChangeCipherSpec = code(ContentType::change_cipher_spec),
                       kAlert = code(ContentType::alert), kHandshake = code(ContentType::handshake),
                       kAppData = code(ContentType::application_data);
constexpr std::uint8_t kFinished = code(HandshakeType::finished);

std::string common_name(const std::string& subject) {
  const auto at = subject.find("CN=");
  if (at == std::string::npos) return "";
  const auto end = subject.find(',', at);
  return subject.substr(at + 3, end == std::string::npos ? std::string::npos : end - at - 3);
}

}  // namespace

LiveRecorder::LiveRecorder(Connection& connection, Side local, const SimClock& clock)
    : book_(connection, clock, Keyring::shared), local_(local) {}

std::vector<Bytes> LiveRecorder::take_emitted() {
  std::vector<Bytes> out;
  while (auto r = emitted_.next()) out.push_back(std::move(*r));
  return out;
}

void LiveRecorder::remote_record(ByteView record) {
  this->record(peer_of(local_), record, nullptr);
}

void LiveRecorder::local_record(ByteView record, const LocalCall& call) {
  this->record(local_, record, &call);
}

void LiveRecorder::end_call(const LocalCall& call) {
  // Botan raised an alert but had closed its sending half: it is part of the story all the same.
  if (call.sent_alert && book_.alerts() == alerts_before_call_)
    book_.alert(local_, 2, *call.sent_alert, call.error, /*sent=*/false);
  alerts_before_call_ = book_.alerts();
}

void LiveRecorder::flush_reports() {
  for (auto& body : reports_) book_.append(std::move(body));
  reports_.clear();
}

void LiveRecorder::note_closed(Side side, std::string reason) {
  for (const auto& e : book_.connection().events)
    if (const auto* c = std::get_if<ClosedEvent>(&e.body); c && c->side == side) return;
  book_.append(ClosedEvent{side, std::move(reason)});
}

void LiveRecorder::handshake_messages(Side from, ByteView content, RecordEvent& r,
                                      std::vector<EventBody>& out) {
  auto& stream = handshake(from);
  stream.append(content);
  while (auto bytes = stream.next()) {
    DecodeContext context{book_.negotiated().tls13 ? TlsVersion::tls13 : TlsVersion::tls12, from,
                          false};
    MessageEvent m{from, r.record_id, r.protection, decode_handshake_message(*bytes, context)};
    r.messages.push_back(m.message.name);
    learn_from(m);
    out.emplace_back(std::move(m));
  }
  if (r.messages.empty()) r.messages.push_back("handshake");  // a fragment of a longer message
}

void LiveRecorder::learn_from(const MessageEvent& m) {
  const auto& name = m.message.name;
  if (name == "client_hello" && requested_host_.empty())
    requested_host_ = first_value(m.message.fields, "host_name");
  auto& group = book_.negotiated().group;
  if (name == "server_hello") group = first_value(m.message.fields, "group");
  if (name == "server_key_exchange") {
    group = first_value(m.message.fields, "named_group");
    if (local_ == Side::client)
      peer_signature_scheme_ = first_value(m.message.fields, "signature_scheme");
  }
  if (name == "certificate_verify" && m.from != local_)
    peer_signature_scheme_ = first_value(m.message.fields, "signature_scheme");
}

std::optional<LiveRecorder::Alert> LiveRecorder::tls12_alert(Side from, const LocalCall* call) {
  if (from != local_) {
    if (received_alerts_.empty()) return std::nullopt;
    const Alert a = received_alerts_.front();
    received_alerts_.pop_front();
    return a;
  }
  if (call != nullptr && call->sent_alert) return Alert{2, *call->sent_alert};
  if (call != nullptr && call->action == LocalCall::Action::close) return Alert{1, 0};
  return std::nullopt;
}

// TLS 1.3: the content type, and what is inside, show only once the record is opened.
void LiveRecorder::read_tls13(Side from, ByteView bytes, RecordEvent& r, Contents& c) {
  auto opened = book_.open_next(from, bytes);
  r.protection = std::move(opened.protection);
  if (opened.record) {
    r.inner_type = opened.record->inner_type;
    r.plaintext = std::move(opened.record->content);
    const Bytes& inner = *r.plaintext;
    if (r.inner_type == kHandshake) handshake_messages(from, inner, r, c.messages);
    if (r.inner_type == kAlert && inner.size() >= 2) c.alert = Alert{inner[0], inner[1]};
  }
  if (r.messages.empty())
    r.messages.push_back(r.inner_type == kAlert ? "alert" : "application_data");
}

// TLS 1.2 after the sender's ChangeCipherSpec: the type shows, the content is named from what
// the endpoint reported (RFC 5246 7.1: Finished is the first protected handshake message).
void LiveRecorder::read_tls12_protected(Side from, std::uint8_t type, const LocalCall* call,
                                        RecordEvent& r, Contents& c) {
  if (type == kHandshake) {
    r.messages.push_back("finished");
    if (!finished12_.empty()) {
      DecodeContext context{TlsVersion::tls12, from, false};
      c.messages.emplace_back(MessageEvent{from, r.record_id, r.protection,
                                           decode_handshake_message(finished12_.front(), context)});
      finished12_.pop_front();
    }
  } else if (type == kAlert) {
    r.messages.push_back("alert");
    c.alert = tls12_alert(from, call);
  } else {
    r.messages.push_back(content_type_name(type));
  }
}

// What an application data record said: ours from the call that sent it, the peer's from what
// the endpoint read.
std::optional<Bytes> LiveRecorder::spoken(Side from, const LocalCall* call) {
  if (from == local_)
    return call != nullptr && call->action == LocalCall::Action::send
               ? std::optional<Bytes>(call->data)
               : std::nullopt;
  if (received_data_.empty()) return std::nullopt;
  Bytes data = std::move(received_data_.front());
  received_data_.pop_front();
  return data;
}

void LiveRecorder::record(Side from, ByteView bytes, const LocalCall* call) {
  const auto view = peek_record(bytes);
  if (!view) return;
  RecordEvent r = book_.next_record(from, *view, bytes);
  // TLS 1.2 after the sender's ChangeCipherSpec: its session keys (TLS 1.3 asks the record).
  const std::string keys = book_.protection_for(from, view->content_type);

  Contents c;
  const std::uint8_t type = view->content_type;
  if (type == kChangeCipherSpec) {
    r.messages.push_back("change_cipher_spec");
    book_.note_change_cipher_spec(from);
  } else if (book_.negotiated().tls13 && type == kAppData) {
    read_tls13(from, bytes, r, c);
  } else if (is_encrypted(keys)) {
    r.protection = keys;
    read_tls12_protected(from, type, call, r, c);
  } else if (type == kHandshake) {
    handshake_messages(from, view->fragment, r, c.messages);
  } else if (type == kAlert) {
    r.messages.push_back("alert");
    if (view->fragment.size() >= 2) c.alert = Alert{view->fragment[0], view->fragment[1]};
  } else {
    r.messages.push_back(content_type_name(type));
  }
  const bool data_record = type == kAppData && std::find(r.messages.begin(), r.messages.end(),
                                                         "application_data") != r.messages.end();
  const std::optional<Bytes> data = data_record ? spoken(from, call) : std::nullopt;

  for (auto& m : c.messages) book_.append(std::move(m));
  book_.append(r);
  if (c.alert)
    book_.alert(from, c.alert->level, c.alert->code,
                from == local_ && call != nullptr ? call->error : std::string());
  if (data) book_.append(AppDataEvent{from, *data});
  book_.next_step();
  ++book_.connection().steps;
  r.phase = RecordEvent::Phase::delivered;
  book_.append(std::move(r));
}

void LiveRecorder::on_emit(Side, ByteView bytes) {
  emitted_.append(bytes);
}

void LiveRecorder::on_app_data(Side, ByteView data) {
  if (!app_data_received_) {
    constexpr std::size_t kKept = 8192;  // a request line and its headers
    const ByteView kept = data.first(std::min(data.size(), kKept));
    first_heard_.assign(kept.begin(), kept.end());
  }
  app_data_received_ = true;
  received_data_.emplace_back(data.begin(), data.end());
}

void LiveRecorder::on_alert_received(Side, const Botan::TLS::Alert& alert) {
  if (alert.type() == Botan::TLS::AlertType::CloseNotify) close_notify_received_ = true;
  received_alerts_.push_back({static_cast<std::uint8_t>(alert.is_fatal() ? 2 : 1),
                              static_cast<std::uint8_t>(alert.type())});
}

void LiveRecorder::on_established(Side side, const Botan::TLS::Session_Summary& summary) {
  established_ = true;
  EstablishedEvent e =
      established_event(side, summary, book_.negotiated().group, peer_signature_scheme_);
  book_.connection().version = e.version;
  reports_.emplace_back(std::move(e));
}

void LiveRecorder::on_handshake_message(Side, const Botan::TLS::Handshake_Message& msg) {
  auto& negotiated = book_.negotiated();
  if (dynamic_cast<const Botan::TLS::Server_Hello_12*>(&msg) != nullptr) negotiated.tls13 = false;
  if (const auto* hello = dynamic_cast<const Botan::TLS::Server_Hello_13*>(&msg))
    negotiated.cipher_suite = hello->ciphersuite();
  // TLS 1.2 Finished travels encrypted; the endpoint shows it to us when it builds or reads it.
  if (!negotiated.tls13 && static_cast<std::uint8_t>(msg.wire_type()) == kFinished) {
    const auto body = msg.serialize();
    Bytes bytes{kFinished, static_cast<std::uint8_t>(body.size() >> 16),
                static_cast<std::uint8_t>(body.size() >> 8),
                static_cast<std::uint8_t>(body.size())};
    bytes.insert(bytes.end(), body.begin(), body.end());
    finished12_.push_back(std::move(bytes));
  }
}

void LiveRecorder::on_secret(Side side, std::string_view label, ByteView client_random,
                             ByteView secret) {
  // Only our endpoint reports secrets: the first value of each is the one it keeps.
  const std::string name = secret_name(label);
  if (book_.knows_secret(local_, name)) return;
  book_.learn_secret(local_, name, secret);
  reports_.emplace_back(SecretEvent{side, name, std::string(label),
                                    Bytes(client_random.begin(), client_random.end()),
                                    Bytes(secret.begin(), secret.end())});
}

void LiveRecorder::on_shared_secret(Side side, ByteView secret) {
  if (book_.knows_secret(local_, "shared_secret")) return;
  book_.learn_secret(local_, "shared_secret", secret);
  reports_.emplace_back(
      SecretEvent{side, "shared_secret", "", {}, Bytes(secret.begin(), secret.end())});
}

void LiveRecorder::on_checks(Side, const VerifyResult& result) {
  for (const auto& check : result.checks) {
    if (check.depth == 0 && peer_name_.empty()) peer_name_ = common_name(check.subject);
    reports_.emplace_back(check);
  }
}

}  // namespace tlsclub::bridge
