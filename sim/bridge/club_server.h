#pragma once
// `tlsclub serve`: the scenario's club entrance as a real TLS server on the loopback. Its badge,
// chain, OCSP staple, the authorities it trusts for cards and its policy are the scenario's; its
// bouncer is our verifier. Each visitor is recorded as a Timeline of its own. Visitors are served
// side by side (a thread each, at most max_concurrent at once), so a silent or slow one never
// delays another; bounded by a connection count, an idle time and a time-out per visit.

#include <atomic>
#include <functional>
#include <string>

#include "bridge/live_connection.h"
#include "bridge/socket.h"
#include "scenario/cast.h"
#include "scenario/scenario.h"
#include "timeline/timeline.h"

namespace tlsclub::bridge {

struct ServeOptions {
  std::string listen = "127.0.0.1";
  std::uint16_t port = 4433;        // 0: any free port (see ClubServer::port)
  bool allow_non_loopback = false;  // another address than the loopback's: the caller warns
  std::size_t max_connections = 0;  // 0: no limit
  Millis idle_timeout{0};           // stop after this long without a visitor; 0: never
  Millis visit_timeout{30000};      // the whole visit
  Millis handshake_timeout{10000};  // until the club has finished the handshake
  // After the handshake, how long the club waits for the visitor to speak: a browser opens
  // spare connections it may never use, and each holds one of max_concurrent places meanwhile.
  Millis request_timeout{5000};
  // Visits served at once; one more is accepted and closed at once (counted as turned back), so
  // a flood of connections costs no more than this many threads.
  std::size_t max_concurrent = 64;
};

struct ServeCounts {
  std::size_t visits = 0;       // visits served to their end
  std::size_t turned_back = 0;  // connections closed at once: max_concurrent visits were on
};

class ClubServer {
 public:
  // Binds at once: a port in use or a non-loopback address (without allow_non_loopback) throws
  // BridgeError naming it, before anyone can knock.
  ClubServer(const ScenarioSpec& spec, ServeOptions options);

  std::uint16_t port() const { return listener_.port; }
  const std::string& host() const { return listener_.host; }

  // Serves visitors until `stop`, max_connections or idle_timeout, then waits for the visits
  // under way. `visited` gets each one's Timeline (one connection) as soon as the visit ends,
  // numbered in the order they end; it is never called twice at once (its lines do not
  // interleave). `turned_back` (optional) hears of each connection closed at once.
  ServeCounts run(const std::atomic<bool>& stop,
                  const std::function<void(const Timeline&, std::size_t number)>& visited,
                  const std::function<void(const std::string& peer)>& turned_back = {});

 private:
  Timeline visit(Accepted accepted, const std::atomic<bool>& stop);

  ScenarioSpec spec_;
  ServeOptions options_;
  Cast cast_;
  Listener listener_;
};

}  // namespace tlsclub::bridge
