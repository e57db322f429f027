#include "simulation/connection_run.h"

#include <botan/tls_exceptn.h>

#include <memory>

#include "endpoint/endpoint.h"
#include "simulation/recorder.h"
#include "wire/wire.h"

namespace tlsclub {

namespace {

// A handshake is a dozen records; a bound keeps a broken scenario from looping forever.
constexpr std::size_t kMaxSteps = 200;

EndpointConfig server_config(const ScenarioSpec& spec, const Cast& cast) {
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
  c.credential = cast.server;
  c.trusted_roots = cast.certificates_of(spec.server.trusted_authorities);
  c.crls = cast.crls;
  c.ocsp_staple = cast.server_staple;
  c.session_tickets = spec.server.session_tickets;
  c.server_name = spec.server.certificate.certificate.common_name;
  c.seed = spec.seed;
  return c;
}

EndpointConfig client_config(const ScenarioSpec& spec, const Cast& cast, std::size_t index) {
  const MemberSpec& m = spec.members[index];
  EndpointConfig c;
  c.side = Side::client;
  c.policy.min_version = spec.min_version;
  c.policy.max_version = spec.max_version;
  c.policy.groups = m.groups;
  c.policy.require_revocation_info = m.require_revocation_info;
  c.policy.middlebox_compatibility = spec.middlebox_compatibility;
  c.credential = cast.cards[index];
  c.trusted_roots = cast.certificates_of(m.trusted_authorities);
  c.crls = cast.crls;
  c.server_name = m.server_name;
  c.seed = spec.seed;
  c.stream = "client:" + m.name;
  return c;
}

Bytes to_bytes(std::string_view s) {
  return Bytes(s.begin(), s.end());
}

class Run {
 public:
  Run(const ScenarioSpec& spec, const Cast& cast, std::size_t index, Connection& connection)
      : member_(spec.members[index]),
        clock_(spec.now),
        recorder_(connection, wire_, clock_),
        connection_(connection) {
    auto sc = server_config(spec, cast);
    // Each visit gets its own server stream, so members never share randomness.
    sc.stream = "server:" + member_.name;
    server_ = std::make_unique<Endpoint>(std::move(sc), recorder_, clock_);
    client_ = std::make_unique<Endpoint>(client_config(spec, cast, index), recorder_, clock_);
  }

  void go() {
    server_->start();
    call(*client_, context(CallContext::Action::start), [&] { client_->start(); });
    while (connection_.steps < kMaxSteps) {
      if (auto record = wire_.take_next()) {
        deliver(*record);
        continue;
      }
      if (!next_scripted_action()) break;
    }
    finish();
  }

 private:
  static CallContext context(CallContext::Action action) {
    CallContext c;
    c.action = action;
    return c;
  }

  Endpoint& endpoint(Side s) { return s == Side::client ? *client_ : *server_; }

  template <class F>
  void call(Endpoint& e, CallContext context, F&& f) {
    try {
      f();
    } catch (const Botan::TLS::TLS_Exception& ex) {
      context.sent_alert = static_cast<std::uint8_t>(ex.type());
      context.error = ex.what();
    } catch (const std::exception& ex) {
      context.sent_alert = static_cast<std::uint8_t>(Botan::TLS::AlertType::InternalError);
      context.error = ex.what();
    }
    recorder_.flush(e.side(), context);
    if (e.is_closed())
      recorder_.note_closed(e.side(), context.sent_alert ? "sent a fatal alert" : "closed");
  }

  void deliver(const WireRecord& record) {
    recorder_.next_step();
    ++connection_.steps;
    recorder_.record_delivered(record);
    Endpoint& receiver = endpoint(peer_of(record.from));
    if (receiver.is_closed()) return;  // a closed endpoint reads nothing more
    call(receiver, {}, [&] { receiver.received(record.bytes); });
    if (connection_.refused_by == record.from && !receiver.is_closed())
      recorder_.note_closed(receiver.side(), "received a fatal alert");
  }

  // After the handshake: the member speaks, the club answers, the member says goodbye.
  bool next_scripted_action() {
    if (client_->is_closed() || server_->is_closed()) return false;
    if (client_->is_active() && !request_sent_) {
      request_sent_ = true;
      const auto text =
          member_.request.empty() ? "Hello, I am " + member_.name + "." : member_.request;
      send(*client_, to_bytes(text));
      return true;
    }
    if (recorder_.app_data_received(Side::server) && !reply_sent_ && server_->is_active()) {
      reply_sent_ = true;
      send(*server_, to_bytes("Welcome to the club, " + member_.name + "."));
      return true;
    }
    if (recorder_.app_data_received(Side::client) && !close_sent_) {
      close_sent_ = true;
      call(*client_, context(CallContext::Action::close), [&] { client_->close(); });
      return true;
    }
    return false;
  }

  void send(Endpoint& e, Bytes data) {
    CallContext c = context(CallContext::Action::send_app_data);
    c.app_data = data;
    call(e, std::move(c), [&] { e.send(data); });
  }

  void finish() {
    const bool both = recorder_.established(Side::client) && recorder_.established(Side::server);
    connection_.outcome = both && !connection_.alert ? Outcome::admitted : Outcome::refused;
  }

  const MemberSpec& member_;
  SimClock clock_;
  Wire wire_;
  Recorder recorder_;
  Connection& connection_;
  std::unique_ptr<Endpoint> server_;
  std::unique_ptr<Endpoint> client_;
  bool request_sent_ = false;
  bool reply_sent_ = false;
  bool close_sent_ = false;
};

}  // namespace

Connection run_connection(const ScenarioSpec& spec, const Cast& cast, std::size_t member_index) {
  Connection connection;
  connection.client = spec.members[member_index].name;
  connection.server_name = spec.members[member_index].server_name;
  Run run(spec, cast, member_index, connection);
  run.go();
  return connection;
}

}  // namespace tlsclub
