#include "capture/capture_summary.h"

#include <algorithm>
#include <tuple>

namespace tlsclub::capture {

const char* to_string(Outcome o) {
  switch (o) {
    case Outcome::completed:
      return "completed";
    case Outcome::alert:
      return "alert";
    case Outcome::encrypted_alert:
      return "encrypted alert";
    case Outcome::incomplete:
      return "incomplete";
  }
  return "?";
}

namespace {

// RFC 8446 5.2: a protected alert is its 2 bytes, the content type and the AEAD tag (16 bytes for
// every TLS 1.3 suite but TLS_AES_128_CCM_8_SHA256, whose tag is 8), unless padded.
bool alert_sized(std::uint16_t length, std::optional<std::uint16_t> suite) {
  return length == (suite == 0x1305 ? 2 + 1 + 8 : 2 + 1 + 16);
}

}  // namespace

// TLS 1.2 (RFC 5246 7.3): each side sends ChangeCipherSpec, then its Finished, protected; a side
// that sent a record after its ChangeCipherSpec has finished. TLS 1.3 (RFC 8446 2): everything
// after the ServerHello is application_data on the wire; the client's first such record carries
// its Finished (or its certificate), and the server's first record after it is a
// NewSessionTicket or data when the server went on, an alert when it refused the client. An
// alert is told from other records by its size only: hence a guess.
std::pair<Outcome, Side> guess_outcome(const TlsDirection& client, const TlsDirection& server,
                                       std::optional<std::size_t> server_reply) {
  const auto fatal = [](const TlsDirection& d) {
    return d.plaintext_alert() && d.plaintext_alert()->description != 0;  // not close_notify
  };
  if (fatal(client)) return {Outcome::alert, Side::client};
  if (fatal(server)) return {Outcome::alert, Side::server};
  const auto& hello = server.server_hello();
  if (!hello) return {Outcome::incomplete, Side::client};
  if (hello->version() == 0x0304) {
    const auto& from_client = client.application_data_lengths();
    const auto& from_server = server.application_data_lengths();
    if (!from_client.empty() && alert_sized(from_client.front(), hello->cipher_suite))
      return {Outcome::encrypted_alert, Side::client};
    if (!server_reply) return {Outcome::incomplete, Side::client};
    if (*server_reply < from_server.size() &&
        alert_sized(from_server[*server_reply], hello->cipher_suite))
      return {Outcome::encrypted_alert, Side::server};
    return {Outcome::completed, Side::client};
  }
  const auto finished = [](const TlsDirection& d) {
    return d.change_cipher_spec_records() > 0 && d.records_after_change_cipher_spec() > 0;
  };
  return {finished(client) && finished(server) ? Outcome::completed : Outcome::incomplete,
          Side::client};
}

void CaptureSummary::on_open(std::uint64_t id, const Endpoint& client, const Endpoint& server) {
  auto live = std::make_unique<Live>();
  live->summary.id = id;
  live->summary.client = client;
  live->summary.server = server;
  live_[id] = std::move(live);
}

void CaptureSummary::on_data(std::uint64_t id, Side from, ByteView bytes, std::uint64_t packet) {
  const auto found = live_.find(id);
  if (found == live_.end()) return;
  Live& l = *found->second;
  if (l.summary.first_packet == 0) l.summary.first_packet = packet;
  l.summary.last_packet = packet;
  if (from == Side::client) {
    l.client.feed(bytes);
  } else {
    const auto before = l.server.application_data_records();
    l.server.feed(bytes);
    if (!l.server_reply && l.server.application_data_records() > before &&
        l.client.application_data_records() > 0)
      l.server_reply = static_cast<std::size_t>(before);
  }
}

void CaptureSummary::on_gap(std::uint64_t id, Side from, std::uint64_t /*missing*/) {
  const auto found = live_.find(id);
  if (found == live_.end()) return;
  (from == Side::client ? found->second->client : found->second->server).gap();
}

void CaptureSummary::on_close(std::uint64_t id) {
  const auto found = live_.find(id);
  if (found == live_.end()) return;
  Live& l = *found->second;
  using V = TlsDirection::Verdict;
  // TLS when a direction starts with a record header (the client's, or the server's alone).
  const bool tls = l.client.verdict() == V::tls ||
                   (l.client.verdict() == V::unknown && l.server.verdict() == V::tls);
  if (!tls) {
    ++other_;
  } else if (done_.size() >= kMaxSummaries) {
    ++not_listed_;
  } else {
    ConnectionSummary s = l.summary;
    if (const auto& ch = l.client.client_hello()) {
      s.server_name = ch->server_name;
      s.alpn_offered = ch->alpn;
      s.client_random = ch->random;
    }
    if (const auto& sh = l.server.server_hello()) {
      s.version = sh->version();
      s.cipher_suite = sh->cipher_suite;
      s.key_share_group = sh->key_share_group;
      s.alpn_chosen = sh->alpn;
    }
    s.hello_retry_request = l.server.hello_retry_request();
    std::tie(s.outcome, s.alert_from) = guess_outcome(l.client, l.server, l.server_reply);
    if (s.outcome == Outcome::alert)
      s.alert = (s.alert_from == Side::client ? l.client : l.server).plaintext_alert();
    s.bytes[0] = l.client.bytes(), s.bytes[1] = l.server.bytes();
    s.records[0] = l.client.records(), s.records[1] = l.server.records();
    s.gap = l.client.had_gap() || l.server.had_gap();
    done_.push_back(std::move(s));
  }
  live_.erase(found);
}

CaptureOverview summarize_capture(std::istream& in) {
  CaptureReader reader(in);
  CaptureSummary summary;
  TcpReassembler reassembler(summary);
  CaptureOverview out;
  std::uint64_t segments = 0;
  while (auto packet = reader.next()) {
    const auto segment = decode_layers(packet->link_type, packet->data);
    if (!segment) continue;
    ++segments;
    reassembler.add(*segment, packet->number);
  }
  reassembler.finish();
  out.format = reader.format();
  out.compressed = reader.compressed();
  out.packets = reader.packets_read();
  out.tcp_segments = segments;
  out.tls = summary.tls_connections();
  std::sort(out.tls.begin(), out.tls.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  out.other_connections = summary.other_connections();
  out.not_listed = summary.not_listed();
  out.key_logs = reader.key_logs();
  return out;
}

}  // namespace tlsclub::capture
