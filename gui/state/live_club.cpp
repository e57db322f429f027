#include "state/live_club.h"

#include <exception>
#include <utility>

#ifndef __EMSCRIPTEN__
#include "bridge/club_server.h"
#endif

namespace tlsclub::gui {

LiveClub::~LiveClub() {
  close();
  wait();
}

void LiveClub::open(std::shared_ptr<const ScenarioSpec> spec, std::uint16_t port) {
  if (running() || state_ == State::closing || job_.busy()) return;
  club_name_ = spec->server.certificate.certificate.common_name;
  host_ = "127.0.0.1";
  port_ = port;
  visits_ = turned_back_ = 0;
  error_.clear();
#ifdef __EMSCRIPTEN__
  // A browser tab can neither listen on a port nor accept a connection.
  state_ = State::failed;
  error_ = "a web page cannot listen on a port: open the club from the desktop app";
#else
  inbox_ = std::make_shared<Inbox>();
  state_ = State::opening;
  // The inbox is shared, not borrowed: the worker may outlive a club that was opened again.
  job_.start([inbox = inbox_, spec = std::move(spec), port] {
    Ended ended;
    try {
      bridge::ServeOptions options;
      options.listen = "127.0.0.1";
      options.port = port;
      bridge::ClubServer server(*spec, options);
      {
        const std::lock_guard lock(inbox->mutex);
        inbox->bound = true;
        inbox->host = server.host();
        inbox->port = server.port();
      }
      server.run(
          inbox->stop,
          [&inbox](const Timeline& visit, std::size_t) {
            const std::lock_guard lock(inbox->mutex);
            inbox->visits.push_back(visit);
          },
          [&inbox](const std::string&) {
            const std::lock_guard lock(inbox->mutex);
            ++inbox->turned_back;
          });
    } catch (const std::exception& e) {
      ended.error = e.what();  // a BridgeError names the port and what to do
    }
    return ended;
  });
#endif
  describe();
}

void LiveClub::close() {
  if (!inbox_ || !job_.busy()) return;
  inbox_->stop.store(true);
  if (state_ == State::opening || state_ == State::open) state_ = State::closing;
  describe();
}

std::vector<Timeline> LiveClub::poll() {
  return take(job_.poll());
}

std::vector<Timeline> LiveClub::wait() {
  return take(job_.wait());
}

void LiveClub::dismiss() {
  if (state_ != State::failed) return;
  state_ = State::closed;
  error_.clear();
  describe();
}

// The worker's news: bound, visits, turned back; then, once it has ended (`ended`), closed or
// failed. The inbox is read after the end is known, so the last visits are never left behind.
std::vector<Timeline> LiveClub::take(std::optional<Ended> ended) {
  std::vector<Timeline> visits;
  if (!inbox_) return visits;
  bool changed = ended.has_value();
  {
    const std::lock_guard lock(inbox_->mutex);
    visits.swap(inbox_->visits);
    if (inbox_->bound && state_ == State::opening) {
      state_ = State::open;
      host_ = inbox_->host;
      port_ = inbox_->port;
      changed = true;
    }
    changed |= !visits.empty() || inbox_->turned_back != turned_back_;
    turned_back_ = inbox_->turned_back;
  }
  visits_ += visits.size();
  if (ended) {
    error_ = ended->error;
    state_ = error_.empty() ? State::closed : State::failed;
  }
  if (changed) describe();
  return visits;
}

void LiveClub::describe() {
  const std::string where = host_ + ":" + std::to_string(port_);
  const std::string count =
      std::to_string(visits_) + (visits_ == 1 ? " visit" : " visits") +
      (turned_back_ > 0 ? " · " + std::to_string(turned_back_) + " turned back" : "");
  switch (state_) {
    case State::closed:
      status_ = "The club is closed to real visitors";
      break;
    case State::opening:
      status_ = "Opening the club to real visitors on " +
                (port_ == 0 ? host_ + " (any free port)" : where) + "…";
      break;
    case State::open:
      status_ =
          "Open to real visitors: listening on " + where + " as " + club_name_ + " · " + count;
      break;
    case State::closing:
      status_ = "Closing the club · " + count;
      break;
    case State::failed:
      status_ = "The club could not open: " + error_;
      break;
  }
  // What a student types to visit: openssl shows the handshake and the club's line; curl gets
  // the page about its own visit. -k because curl checks the badge by today's clock and against
  // authorities it knows, and the club's are the scenario's (the page shows the club's checks).
  try_openssl_ = "openssl s_client -connect " + where + " -servername " + club_name_;
  try_curl_ = "curl -k --resolve " + club_name_ + ":" + std::to_string(port_) + ":" + host_ +
              " https://" + club_name_ + ":" + std::to_string(port_) + "/";
}

}  // namespace tlsclub::gui
