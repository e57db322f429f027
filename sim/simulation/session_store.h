#pragma once
// Session tickets outlive a visit (RFC 8446 4.6.1, 2.2): the club keeps one ticket key for every
// visit of a scenario, and a member who comes back (MemberSpec::resumes) brings the tickets of
// its earlier visit. One store per run of a scenario; seeded, so resumptions are reproducible.

#include <botan/tls_session_manager.h>

#include <map>
#include <memory>
#include <string>

#include "scenario/scenario.h"

namespace tlsclub {

class SessionStore {
 public:
  explicit SessionStore(const ScenarioSpec& spec);

  // The club's: remembers sessions when it hands out tickets, otherwise remembers nothing.
  std::shared_ptr<Botan::TLS::Session_Manager> club() const { return club_; }
  // A member's: shared with every visit that resumes from it; nothing kept when no visit does.
  std::shared_ptr<Botan::TLS::Session_Manager> member(std::size_t index);

 private:
  const ScenarioSpec& spec_;
  std::shared_ptr<Botan::TLS::Session_Manager> club_;
  std::map<std::string, std::shared_ptr<Botan::TLS::Session_Manager>> members_;
};

}  // namespace tlsclub
