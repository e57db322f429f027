#pragma once
// Two connections side by side (tlsclub diff, docs/diff.md): their handshake messages aligned by
// (sender, message name), then how each ended, what was negotiated, which checks failed and which
// secrets were derived. Students compare a TLS 1.2 and a 1.3 run, two seeds, two members, a fault
// and the clean run; the alignment shows what moved and what stayed.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/side.h"
#include "timeline/timeline.h"

namespace tlsclub {

// A longest common subsequence of two key sequences, as aligned pairs in order: both indices set
// for a key in both, one set for a key in only one. Ties prefer A's entries first, so "only in A"
// comes before "only in B" at the same place.
using AlignedPair = std::pair<std::optional<std::size_t>, std::optional<std::size_t>>;
std::vector<AlignedPair> align_sequences(const std::vector<std::string>& a,
                                         const std::vector<std::string>& b);

enum class StepKind { same, changed, only_a, only_b };
std::string_view to_string(StepKind kind);

struct DiffStep {
  StepKind kind = StepKind::same;
  Side from = Side::client;
  std::string message;  // "client_hello"
  // changed: the first byte (of the whole message, header included) that differs.
  std::optional<std::size_t> first_difference;
  // changed: the top-level decoded fields whose value or bytes differ, or that only one has.
  std::vector<std::string> fields;
};

// What a connection came to, in the terms both sides of the diff are compared on.
struct RunSummary {
  std::string member;
  std::string outcome;  // outcome_sentence
  Outcome result = Outcome::refused;
  std::optional<Side> refused_by;
  std::optional<std::string> alert;
  std::string version;       // negotiated ("TLS 1.3"), empty when the handshake never finished
  std::string cipher_suite;  // likewise
};

struct RunDiff {
  std::vector<DiffStep> steps;
  RunSummary a, b;
  // Failed checks, "client: validity at depth 0", that only one side's run has.
  std::vector<std::string> failed_checks_only_a, failed_checks_only_b;
  std::vector<std::string> secrets_only_a, secrets_only_b;  // SecretEvent names

  // True when every message is the same and the outcome (admitted/refused, by whom, which alert),
  // the negotiated version and cipher, the failed checks and the secrets all agree.
  bool same() const;
  bool same_outcome() const;
};

RunDiff diff_connections(const Connection& a, const Connection& b);

// The first byte where the two differ; nullopt when they are equal. A prefix differs at its end.
std::optional<std::size_t> first_difference(const Bytes& a, const Bytes& b);

// Names of the top-level fields whose value or bytes differ, in A's order then B's extras.
std::vector<std::string> differing_fields(const DecodedMessage& a, const DecodedMessage& b);

}  // namespace tlsclub
