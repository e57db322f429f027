#include "bridge/club_server.h"

#include <chrono>

#include "bridge/endpoint_configs.h"

namespace tlsclub::bridge {

namespace {
constexpr Millis kAcceptPoll{200};  // how often the wait for a visitor looks at `stop`
}

ClubServer::ClubServer(const ScenarioSpec& spec, ServeOptions options)
    : spec_(spec), options_(std::move(options)), cast_(build_cast(spec_)) {
  if (!options_.allow_non_loopback && !is_loopback_host(options_.listen))
    throw BridgeError("'" + options_.listen +
                      "' is not a loopback address: the club serves on this machine only "
                      "(hint: use 127.0.0.1, or --listen to accept visitors from elsewhere)");
  listener_ = listen_on(options_.listen, options_.port);
}

std::size_t ClubServer::run(const std::atomic<bool>& stop,
                            const std::function<void(const Timeline&, std::size_t)>& visited) {
  std::size_t visits = 0;
  auto idle_since = std::chrono::steady_clock::now();
  while (!stop.load() && (options_.max_connections == 0 || visits < options_.max_connections)) {
    if (options_.idle_timeout.count() > 0 &&
        std::chrono::steady_clock::now() - idle_since >= options_.idle_timeout)
      break;
    auto accepted = accept_within(listener_, kAcceptPoll);
    if (!accepted) continue;
    const Timeline t = visit(std::move(*accepted), stop);
    ++visits;
    if (visited) visited(t, visits);
    idle_since = std::chrono::steady_clock::now();
  }
  return visits;
}

Timeline ClubServer::visit(Accepted accepted, const std::atomic<bool>& stop) {
  Timeline t;
  t.title = spec_.title + " (live)";
  t.seed = spec_.seed;
  t.tls_version = spec_.max_version == TlsVersion::tls13 ? "1.3" : "1.2";
  t.clock = spec_.now;
  Connection& c = t.connections.emplace_back();
  c.client = accepted.peer;
  c.server_name = spec_.server.certificate.certificate.common_name;

  EndpointConfig config = club_config(spec_, cast_);
  config.stream = fresh_stream("bridge:server");
  Conversation conversation;
  conversation.reply = [](const LiveRecorder& r) {
    return "Welcome to the club, " + (r.peer_name().empty() ? "visitor" : r.peer_name()) + ".";
  };
  LiveSettings settings;
  settings.timeout = options_.visit_timeout;
  settings.stop = &stop;
  run_live(accepted.socket, std::move(config), spec_.now, conversation, settings, c,
           [&](const LiveRecorder& r) {
             // Name the visitor by its card when it showed one, and record the name it asked for.
             if (!r.peer_name().empty()) c.client = r.peer_name() + " (" + accepted.peer + ")";
             if (!r.requested_host().empty()) c.server_name = r.requested_host();
           });
  return t;
}

}  // namespace tlsclub::bridge
