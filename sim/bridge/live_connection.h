#pragma once
// One live TLS connection: our endpoint (the club, or a member) on one end of a connected socket,
// real TLS software on the other. Records are fed to the endpoint one at a time, so the recorder
// sees each with the keys that protect it. Every wait is bounded; the visit ends when both sides
// have closed, the peer hangs up, the time-out passes or `stop` is set (Ctrl-C).

#include <atomic>
#include <functional>
#include <string>

#include "bridge/live_recorder.h"
#include "bridge/socket.h"
#include "endpoint/endpoint.h"
#include "timeline/timeline.h"

namespace tlsclub::bridge {

struct LiveSettings {
  Millis timeout{10000};  // the whole visit, handshake included
  // Until our side has finished the handshake (0: only `timeout`): a peer that sends a byte now
  // and then never holds the door longer than this.
  Millis handshake_timeout{0};
  // Once our side has finished the handshake, the longest the peer may say nothing (0: only
  // `timeout`): a browser's spare connection that never sends a request.
  Millis idle_timeout{0};
  Millis reply_wait{2000};  // member: how long to wait for the club's answer before leaving
  Millis linger{500};       // after our close: how long to wait for the peer's goodbye
  const std::atomic<bool>* stop = nullptr;
};

// What our side says once the handshake is through. A member says `request`, waits for an answer
// (or reply_wait) and closes; the club answers the first thing it hears with `reply(recorder)` and
// closes.
struct Conversation {
  std::string request;
  std::function<std::string(const LiveRecorder&)> reply;
};

// `connection.client` and `connection.server_name` are the caller's; the rest is filled in.
// `clock_start`: the scenario time the visit starts at (it then runs with the real clock).
void run_live(Socket& socket, EndpointConfig config, SimTime clock_start,
              const Conversation& conversation, const LiveSettings& settings,
              Connection& connection, const std::function<void(const LiveRecorder&)>& after = {});

// A DRBG stream name no other live connection uses: live peers need fresh randomness (real
// ephemeral keys), while the cast stays the scenario's.
std::string fresh_stream(const std::string& prefix);

}  // namespace tlsclub::bridge
