#pragma once
// A scenario's two sides as endpoint configurations: the club entrance (its badge, chain, staple,
// the authorities it trusts for cards, its policy) and one member (its card, trust, SNI, policy).
// One place, so the simulated club and the live one (sim/bridge) behave alike.

#include <cstddef>

#include "endpoint/endpoint.h"
#include "scenario/cast.h"
#include "scenario/scenario.h"

namespace tlsclub {

// The DRBG stream is left for the caller to name (each visit, or each live connection, its own).
EndpointConfig club_endpoint_config(const ScenarioSpec& spec, const Cast& cast);
EndpointConfig member_endpoint_config(const ScenarioSpec& spec, const Cast& cast,
                                      std::size_t member_index);

}  // namespace tlsclub
