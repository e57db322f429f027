#pragma once
// The scenario's two sides as endpoint configurations for the bridge: the club entrance (its
// badge, chain, staple, the authorities it trusts for cards, its policy) and one member (its card,
// trust, SNI, policy): the simulation's (simulation/endpoint_configs.h) with the bridge's own
// random streams.

#include <string>

#include "endpoint/endpoint.h"
#include "scenario/cast.h"
#include "scenario/scenario.h"

namespace tlsclub::bridge {

EndpointConfig club_config(const ScenarioSpec& spec, const Cast& cast);
EndpointConfig member_config(const ScenarioSpec& spec, const Cast& cast, std::size_t member);

// The index of the member called `name`; throws BridgeError listing the members there are.
std::size_t member_index(const ScenarioSpec& spec, const std::string& name);

}  // namespace tlsclub::bridge
