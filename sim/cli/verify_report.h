#pragma once
// What tlsclub verify prints and writes: the built path, every check of the bouncer, a verdict.
// Kept apart from the command's options so the words live in one place for text and JSON.

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "endpoint/path_builder.h"
#include "endpoint/verifier.h"

namespace tlsclub::cli {

struct VerifyReport {
  BuiltPath built;
  std::vector<Botan::X509_Certificate> anchors;  // to mark the path's anchor
  VerifyResult result;
  SimTime now{};
  std::string purpose;   // "server" or "client"
  std::string identity;  // the host name or address checked, "" when none
  // No --trusted and no --trust system: the checks that need an anchor cannot be decided.
  bool no_trust_store = false;
};

// Builds the path from `leaf` through `untrusted` to the request's trusted roots, then runs the
// bouncer on it (request.chain is set here). `identity`: the host name or address checked.
VerifyReport check_chain(const Botan::X509_Certificate& leaf,
                         const std::vector<Botan::X509_Certificate>& untrusted,
                         VerifyRequest request, std::string identity);

// A check the report cannot decide (no trust store): issuer_known and trust_anchor failures.
bool undecided(const VerifyReport& report, const CheckEvent& check);
// "valid", "invalid" or "undecided" (exit 0, 1, 1).
std::string verdict_of(const VerifyReport& report);

void write_verify_text(std::ostream& out, const VerifyReport& report, bool explanations,
                       bool color);
nlohmann::ordered_json verify_json(const VerifyReport& report);

}  // namespace tlsclub::cli
