// The explanations catalogue (sim/explain/): every entry is complete, well-keyed and cites an RFC
// section, and every key the engine emits can be found.

#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "explain/catalogue.h"

namespace tlsclub {
namespace {

struct Category {
  std::string_view name;
  std::span<const Explanation> entries;
  std::vector<std::string_view> prefixes;
};

std::vector<Category> all_categories() {
  return {
      {"messages", message_explanations(), {"message."}},
      {"extensions", extension_explanations(), {"extension."}},
      {"fields", field_explanations(), {"field."}},
      {"checks", check_explanations(), {"check."}},
      {"alerts", alert_explanations(), {"alert."}},
      {"secrets", secret_explanations(), {"secret."}},
      {"events",
       event_explanations(),
       {"event.", "record.", "protection.", "outcome.", "version.", "group.", "myth."}},
  };
}

std::vector<std::string_view> split_references(std::string_view rfc) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = rfc.find("; ", start);
    parts.push_back(rfc.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 2;
  }
}

bool has_stray_whitespace(std::string_view text) {
  return text.empty() || text.front() == ' ' || text.back() == ' ' ||
         text.find("  ") != std::string_view::npos || text.find('\n') != std::string_view::npos;
}

// Every key the engine emits (DESIGN.md "Explanations are data"), except field.* keys, which the
// decoder's own tests list.
constexpr std::string_view kRequiredKeys[] = {
    // Messages.
    "message.hello_request",
    "message.client_hello",
    "message.server_hello",
    "message.hello_retry_request",
    "message.new_session_ticket",
    "message.end_of_early_data",
    "message.encrypted_extensions",
    "message.certificate",
    "message.server_key_exchange",
    "message.certificate_request",
    "message.server_hello_done",
    "message.certificate_verify",
    "message.client_key_exchange",
    "message.finished",
    "message.certificate_status",
    "message.key_update",
    "message.message_hash",
    "message.change_cipher_spec",
    // Extensions.
    "extension.server_name",
    "extension.max_fragment_length",
    "extension.status_request",
    "extension.supported_groups",
    "extension.ec_point_formats",
    "extension.signature_algorithms",
    "extension.use_srtp",
    "extension.heartbeat",
    "extension.application_layer_protocol_negotiation",
    "extension.signed_certificate_timestamp",
    "extension.client_certificate_type",
    "extension.server_certificate_type",
    "extension.padding",
    "extension.encrypt_then_mac",
    "extension.extended_master_secret",
    "extension.record_size_limit",
    "extension.session_ticket",
    "extension.pre_shared_key",
    "extension.early_data",
    "extension.supported_versions",
    "extension.cookie",
    "extension.psk_key_exchange_modes",
    "extension.certificate_authorities",
    "extension.oid_filters",
    "extension.post_handshake_auth",
    "extension.signature_algorithms_cert",
    "extension.key_share",
    "extension.renegotiation_info",
    "extension.unknown",
    // Checks of the bouncer.
    "check.chain_present",
    "check.issuer_known",
    "check.signature",
    "check.trust_anchor",
    "check.validity",
    "check.basic_constraints",
    "check.key_usage",
    "check.extended_key_usage",
    "check.hostname",
    "check.crl",
    "check.ocsp",
    "check.revocation_info",
    "check.signature_strength",
    "check.certificate_verify",
    "check.name_constraints",
    // Alerts.
    "alert.close_notify",
    "alert.unexpected_message",
    "alert.bad_record_mac",
    "alert.decryption_failed",
    "alert.record_overflow",
    "alert.decompression_failure",
    "alert.handshake_failure",
    "alert.no_certificate",
    "alert.bad_certificate",
    "alert.unsupported_certificate",
    "alert.certificate_revoked",
    "alert.certificate_expired",
    "alert.certificate_unknown",
    "alert.illegal_parameter",
    "alert.unknown_ca",
    "alert.access_denied",
    "alert.decode_error",
    "alert.decrypt_error",
    "alert.export_restriction",
    "alert.protocol_version",
    "alert.insufficient_security",
    "alert.internal_error",
    "alert.inappropriate_fallback",
    "alert.user_canceled",
    "alert.no_renegotiation",
    "alert.missing_extension",
    "alert.unsupported_extension",
    "alert.certificate_unobtainable",
    "alert.unrecognized_name",
    "alert.bad_certificate_status_response",
    "alert.bad_certificate_hash_value",
    "alert.unknown_psk_identity",
    "alert.certificate_required",
    "alert.no_application_protocol",
    // Secrets.
    "secret.shared_secret",
    "secret.early_secret",
    "secret.handshake_secret",
    "secret.master_secret",
    "secret.client_handshake_traffic_secret",
    "secret.server_handshake_traffic_secret",
    "secret.client_application_traffic_secret_0",
    "secret.server_application_traffic_secret_0",
    "secret.exporter_master_secret",
    "secret.client_early_traffic_secret",
    "secret.resumption_master_secret",
    "secret.premaster_secret",
    "secret.tls12_master_secret",
    // Events, records, protections, outcomes, versions, groups, myths.
    "event.record_sent",
    "event.record_delivered",
    "event.record_dropped",
    "event.record_replayed",
    "event.established",
    "event.app_data",
    "event.closed",
    "event.fault_applied",
    "event.narration",
    "record.handshake",
    "record.change_cipher_spec",
    "record.alert",
    "record.application_data",
    "record.heartbeat",
    "protection.plaintext",
    "protection.handshake_traffic",
    "protection.application_traffic",
    "protection.tls12_session_keys",
    "outcome.admitted",
    "outcome.refused",
    "version.tls12",
    "version.tls13",
    "group.x25519",
    "group.secp256r1",
    "group.secp384r1",
    "group.X25519MLKEM768",
    "myth.certificate_encrypts_traffic",
};

}  // namespace

TEST_CASE(
    "every explanation has a key, a title, a club sentence, an engineer sentence and an RFC") {
  for (const Category& category : all_categories()) {
    for (const Explanation& entry : category.entries) {
      CAPTURE(entry.key);
      CHECK_FALSE(entry.key.empty());
      CHECK_FALSE(entry.title.empty());
      CHECK_FALSE(entry.club.empty());
      CHECK_FALSE(entry.engineer.empty());
      CHECK_FALSE(entry.rfc.empty());
    }
  }
}

TEST_CASE("explanation texts have no stray whitespace") {
  for (const Category& category : all_categories()) {
    for (const Explanation& entry : category.entries) {
      CAPTURE(entry.key);
      CHECK_FALSE(has_stray_whitespace(entry.title));
      CHECK_FALSE(has_stray_whitespace(entry.club));
      CHECK_FALSE(has_stray_whitespace(entry.engineer));
    }
  }
}

TEST_CASE("every key starts with its category's prefix") {
  for (const Category& category : all_categories()) {
    for (const Explanation& entry : category.entries) {
      CAPTURE(category.name);
      CAPTURE(entry.key);
      bool prefixed = false;
      for (std::string_view prefix : category.prefixes) {
        prefixed = prefixed || (entry.key.starts_with(prefix) && entry.key.size() > prefix.size());
      }
      CHECK(prefixed);
    }
  }
}

TEST_CASE("every RFC reference names a document and a section") {
  // "RFC 8446 4.1.2", "RFC 8446 D.4" (an appendix), "draft-ietf-tls-ecdhe-mlkem 3"; joined by "; ".
  const std::regex reference(R"((RFC \d+|draft-[a-z0-9-]+) ([A-Z]|\d+)(\.\d+)*)");
  for (const Category& category : all_categories()) {
    for (const Explanation& entry : category.entries) {
      for (std::string_view part : split_references(entry.rfc)) {
        CAPTURE(entry.key);
        CAPTURE(part);
        CHECK(std::regex_match(part.begin(), part.end(), reference));
      }
    }
  }
}

TEST_CASE("keys are unique across categories") {
  std::set<std::string_view> seen;
  for (const Category& category : all_categories()) {
    for (const Explanation& entry : category.entries) {
      CAPTURE(entry.key);
      CHECK(seen.insert(entry.key).second);
    }
  }
}

TEST_CASE("find_explanation finds every entry of every category") {
  for (const Category& category : all_categories()) {
    for (const Explanation& entry : category.entries) {
      CAPTURE(entry.key);
      CHECK(find_explanation(entry.key) == &entry);
    }
  }
}

TEST_CASE("find_explanation returns nullptr for a key with no entry") {
  CHECK(find_explanation("message.no_such_message") == nullptr);
  CHECK(find_explanation("message.") == nullptr);
  CHECK(find_explanation("client_hello") == nullptr);
  CHECK(find_explanation("") == nullptr);
  CHECK(find_explanation("zzz") == nullptr);
}

TEST_CASE("every key the engine emits has an entry") {
  for (std::string_view key : kRequiredKeys) {
    CAPTURE(key);
    const Explanation* entry = find_explanation(key);
    REQUIRE(entry != nullptr);
    CHECK(entry->key == key);
  }
}

TEST_CASE("the certificate myth is named and corrected") {
  const Explanation* myth = find_explanation("myth.certificate_encrypts_traffic");
  REQUIRE(myth != nullptr);
  CHECK(myth->club.find("Myth") != std::string_view::npos);
  CHECK(myth->engineer.find("only signs") != std::string_view::npos);
  CHECK(myth->engineer.find("(EC)DHE") != std::string_view::npos);
}

}  // namespace tlsclub
