#include "simulation/simulation.h"

#include "scenario/cast.h"
#include "simulation/connection_run.h"

namespace tlsclub {

Timeline run_scenario(const ScenarioSpec& spec, const RunOptions& options) {
  Timeline t;
  t.title = spec.title;
  t.seed = spec.seed;
  t.tls_version = spec.max_version == TlsVersion::tls13 ? "1.3" : "1.2";
  t.clock = spec.now;
  const Cast cast = build_cast(spec);
  SessionStore sessions(spec);
  for (std::size_t i = 0; i < spec.members.size(); ++i)
    t.connections.push_back(run_connection(spec, cast, i, options, sessions));
  return t;
}

}  // namespace tlsclub
