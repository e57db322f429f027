#include "simulation/endpoint_configs.h"

#include <algorithm>

namespace tlsclub {

EndpointConfig club_endpoint_config(const ScenarioSpec& spec, const Cast& cast) {
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
  c.policy.signature_algorithms = spec.server.signature_algorithms;
  c.policy.ecdhe = spec.server.key_exchange == KeyExchange::ecdhe;
  c.policy.rsa_transport = spec.server.key_exchange == KeyExchange::rsa;
  c.credential = cast.server;
  c.trusted_roots = cast.certificates_of(spec.server.trusted_authorities);
  c.crls = cast.crls;
  c.ocsp_staple = cast.server_staple;
  c.session_tickets = spec.server.session_tickets;
  c.server_name = spec.server.certificate.certificate.common_name;
  c.seed = spec.seed;
  return c;
}

EndpointConfig member_endpoint_config(const ScenarioSpec& spec, const Cast& cast,
                                      std::size_t member_index) {
  const MemberSpec& m = spec.members.at(member_index);
  EndpointConfig c;
  c.side = Side::client;
  c.policy.min_version = spec.min_version;
  c.policy.max_version = spec.max_version;
  c.policy.groups = m.groups;
  c.policy.require_revocation_info = m.require_revocation_info;
  c.policy.max_peer_lifetime_days = m.max_badge_lifetime_days;
  c.policy.middlebox_compatibility = spec.middlebox_compatibility;
  c.policy.ciphers = m.ciphers;
  c.policy.signature_algorithms = m.signature_algorithms;
  const auto offers = [&](KeyExchange k) {
    return std::find(m.key_exchanges.begin(), m.key_exchanges.end(), k) != m.key_exchanges.end();
  };
  c.policy.ecdhe = offers(KeyExchange::ecdhe);
  c.policy.rsa_transport = offers(KeyExchange::rsa);
  c.credential = cast.cards.at(member_index);
  c.trusted_roots = cast.certificates_of(m.trusted_authorities);
  c.crls = cast.crls;
  c.server_name = m.server_name;
  c.seed = spec.seed;
  return c;
}

}  // namespace tlsclub
