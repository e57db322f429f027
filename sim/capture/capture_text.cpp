#include "capture/capture_text.h"

#include "decode/handshake_decoder.h"

namespace tlsclub::capture {

namespace {

std::string plural(std::uint64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string outcome_text(const ConnectionSummary& c) {
  const std::string from = " (" + std::string(tlsclub::to_string(c.alert_from)) + ")";
  if (c.outcome == Outcome::encrypted_alert) return to_string(c.outcome) + from;
  if (c.outcome != Outcome::alert || !c.alert) return to_string(c.outcome);
  return "alert " + alert_name(c.alert->description) + from;
}

}  // namespace

std::string overview_line(const CaptureOverview& o) {
  std::string out = o.format == CaptureFormat::pcap ? "pcap" : "pcapng";
  if (o.compressed) out += " (gzip)";
  out += ", " + plural(o.packets, "packet", "packets");
  out += ", " + plural(o.tls.size() + o.not_listed, "TLS connection", "TLS connections");
  out += ", " + plural(o.other_connections, "other TCP connection", "other TCP connections");
  return out;
}

std::string connection_line(const ConnectionSummary& c) {
  std::string out =
      "#" + std::to_string(c.id) + "  " + c.client.to_string() + " → " + c.server.to_string();
  out += "  sni " + (c.server_name.empty() ? std::string("-") : c.server_name);
  out += "  " + (c.version ? version_name(*c.version) : std::string("version ?"));
  out += "  " + (c.cipher_suite ? cipher_suite_name(*c.cipher_suite) : std::string("suite ?"));
  if (c.key_share_group) out += "  " + group_name(*c.key_share_group);
  if (c.hello_retry_request) out += "  (after HelloRetryRequest)";
  out += "  " + outcome_text(c);
  out += "  c→s " + std::to_string(c.bytes[0]) + " B  s→c " + std::to_string(c.bytes[1]) + " B";
  out += "  records " + std::to_string(c.records[0]) + "/" + std::to_string(c.records[1]);
  if (c.gap) out += "  (bytes missing)";
  return out;
}

std::size_t connections_with_keys(const CaptureOverview& o, const KeyLog& keys) {
  std::size_t n = 0;
  for (const auto& c : o.tls)
    if (!c.client_random.empty() && keys.find(c.client_random) != nullptr) ++n;
  return n;
}

std::string key_log_line(const CaptureOverview& o, const KeyLog& keys) {
  return "key log: " + plural(keys.entries(), "secret", "secrets") + ", " +
         plural(keys.client_randoms(), "client random", "client randoms") + "; secrets for " +
         std::to_string(connections_with_keys(o, keys)) + " of " +
         plural(o.tls.size(), "TLS connection", "TLS connections");
}

}  // namespace tlsclub::capture
