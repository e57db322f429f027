#pragma once
// Explanations are data: every key the engine emits (a message, an extension, a field, a
// certificate check, an alert, a secret, an event) has a club sentence, an engineer sentence and
// the RFC section that governs it.

#include <span>
#include <string_view>

namespace tlsclub {

struct Explanation {
  std::string_view key;       // "message.client_hello", "check.validity", "alert.unknown_ca"
  std::string_view title;     // "ClientHello"
  std::string_view club;      // one or two sentences in the club's words (docs/glossary.md)
  std::string_view engineer;  // one to three precise sentences
  std::string_view rfc;       // "RFC 8446 4.1.2" (section always given)
};

// Entries of one category, defined in catalogue_<category>.cpp.
std::span<const Explanation> message_explanations();
std::span<const Explanation> extension_explanations();
std::span<const Explanation> field_explanations();
std::span<const Explanation> check_explanations();
std::span<const Explanation> alert_explanations();
std::span<const Explanation> secret_explanations();
std::span<const Explanation> event_explanations();

// Lookup across all categories; nullptr when there is no entry.
const Explanation* find_explanation(std::string_view key);

}  // namespace tlsclub
