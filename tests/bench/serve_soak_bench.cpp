// A soak of `tlsclub serve`'s club (a benchmark: it prints, it does not judge): 2,000 visits by
// 50 members knocking at once (our own client, `tlsclub knock`'s, on threads of this process),
// the club on the loopback as `tlsclub serve` runs it. Prints visits per second and the resident
// memory as the visits go by: it must stay flat (nothing kept per visit).
//
//   serve_soak_bench [VISITS [CLIENTS]]   (default 2000 50)
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "bridge/club_server.h"
#include "bridge/knock.h"
#include "scenario/scenario.h"

using namespace tlsclub;
using namespace tlsclub::bridge;

namespace {

// Resident set size now and at its peak, in KiB (Linux /proc).
std::pair<long, long> resident_kib() {
  std::ifstream status("/proc/self/status");
  long now = 0, peak = 0;
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) now = std::stol(line.substr(6));
    if (line.rfind("VmHWM:", 0) == 0) peak = std::stol(line.substr(6));
  }
  return {now, peak};
}

}  // namespace

int main(int argc, char** argv) {
  const int visits = argc > 1 ? std::atoi(argv[1]) : 2000;
  const int clients = argc > 2 ? std::atoi(argv[2]) : 50;
  if (visits <= 0 || clients <= 0) {
    std::fprintf(stderr, "usage: serve_soak_bench [VISITS [CLIENTS]]\n");
    return 2;
  }
  const ScenarioSpec spec = demo_scenario();
  ServeOptions options;
  options.port = 0;
  // Room for every member at once, and for the visits the club is still closing (its goodbye)
  // while their members already knock again.
  options.max_concurrent = static_cast<std::size_t>(clients) * 4;
  ClubServer server(spec, options);

  std::mutex marks_mutex;
  std::vector<std::pair<std::size_t, long>> marks;  // (visits ended, resident KiB)
  std::atomic<int> admitted{0};
  std::atomic<bool> stop{false};
  ServeCounts counts;
  std::thread club([&] {
    counts = server.run(stop, [&](const Timeline& t, std::size_t n) {
      if (!t.connections.empty() && t.connections[0].outcome == Outcome::admitted) ++admitted;
      if (n == 250 || n % 500 == 0) {
        const std::lock_guard lock(marks_mutex);
        marks.emplace_back(n, resident_kib().first);
      }
    });
  });

  const auto started = std::chrono::steady_clock::now();
  std::atomic<int> next{0}, failed{0};
  std::vector<std::thread> members;
  for (int c = 0; c < clients; ++c)
    members.emplace_back([&] {
      KnockOptions knock_options;
      knock_options.port = server.port();
      knock_options.member = "Alice";
      while (next.fetch_add(1) < visits) {
        try {
          knock(spec, knock_options);
        } catch (const BridgeError&) {
          ++failed;
        }
      }
    });
  for (std::thread& member : members) member.join();
  stop = true;  // the club ends the visits under way and returns
  club.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  std::printf(
      "serve soak: %d visits by %d members at once in %.1f s: %.0f visits/s "
      "(%d admitted, %d knocks failed, %zu turned back)\n",
      visits, clients, seconds, visits / seconds, admitted.load(), failed.load(),
      counts.turned_back);
  std::printf("  resident memory (club and members, one process):");
  for (const auto& [n, kib] : marks)
    std::printf(" %zu visits %.1f MiB;", n, static_cast<double>(kib) / 1024.0);
  std::printf(" peak %.1f MiB\n", static_cast<double>(resident_kib().second) / 1024.0);
  if (marks.size() >= 3) {  // from the second mark on: the first includes the warm-up
    const auto& [from_n, from_kib] = marks[1];
    const auto& [to_n, to_kib] = marks.back();
    std::printf(
        "  change from %zu to %zu visits: %+.2f KiB per visit (0 when no visit is kept; "
        "the allocator's pools make it wander by a few MiB either way)\n",
        from_n, to_n, static_cast<double>(to_kib - from_kib) / static_cast<double>(to_n - from_n));
  }
  return failed.load() == 0 && counts.turned_back == 0 ? 0 : 1;
}
