#pragma once
// The keys each table of a scenario file (format 1) may hold: the loader rejects any other key
// (unknown-key) and docs/scenario-format.md documents exactly these, so a test can hold the two
// together. A key is added here, in the loader's reading code and in the document, or nowhere.

#include <array>
#include <span>
#include <string_view>

namespace tlsclub::loader {

inline constexpr std::array<std::string_view, 8> kTopKeys{
    "format", "scenario", "authority", "server", "member", "fault", "note", "question"};
inline constexpr std::array<std::string_view, 8> kScenarioKeys{
    "title", "summary", "lesson", "level", "tls", "seed", "clock", "middlebox_compatibility"};
inline constexpr std::array<std::string_view, 15> kAuthorityKeys{
    "id",         "name",        "organization",   "issuer",        "key",
    "valid_from", "valid_until", "path_length",    "key_usage",     "omit_key_usage",
    "crl",        "ca",          "signature_hash", "permitted_dns", "excluded_dns"};
inline constexpr std::array<std::string_view, 4> kCrlKeys{"revoked", "reason", "this_update",
                                                          "next_update"};
inline constexpr std::array<std::string_view, 26> kServerKeys{"name",
                                                              "dns_names",
                                                              "issuer",
                                                              "organization",
                                                              "key",
                                                              "valid_from",
                                                              "valid_until",
                                                              "extended_key_usage",
                                                              "key_usage",
                                                              "omit_key_usage",
                                                              "send_intermediates",
                                                              "client_auth",
                                                              "trusted_authorities",
                                                              "groups",
                                                              "require_revocation_info",
                                                              "session_tickets",
                                                              "ocsp_staple",
                                                              "signature_hash",
                                                              "self_signed",
                                                              "altered_signature",
                                                              "chain_order",
                                                              "ciphers",
                                                              "signature_algorithms",
                                                              "key_exchange",
                                                              "require_password",
                                                              "passwords"};
inline constexpr std::array<std::string_view, 6> kOcspKeys{
    "status", "this_update", "next_update", "revoked_at", "reason", "signed_by_wrong_key"};
inline constexpr std::array<std::string_view, 14> kMemberKeys{"name",
                                                              "server_name",
                                                              "trusted_authorities",
                                                              "groups",
                                                              "require_revocation_info",
                                                              "max_badge_lifetime_days",
                                                              "request",
                                                              "card",
                                                              "expect",
                                                              "password",
                                                              "ciphers",
                                                              "signature_algorithms",
                                                              "key_exchange",
                                                              "resumes"};
inline constexpr std::array<std::string_view, 14> kCardKeys{"issuer",
                                                            "name",
                                                            "organization",
                                                            "key",
                                                            "valid_from",
                                                            "valid_until",
                                                            "key_usage",
                                                            "omit_key_usage",
                                                            "extended_key_usage",
                                                            "dns_names",
                                                            "signature_hash",
                                                            "self_signed",
                                                            "altered_signature",
                                                            "stolen"};
inline constexpr std::array<std::string_view, 4> kExpectKeys{"outcome", "refused_by", "alert",
                                                             "failing_check"};
inline constexpr std::array<std::string_view, 9> kFaultKeys{
    "action", "member", "from", "record", "message", "offset", "mask", "alert", "authority"};
inline constexpr std::array<std::string_view, 3> kNoteKeys{"member", "at", "text"};
inline constexpr std::array<std::string_view, 6> kQuestionKeys{"member",   "at",      "kind",
                                                               "question", "choices", "answer"};

// One table of the file, named as an unknown-key error names it ("" is the top level).
struct FormatTable {
  std::string_view name;
  std::span<const std::string_view> keys;
};

// Every table with a fixed set of keys. [server.passwords] is not among them: its keys are the
// names on the cards.
inline constexpr std::array<FormatTable, 12> kFormatTables{{
    {"", kTopKeys},
    {"scenario", kScenarioKeys},
    {"authority", kAuthorityKeys},
    {"authority.crl", kCrlKeys},
    {"server", kServerKeys},
    {"server.ocsp_staple", kOcspKeys},
    {"member", kMemberKeys},
    {"member.card", kCardKeys},
    {"member.expect", kExpectKeys},
    {"fault", kFaultKeys},
    {"note", kNoteKeys},
    {"question", kQuestionKeys},
}};

}  // namespace tlsclub::loader
