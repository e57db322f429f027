#pragma once
// The club open to real visitors from inside the app (docs/bridge.md#in-the-app): the scenario's
// entrance as a real TLS server on the loopback, as `tlsclub serve` runs it, on a worker thread.
// Each visit that ends waits in an inbox until the next frame takes it into the queue, so the
// window never waits for the network. The web edition has no sockets (docs/web.md): there
// open() fails at once and says why.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "scenario/scenario.h"
#include "state/job.h"
#include "timeline/timeline.h"

namespace tlsclub::gui {

inline constexpr std::uint16_t kClubPort = 4433;  // as `tlsclub serve`

class LiveClub {
 public:
  enum class State : std::uint8_t {
    closed,   // never opened, or closed and its thread ended
    opening,  // the worker builds the cast and binds the port
    open,     // listening: host() and port() say where
    closing,  // asked to stop: the server ends within a fifth of a second
    failed,   // could not open (a port in use) or stopped by an error: error() says why
  };

  LiveClub() = default;
  LiveClub(const LiveClub&) = delete;
  LiveClub& operator=(const LiveClub&) = delete;
  // Closes the club and waits for its thread: quitting the app never leaves a server behind.
  ~LiveClub();

  // Opens the club of `spec` on 127.0.0.1:`port` (0: any free port). Building the cast and
  // binding happen on the worker, so the state is `opening` until the next poll() after that.
  // Ignored while the club is open or opening.
  void open(std::shared_ptr<const ScenarioSpec> spec, std::uint16_t port);
  // Asks the server to stop; it ends within a fifth of a second (visits under way are ended
  // cleanly, and still reported).
  void close();
  // Once per frame: the state, and the visits that ended since the last call, in the order
  // they ended (each a Timeline of one connection, as `tlsclub serve` records it).
  std::vector<Timeline> poll();
  // Blocks until the worker has ended, then as poll() (tests, shutdown). Does not stop it.
  std::vector<Timeline> wait();
  // Back to closed after a failure has been read (the bar's "dismiss").
  void dismiss();

  State state() const { return state_; }
  bool running() const { return state_ == State::opening || state_ == State::open; }
  const std::string& host() const { return host_; }
  std::uint16_t port() const { return port_; }  // the one bound (the one asked before that)
  const std::string& club_name() const { return club_name_; }
  std::size_t visits() const { return visits_; }  // ended since the club last opened
  std::size_t turned_back() const { return turned_back_; }
  const std::string& error() const { return error_; }

  // Made when something changes (drawing allocates nothing): "Open to real visitors on
  // 127.0.0.1:4433 as club.example · 3 visits", and the commands a student can try.
  const std::string& status() const { return status_; }
  const std::string& try_openssl() const { return try_openssl_; }
  const std::string& try_curl() const { return try_curl_; }

 private:
  // What the worker and the frame share, under `mutex`, and the stop flag the server polls.
  struct Inbox {
    std::atomic<bool> stop{false};
    std::mutex mutex;
    bool bound = false;
    std::string host;
    std::uint16_t port = 0;
    std::vector<Timeline> visits;
    std::size_t turned_back = 0;
  };
  struct Ended {
    std::string error;
  };
  std::vector<Timeline> take(std::optional<Ended> ended);
  void describe();

  std::shared_ptr<Inbox> inbox_;
  Job<Ended> job_;
  State state_ = State::closed;
  std::string host_ = "127.0.0.1";
  std::uint16_t port_ = 0;
  std::string club_name_;
  std::size_t visits_ = 0;
  std::size_t turned_back_ = 0;
  std::string error_;
  std::string status_, try_openssl_, try_curl_;
};

}  // namespace tlsclub::gui
