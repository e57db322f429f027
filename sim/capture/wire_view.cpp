#include "capture/wire_view.h"

#include "decode/handshake_decoder.h"

namespace tlsclub::capture {

namespace {

constexpr std::size_t kHeader = 5;
constexpr std::uint8_t kChangeCipherSpec = 20, kAlert = 21, kHandshake = 22;
// RFC 8446 5.2: a sealed alert is 2 bytes, the inner content type and a 16-byte AEAD tag.
constexpr std::size_t kSealedAlertLength = 2 + 1 + 16;

std::string side_word(Side s) {
  return s == Side::client ? "client" : "server";
}

const Field* child(const Field& f, const std::string& name) {
  for (const auto& c : f.children)
    if (c.name == name) return &c;
  return nullptr;
}

SeenCertificate seen_certificate(const Field& certificate) {
  SeenCertificate out;
  if (const auto* f = child(certificate, "subject")) out.subject = f->value;
  if (const auto* f = child(certificate, "issuer")) out.issuer = f->value;
  if (const auto* f = child(certificate, "not_after")) out.not_after = f->value;
  if (out.subject.empty()) out.subject = certificate.value;  // undecodable: say so
  return out;
}

SeenChain seen_chain(Side from, const DecodedMessage& message) {
  SeenChain chain{from, {}};
  for (const auto& field : message.fields) {
    if (field.name != "certificate_list") continue;
    for (const auto& item : field.children) {
      if (item.name == "certificate") chain.certificates.push_back(seen_certificate(item));
      if (const auto* data = child(item, "cert_data"))
        chain.certificates.push_back(seen_certificate(*data));
    }
  }
  return chain;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

class Watcher {
 public:
  void record(const OpenedRecord& r) {
    const int way = r.from == Side::client ? 0 : 1;
    view_.bytes[way] += kHeader + r.length;
    SeenRecord seen{r.from, r.index, r.timestamp_ns, r.wire_type, r.length, r.encrypted, {}};
    if (r.encrypted) {
      ++view_.sealed_records[way];
      view_.sealed_bytes[way] += r.length;
      seen.shows = "sealed";
      if (tls13() && r.length == kSealedAlertLength) seen.shows += " (the size of an alert)";
      // RFC 5246 7.4.9: a side's first record after its ChangeCipherSpec is its Finished; the
      // header's type says handshake or alert in TLS 1.2, only the content is hidden.
      if (!tls13() && after_change_cipher_spec_[way] && r.wire_type == kHandshake)
        seen.shows += " (by its place: the Finished)";
      else if (!tls13() && r.wire_type == kAlert)
        seen.shows += " (which alert is hidden; that it is one is not)";
      after_change_cipher_spec_[way] = false;
    } else if (r.wire_type == kHandshake) {
      std::vector<std::string> names;
      for (const auto& m : r.messages) {
        names.push_back(m.name);
        message(r.from, m);
      }
      seen.shows = names.empty() ? "part of a handshake message" : join(names);
    } else if (r.wire_type == kAlert && r.plaintext.size() >= 2) {
      const std::string text =
          std::string(r.plaintext[0] == 2 ? "fatal " : "warning ") + alert_name(r.plaintext[1]);
      view_.clear_alerts.push_back(side_word(r.from) + ": " + text);
      seen.shows = "alert: " + text;
    } else if (r.wire_type == kChangeCipherSpec) {
      const bool dummy = tls13() || !view_.server_hello;
      after_change_cipher_spec_[way] = !dummy;
      seen.shows = dummy ? "a dummy for middleboxes, no key changes (RFC 8446 D.4)"
                         : "from here on this side's records are sealed (RFC 5246 7.1)";
    } else {
      seen.shows = content_type_name(r.wire_type);
    }
    view_.records.push_back(std::move(seen));
  }

  WireView finish(const OpenedConnection& c) {
    for (const auto& note : c.notes) {
      if (note.find("bytes missing") != std::string::npos) view_.gap = true;
      if (note.starts_with("only the first")) view_.records_cut = true;
    }
    return std::move(view_);
  }

 private:
  bool tls13() const { return view_.version() == 0x0304; }

  void message(Side from, const DecodedMessage& m) {
    view_.clear_messages.push_back(side_word(from) + ": " + m.name);
    const ByteView body = m.bytes.size() >= 4 ? ByteView(m.bytes).subspan(4) : ByteView{};
    if (m.name == "client_hello" && !view_.client_hello) {
      view_.client_hello = parse_client_hello(body);
    } else if (m.name == "server_hello" || m.name == "hello_retry_request") {
      auto fields = parse_server_hello(body);
      if (fields.hello_retry_request)
        view_.retry_group = fields.key_share_group;
      else
        view_.server_hello = std::move(fields);
    } else if (m.name == "certificate") {
      view_.chains.push_back(seen_chain(from, m));
    }
  }

  WireView view_;
  bool after_change_cipher_spec_[2] = {false, false};
};

}  // namespace

std::optional<std::uint16_t> WireView::version() const {
  if (!server_hello) return std::nullopt;
  return server_hello->version();
}

bool WireView::rsa_key_exchange() const {
  return server_hello && server_hello->version() < 0x0304 &&
         cipher_suite_name(server_hello->cipher_suite).starts_with("TLS_RSA_WITH_");
}

WireView watch_wire(const OpenedConnection& connection) {
  Watcher watcher;
  for (const auto& r : connection.records) watcher.record(r);
  return watcher.finish(connection);
}

WireView watch_records(std::span<const WireRecord> records) {
  ConnectionOpener opener(1, nullptr, true);
  std::uint64_t packet = 0;
  for (const auto& r : records) opener.record(r.from, r.bytes, ++packet, r.time_ns);
  return watch_wire(opener.finish());
}

std::vector<std::string> hidden_from_the_wire(const WireView& view) {
  const auto version = view.version();
  if (!version)
    return {
        "nothing is sealed yet: without a ServerHello no keys were agreed, and whatever "
        "was sent is in the clear"};
  std::vector<std::string> out;
  if (*version == 0x0304) {
    out = {
        "the rest of the club's handshake (RFC 8446 4.3, 4.4): EncryptedExtensions with the "
        "protocol it chose (ALPN), whether it asked for a card (CertificateRequest), its badge "
        "chain, the CertificateVerify that proves it holds the badge's key, its Finished",
        "the member's card and its CertificateVerify, if it showed one, and its Finished (RFC "
        "8446 4.4.2): who the member is does not show on the wire",
        "every byte of data, session tickets, and the real type of each sealed record: the "
        "header always says application_data, the type is inside (RFC 8446 5.2)",
        "alerts sent after the ServerHello: a refusal shows only as a short sealed record (RFC "
        "8446 6)",
    };
  } else {
    out = {
        "the Finished messages that prove both sides saw the same handshake (RFC 5246 7.4.9)",
        "every byte of data, and alerts sent after a side's ChangeCipherSpec (RFC 5246 6.2.3)",
    };
  }
  if (view.rsa_key_exchange()) {
    out.push_back(
        "the premaster secret, sealed to the badge's RSA key (RFC 5246 7.4.7.1): hidden today, "
        "but whoever gets that private key later opens this recording (no forward secrecy; TLS "
        "1.3 has no RSA key exchange, RFC 8446 1.2)");
  } else {
    out.push_back(
        "the traffic keys: both key shares cross the wire in the clear, but the shared secret "
        "cannot be computed from them ((EC)DHE, RFC 8446 4.2.8, 7.1; RFC 5246 7.4.3). The "
        "badge's key only signs: it does not encrypt the traffic");
  }
  return out;
}

}  // namespace tlsclub::capture
