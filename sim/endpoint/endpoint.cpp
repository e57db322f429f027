#include "endpoint/endpoint.h"

#include <botan/certstor.h>
#include <botan/credentials_manager.h>
#include <botan/pubkey.h>
#include <botan/tls_callbacks.h>
#include <botan/tls_ciphersuite.h>
#include <botan/tls_client.h>
#include <botan/tls_exceptn.h>
#include <botan/tls_messages.h>
#include <botan/tls_server.h>
#include <botan/tls_session_manager_memory.h>
#include <botan/tls_session_manager_noop.h>

#include <algorithm>

#include "core/drbg.h"
#include "timeline/check_names.h"

namespace tlsclub {

namespace {
Botan::TLS::AlertType alert_type_from_name(const std::string& name) {
  using A = Botan::TLS::AlertType;
  if (name == "unknown_ca") return A::UnknownCA;
  if (name == "certificate_expired") return A::CertificateExpired;
  if (name == "certificate_revoked") return A::CertificateRevoked;
  if (name == "unsupported_certificate") return A::UnsupportedCertificate;
  if (name == "certificate_unknown") return A::CertificateUnknown;
  if (name == "bad_certificate_status_response") return A::BadCertificateStatusResponse;
  return A::BadCertificate;
}
}  // namespace

class Endpoint::Credentials final : public Botan::Credentials_Manager {
 public:
  Credentials(const EndpointConfig& config, EndpointObserver& observer)
      : config_(config), observer_(observer) {
    for (const auto& root : config.trusted_roots) store_.add_certificate(root);
  }

  std::vector<Botan::Certificate_Store*> trusted_certificate_authorities(
      const std::string& type, const std::string&) override {
    // A server that returns a store here sends a CertificateRequest even with client auth off
    // (docs/botan-notes.md, pitfall 5): only a club that asks for cards names its authorities.
    if (type == "tls-server" && !config_.policy.request_client_cert) return {};
    return {&store_};
  }

  std::vector<Botan::X509_Certificate> find_cert_chain(
      const std::vector<std::string>& key_types, const std::vector<Botan::AlgorithmIdentifier>&,
      const std::vector<Botan::X509_DN>&, const std::string&, const std::string&) override {
    if (!config_.credential) return {};
    const auto algo = config_.credential->identity.key->algo_name();
    if (!key_types.empty() &&
        std::find(key_types.begin(), key_types.end(), algo) == key_types.end()) {
      for (const auto& type : key_types)
        if (std::find(refused_for_.begin(), refused_for_.end(), type) == refused_for_.end())
          refused_for_.push_back(type);
      return {};
    }
    shown_ = true;
    return config_.credential->chain;
  }

  // Holding a certificate and not showing it is a decision the student must see (RFC 8446
  // 4.4.2.3: a member with no suitable card sends an empty Certificate; a club with no suitable
  // badge cannot answer). Botan may ask several times (a TLS 1.2 club asks once per key type it
  // could use), so the decision is known only after the call that asked (docs/botan-notes.md,
  // pitfalls 12 and 13).
  void report_if_not_shown() {
    if (shown_ || reported_ || refused_for_.empty()) return;
    reported_ = true;
    const bool member = config_.side == Side::client;
    const auto algo = config_.credential->identity.key->algo_name();
    std::string accepted;
    for (const auto& type : refused_for_) accepted += (accepted.empty() ? "" : ", ") + type;
    CheckEvent e;
    e.by = config_.side;
    e.subject = subject_of(config_.credential->identity.certificate);
    e.check = checks::certificate_selection;
    e.status = "NO_USABLE_SIGNATURE_SCHEME";
    e.reason =
        std::string(member ? "the club" : "the member") + " accepts signatures by " + accepted +
        " keys only, and this " + (member ? "card" : "badge") + "'s key is " + algo +
        (member ? ": the member sends an empty Certificate" : ": the club has no badge to show");
    // TLS 1.2 asks by certificate type (RFC 5246 7.4.4, RFC 8422 5.5), and the engine's TLS 1.2
    // knows no Ed25519 certificate type; TLS 1.3 uses ed25519 like any other scheme.
    if (algo == "Ed25519" && config_.policy.max_version == TlsVersion::tls12)
      e.reason +=
          " (RFC 8422 5.5 allows Ed25519 in TLS 1.2, but Botan 3.7, the TLS library under the "
          "club, signs TLS 1.2 handshakes with RSA and ECDSA keys only; in TLS 1.3 the same "
          "key works)";
    VerifyResult result;
    result.checks.push_back(std::move(e));
    observer_.on_checks(config_.side, result);
  }
  std::shared_ptr<Botan::Private_Key> private_key_for(const Botan::X509_Certificate& cert,
                                                      const std::string&,
                                                      const std::string&) override {
    if (config_.credential && cert == config_.credential->identity.certificate)
      return config_.credential->identity.key;
    return nullptr;
  }

 private:
  const EndpointConfig& config_;
  EndpointObserver& observer_;
  Botan::Certificate_Store_In_Memory store_;
  std::vector<std::string> refused_for_;  // the key types asked for that ours is not
  bool shown_ = false;
  bool reported_ = false;
};

class Endpoint::Callbacks final : public Botan::TLS::Callbacks {
 public:
  Callbacks(const EndpointConfig& config, EndpointObserver& observer, const SimClock& clock)
      : config_(config), observer_(observer), clock_(clock) {}

  void tls_emit_data(std::span<const uint8_t> data) override {
    observer_.on_emit(config_.side, data);
  }
  void tls_record_received(uint64_t, std::span<const uint8_t> data) override {
    observer_.on_app_data(config_.side, data);
  }
  void tls_alert(Botan::TLS::Alert alert) override {
    observer_.on_alert_received(config_.side, alert);
  }
  void tls_session_established(const Botan::TLS::Session_Summary& summary) override {
    observer_.on_established(config_.side, summary);
  }
  void tls_inspect_handshake_msg(const Botan::TLS::Handshake_Message& msg) override {
    // With RSA key transport the badge's key must be allowed to encrypt (keyEncipherment,
    // RFC 5246 7.4.2); the ServerHello says which key exchange it is.
    if (const auto* hello = dynamic_cast<const Botan::TLS::Server_Hello_12*>(&msg)) {
      const auto suite = Botan::TLS::Ciphersuite::by_id(hello->ciphersuite());
      rsa_key_exchange_ = suite && suite->kex_method() == Botan::TLS::Kex_Algo::STATIC_RSA;
    }
    observer_.on_handshake_message(config_.side, msg);
    judge_before_botan(msg);
  }
  std::string tls_server_choose_app_protocol(
      const std::vector<std::string>& client_protocols) override {
    for (const std::string& ours : config_.app_protocols)
      if (std::find(client_protocols.begin(), client_protocols.end(), ours) !=
          client_protocols.end())
        return ours;
    return "";
  }
  void tls_ssl_key_log_data(std::string_view label, std::span<const uint8_t> client_random,
                            std::span<const uint8_t> secret) const override {
    observer_.on_secret(config_.side, label, client_random, secret);
  }
  std::chrono::system_clock::time_point tls_current_timestamp() override {
    return std::chrono::system_clock::time_point(clock_.now().time_since_epoch());
  }

  // The shared secret of the key exchange: recorded so a student sees where traffic keys start.
  Botan::secure_vector<uint8_t> tls_ephemeral_key_agreement(
      const std::variant<Botan::TLS::Group_Params, Botan::DL_Group>& group,
      const Botan::PK_Key_Agreement_Key& private_key, const std::vector<uint8_t>& public_value,
      Botan::RandomNumberGenerator& rng, const Botan::TLS::Policy& policy) override {
    auto secret = Botan::TLS::Callbacks::tls_ephemeral_key_agreement(group, private_key,
                                                                     public_value, rng, policy);
    observer_.on_shared_secret(config_.side, secret);
    return secret;
  }
  Botan::KEM_Encapsulation tls_kem_encapsulate(Botan::TLS::Group_Params group,
                                               const std::vector<uint8_t>& encoded_public_key,
                                               Botan::RandomNumberGenerator& rng,
                                               const Botan::TLS::Policy& policy) override {
    auto result =
        Botan::TLS::Callbacks::tls_kem_encapsulate(group, encoded_public_key, rng, policy);
    observer_.on_shared_secret(config_.side, result.shared_key());
    return result;
  }
  Botan::secure_vector<uint8_t> tls_kem_decapsulate(Botan::TLS::Group_Params group,
                                                    const Botan::Private_Key& private_key,
                                                    const std::vector<uint8_t>& encapsulated,
                                                    Botan::RandomNumberGenerator& rng,
                                                    const Botan::TLS::Policy& policy) override {
    auto secret =
        Botan::TLS::Callbacks::tls_kem_decapsulate(group, private_key, encapsulated, rng, policy);
    observer_.on_shared_secret(config_.side, secret);
    return secret;
  }

  // The club brings a fresh stamp for its badge when the member asks for one (status_request).
  std::vector<uint8_t> tls_provide_cert_status(
      const std::vector<Botan::X509_Certificate>&,
      const Botan::TLS::Certificate_Status_Request&) override {
    return config_.ocsp_staple;
  }

  void tls_verify_cert_chain(const std::vector<Botan::X509_Certificate>& chain,
                             const std::vector<std::optional<Botan::OCSP::Response>>& ocsp,
                             const std::vector<Botan::Certificate_Store*>&, Botan::Usage_Type usage,
                             std::string_view hostname, const Botan::TLS::Policy&) override {
    // Botan passes the SNI name for client chains too: only badges are name-checked.
    const bool server_auth = usage == Botan::Usage_Type::TLS_SERVER_AUTH;
    judge(chain, ocsp, server_auth, server_auth ? std::string(hostname) : std::string());
  }

 private:
  // The bouncer's verdict on the peer's chain, recorded once: it refuses with the alert that
  // names the failed check (Botan's default verifier always answers bad_certificate).
  void judge(const std::vector<Botan::X509_Certificate>& chain,
             const std::vector<std::optional<Botan::OCSP::Response>>& ocsp, bool server_auth,
             std::string hostname) {
    if (judged_chain_ && *judged_chain_ == chain) return;  // judged before Botan asked: passed
    judged_chain_ = chain;
    VerifyRequest request;
    request.by = config_.side;
    request.chain = chain;
    request.trusted_roots = config_.trusted_roots;
    request.ocsp = ocsp;
    request.crls = config_.crls;
    request.server_auth = server_auth;
    request.hostname = std::move(hostname);
    request.require_revocation_info = config_.policy.require_revocation_info;
    request.max_lifetime_days = config_.policy.max_peer_lifetime_days;
    request.rsa_key_exchange = server_auth && rsa_key_exchange_;
    request.now = clock_.now();
    const VerifyResult result = verify_chain(request);
    observer_.on_checks(config_.side, result);
    if (!result.ok())
      throw Botan::TLS::TLS_Exception(alert_type_from_name(result.alert), result.reason);
  }

  // Botan refuses some certificates before it asks the verifier, and its TLS 1.2 server answers
  // every refusal of the verifier with bad_certificate (docs/botan-notes.md, pitfalls 8 and 9). In
  // those places the bouncer judges the chain first, when the message arrives, so each refusal is a
  // check in the checklist and its alert is the one the check names, in TLS 1.2 as in TLS 1.3.
  void judge_before_botan(const Botan::TLS::Handshake_Message& msg) {
    if (const auto* c13 = dynamic_cast<const Botan::TLS::Certificate_13*>(&msg)) {
      // RFC 8446 4.4.2.2: a leaf must be allowed to sign its CertificateVerify; Botan checks the
      // keyUsage before calling the verifier. Judged here without the stapled answers (Botan
      // keeps them to itself until then); the key_usage check fails first either way.
      if (c13->empty()) return;
      auto chain = c13->cert_chain();
      if (received(chain) && !botan_accepts_usage(chain.front(), false))
        judge(chain, {}, config_.side == Side::client, peer_name());
      return;
    }
    if (const auto* c12 = dynamic_cast<const Botan::TLS::Certificate_12*>(&msg)) {
      if (!received(c12->cert_chain())) return;
      peer_chain_ = c12->cert_chain();
      // The TLS 1.2 client checks the badge's keyUsage against the key exchange first.
      if (config_.side == Side::client &&
          !botan_accepts_usage(peer_chain_.front(), rsa_key_exchange_))
        judge(peer_chain_, {}, true, peer_name());
      return;
    }
    // The TLS 1.2 server asks the verifier only after CertificateVerify, and turns its refusal
    // into bad_certificate: the bouncer judges the card as the CertificateVerify arrives.
    if (dynamic_cast<const Botan::TLS::Certificate_Verify_12*>(&msg) != nullptr &&
        config_.side == Side::server && !peer_chain_.empty())
      judge(peer_chain_, {}, false, "");
  }

  // A Certificate message passes through here both ways; the peer's is the one that is not ours.
  bool received(const std::vector<Botan::X509_Certificate>& chain) const {
    if (chain.empty()) return false;
    return !config_.credential || !(chain.front() == config_.credential->identity.certificate);
  }

  std::string peer_name() const { return config_.side == Side::client ? config_.server_name : ""; }

  // What Botan's own keyUsage check accepts: no keyUsage at all, or a bit that allows signing
  // (keyEncipherment for RSA key transport).
  static bool botan_accepts_usage(const Botan::X509_Certificate& leaf, bool rsa_key_transport) {
    const auto usage = leaf.constraints();
    if (usage.empty()) return true;
    if (rsa_key_transport) return usage.includes(Botan::Key_Constraints::KeyEncipherment);
    return usage.includes_any(Botan::Key_Constraints::DigitalSignature,
                              Botan::Key_Constraints::NonRepudiation);
  }

  const EndpointConfig& config_;
  EndpointObserver& observer_;
  const SimClock& clock_;
  bool rsa_key_exchange_ = false;
  std::vector<Botan::X509_Certificate> peer_chain_;  // TLS 1.2: the peer's Certificate
  std::optional<std::vector<Botan::X509_Certificate>> judged_chain_;
};

Endpoint::Endpoint(EndpointConfig config, EndpointObserver& observer, const SimClock& clock)
    : config_(std::move(config)), observer_(observer), clock_(clock) {
  callbacks_ = std::make_shared<Callbacks>(config_, observer_, clock_);
  credentials_ = std::make_shared<Credentials>(config_, observer_);
  policy_ = std::make_shared<SimPolicy>(config_.policy);
  rng_ = make_drbg(config_.seed, config_.stream);
  // Tickets need somewhere to keep sessions; its randomness is seeded like everything else.
  if (config_.sessions)
    sessions_ = config_.sessions;
  else if (config_.side == Side::server && config_.session_tickets > 0)
    sessions_ = std::make_shared<Botan::TLS::Session_Manager_In_Memory>(
        std::shared_ptr<Botan::RandomNumberGenerator>(
            make_drbg(config_.seed, config_.stream + ":sessions")));
  else
    sessions_ = std::make_shared<Botan::TLS::Session_Manager_Noop>();
}

Endpoint::~Endpoint() = default;

void Endpoint::start() {
  if (config_.side == Side::server) {
    channel_ =
        std::make_unique<Botan::TLS::Server>(callbacks_, sessions_, credentials_, policy_, rng_);
    return;  // a server only speaks when spoken to
  }
  const auto offer = config_.policy.max_version == TlsVersion::tls13
                         ? Botan::TLS::Protocol_Version::TLS_V13
                         : Botan::TLS::Protocol_Version::TLS_V12;
  after_each_call([&] {
    channel_ = std::make_unique<Botan::TLS::Client>(
        callbacks_, sessions_, credentials_, policy_, rng_,
        Botan::TLS::Server_Information(config_.server_name, 443), offer, config_.app_protocols);
  });
}

template <class F>
void Endpoint::after_each_call(F&& call) {
  try {
    call();
  } catch (...) {
    credentials_->report_if_not_shown();
    throw;
  }
  credentials_->report_if_not_shown();
}

void Endpoint::received(ByteView bytes) {
  after_each_call([&] { channel_->received_data(bytes); });
}
void Endpoint::send(ByteView data) {
  channel_->send(data);
}
void Endpoint::close() {
  channel_->close();
}
bool Endpoint::is_active() const {
  return channel_ && channel_->is_active();
}
bool Endpoint::is_closed() const {
  return channel_ && channel_->is_closed();
}

}  // namespace tlsclub
