#pragma once
// The vocabulary of CheckEvent::check: one table, read by the verifier's tests, the scenario and
// lesson loaders (`failing_check`, anchors), the catalogue's coverage test and the GUI's choices.

#include <array>
#include <span>
#include <string_view>

#include "timeline/event.h"

namespace tlsclub {

// Each name once, as a constant: code writes checks::validity, never the string, so a misspelt
// check is a compile error and check_names() below is the whole list.
namespace checks {
inline constexpr std::string_view issuer_known = "issuer_known";
inline constexpr std::string_view trust_anchor = "trust_anchor";
inline constexpr std::string_view signature = "signature";
inline constexpr std::string_view signature_strength = "signature_strength";
inline constexpr std::string_view validity = "validity";
inline constexpr std::string_view lifetime = "lifetime";
inline constexpr std::string_view basic_constraints = "basic_constraints";
inline constexpr std::string_view key_usage = "key_usage";
inline constexpr std::string_view extended_key_usage = "extended_key_usage";
inline constexpr std::string_view hostname = "hostname";
inline constexpr std::string_view name_constraints = "name_constraints";
inline constexpr std::string_view crl = "crl";
inline constexpr std::string_view ocsp = "ocsp";
inline constexpr std::string_view revocation_info = "revocation_info";
inline constexpr std::string_view certificate_selection = "certificate_selection";
inline constexpr std::string_view password = "password";
}  // namespace checks

// The certificate checks the verifier records (sim/endpoint/verifier.cpp), in path order; then a
// side that holds a certificate and shows none (sim/endpoint/endpoint.cpp), and the second factor.
// A new check is one constant above and one name here.
inline constexpr std::array kCheckNames{checks::issuer_known,
                                        checks::trust_anchor,
                                        checks::signature,
                                        checks::signature_strength,
                                        checks::validity,
                                        checks::lifetime,
                                        checks::basic_constraints,
                                        checks::key_usage,
                                        checks::extended_key_usage,
                                        checks::hostname,
                                        checks::name_constraints,
                                        checks::crl,
                                        checks::ocsp,
                                        checks::revocation_info,
                                        checks::certificate_selection,
                                        checks::password};
inline std::span<const std::string_view> check_names() {
  return kCheckNames;
}

// The password is asked after the handshake, inside the encrypted channel: it is the club's own
// second factor, not a check of a certificate.
bool is_certificate_check(std::string_view check);

// What a failed check's status code says beyond its name, for words that must not guess from the
// status text (Botan's sentence): a certificate not valid yet (not expired), one revoked (not a
// bad CRL or OCSP answer), a path longer than its CA allows (not an issuer that is no CA).
bool not_yet_valid(const CheckEvent& check);
bool revoked(const CheckEvent& check);
bool path_too_long(const CheckEvent& check);

}  // namespace tlsclub
