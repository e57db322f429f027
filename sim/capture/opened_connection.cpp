#include "capture/opened_connection.h"

#include <algorithm>
#include <map>
#include <memory>
#include <utility>

#include "capture/capture_reader.h"
#include "capture/hello_fields.h"
#include "capture/packet_layers.h"
#include "capture/tcp_reassembly.h"
#include "capture/tls_stream.h"
#include "core/tls_codes.h"
#include "decode/handshake_decoder.h"

namespace tlsclub::capture {

namespace {

constexpr std::size_t kHeader = 5;

std::string side_name(Side s) {
  return std::string(to_string(s));
}

// A record may earn two notes (the key it switched to, then a Finished inside it).
void add_note(OpenedRecord& r, const std::string& note) {
  r.note += (r.note.empty() ? "" : "; ") + note;
}

// RFC 5246 A.5: the suites whose key exchange is RSA key transport (TLS_RSA_WITH_*), whose
// ClientKeyExchange the decoder reads as an encrypted premaster secret.
bool rsa_key_exchange(std::optional<std::uint16_t> suite) {
  return suite && cipher_suite_name(*suite).rfind("TLS_RSA_WITH_", 0) == 0;
}

}  // namespace

ConnectionOpener::ConnectionOpener(std::uint64_t id, const KeyLog* keys, bool keep_records)
    : keys_(keys), keep_records_(keep_records) {
  out_.id = id;
}

void ConnectionOpener::record(Side from, ByteView record, std::uint64_t packet,
                              std::int64_t time_ns) {
  if (record.size() < kHeader) return;
  Direction& d = direction(from);
  const std::uint64_t number = ++d.number;
  const std::uint64_t index = ++records_seen_;
  // Before the ServerHello nobody knows the version or the suite: a protected record (0-RTT data)
  // waits for it.
  if (!server_hello_ && record[0] == code(ContentType::application_data)) {
    if (pending_.size() < kMaxPending) {
      pending_.push_back(
          {from, Bytes(record.begin(), record.end()), packet, time_ns, number, index});
    } else if (!pending_overflow_) {
      pending_overflow_ = true;
      out_.notes.push_back("more than " + std::to_string(kMaxPending) +
                           " protected records before the ServerHello: the rest are not read");
    }
    return;
  }
  process(from, record, packet, time_ns, number, index);
  if (server_hello_ && !pending_.empty()) {
    auto waiting = std::move(pending_);
    pending_.clear();
    for (const auto& p : waiting) process(p.from, p.bytes, p.packet, p.time_ns, p.number, p.index);
  }
}

void ConnectionOpener::gap(Side from) {
  Direction& d = direction(from);
  if (d.lost) return;
  d.lost = true;
  out_.notes.push_back(side_name(from) + ": bytes missing after record " +
                       std::to_string(d.number) + ": the rest of this direction is not read");
}

void ConnectionOpener::process(Side from, ByteView record, std::uint64_t packet,
                               std::int64_t time_ns, std::uint64_t number, std::uint64_t index) {
  Direction& d = direction(from);
  OpenedRecord r;
  r.from = from;
  r.number = number;
  r.index = index;
  r.packet = packet;
  r.timestamp_ns = time_ns;
  r.wire_type = record[0];
  r.content_type = r.wire_type;
  r.length = record.size() - kHeader;
  const ByteView fragment = record.subspan(kHeader);
  const bool tls13 = out_.version == 0x0304;
  // RFC 8446 5.2: in TLS 1.3 every protected record says application_data outside; RFC 5246
  // 7.1: in TLS 1.2 whatever a side sends after its ChangeCipherSpec is protected.
  const bool is_protected =
      (tls13 || !server_hello_) ? r.wire_type == code(ContentType::application_data) : d.encrypting;
  if (is_protected) {
    r.encrypted = true;
    ++out_.encrypted;
    open_protected(d, r, record);
  } else {
    r.key = kCleartext;
    r.plaintext.assign(fragment.begin(), fragment.end());
    if (r.wire_type == code(ContentType::change_cipher_spec)) {
      if (tls13 || !server_hello_) {
        add_note(r,
                 "dummy ChangeCipherSpec (RFC 8446 D.4, middlebox compatibility): no key changes");
      } else {
        if (from == Side::server && !client_.encrypting) {
          // RFC 5246 7.3: in an abbreviated handshake the server changes ciphers first.
          out_.notes.push_back(
              "abbreviated handshake (a resumed session): the key log's CLIENT_RANDOM line for "
              "this client random holds the resumed session's master secret");
        }
        start_tls12_keys(d);
        add_note(r, "ChangeCipherSpec: the " + side_name(from) + "'s next records are protected");
      }
    } else if (r.wire_type == code(ContentType::handshake)) {
      handshake_bytes(d, r, fragment);
    }
  }
  keep(std::move(r));
}

void ConnectionOpener::open_protected(Direction& d, OpenedRecord& r, ByteView record) {
  if (!d.opener) {
    r.key = d.key.empty() ? "unknown" : d.key;
    r.error = d.key_error.empty() ? "could not open: no key for this record" : d.key_error;
    return;
  }
  r.key = d.key;
  r.sequence = d.opener->sequence();
  auto result = d.opener->open(record);
  if (!result.ok && d.fallback) {
    // RFC 8446 4.2.10: a server that refuses 0-RTT skips the early records; the client goes on
    // under its handshake key as soon as it has the ServerHello.
    RecordOpener trial = *d.fallback;
    auto again = trial.open(record);
    if (again.ok) {
      d.opener = std::move(trial);
      d.fallback.reset();
      d.phase = Phase::handshake;
      d.key = side_name(d.side) + " handshake traffic key";
      r.key = d.key;
      r.sequence = 0;
      add_note(r, "the server refused the early data: the client is on its handshake key");
      result = std::move(again);
    }
  }
  if (!result.ok) {
    r.error = "could not open: " + result.error;
    return;
  }
  r.opened = true;
  ++out_.opened;
  r.content_type = result.content_type;
  r.plaintext = std::move(result.plaintext);
  if (r.content_type == code(ContentType::handshake)) handshake_bytes(d, r, r.plaintext);
}

// RFC 8446 4 / RFC 5246 7.4: msg_type, uint24 length, body; a message may span records (and
// several may share one).
void ConnectionOpener::handshake_bytes(Direction& d, OpenedRecord& r, ByteView bytes) {
  if (d.handshake_broken) return;
  d.handshake.insert(d.handshake.end(), bytes.begin(), bytes.end());
  while (d.handshake.size() >= 4) {
    const std::size_t length = read_u24(d.handshake, 1);
    if (4 + length > kMaxHandshakeBuffer) {
      d.handshake_broken = true;
      Bytes().swap(d.handshake);
      add_note(r, "a handshake message of " + std::to_string(length) +
                      " bytes: too long to decode; the " + side_name(d.side) +
                      "'s later handshake messages are not decoded");
      return;
    }
    if (d.handshake.size() < 4 + length) return;  // the rest is in a later record
    const ByteView message = ByteView(d.handshake).first(4 + length);
    if (keep_records_) {
      DecodeContext context;
      context.version =
          out_.version && *out_.version != 0x0304 ? TlsVersion::tls12 : TlsVersion::tls13;
      context.from = d.side;
      context.rsa_key_exchange = rsa_key_exchange(out_.cipher_suite);
      r.messages.push_back(decode_handshake_message(message, context));
    }
    after_message(d, r, message[0], message.subspan(4));
    d.handshake.erase(d.handshake.begin(),
                      d.handshake.begin() + static_cast<std::ptrdiff_t>(4 + length));
  }
}

// What a message changes for the records after it. RFC 8446 5.1: handshake messages do not span
// a key change, so a new key always starts with the next record.
void ConnectionOpener::after_message(Direction& d, OpenedRecord& r, std::uint8_t type,
                                     ByteView body) {
  const bool tls13 = out_.version == 0x0304;
  if (type == code(HandshakeType::client_hello) && d.side == Side::client) {
    // After a HelloRetryRequest the client sends its hello again, with the same random.
    if (!out_.client_random.empty()) return;
    out_.client_random = parse_client_hello(body).random;
    out_.secrets_found = keys_ != nullptr && keys_->find(out_.client_random) != nullptr;
  } else if (type == code(HandshakeType::server_hello) && d.side == Side::server) {
    const auto hello = parse_server_hello(body);
    out_.version = hello.version();
    out_.cipher_suite = hello.cipher_suite;
    if (hello.hello_retry_request) {
      retried_ = true;
      add_note(r, "HelloRetryRequest: the client will send a second ClientHello");
      return;
    }
    server_random_ = hello.random;
    server_hello_ = true;
    if (out_.version != 0x0304) return;  // TLS 1.2: the keys start at ChangeCipherSpec
    start_tls13_keys(server_, Phase::handshake);
    start_tls13_keys(client_, Phase::handshake);
    std::string unused;
    // RFC 8446 4.2.10: early data is not allowed after a HelloRetryRequest.
    if (!retried_ && secret("CLIENT_EARLY_TRAFFIC_SECRET", unused)) {
      auto handshake_key = std::move(client_.opener);
      start_tls13_keys(client_, Phase::early);
      client_.fallback = std::move(handshake_key);
    }
  } else if (tls13 && type == code(HandshakeType::finished) && d.phase == Phase::handshake) {
    start_tls13_keys(d, Phase::application);
    add_note(r, "Finished: the " + side_name(d.side) +
                    "'s next records are under its application traffic key");
  } else if (tls13 && type == code(HandshakeType::end_of_early_data) && d.phase == Phase::early) {
    start_tls13_keys(d, Phase::handshake);
    add_note(r, "EndOfEarlyData: the client's next records are under its handshake traffic key");
  } else if (tls13 && type == code(HandshakeType::key_update) && d.phase == Phase::application &&
             d.opener) {
    // RFC 8446 4.6.3, 7.2: the sender's next records use the next traffic secret.
    const auto suite = d.opener->suite();
    d.secret = tls13_next_secret(suite, d.secret);
    d.opener.emplace(suite, tls13_keys(suite, d.secret));
    ++d.updates;
    d.key = side_name(d.side) + " application traffic key (after KeyUpdate " +
            std::to_string(d.updates) + ")";
    add_note(r, "KeyUpdate: the " + side_name(d.side) + "'s next records use the next secret" +
                    (!body.empty() && body[0] == 1 ? "; it asks the peer to update too" : ""));
  }
}

void ConnectionOpener::start_tls12_keys(Direction& d) {
  d.encrypting = true;
  d.key = side_name(d.side) + " write key";
  d.opener.reset();
  if (!out_.cipher_suite || !out_.version) {
    d.key_error = "could not open: no ServerHello: the cipher suite is unknown";
    return;
  }
  if (*out_.version < 0x0303) {
    d.key_error = "not supported: " + version_name(*out_.version) +
                  " derives its keys with the MD5/SHA-1 PRF of RFC 2246 5, which this reader "
                  "leaves out";
    return;
  }
  const auto suite = suite_parameters(*out_.cipher_suite);
  if (!suite.unsupported.empty()) {
    d.key_error = "not supported: " + suite.unsupported;
    return;
  }
  const auto master = secret("CLIENT_RANDOM", d.key_error);
  if (!master) return;
  const auto block = tls12_key_block(suite, *master, out_.client_random, server_random_);
  d.opener.emplace(suite, d.side == Side::client ? block.client : block.server);
}

void ConnectionOpener::start_tls13_keys(Direction& d, Phase phase) {
  d.phase = phase;
  d.updates = 0;
  d.opener.reset();
  d.fallback.reset();
  const std::string side = d.side == Side::client ? "CLIENT" : "SERVER";
  std::string label;
  switch (phase) {
    case Phase::early:
      label = "CLIENT_EARLY_TRAFFIC_SECRET", d.key = "client early traffic key";
      break;
    case Phase::handshake:
      label = side + "_HANDSHAKE_TRAFFIC_SECRET";
      d.key = side_name(d.side) + " handshake traffic key";
      break;
    case Phase::application:
    case Phase::cleartext:
      label = side + "_TRAFFIC_SECRET_0";
      d.key = side_name(d.side) + " application traffic key";
      break;
  }
  const auto suite = suite_parameters(out_.cipher_suite.value_or(0));
  if (!suite.unsupported.empty()) {
    d.key_error = "not supported: " + suite.unsupported;
    return;
  }
  const auto s = secret(label, d.key_error);
  if (!s) return;
  d.secret = *s;
  d.opener.emplace(suite, tls13_keys(suite, *s));
}

std::optional<Bytes> ConnectionOpener::secret(const std::string& label, std::string& error) const {
  if (keys_ == nullptr) {
    error = "encrypted (no key log)";
    return std::nullopt;
  }
  if (out_.client_random.empty()) {
    error = "could not open: no ClientHello in the capture, whose random names the secrets";
    return std::nullopt;
  }
  if (!out_.secrets_found) {
    error = "could not open: the key log has no secrets for this connection (client random " +
            to_hex(ByteView(out_.client_random).first(8)) + "…)";
    return std::nullopt;
  }
  auto s = keys_->secret(out_.client_random, label);
  if (!s) error = "could not open: the key log has no " + label + " for this connection";
  return s;
}

void ConnectionOpener::keep(OpenedRecord r) {
  if (!keep_records_) return;
  if (out_.records.size() >= kMaxKeptRecords) {
    if (!records_cut_)
      out_.notes.push_back("only the first " + std::to_string(kMaxKeptRecords) +
                           " records are listed (the rest are counted)");
    records_cut_ = true;
    return;
  }
  r.plaintext_length = r.plaintext.size();
  if (r.plaintext.size() > kKeptPlaintext) {
    r.plaintext.resize(kKeptPlaintext);
    r.plaintext.shrink_to_fit();
  }
  out_.records.push_back(std::move(r));
}

OpenedConnection ConnectionOpener::finish() {
  for (const auto& p : pending_) {
    OpenedRecord r;
    r.from = p.from;
    r.number = p.number;
    r.index = p.index;
    r.packet = p.packet;
    r.timestamp_ns = p.time_ns;
    r.wire_type = p.bytes[0];
    r.content_type = r.wire_type;
    r.length = p.bytes.size() - kHeader;
    r.encrypted = true;
    r.key = "unknown";
    r.error =
        "could not open: no ServerHello in the capture: the version and cipher suite are "
        "unknown";
    ++out_.encrypted;
    keep(std::move(r));
  }
  pending_.clear();
  for (const Direction* d : {&client_, &server_}) {
    if (!d->handshake.empty() && !d->handshake_broken)
      out_.notes.push_back(side_name(d->side) + ": " + std::to_string(d->handshake.size()) +
                           " bytes of a handshake message that never completed");
  }
  std::stable_sort(out_.records.begin(), out_.records.end(),
                   [](const OpenedRecord& a, const OpenedRecord& b) { return a.index < b.index; });
  return std::move(out_);
}

namespace {

// Records out of a byte stream that arrives in pieces: header first, then the fragment. A
// direction whose bytes stop looking like records is not read further.
class Framer {
 public:
  enum class Verdict { unknown, tls, not_tls };

  template <typename OnRecord>
  void feed(ByteView bytes, OnRecord&& on_record) {
    while (!bytes.empty() && !lost_) {
      if (buffer_.size() < kHeader) {
        const std::size_t n = std::min(kHeader - buffer_.size(), bytes.size());
        buffer_.insert(buffer_.end(), bytes.begin(),
                       bytes.begin() + static_cast<std::ptrdiff_t>(n));
        bytes = bytes.subspan(n);
        if (buffer_.size() < kHeader) return;
        if (!looks_like_record_header(buffer_)) {
          if (verdict_ == Verdict::unknown) verdict_ = Verdict::not_tls;
          lost_ = true;
          return;
        }
        if (verdict_ == Verdict::unknown) verdict_ = Verdict::tls;
        need_ = kHeader + read_u16(buffer_, 3);
      }
      const std::size_t n = std::min(need_ - buffer_.size(), bytes.size());
      buffer_.insert(buffer_.end(), bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
      bytes = bytes.subspan(n);
      if (buffer_.size() == need_) {
        on_record(ByteView(buffer_));
        buffer_.clear();
      }
    }
  }
  void gap() { lost_ = true; }
  bool lost() const { return lost_; }
  Verdict verdict() const { return verdict_; }

 private:
  Bytes buffer_;
  std::size_t need_ = 0;
  bool lost_ = false;
  Verdict verdict_ = Verdict::unknown;
};

class OpeningVisitor final : public StreamVisitor {
 public:
  OpeningVisitor(const KeyLog* keys, const OpenOptions& options) : keys_(keys), options_(options) {}

  void on_open(std::uint64_t id, const Endpoint&, const Endpoint&) override {
    if (options_.connection && *options_.connection != id) return;
    live_.emplace(id, std::make_unique<Live>(id, keys_, options_.keep_records));
  }
  void on_data(std::uint64_t id, Side from, ByteView bytes, std::uint64_t packet) override {
    const auto found = live_.find(id);
    if (found == live_.end()) return;
    Live& l = *found->second;
    l.framers[from == Side::client ? 0 : 1].feed(
        bytes, [&](ByteView record) { l.opener.record(from, record, packet, now_ns); });
  }
  void on_gap(std::uint64_t id, Side from, std::uint64_t) override {
    const auto found = live_.find(id);
    if (found == live_.end()) return;
    auto& framer = found->second->framers[from == Side::client ? 0 : 1];
    if (!framer.lost()) found->second->opener.gap(from);
    framer.gap();
  }
  void on_close(std::uint64_t id) override {
    const auto found = live_.find(id);
    if (found == live_.end()) return;
    Live& l = *found->second;
    using V = Framer::Verdict;
    // The summary's rule (capture_summary.cpp): TLS when the client's first bytes are a record
    // header, or the server's alone are.
    const V client = l.framers[0].verdict(), server = l.framers[1].verdict();
    if (client == V::tls || (client == V::unknown && server == V::tls))
      done_.push_back(l.opener.finish());
    live_.erase(found);
  }

  std::int64_t now_ns = 0;  // the time of the packet being read
  std::vector<OpenedConnection> done_;

 private:
  struct Live {
    Live(std::uint64_t id, const KeyLog* keys, bool keep) : opener(id, keys, keep) {}
    ConnectionOpener opener;
    Framer framers[2];
  };
  const KeyLog* keys_;
  OpenOptions options_;
  std::map<std::uint64_t, std::unique_ptr<Live>> live_;
};

}  // namespace

std::vector<OpenedConnection> open_capture(std::istream& in, const KeyLog* keys,
                                           const OpenOptions& options) {
  CaptureReader reader(in);
  OpeningVisitor visitor(keys, options);
  TcpReassembler reassembler(visitor);
  while (auto packet = reader.next()) {
    const auto segment = decode_layers(packet->link_type, packet->data);
    if (!segment) continue;
    visitor.now_ns = packet->timestamp_ns;
    reassembler.add(*segment, packet->number);
  }
  reassembler.finish();
  auto out = std::move(visitor.done_);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

}  // namespace tlsclub::capture
