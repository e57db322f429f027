#include "simulation/session_store.h"

#include <botan/tls_session_manager_memory.h>
#include <botan/tls_session_manager_noop.h>

#include "core/drbg.h"

namespace tlsclub {

namespace {

std::shared_ptr<Botan::TLS::Session_Manager> remembering(std::uint64_t seed,
                                                         const std::string& stream) {
  return std::make_shared<Botan::TLS::Session_Manager_In_Memory>(
      std::shared_ptr<Botan::RandomNumberGenerator>(make_drbg(seed, stream)));
}

// The first visit of a line of visits that resume one another.
const MemberSpec& first_visit(const ScenarioSpec& spec, const MemberSpec& m) {
  const MemberSpec* visit = &m;
  for (std::size_t hops = 0; visit->resumes && hops < spec.members.size(); ++hops)
    for (const auto& earlier : spec.members)
      if (earlier.name == *visit->resumes) visit = &earlier;
  return *visit;
}

}  // namespace

SessionStore::SessionStore(const ScenarioSpec& spec) : spec_(spec) {
  club_ = spec.server.session_tickets > 0 ? remembering(spec.seed, "server:sessions")
                                          : std::make_shared<Botan::TLS::Session_Manager_Noop>();
}

std::shared_ptr<Botan::TLS::Session_Manager> SessionStore::member(std::size_t index) {
  const MemberSpec& first = first_visit(spec_, spec_.members.at(index));
  bool comes_back = false;
  for (const auto& m : spec_.members)
    comes_back = comes_back || (m.resumes && &first_visit(spec_, m) == &first);
  if (!comes_back) return std::make_shared<Botan::TLS::Session_Manager_Noop>();
  auto& manager = members_[first.name];
  if (!manager) manager = remembering(spec_.seed, "member:" + first.name + ":sessions");
  return manager;
}

}  // namespace tlsclub
