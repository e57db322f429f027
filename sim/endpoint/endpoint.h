#pragma once
// One side of a connection: a Botan TLS::Client or TLS::Server driven in memory. Bytes in through
// received(), bytes out through the observer; nothing moves on its own (sans-IO).

#include <botan/tls_alert.h>
#include <botan/tls_channel.h>
#include <botan/tls_handshake_msg.h>
#include <botan/tls_session.h>
#include <botan/tls_session_manager.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/side.h"
#include "core/sim_time.h"
#include "endpoint/policy.h"
#include "endpoint/verifier.h"
#include "scenario/cast.h"

namespace tlsclub {

// What an endpoint reports; the connection recorder implements it.
class EndpointObserver {
 public:
  virtual ~EndpointObserver() = default;
  virtual void on_emit(Side from, ByteView bytes) = 0;
  virtual void on_app_data(Side receiver, ByteView data) = 0;
  virtual void on_alert_received(Side receiver, const Botan::TLS::Alert& alert) = 0;
  virtual void on_established(Side side, const Botan::TLS::Session_Summary& summary) = 0;
  virtual void on_handshake_message(Side observer, const Botan::TLS::Handshake_Message& msg) = 0;
  virtual void on_secret(Side side, std::string_view label, ByteView client_random,
                         ByteView secret) = 0;
  virtual void on_shared_secret(Side side, ByteView secret) = 0;
  virtual void on_checks(Side side, const VerifyResult& result) = 0;
};

struct EndpointConfig {
  Side side = Side::client;
  PolicySpec policy;
  std::optional<Credential> credential;                // badge or card (none: a visitor)
  std::vector<Botan::X509_Certificate> trusted_roots;  // whose certificates this side accepts
  std::vector<Botan::X509_CRL> crls;
  Bytes ocsp_staple;                // server: DER OCSPResponse for its badge
  std::size_t session_tickets = 0;  // server: NewSessionTickets to send
  std::string server_name;          // client: SNI; server: its own name
  // ALPN (RFC 7301). Client: the protocols it offers; server: those it speaks, in its order of
  // preference (it picks the first the client offers; none in common: no ALPN in the answer).
  std::vector<std::string> app_protocols;
  std::uint64_t seed = 0;
  std::string stream;  // DRBG stream name
  // Where sessions are remembered across visits (tickets); none: nothing is remembered.
  std::shared_ptr<Botan::TLS::Session_Manager> sessions;
};

class Endpoint {
 public:
  Endpoint(EndpointConfig config, EndpointObserver& observer, const SimClock& clock);
  ~Endpoint();
  Endpoint(const Endpoint&) = delete;
  Endpoint& operator=(const Endpoint&) = delete;

  // Creates the Botan channel; a client sends its ClientHello from here.
  void start();
  // Feeds bytes from the wire. Throws what Botan throws (TLS_Exception: the alert it sent).
  void received(ByteView bytes);
  void send(ByteView data);
  void close();
  bool is_active() const;
  bool is_closed() const;
  Side side() const { return config_.side; }

 private:
  class Callbacks;
  class Credentials;
  // Runs one call into Botan, then records what it decided without a message of its own
  // (a certificate held but not shown), whether the call succeeded or threw.
  template <class F>
  void after_each_call(F&& call);

  EndpointConfig config_;
  EndpointObserver& observer_;
  const SimClock& clock_;
  std::shared_ptr<Callbacks> callbacks_;
  std::shared_ptr<Credentials> credentials_;
  std::shared_ptr<const SimPolicy> policy_;
  std::shared_ptr<Botan::RandomNumberGenerator> rng_;
  std::shared_ptr<Botan::TLS::Session_Manager> sessions_;
  std::unique_ptr<Botan::TLS::Channel> channel_;
};

}  // namespace tlsclub
