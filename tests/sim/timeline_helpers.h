#pragma once
// Reading a recorded run in tests: the events of one kind, the handshake messages in order, a
// message or a check by name; and the TLS versions a test runs in. One copy for every test file,
// so each reads the Timeline the same way.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/tls_codes.h"
#include "string_makers.h"
#include "timeline/event.h"
#include "timeline/timeline.h"

namespace tlsclub::test {

// One SUBCASE per TLS version: doctest runs the test case once for each, and a failure names the
// version's subcase. Call it first, then `CAPTURE(version)`.
inline TlsVersion each_tls_version() {
  TlsVersion version = TlsVersion::tls13;
  SUBCASE("TLS 1.3") {
    version = TlsVersion::tls13;
  }
  SUBCASE("TLS 1.2") {
    version = TlsVersion::tls12;
  }
  return version;
}

// Every event of type T (MessageEvent, CheckEvent, ...) of one visit, in order.
template <class T>
std::vector<const T*> events_of(const Connection& c) {
  std::vector<const T*> out;
  for (const auto& e : c.events)
    if (const auto* t = std::get_if<T>(&e.body)) out.push_back(t);
  return out;
}

// The same over every visit of a run.
template <class T>
std::vector<const T*> events_of(const Timeline& timeline) {
  std::vector<const T*> out;
  for (const auto& c : timeline.connections)
    for (const T* t : events_of<T>(c)) out.push_back(t);
  return out;
}

// "client:client_hello" for every handshake message, in the order the sender built them.
inline std::vector<std::string> message_sequence(const Connection& c) {
  std::vector<std::string> out;
  for (const auto* m : events_of<MessageEvent>(c))
    out.push_back(std::string(to_string(m->from)) + ":" + m->message.name);
  return out;
}

// The names of the handshake messages one side sent, in order.
inline std::vector<std::string> messages_from(const Connection& c, Side from) {
  std::vector<std::string> out;
  for (const auto* m : events_of<MessageEvent>(c))
    if (m->from == from) out.push_back(m->message.name);
  return out;
}

// The first message of that name (from either side), or nullptr.
inline const MessageEvent* find_message(const Connection& c, std::string_view name) {
  for (const auto* m : events_of<MessageEvent>(c))
    if (m->message.name == name) return m;
  return nullptr;
}

// Every check of that name ("validity", "revocation", ...), at every depth, in order.
inline std::vector<const CheckEvent*> checks_named(const Connection& c, std::string_view name) {
  std::vector<const CheckEvent*> out;
  for (const auto* check : events_of<CheckEvent>(c))
    if (check->check == name) out.push_back(check);
  return out;
}

// The first check that failed, or nullptr: the one whose alert ended the visit.
inline const CheckEvent* first_failed_check(const Connection& c) {
  for (const auto* check : events_of<CheckEvent>(c))
    if (!check->passed) return check;
  return nullptr;
}

}  // namespace tlsclub::test
