#include "state/protection.h"

#include <algorithm>

namespace tlsclub::gui {

bool is_encrypted(std::string_view protection) {
  return !protection.empty() && protection != "plaintext";
}

Protection keys_of(std::string_view protection) {
  if (!is_encrypted(protection)) return Protection::plaintext;
  if (protection.find("handshake") != std::string_view::npos) return Protection::handshake_keys;
  return Protection::application_keys;  // TLS 1.3 application traffic or TLS 1.2 session keys
}

Protection protection_of(const RecordEvent& record) {
  const bool alert =
      record.content_type == 21 || record.inner_type == 21 ||
      std::find(record.messages.begin(), record.messages.end(), "alert") != record.messages.end();
  return alert ? Protection::alert : keys_of(record.protection);
}

std::string_view short_label(Protection p) {
  switch (p) {
    case Protection::plaintext:
      return "plaintext";
    case Protection::handshake_keys:
      return "handshake keys";
    case Protection::application_keys:
      return "application keys";
    case Protection::alert:
      return "alert";
  }
  return "plaintext";
}

std::string_view protection_explain_key(std::string_view protection) {
  if (!is_encrypted(protection)) return "protection.plaintext";
  if (protection.starts_with("tls12_")) return "protection.tls12_session_keys";
  if (protection.find("handshake") != std::string_view::npos) return "protection.handshake_traffic";
  return "protection.application_traffic";
}

}  // namespace tlsclub::gui
