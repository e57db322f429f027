#include "cli/capture_json.h"

#include <algorithm>

#include "capture/wire_view_text.h"
#include "core/bytes.h"
#include "decode/handshake_decoder.h"
#include "timeline/json.h"

namespace tlsclub::cli {

namespace {

using Json = nlohmann::ordered_json;

Json optional_name(const std::optional<std::uint16_t>& code, std::string (*name)(std::uint16_t)) {
  return code ? Json(name(*code)) : Json(nullptr);
}

Json record_json(const capture::OpenedRecord& r) {
  Json j;
  j["index"] = r.index;
  j["from"] = to_string(r.from);
  j["number"] = r.number;
  j["packet"] = r.packet;
  j["time_ns"] = r.timestamp_ns;
  j["wire_type"] = content_type_name(r.wire_type);
  j["length"] = r.length;
  j["encrypted"] = r.encrypted;
  j["key"] = r.key;
  if (r.encrypted) j["sequence"] = r.sequence;
  j["opened"] = r.opened;
  j["content_type"] = content_type_name(r.content_type);
  j["plaintext_length"] = r.plaintext_length;
  // The kept plaintext of data records; handshake messages are below, decoded.
  if (r.content_type == 23 && !r.plaintext.empty()) j["plaintext"] = to_hex(r.plaintext);
  j["messages"] = Json::array();
  for (const auto& m : r.messages) {
    // As the Timeline JSON writes a message, at the record's time; a capture has no steps.
    Event e;
    e.time =
        SimTime(std::chrono::floor<std::chrono::seconds>(std::chrono::nanoseconds(r.timestamp_ns)));
    e.body = MessageEvent{r.from, static_cast<std::size_t>(r.index), r.key, m};
    Json message = to_json(e);
    message.erase("seq");
    message.erase("step");
    j["messages"].push_back(std::move(message));
  }
  if (!r.note.empty()) j["note"] = r.note;
  if (!r.error.empty()) j["error"] = r.error;
  return j;
}

Json wire_json(const capture::WireView& view) {
  Json j;
  j["clear"] = Json::array();
  for (const auto& l : capture::clear_lines(view))
    j["clear"].push_back({{"what", l.what}, {"value", l.value}, {"source", l.source}});
  j["sealed"] = capture::hidden_from_the_wire(view);
  j["sizes"] = capture::size_lines(view);
  return j;
}

}  // namespace

Json connection_json(const capture::ConnectionSummary& c) {
  Json j;
  j["id"] = c.id;
  j["client"] = c.client.to_string();
  j["server"] = c.server.to_string();
  j["server_name"] = c.server_name.empty() ? Json(nullptr) : Json(c.server_name);
  j["alpn_offered"] = c.alpn_offered;
  j["alpn_chosen"] = c.alpn_chosen.empty() ? Json(nullptr) : Json(c.alpn_chosen);
  j["version"] = optional_name(c.version, version_name);
  j["cipher_suite"] = optional_name(c.cipher_suite, cipher_suite_name);
  j["key_share_group"] = optional_name(c.key_share_group, group_name);
  j["hello_retry_request"] = c.hello_retry_request;
  j["client_random"] = to_hex(c.client_random);
  std::string outcome = capture::to_string(c.outcome);  // "encrypted alert": snake_case here
  std::replace(outcome.begin(), outcome.end(), ' ', '_');
  j["outcome"] = outcome;
  j["alert"] = c.alert ? Json(alert_name(c.alert->description)) : Json(nullptr);
  if (c.outcome == capture::Outcome::alert || c.outcome == capture::Outcome::encrypted_alert)
    j["alert_from"] = to_string(c.alert_from);
  j["bytes"] = {{"client_to_server", c.bytes[0]}, {"server_to_client", c.bytes[1]}};
  j["records"] = {{"client_to_server", c.records[0]}, {"server_to_client", c.records[1]}};
  j["gap"] = c.gap;
  j["first_packet"] = c.first_packet;
  j["last_packet"] = c.last_packet;
  return j;
}

Json capture_json(const std::string& file, const capture::CaptureOverview& overview,
                  const std::vector<capture::OpenedConnection>* opened) {
  Json j;
  j["format"] = "tlsclub-capture/1";
  j["file"] = file;
  j["capture"] = {{"format", overview.format == capture::CaptureFormat::pcap ? "pcap" : "pcapng"},
                  {"compressed", overview.compressed},
                  {"packets", overview.packets},
                  {"other_connections", overview.other_connections},
                  {"not_listed", overview.not_listed}};
  j["connections"] = Json::array();
  for (const auto& c : overview.tls) {
    Json one = connection_json(c);
    if (opened != nullptr)
      for (const auto& o : *opened)
        if (o.id == c.id) one["opened"] = {{"encrypted", o.encrypted}, {"opened", o.opened}};
    j["connections"].push_back(std::move(one));
  }
  return j;
}

Json opened_connection_json(const capture::ConnectionSummary& summary,
                            const capture::OpenedConnection& connection,
                            const std::vector<VerifyReport>& checks,
                            const capture::WireView& wire) {
  Json j;
  j["format"] = "tlsclub-capture-connection/1";
  j["connection"] = connection_json(summary);
  j["secrets_found"] = connection.secrets_found;
  j["opened"] = {{"encrypted", connection.encrypted}, {"opened", connection.opened}};
  j["notes"] = connection.notes;
  j["records"] = Json::array();
  for (const auto& r : connection.records) j["records"].push_back(record_json(r));
  j["certificate_checks"] = Json::array();
  for (const auto& report : checks) j["certificate_checks"].push_back(verify_json(report));
  j["wire"] = wire_json(wire);
  return j;
}

}  // namespace tlsclub::cli
