#pragma once
// The names the values of a scenario file (format 1) take, beside format_keys.h's keys: key
// types, groups, signature algorithms, ... The scenario loader checks values against these
// lists, the lesson loader and the tests read them too, and docs/scenario-format.md names them.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "decode/handshake_decoder.h"

namespace tlsclub::loader {

std::span<const std::string_view> key_type_names();             // ecdsa_p256 ...
std::span<const std::string_view> group_names();                // x25519 ...
std::span<const std::string_view> signature_algorithm_names();  // ed25519 ...
std::span<const std::string_view> key_usage_names();
std::span<const std::string_view> eku_names();  // serverAuth ...
std::optional<std::string> eku_oid(std::string_view name_or_oid);
using tlsclub::alert_names;  // the decoder's table (decode/handshake_decoder.h)
std::span<const std::string_view> revocation_reason_names();  // index = RFC 5280 reason code
// Handshake message names a fault or an anchor may name ("certificate_verify", ...).
std::span<const std::string_view> message_names();
// The wire fault actions, in WireFault::Action order: flip, drop, ... downgrade.
std::span<const std::string_view> wire_fault_actions();

}  // namespace tlsclub::loader
