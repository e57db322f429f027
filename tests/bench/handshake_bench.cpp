// In-memory TLS 1.3 mutual-auth handshakes per second: (a) a bare Botan client/server pair with
// minimal callbacks, (b) the same handshake through the Simulation with full recording.
// Prints both rates, the ratio b/a (target <= 1.25) and memory per recorded handshake.
#include <botan/certstor.h>
#include <botan/credentials_manager.h>
#include <botan/tls_callbacks.h>
#include <botan/tls_client.h>
#include <botan/tls_policy.h>
#include <botan/tls_server.h>
#include <botan/tls_session_manager_noop.h>
#include <botan/x509path.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>

#include "core/drbg.h"
#include "endpoint/policy.h"
#include "scenario/cast.h"
#include "simulation/connection_run.h"

using namespace tlsclub;

namespace {

// The least a Botan pair needs: bytes out, and a clock (the scenario's, as in the simulation).
class BareCallbacks final : public Botan::TLS::Callbacks {
 public:
  BareCallbacks(std::vector<uint8_t>& out, bool& active, std::chrono::system_clock::time_point now)
      : out_(out), active_(active), now_(now) {}
  void tls_emit_data(std::span<const uint8_t> data) override {
    out_.insert(out_.end(), data.begin(), data.end());
  }
  void tls_record_received(uint64_t, std::span<const uint8_t>) override {}
  void tls_alert(Botan::TLS::Alert) override {}
  void tls_session_activated() override { active_ = true; }
  std::chrono::system_clock::time_point tls_current_timestamp() override { return now_; }
  void tls_verify_cert_chain(const std::vector<Botan::X509_Certificate>& chain,
                             const std::vector<std::optional<Botan::OCSP::Response>>& ocsp,
                             const std::vector<Botan::Certificate_Store*>& roots,
                             Botan::Usage_Type usage, std::string_view hostname,
                             const Botan::TLS::Policy& policy) override {
    // Botan's default verifier at the scenario time; client chains are not name-checked.
    const Botan::Path_Validation_Restrictions restrictions(false,
                                                           policy.minimum_signature_strength());
    const auto result = Botan::x509_path_validate(
        chain, restrictions, roots, usage == Botan::Usage_Type::TLS_SERVER_AUTH ? hostname : "",
        usage, now_, std::chrono::milliseconds(0), ocsp);
    if (!result.successful_validation()) throw std::runtime_error("bench: chain rejected");
  }

 private:
  std::vector<uint8_t>& out_;
  bool& active_;
  std::chrono::system_clock::time_point now_;
};

class BareCredentials final : public Botan::Credentials_Manager {
 public:
  BareCredentials(const Credential& own, const Botan::X509_Certificate& root) : own_(own) {
    store_.add_certificate(root);
  }
  std::vector<Botan::Certificate_Store*> trusted_certificate_authorities(
      const std::string&, const std::string&) override {
    return {&store_};
  }
  std::vector<Botan::X509_Certificate> find_cert_chain(
      const std::vector<std::string>&, const std::vector<Botan::AlgorithmIdentifier>&,
      const std::vector<Botan::X509_DN>&, const std::string&, const std::string&) override {
    return own_.chain;
  }
  std::shared_ptr<Botan::Private_Key> private_key_for(const Botan::X509_Certificate&,
                                                      const std::string&,
                                                      const std::string&) override {
    return own_.identity.key;
  }

 private:
  const Credential& own_;
  Botan::Certificate_Store_In_Memory store_;
};

void bare_handshake(const ScenarioSpec& spec, const Cast& cast, std::uint64_t i) {
  std::vector<uint8_t> to_server, to_client;
  bool client_active = false, server_active = false;
  const auto now = std::chrono::system_clock::time_point(spec.now.time_since_epoch());
  PolicySpec ps;
  ps.groups = {"x25519"};
  ps.request_client_cert = ps.require_client_cert = true;
  auto policy = std::make_shared<SimPolicy>(ps);
  const auto& root = cast.authorities.at("town_authority").certificate;
  auto server = std::make_shared<Botan::TLS::Server>(
      std::make_shared<BareCallbacks>(to_client, server_active, now),
      std::make_shared<Botan::TLS::Session_Manager_Noop>(),
      std::make_shared<BareCredentials>(cast.server, root), policy,
      std::shared_ptr<Botan::RandomNumberGenerator>(make_drbg(i, "bare-server")));
  auto client = std::make_shared<Botan::TLS::Client>(
      std::make_shared<BareCallbacks>(to_server, client_active, now),
      std::make_shared<Botan::TLS::Session_Manager_Noop>(),
      std::make_shared<BareCredentials>(*cast.cards[0], root), policy,
      std::shared_ptr<Botan::RandomNumberGenerator>(make_drbg(i, "bare-client")),
      Botan::TLS::Server_Information("club.example", 443), Botan::TLS::Protocol_Version::TLS_V13);
  for (int round = 0; round < 10 && !(client_active && server_active); ++round) {
    if (!to_server.empty()) {
      auto data = std::move(to_server);
      to_server.clear();
      server->received_data(data);
    }
    if (!to_client.empty()) {
      auto data = std::move(to_client);
      to_client.clear();
      client->received_data(data);
    }
  }
  if (!(client_active && server_active))
    throw std::runtime_error("bench: bare handshake did not finish");
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

template <class F>
double per_second(int n, F&& f) {
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) f(static_cast<std::uint64_t>(i));
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  return n / took.count();
}

// Both rates and the memory per kept recording, measured over `n` handshakes per round.
void bench(int n) {
  auto spec = demo_scenario(TlsVersion::tls13);
  spec.server.groups = spec.members[0].groups = {"x25519"};
  const Cast cast = build_cast(spec);

  // Warm up both paths, then alternate so that neither gets a cooler or warmer machine.
  bare_handshake(spec, cast, 0);
  (void)run_connection(spec, cast, 0);
  double bare = 0, recorded = 0;
  for (int round = 0; round < 3; ++round) {
    bare += per_second(n, [&](std::uint64_t i) { bare_handshake(spec, cast, i); });
    recorded += per_second(n, [&](std::uint64_t i) {
      auto s = spec;
      s.seed = i;
      (void)run_connection(s, cast, 0);
    });
  }
  bare /= 3;
  recorded /= 3;

  const long before = peak_rss_kib();
  std::vector<Connection> kept;
  kept.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) kept.push_back(run_connection(spec, cast, 0));
  const long after = peak_rss_kib();

  std::printf("TLS 1.3 mutual-auth handshakes in memory, %d per round, 3 rounds\n", n);
  std::printf("  (a) bare Botan pair:             %8.1f handshakes/s\n", bare);
  std::printf("  (b) Simulation, full recording:  %8.1f handshakes/s\n", recorded);
  std::printf("  ratio b/a (time per handshake):  %8.3f   (target <= 1.25)\n", bare / recorded);
  std::printf(
      "  memory per recorded handshake:   %8.1f KiB (peak RSS growth over %d kept Timelines)\n",
      static_cast<double>(after - before) / n, n);
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 300;
  // A handshake that fails (a chain the bare pair rejects) says why instead of aborting.
  try {
    bench(n);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "handshake_bench: %s\n", e.what());
    return 1;
  }
}
