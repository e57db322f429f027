#include "bridge/endpoint_configs.h"

#include <algorithm>

#include "bridge/socket.h"
#include "simulation/endpoint_configs.h"

namespace tlsclub::bridge {

EndpointConfig club_config(const ScenarioSpec& spec, const Cast& cast) {
  EndpointConfig c = club_endpoint_config(spec, cast);
  c.stream = "bridge:server";
  return c;
}

EndpointConfig member_config(const ScenarioSpec& spec, const Cast& cast, std::size_t index) {
  EndpointConfig c = member_endpoint_config(spec, cast, index);
  c.stream = "bridge:client:" + spec.members.at(index).name;
  return c;
}

std::size_t member_index(const ScenarioSpec& spec, const std::string& name) {
  std::string names;
  for (std::size_t i = 0; i < spec.members.size(); ++i) {
    if (spec.members[i].name == name) return i;
    names += (names.empty() ? "" : ", ") + spec.members[i].name;
  }
  throw BridgeError("no member called '" + name + "' in the scenario (hint: its members are " +
                    names + ")");
}

}  // namespace tlsclub::bridge
