#include "bridge/endpoint_configs.h"

#include <algorithm>

#include "bridge/socket.h"

namespace tlsclub::bridge {

// These follow server_config / client_config in sim/simulation/connection_run.cpp; a scenario
// setting added there belongs here too, so a live club behaves like the simulated one.
EndpointConfig club_config(const ScenarioSpec& spec, const Cast& cast) {
  EndpointConfig c;
  c.side = Side::server;
  c.policy.min_version = spec.min_version;
  c.policy.max_version = spec.max_version;
  c.policy.groups = spec.server.groups;
  c.policy.request_client_cert = spec.server.client_auth != ClientAuth::none;
  c.policy.require_client_cert = spec.server.client_auth == ClientAuth::required;
  c.policy.require_revocation_info = spec.server.require_revocation_info;
  c.policy.middlebox_compatibility = spec.middlebox_compatibility;
  c.policy.session_tickets = spec.server.session_tickets;
  c.policy.ciphers = spec.server.ciphers;
  c.policy.ecdhe = spec.server.key_exchange == KeyExchange::ecdhe;
  c.policy.rsa_transport = spec.server.key_exchange == KeyExchange::rsa;
  c.credential = cast.server;
  c.trusted_roots = cast.certificates_of(spec.server.trusted_authorities);
  c.crls = cast.crls;
  c.ocsp_staple = cast.server_staple;
  c.session_tickets = spec.server.session_tickets;
  c.server_name = spec.server.certificate.certificate.common_name;
  c.seed = spec.seed;
  c.stream = "bridge:server";
  return c;
}

EndpointConfig member_config(const ScenarioSpec& spec, const Cast& cast, std::size_t index) {
  const MemberSpec& m = spec.members.at(index);
  EndpointConfig c;
  c.side = Side::client;
  c.policy.min_version = spec.min_version;
  c.policy.max_version = spec.max_version;
  c.policy.groups = m.groups;
  c.policy.require_revocation_info = m.require_revocation_info;
  c.policy.middlebox_compatibility = spec.middlebox_compatibility;
  c.policy.ciphers = m.ciphers;
  const auto offers = [&](KeyExchange k) {
    return std::find(m.key_exchanges.begin(), m.key_exchanges.end(), k) != m.key_exchanges.end();
  };
  c.policy.ecdhe = offers(KeyExchange::ecdhe);
  c.policy.rsa_transport = offers(KeyExchange::rsa);
  c.credential = cast.cards.at(index);
  c.trusted_roots = cast.certificates_of(m.trusted_authorities);
  c.crls = cast.crls;
  c.server_name = m.server_name;
  c.seed = spec.seed;
  c.stream = "bridge:client:" + m.name;
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
