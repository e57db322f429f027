#pragma once
// What protects a record, as the one meaning colour has everywhere
// (docs/gui.md#colour-means-protection): plaintext, the handshake traffic keys, the application
// traffic keys (TLS 1.2: the session keys), or an alert.

#include <cstdint>
#include <string_view>

#include "timeline/event.h"

namespace tlsclub::gui {

enum class Protection : std::uint8_t { plaintext, handshake_keys, application_keys, alert };

// An alert record is red whatever protects it: the colour says "this is why the door shut".
Protection protection_of(const RecordEvent& record);
// The keys alone, ignoring the alert rule (for the inspector's "protected by" line).
Protection keys_of(std::string_view protection);
bool is_encrypted(std::string_view protection);

// "plaintext", "handshake keys", "application keys", "alert".
std::string_view short_label(Protection p);
// The catalogue key that explains a protection string ("protection.handshake_traffic").
std::string_view protection_explain_key(std::string_view protection);

}  // namespace tlsclub::gui
