#pragma once
// What protects a record or a handshake message: one vocabulary for every view. The Timeline
// keeps the name of the secret whose keys seal it ("plaintext", "client_handshake_traffic_secret",
// "tls12_server_write_key"; the JSON's `protection`); code asks this header what kind it is and
// never parses the name itself.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/side.h"

namespace tlsclub {

struct RecordEvent;

inline constexpr std::string_view kPlaintext = "plaintext";

// The keys behind a protection name (RFC 8446 7.3 traffic keys; RFC 5246 6.3 key block).
enum class Keys : std::uint8_t { plaintext, handshake_traffic, application_traffic, tls12_session };

// The one meaning colour has everywhere (docs/gui.md#colour-means-protection): the keys, except
// that an alert record is red whatever protects it, because it says why the door shut.
enum class Protection : std::uint8_t { plaintext, handshake_keys, application_keys, alert };

Keys keys_of(std::string_view protection);
// The other way: the name of the keys `writer` seals its records with, for the recorders to write
// ("client_handshake_traffic_secret"; application traffic is its first generation, "..._0").
std::string protection_name(Keys keys, Side writer);
bool is_encrypted(std::string_view protection);
// The keys a secret of the key schedule seals records with, if it seals any: a traffic secret
// (RFC 8446 7.3) or TLS 1.2's write keys (RFC 5246 6.3); none for the secrets in between
// (shared, early, handshake and master secrets, exporter, resumption).
std::optional<Keys> sealing_keys(std::string_view secret);
// The catalogue entry that explains it: "protection.handshake_traffic", ...
std::string_view explain_key(Keys keys);
// "client handshake keys", "server session keys", "plaintext".
std::string keys_in_words(std::string_view protection);

// The colour of the keys alone (TLS 1.2 session keys are application keys) ...
Protection protection_of(Keys keys);
// ... and of a record, where an alert wins.
Protection protection_of(const RecordEvent& record);
// "plaintext", "handshake keys", "application keys", "alert".
std::string_view short_label(Protection p);

}  // namespace tlsclub
