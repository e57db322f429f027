#include "bridge/live_connection.h"

#include <botan/hex.h>
#include <botan/system_rng.h>
#include <botan/tls_exceptn.h>

#include <chrono>
#include <optional>
#include <string>

namespace tlsclub::bridge {

namespace {

using Clock = std::chrono::steady_clock;
constexpr Millis kPoll{100};           // how often a wait looks at `stop` and the time-outs
constexpr Millis kWriteTimeout{2000};  // a peer that reads nothing for this long is gone

class Visit {
 public:
  Visit(Socket& socket, EndpointConfig config, SimTime clock_start,
        const Conversation& conversation, const LiveSettings& settings, Connection& connection)
      : socket_(socket),
        clock_(clock_start),
        start_(clock_start),
        conversation_(conversation),
        settings_(settings),
        connection_(connection),
        recorder_(connection, config.side, clock_),
        endpoint_(std::move(config), recorder_, clock_),
        began_(Clock::now()),
        deadline_(began_ + settings.timeout) {}

  void run() {
    if (endpoint_.side() == Side::client)
      call({LocalCall::Action::start, {}, {}, {}}, [&] { endpoint_.start(); });
    else
      endpoint_.start();
    while (step()) {
    }
    finish();
  }

  const LiveRecorder& recorder() const { return recorder_; }
  Side side() const { return endpoint_.side(); }

 private:
  // One round: the scripted conversation, then at most kPoll of waiting for the peer.
  bool step() {
    tick();
    if (settings_.stop != nullptr && settings_.stop->load()) {
      end_reason_ = "stopped (Ctrl-C)";
      return false;
    }
    if (const auto reason = timed_out()) {
      end_reason_ = *reason;
      timed_out_ = true;
      return false;
    }
    if (endpoint_.is_closed()) {
      // Both goodbyes said, or a fatal alert: nothing more will come. Otherwise give the peer a
      // moment for its goodbye, so the transcript shows it.
      if (recorder_.close_notify_received() || connection_.refused_by == peer_of(side()))
        return false;
      if (!linger_until_) {
        // Our FIN after our last record; reading on drains what the peer still sends, so closing
        // the socket with unread bytes never resets the connection before the peer reads our alert.
        shutdown_sending(socket_);
        linger_until_ = Clock::now() + settings_.linger;
      }
      if (Clock::now() >= *linger_until_) return false;
    } else {
      converse();
    }
    if (peer_gone_) return false;
    read();
    return true;
  }

  // Which time-out has passed, if any, as the reason the visit ends.
  std::optional<std::string> timed_out() {
    const auto now = Clock::now();
    if (now >= deadline_)
      return recorder_.established() ? "gave up waiting: the conversation stalled"
                                     : "gave up waiting: the handshake stalled";
    if (!recorder_.established()) {
      if (settings_.handshake_timeout.count() > 0 && now >= began_ + settings_.handshake_timeout)
        return "gave up waiting: the handshake took longer than " +
               seconds_text(settings_.handshake_timeout);
      return std::nullopt;
    }
    if (!established_at_) established_at_ = now;
    const auto quiet_since = std::max(*established_at_, last_heard_);
    if (settings_.idle_timeout.count() > 0 && !endpoint_.is_closed() &&
        now >= quiet_since + settings_.idle_timeout)
      return "gave up waiting: the peer said nothing for " + seconds_text(settings_.idle_timeout);
    return std::nullopt;
  }

  static std::string seconds_text(Millis m) {
    const auto tenths = m.count() / 100;
    return std::to_string(tenths / 10) +
           (tenths % 10 != 0 ? "." + std::to_string(tenths % 10) : "") + " s";
  }

  void tick() {
    const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - began_);
    clock_.advance(start_ + elapsed - clock_.now());
  }

  void converse() {
    if (!endpoint_.is_active()) return;
    if (recorder_.close_notify_received()) return close();
    if (endpoint_.side() == Side::client) {
      if (!request_sent_) {
        request_sent_ = true;
        reply_until_ = Clock::now() + settings_.reply_wait;
        return send(conversation_.request);
      }
      if (recorder_.app_data_received() || Clock::now() >= reply_until_) return close();
      return;
    }
    if (recorder_.app_data_received() && !reply_sent_) {
      reply_sent_ = true;
      send(conversation_.reply ? conversation_.reply(recorder_) : std::string("Welcome."));
      close();
    }
  }

  void send(const std::string& text) {
    LocalCall c{LocalCall::Action::send, Bytes(text.begin(), text.end()), {}, {}};
    call(c, [&] { endpoint_.send(c.data); });
  }

  void close() {
    if (close_sent_) return;
    close_sent_ = true;
    call({LocalCall::Action::close, {}, {}, {}}, [&] { endpoint_.close(); });
  }

  void read() {
    const auto left = std::chrono::duration_cast<Millis>(deadline_ - Clock::now());
    const Millis wait = std::min(kPoll, std::max(Millis{0}, left));
    Bytes bytes;
    const ReadStatus status = read_within(socket_, bytes, wait);
    if (status == ReadStatus::closed) peer_gone_ = true;
    if (status != ReadStatus::data) return;
    last_heard_ = Clock::now();
    if (incoming_.empty() && !bytes.empty() && (bytes[0] < 20 || bytes[0] > 24) &&
        !endpoint_.is_closed()) {
      // Not a TLS record (a browser speaking plain HTTP to the club, say): its "length" could make
      // us wait for bytes that never come. The endpoint reads it at once and answers with an alert.
      call({}, [&] { endpoint_.received(bytes); });
      return;
    }
    incoming_.append(bytes);
    while (auto record = incoming_.next()) {
      if (endpoint_.is_closed()) {  // a closed endpoint reads nothing more; the record still came
        recorder_.remote_record(*record);
        continue;
      }
      call(
          {}, [&] { endpoint_.received(*record); }, [&] { recorder_.remote_record(*record); });
    }
  }

  // Calls into the endpoint, then records what came in (`before`), what it reported and what it
  // sent, and sends that to the peer.
  template <class F>
  void call(LocalCall context, F&& f, const std::function<void()>& before = {}) {
    try {
      f();
    } catch (const Botan::TLS::TLS_Exception& e) {
      context.sent_alert = static_cast<std::uint8_t>(e.type());
      context.error = e.what();
    } catch (const Botan::Invalid_Authentication_Tag& e) {
      context.sent_alert = static_cast<std::uint8_t>(Botan::TLS::AlertType::BadRecordMac);
      context.error = e.what();
    } catch (const Botan::Decoding_Error& e) {
      context.sent_alert = static_cast<std::uint8_t>(Botan::TLS::AlertType::DecodeError);
      context.error = e.what();
    } catch (const std::exception& e) {
      context.sent_alert = static_cast<std::uint8_t>(Botan::TLS::AlertType::InternalError);
      context.error = e.what();
    }
    if (before) before();
    recorder_.flush_reports();
    for (const auto& record : recorder_.take_emitted()) {
      if (!peer_gone_ && !write_within(socket_, record, kWriteTimeout)) peer_gone_ = true;
      recorder_.local_record(record, context);
    }
    recorder_.end_call(context);
    if (endpoint_.is_closed() && !closed_noted_) {
      closed_noted_ = true;
      recorder_.note_closed(endpoint_.side(), context.sent_alert ? "sent a fatal alert" : "closed");
    }
  }

  void finish() {
    if (!endpoint_.is_closed())
      recorder_.note_closed(endpoint_.side(),
                            !end_reason_.empty() ? end_reason_ : "the peer hung up");
    if (peer_gone_) recorder_.note_closed(peer_of(endpoint_.side()), "hung up (TCP closed)");
    shutdown_sending(socket_);
    // Admitted: our side finished the handshake, nobody sent a fatal alert, the visit was not cut
    // short (time-out, Ctrl-C) and the peer did not hang up before saying goodbye.
    const bool cut = peer_gone_ && !recorder_.close_notify_received() && !close_sent_;
    connection_.outcome =
        recorder_.established() && !connection_.alert && !timed_out_ && end_reason_.empty() && !cut
            ? Outcome::admitted
            : Outcome::refused;
  }

  Socket& socket_;
  SimClock clock_;
  SimTime start_;
  const Conversation& conversation_;
  const LiveSettings& settings_;
  Connection& connection_;
  LiveRecorder recorder_;
  Endpoint endpoint_;
  RecordSplitter incoming_;
  Clock::time_point began_;
  Clock::time_point deadline_;
  Clock::time_point reply_until_{};
  Clock::time_point last_heard_{};
  std::optional<Clock::time_point> established_at_;
  std::optional<Clock::time_point> linger_until_;
  std::string end_reason_;
  bool timed_out_ = false;
  bool peer_gone_ = false;
  bool request_sent_ = false;
  bool reply_sent_ = false;
  bool close_sent_ = false;
  bool closed_noted_ = false;
};

}  // namespace

void run_live(Socket& socket, EndpointConfig config, SimTime clock_start,
              const Conversation& conversation, const LiveSettings& settings,
              Connection& connection, const std::function<void(const LiveRecorder&)>& after) {
  Visit visit(socket, std::move(config), clock_start, conversation, settings, connection);
  visit.run();
  if (after) after(visit.recorder());
}

std::string fresh_stream(const std::string& prefix) {
  Botan::System_RNG rng;
  return prefix + ":" + Botan::hex_encode(rng.random_vec(16));
}

}  // namespace tlsclub::bridge
