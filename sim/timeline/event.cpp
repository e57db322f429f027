#include "timeline/event.h"

#include <type_traits>

#include "core/overloaded.h"
#include "timeline/protection.h"

namespace tlsclub {

namespace {
void add_field_keys(const std::vector<Field>& fields, std::vector<std::string>& out) {
  for (const auto& f : fields) {
    if (!f.explain_key.empty()) out.push_back(f.explain_key);
    add_field_keys(f.children, out);
  }
}

}  // namespace

std::string_view kind_of(const EventBody& body) {
  return std::visit(Overloaded{
                        [](const RecordEvent&) { return std::string_view("record"); },
                        [](const MessageEvent&) { return std::string_view("message"); },
                        [](const SecretEvent&) { return std::string_view("secret"); },
                        [](const CheckEvent&) { return std::string_view("check"); },
                        [](const AlertEvent&) { return std::string_view("alert"); },
                        [](const EstablishedEvent&) { return std::string_view("established"); },
                        [](const AppDataEvent&) { return std::string_view("app_data"); },
                        [](const FaultEvent&) { return std::string_view("fault"); },
                        [](const ClosedEvent&) { return std::string_view("closed"); },
                    },
                    body);
}

std::vector<std::string> explain_keys(const Event& event) {
  std::vector<std::string> keys;
  std::visit(Overloaded{
                 [&](const RecordEvent& r) {
                   keys.push_back(r.phase == RecordEvent::Phase::sent ? "event.record_sent"
                                                                      : "event.record_delivered");
                   keys.emplace_back(explain_key(keys_of(r.protection)));
                   for (const auto& m : r.messages) {
                     if (m == "alert" || m == "application_data")
                       keys.push_back("record." + m);
                     else
                       keys.push_back("message." + m);
                   }
                 },
                 [&](const MessageEvent& m) {
                   keys.push_back("message." + m.message.name);
                   keys.emplace_back(explain_key(keys_of(m.protection)));
                   add_field_keys(m.message.fields, keys);
                 },
                 [&](const SecretEvent& s) { keys.push_back("secret." + s.name); },
                 [&](const CheckEvent& c) {
                   keys.push_back("check." + c.check);
                   if (!c.alert.empty()) keys.push_back("alert." + c.alert);
                 },
                 [&](const AlertEvent& a) { keys.push_back("alert." + a.name); },
                 [&](const EstablishedEvent&) { keys.push_back("event.established"); },
                 [&](const AppDataEvent&) { keys.push_back("event.app_data"); },
                 [&](const FaultEvent& f) {
                   keys.push_back(f.applied ? "event.fault_applied" : "event.fault_not_applied");
                 },
                 [&](const ClosedEvent&) { keys.push_back("event.closed"); },
             },
             event.body);
  return keys;
}

}  // namespace tlsclub
