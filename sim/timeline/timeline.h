#pragma once
// A run's single product: what happened, for every member's connection, in order.

#include <optional>
#include <string>
#include <vector>

#include "core/side.h"
#include "core/sim_time.h"
#include "timeline/event.h"

namespace tlsclub {

enum class Outcome { admitted, refused };
constexpr std::string_view to_string(Outcome o) {
  return o == Outcome::admitted ? "admitted" : "refused";
}

struct Connection {
  std::string client;       // the member's name
  std::string server_name;  // host name the member asked for
  // Who answered in the club's place: the authority behind an impostor's badge (a man in the
  // middle); empty when the club itself answered.
  std::string impostor;
  Outcome outcome = Outcome::refused;
  std::optional<Side> refused_by;  // the side that sent the fatal alert
  std::optional<std::string> alert;
  std::string version;  // negotiated, when known
  std::vector<Event> events;
  std::size_t steps = 0;  // records delivered
};

struct Timeline {
  std::string title;
  std::uint64_t seed = 0;
  std::string tls_version;  // what the scenario asked for: "1.3", "1.2"
  SimTime clock{};
  std::vector<Connection> connections;
};

}  // namespace tlsclub
