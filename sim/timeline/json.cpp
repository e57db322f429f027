#include "timeline/json.h"

#include "decode/handshake_decoder.h"

namespace tlsclub {

namespace {

using Json = nlohmann::ordered_json;

Json fields_json(const std::vector<Field>& fields) {
  Json out = Json::array();
  for (const auto& f : fields) {
    Json j;
    j["name"] = f.name;
    j["value"] = f.value;
    j["offset"] = f.offset;
    j["length"] = f.length;
    j["explain"] = f.explain_key;
    if (!f.children.empty()) j["children"] = fields_json(f.children);
    out.push_back(std::move(j));
  }
  return out;
}

// The keys of each kind of event, after the ones every event has.
void write_body(Json& j, const RecordEvent& r) {
  j["phase"] = r.phase == RecordEvent::Phase::sent ? "sent" : "delivered";
  j["from"] = to_string(r.from);
  j["record"] = r.record_id;
  j["content_type"] = content_type_name(r.content_type);
  j["inner_type"] = r.inner_type != 0 ? Json(content_type_name(r.inner_type)) : Json(nullptr);
  j["length"] = r.bytes.size() >= 5 ? r.bytes.size() - 5 : 0;
  j["protection"] = r.protection;
  j["messages"] = r.messages;
  j["bytes"] = to_hex(r.bytes);
  j["plaintext"] = r.plaintext ? Json(to_hex(*r.plaintext)) : Json(nullptr);
}

void write_body(Json& j, const MessageEvent& m) {
  j["message"] = m.message.name;
  j["from"] = to_string(m.from);
  j["record"] = m.record_id;
  j["protection"] = m.protection;
  j["bytes"] = to_hex(m.message.bytes);
  j["fields"] = fields_json(m.message.fields);
  if (!m.message.error.empty()) j["decode_error"] = m.message.error;
}

void write_body(Json& j, const SecretEvent& s) {
  j["secret"] = s.name;
  j["derived_by"] = to_string(s.derived_by);
  j["keylog_label"] = s.keylog_label.empty() ? Json(nullptr) : Json(s.keylog_label);
  j["client_random"] = to_hex(s.client_random);
  j["value"] = to_hex(s.secret);
}

void write_body(Json& j, const CheckEvent& c) {
  j["by"] = to_string(c.by);
  j["certificate"] = c.subject;
  j["depth"] = c.depth;
  j["check"] = c.check;
  j["passed"] = c.passed;
  j["status_code"] = c.status_code;
  j["status"] = c.status;
  j["reason"] = c.reason;
  j["alert"] = c.alert.empty() ? Json(nullptr) : Json(c.alert);
}

void write_body(Json& j, const AlertEvent& a) {
  j["from"] = to_string(a.from);
  j["alert"] = a.name;
  j["code"] = a.code;
  j["fatal"] = a.fatal;
  j["reason"] = a.reason;
  j["sent"] = a.sent;
}

void write_body(Json& j, const EstablishedEvent& e) {
  j["side"] = to_string(e.side);
  j["version"] = e.version;
  j["cipher_suite"] = e.cipher_suite;
  j["group"] = e.group;
  j["signature_scheme"] = e.signature_scheme;
}

void write_body(Json& j, const AppDataEvent& a) {
  j["from"] = to_string(a.from);
  j["length"] = a.data.size();
  j["bytes"] = to_hex(a.data);
}

void write_body(Json& j, const FaultEvent& f) {
  j["from"] = to_string(f.from);
  j["record"] = f.record_id;
  j["action"] = f.action;
  j["description"] = f.description;
  j["applied"] = f.applied;
  j["fault"] = f.number;
}

void write_body(Json& j, const ClosedEvent& c) {
  j["side"] = to_string(c.side);
  j["reason"] = c.reason;
}

Json connection_json(const Connection& c) {
  Json j;
  j["client"] = c.client;
  j["server_name"] = c.server_name;
  j["impostor"] = c.impostor.empty() ? Json(nullptr) : Json(c.impostor);
  j["outcome"] = to_string(c.outcome);
  j["refused_by"] = c.refused_by ? Json(to_string(*c.refused_by)) : Json(nullptr);
  j["alert"] = c.alert ? Json(*c.alert) : Json(nullptr);
  j["version"] = c.version;
  j["steps"] = c.steps;
  j["events"] = Json::array();
  for (const auto& e : c.events) j["events"].push_back(to_json(e));
  return j;
}

}  // namespace

Json to_json(const Event& event) {
  Json j;
  j["seq"] = event.seq;
  j["step"] = event.step;
  j["kind"] = kind_of(event.body);
  j["time"] = format_time(event.time);
  std::visit([&](const auto& body) { write_body(j, body); }, event.body);
  return j;
}

Json to_json(const Timeline& t) {
  Json j;
  j["format"] = "tlsclub-timeline/1";
  j["title"] = t.title;
  j["tls_version"] = t.tls_version;
  j["seed"] = t.seed;
  j["clock"] = format_time(t.clock);
  j["connections"] = Json::array();
  for (const auto& c : t.connections) j["connections"].push_back(connection_json(c));
  return j;
}

}  // namespace tlsclub
