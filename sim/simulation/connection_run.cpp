#include "simulation/connection_run.h"

#include <botan/tls_exceptn.h>

#include <algorithm>
#include <memory>

#include "decode/handshake_decoder.h"
#include "endpoint/endpoint.h"
#include "simulation/endpoint_configs.h"
#include "simulation/recorder.h"
#include "timeline/check_names.h"
#include "wire/wire.h"

namespace tlsclub {

namespace {

// A handshake is a dozen records; a bound keeps a broken scenario from looping forever.
constexpr std::size_t kMaxSteps = 200;

Bytes to_bytes(std::string_view s) {
  return Bytes(s.begin(), s.end());
}

class Run {
 public:
  Run(const ScenarioSpec& spec, const Cast& cast, std::size_t index, const RunOptions& options,
      SessionStore& sessions, Connection& connection)
      : spec_(spec),
        member_(spec.members[index]),
        clock_(spec.now),
        recorder_(connection, wire_, clock_),
        connection_(connection) {
    auto sc = club_endpoint_config(spec, cast);
    // Each visit gets its own server stream, so members never share randomness.
    sc.stream = "server:" + member_.name;
    if (const auto& impostor = cast.impostors[index]) {
      // A man in the middle answers in the club's place, with its own badge for the club's name.
      sc.credential = *impostor;
      sc.ocsp_staple.clear();
      sc.stream = "impostor:" + member_.name;
    }
    sc.sessions = sessions.club();
    server_ = std::make_unique<Endpoint>(std::move(sc), recorder_, clock_);
    auto cc = member_endpoint_config(spec, cast, index);
    cc.stream = "client:" + member_.name;
    cc.sessions = sessions.member(index);
    client_ = std::make_unique<Endpoint>(std::move(cc), recorder_, clock_);
    for (const auto* list : {&spec.faults, &options.faults})
      for (const auto& f : *list)
        if (f.member.empty() || f.member == member_.name) faults_.push_back({f, false});
  }

  void go() {
    server_->start();
    call(*client_, context(CallContext::Action::start), [&] { client_->start(); });
    while (connection_.steps < kMaxSteps) {
      if (auto record = wire_.take_next()) {
        transmit(std::move(*record));
        continue;
      }
      if (!next_scripted_action()) break;
    }
    give_up_if_stalled();
    report_faults_never_applied();
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
    } catch (const Botan::Invalid_Authentication_Tag& ex) {
      // Botan's channels answer these exceptions with these alerts, then rethrow them.
      context.sent_alert = static_cast<std::uint8_t>(Botan::TLS::AlertType::BadRecordMac);
      context.error = ex.what();
    } catch (const Botan::Decoding_Error& ex) {
      context.sent_alert = static_cast<std::uint8_t>(Botan::TLS::AlertType::DecodeError);
      context.error = ex.what();
    } catch (const std::exception& ex) {
      context.sent_alert = static_cast<std::uint8_t>(Botan::TLS::AlertType::InternalError);
      context.error = ex.what();
    }
    recorder_.flush(e.side(), context);
    if (e.is_closed())
      recorder_.note_closed(e.side(), context.sent_alert ? "sent a fatal alert" : "closed");
  }

  // The first fault that this record triggers, marked as used: each fault strikes once.
  const WireFault* triggered_by(const WireRecord& record) {
    for (auto& [fault, fired] : faults_) {
      if (fired || fault.from != record.from) continue;
      bool hit = false;
      if (fault.record > 0) {
        std::size_t nth = 0;
        for (std::size_t id = 1; id <= record.id; ++id)
          nth += recorder_.sent_record(id).from == record.from;
        hit = nth == fault.record;
      } else {
        const auto& carried = recorder_.sent_record(record.id).messages;
        hit = std::find(carried.begin(), carried.end(), fault.message) != carried.end();
      }
      if (hit) {
        fired = true;
        return &fault;
      }
    }
    return nullptr;
  }

  void transmit(WireRecord record) {
    const WireFault* fault = triggered_by(record);
    if (fault == nullptr) return deliver(record);
    switch (fault->action) {
      case WireFault::Action::flip:
        if (!record.bytes.empty())
          record.bytes[fault->offset % record.bytes.size()] ^=
              fault->mask == 0 ? std::uint8_t{1} : fault->mask;
        return deliver(record, fault);
      case WireFault::Action::drop:
        begin_step();
        recorder_.note_fault(record, *fault);
        return;
      case WireFault::Action::replay:
        deliver(record, fault);
        return deliver(record);
      case WireFault::Action::reorder:
        if (auto next = wire_.take_next_from(record.from)) {
          deliver(*next, fault, &record);
          return deliver(record);
        }
        begin_step();  // nothing follows it: the attack changes nothing
        recorder_.note_fault(record, *fault, "nothing followed it, so nothing changed");
        return hand_over(record);
      case WireFault::Action::downgrade:
        if (auto stripped = without_supported_versions(record.bytes))
          record.bytes = std::move(*stripped);
        return deliver(record, fault);
      case WireFault::Action::truncate:
        if (record.bytes.size() > kRecordHeaderSize) {
          record.bytes.pop_back();
          const auto length = record.bytes.size() - kRecordHeaderSize;
          record.bytes[3] = static_cast<std::uint8_t>(length >> 8);
          record.bytes[4] = static_cast<std::uint8_t>(length & 0xff);
        }
        return deliver(record, fault);
      case WireFault::Action::inject_alert: {
        // A forged plaintext fatal alert (RFC 8446 6): anyone on the path can send one.
        const Bytes forged{static_cast<std::uint8_t>(ContentType::alert),
                           0x03,
                           0x03,
                           0x00,
                           0x02,
                           0x02,
                           alert_code(fault->alert).value()};
        deliver(recorder_.forge_record(record.from, forged, "alert"), fault, &record);
        return deliver(record);
      }
    }
  }

  void begin_step() {
    recorder_.next_step();
    ++connection_.steps;
  }

  // `fault` is noted in this step, about `hit` (default: the record delivered).
  void deliver(const WireRecord& record, const WireFault* fault = nullptr,
               const WireRecord* hit = nullptr) {
    begin_step();
    if (fault != nullptr) recorder_.note_fault(hit != nullptr ? *hit : record, *fault);
    hand_over(record);
  }

  void hand_over(const WireRecord& record) {
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
      if (spec_.server.require_password) {
        send(*client_, to_bytes("password: " + member_.password.value_or("")));
        return true;
      }
      const auto text =
          member_.request.empty() ? "Hello, I am " + member_.name + "." : member_.request;
      send(*client_, to_bytes(text));
      return true;
    }
    if (recorder_.app_data_received(Side::server) && !reply_sent_ && server_->is_active()) {
      reply_sent_ = true;
      if (spec_.server.require_password && !password_accepted()) {
        send(*server_, to_bytes("Wrong password. Goodbye."));
        call(*server_, context(CallContext::Action::close), [&] { server_->close(); });
        return true;
      }
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

  // The second factor (what the member knows), checked by the club against the name on the card
  // (what the member has), after the handshake and inside the encrypted channel.
  bool password_accepted() {
    CheckEvent check;
    check.by = Side::server;
    check.check = checks::password;
    const std::string holder = member_.card ? member_.card->certificate.common_name : "";
    check.subject = holder.empty() ? "(no card)" : "CN=" + holder;
    const auto known = spec_.server.passwords.find(holder);
    const std::string said = member_.password.value_or("");
    check.passed = known != spec_.server.passwords.end() && !said.empty() && said == known->second;
    check.reason = check.passed ? "the password on file for " + holder + " matches"
                   : known == spec_.server.passwords.end()
                       ? "no password on file for '" + holder + "'"
                   : said.empty() ? "the member gave no password"
                                  : "the password does not match the one on file for " + holder;
    if (!check.passed) {
      check.status = "PASSWORD_MISMATCH";
      password_failed_ = true;
    }
    VerifyResult result;
    result.checks.push_back(check);
    recorder_.on_checks(Side::server, result);
    return check.passed;
  }

  // A visit ends with both sides closed. If nothing is in flight and someone is still open, it
  // waits for what never comes (a dropped record, a length that promises bytes that never
  // arrive): it gives up, as a real stack does when its timeout fires.
  void give_up_if_stalled() {
    const bool handshake_done =
        recorder_.established(Side::client) && recorder_.established(Side::server);
    for (Endpoint* e : {client_.get(), server_.get()}) {
      if (e->is_closed()) continue;
      stalled_ = true;
      recorder_.note_closed(e->side(), handshake_done ? "gave up waiting: the conversation stalled"
                                                      : "gave up waiting: the handshake stalled");
    }
  }

  // A trainer's fault that never struck would otherwise leave a run that only looks attacked.
  void report_faults_never_applied() {
    for (const auto& [fault, fired] : faults_) {
      if (fired) continue;
      std::size_t sent = 0;
      for (std::size_t id = 1; id <= recorder_.records_sent(); ++id)
        sent += recorder_.sent_record(id).from == fault.from;
      const std::string side(to_string(fault.from));
      recorder_.note_fault_not_applied(
          fault, fault.record > 0 ? "the " + side + " sent " + std::to_string(sent) + " record" +
                                        (sent == 1 ? "" : "s") + " in this visit"
                                  : "no record from the " + side + " carried " + fault.message +
                                        " in this visit");
    }
  }

  // Admitted: both sides finished the handshake, no fatal alert, and the visit ran to its end.
  void finish() {
    const bool both = recorder_.established(Side::client) && recorder_.established(Side::server);
    connection_.outcome = both && !connection_.alert && !stalled_ && !password_failed_
                              ? Outcome::admitted
                              : Outcome::refused;
    if (password_failed_ && !connection_.refused_by) connection_.refused_by = Side::server;
  }

  const ScenarioSpec& spec_;
  const MemberSpec& member_;
  SimClock clock_;
  Wire wire_;
  Recorder recorder_;
  Connection& connection_;
  std::unique_ptr<Endpoint> server_;
  std::unique_ptr<Endpoint> client_;
  std::vector<std::pair<WireFault, bool>> faults_;  // fault, already fired
  bool stalled_ = false;
  bool password_failed_ = false;
  bool request_sent_ = false;
  bool reply_sent_ = false;
  bool close_sent_ = false;
};

}  // namespace

Connection run_connection(const ScenarioSpec& spec, const Cast& cast, std::size_t member_index,
                          const RunOptions& options) {
  SessionStore sessions(spec);
  return run_connection(spec, cast, member_index, options, sessions);
}

Connection run_connection(const ScenarioSpec& spec, const Cast& cast, std::size_t member_index,
                          const RunOptions& options, SessionStore& sessions) {
  Connection connection;
  connection.client = spec.members[member_index].name;
  connection.server_name = spec.members[member_index].server_name;
  if (const auto& by = spec.members[member_index].intercepted_by)
    for (const auto& authority : spec.authorities)
      if (authority.id == *by) connection.impostor = authority.certificate.common_name;
  Run run(spec, cast, member_index, options, sessions, connection);
  run.go();
  return connection;
}

}  // namespace tlsclub
