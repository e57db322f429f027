#pragma once
// One piece of work on a worker thread, polled once per frame: the UI never waits for it
// (docs/gui.md#never-waiting: a re-run that takes longer than a frame shows a spinner instead).
// The web edition has no threads (docs/web.md): there the work is deferred and runs inside the
// first poll() after start(), on a later frame, so the frame that started it still shows.

#include <chrono>
#include <future>
#include <optional>
#include <utility>

namespace tlsclub::gui {

#ifdef __EMSCRIPTEN__
inline constexpr std::launch kJobLaunch = std::launch::deferred;
#else
inline constexpr std::launch kJobLaunch = std::launch::async;
#endif

template <class T>
class Job {
 public:
  template <class F>
  void start(F&& work) {
    future_ = std::async(kJobLaunch, std::forward<F>(work));
  }
  bool busy() const { return future_.valid(); }
  // The result once it is ready, exactly once.
  std::optional<T> poll() {
    // A deferred job reports `deferred` until get() runs it.
    if (!future_.valid() ||
        future_.wait_for(std::chrono::seconds(0)) == std::future_status::timeout)
      return std::nullopt;
    return future_.get();
  }
  // Blocks (tests, the screenshot mode, shutdown).
  std::optional<T> wait() {
    if (!future_.valid()) return std::nullopt;
    return future_.get();
  }

 private:
  std::future<T> future_;
};

}  // namespace tlsclub::gui
