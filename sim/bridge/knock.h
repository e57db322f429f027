#pragma once
// `tlsclub knock`: one member of the scenario visits a real TLS server on the loopback, with its
// card, the authorities its device trusts, its SNI and its policy; our verifier is its bouncer.
// The visit is recorded as a Timeline like a simulated one.

#include <atomic>
#include <string>

#include "bridge/live_connection.h"
#include "scenario/scenario.h"
#include "timeline/timeline.h"

namespace tlsclub::bridge {

struct KnockOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 4433;
  std::string member;               // a member's name in the scenario
  std::string server_name;          // overrides the member's SNI when not empty
  bool allow_non_loopback = false;  // another host than this machine: the caller warns
  Millis connect_timeout{3000};
  Millis timeout{10000};
  Millis reply_wait{2000};
};

// Throws BridgeError for an unknown member, a non-loopback host (unless allowed), nothing
// listening, no answer. A refused visit is not an error: it is in the Timeline.
Timeline knock(const ScenarioSpec& spec, const KnockOptions& options,
               const std::atomic<bool>* stop = nullptr);

}  // namespace tlsclub::bridge
