#include "bridge/club_server.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

#include "bridge/endpoint_configs.h"
#include "bridge/welcome_page.h"

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

namespace {

// A visit under way on its own thread; `done` once its report is made.
struct Worker {
  std::thread thread;
  std::shared_ptr<std::atomic<bool>> done;
};

// Joins the workers whose visit has ended; returns how many are still under way.
std::size_t reap(std::list<Worker>& workers) {
  for (auto it = workers.begin(); it != workers.end();) {
    if (!it->done->load()) {
      ++it;
      continue;
    }
    it->thread.join();
    it = workers.erase(it);
  }
  return workers.size();
}

}  // namespace

ServeCounts ClubServer::run(const std::atomic<bool>& stop,
                            const std::function<void(const Timeline&, std::size_t)>& visited,
                            const std::function<void(const std::string&)>& turned_back) {
  ServeCounts counts;
  std::mutex reporting;        // one report at a time: whole lines, numbers in order
  std::exception_ptr failure;  // the first visit that failed outside TLS (under `reporting`)
  std::list<Worker> workers;
  std::size_t accepted_visits = 0;
  auto idle_since = std::chrono::steady_clock::now();
  while (!stop.load() &&
         (options_.max_connections == 0 || accepted_visits < options_.max_connections)) {
    const std::size_t under_way = reap(workers);
    if (under_way > 0) idle_since = std::chrono::steady_clock::now();
    if (options_.idle_timeout.count() > 0 &&
        std::chrono::steady_clock::now() - idle_since >= options_.idle_timeout)
      break;
    auto accepted = accept_within(listener_, kAcceptPoll);
    if (!accepted) continue;
    idle_since = std::chrono::steady_clock::now();
    if (under_way >= std::max<std::size_t>(options_.max_concurrent, 1)) {
      ++counts.turned_back;
      if (turned_back) turned_back(accepted->peer);
      continue;  // the socket closes here: the client sees the connection end at once
    }
    ++accepted_visits;
    auto done = std::make_shared<std::atomic<bool>>(false);
    std::thread thread([this, &stop, &visited, &reporting, &failure, &counts, done,
                        visitor = std::move(*accepted)]() mutable {
      try {
        const Timeline t = visit(std::move(visitor), stop);
        const std::lock_guard lock(reporting);
        ++counts.visits;
        if (visited) visited(t, counts.visits);
      } catch (...) {
        const std::lock_guard lock(reporting);
        if (!failure) failure = std::current_exception();
      }
      done->store(true);
    });
    workers.push_back({std::move(thread), std::move(done)});
  }
  for (Worker& worker : workers) worker.thread.join();
  if (failure) std::rethrow_exception(failure);
  return counts;
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
  // A browser or curl gets a page about its own visit (HTTP/1.1, also named in ALPN), any other
  // client the one-line welcome.
  config.app_protocols = {"http/1.1"};
  conversation.reply = [&c](const LiveRecorder& r) {
    return welcome_reply(r.first_heard(), c, r.peer_name());
  };
  LiveSettings settings;
  settings.timeout = options_.visit_timeout;
  settings.handshake_timeout = options_.handshake_timeout;
  settings.idle_timeout = options_.request_timeout;
  // After its last word the club reads on until the visitor hangs up: closing with the visitor's
  // bytes unread resets the connection, and a busy browser that had not yet read the club's alert
  // would lose it (Chromium then says ERR_SOCKET_NOT_CONNECTED instead of the alert's error).
  // A visitor that hangs up at once, as browsers do, ends the wait at once.
  settings.linger = Millis{3000};
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
