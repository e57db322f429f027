#include "timeline/protection.h"

#include <algorithm>

#include "timeline/event.h"
#include "wire/record.h"

namespace tlsclub {

bool is_encrypted(std::string_view protection) {
  return !protection.empty() && protection != kPlaintext;
}

std::optional<Keys> sealing_keys(std::string_view secret) {
  if (secret.ends_with("_handshake_traffic_secret")) return Keys::handshake_traffic;
  if (secret.find("_application_traffic_secret_") != std::string_view::npos)
    return Keys::application_traffic;
  if (secret.starts_with("tls12_") && secret.ends_with("_write_key")) return Keys::tls12_session;
  return std::nullopt;
}

Keys keys_of(std::string_view protection) {
  if (!is_encrypted(protection)) return Keys::plaintext;
  if (protection.starts_with("tls12_")) return Keys::tls12_session;
  if (protection.find("_handshake_") != std::string_view::npos) return Keys::handshake_traffic;
  return Keys::application_traffic;  // also a later generation after KeyUpdate
}

std::string protection_name(Keys keys, Side writer) {
  const std::string who(to_string(writer));
  switch (keys) {
    case Keys::plaintext:
      return std::string(kPlaintext);
    case Keys::handshake_traffic:
      return who + "_handshake_traffic_secret";
    case Keys::application_traffic:
      return who + "_application_traffic_secret_0";
    case Keys::tls12_session:
      return "tls12_" + who + "_write_key";
  }
  return std::string(kPlaintext);
}

std::string_view explain_key(Keys keys) {
  switch (keys) {
    case Keys::plaintext:
      return "protection.plaintext";
    case Keys::handshake_traffic:
      return "protection.handshake_traffic";
    case Keys::application_traffic:
      return "protection.application_traffic";
    case Keys::tls12_session:
      return "protection.tls12_session_keys";
  }
  return "protection.plaintext";
}

std::string keys_in_words(std::string_view protection) {
  const Keys keys = keys_of(protection);
  if (keys == Keys::plaintext) return std::string(kPlaintext);
  // "tls12_client_write_key" / "client_handshake_traffic_secret": the writer comes first.
  const std::string_view rest = keys == Keys::tls12_session ? protection.substr(6) : protection;
  const std::string side(rest.substr(0, rest.find('_')));
  switch (keys) {
    case Keys::tls12_session:
      return side + " session keys";
    case Keys::handshake_traffic:
      return side + " handshake keys";
    default:
      return side + " application keys";
  }
}

Protection protection_of(Keys keys) {
  switch (keys) {
    case Keys::plaintext:
      return Protection::plaintext;
    case Keys::handshake_traffic:
      return Protection::handshake_keys;
    case Keys::application_traffic:
    case Keys::tls12_session:
      return Protection::application_keys;
  }
  return Protection::plaintext;
}

Protection protection_of(const RecordEvent& record) {
  const auto alert = static_cast<std::uint8_t>(ContentType::alert);
  const bool carries_alert =
      record.content_type == alert || record.inner_type == alert ||
      std::find(record.messages.begin(), record.messages.end(), "alert") != record.messages.end();
  return carries_alert ? Protection::alert : protection_of(keys_of(record.protection));
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

}  // namespace tlsclub
