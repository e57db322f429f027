// Record framing over a byte stream that arrives in pieces: the 5-byte header is gathered first,
// then the body is passed through, so no record is ever held whole.
#include "capture/tls_stream.h"

#include <algorithm>

#include "core/tls_codes.h"

namespace tlsclub::capture {

bool looks_like_record_header(ByteView header) {
  if (header.size() < 5) return false;
  const std::uint8_t type = header[0];
  const std::uint16_t length = read_u16(header, 3);
  return type >= code(ContentType::change_cipher_spec) && type <= code(ContentType::heartbeat) &&
         header[1] == 3 && header[2] <= 4 && length <= kMaxRecordLength;
}

void TlsDirection::feed(ByteView bytes) {
  bytes_ += bytes.size();
  while (!bytes.empty() && !lost_) {
    if (header_have_ < 5) {
      const std::size_t n = std::min(5 - header_have_, bytes.size());
      std::copy_n(bytes.begin(), n, header_ + header_have_);
      header_have_ += n;
      bytes = bytes.subspan(n);
      if (header_have_ == 5) start_record();
      continue;
    }
    const std::size_t n = std::min(body_left_, bytes.size());
    record_body(bytes.first(n));
    body_left_ -= n;
    bytes = bytes.subspan(n);
    if (body_left_ == 0) end_record();
  }
}

void TlsDirection::gap() {
  had_gap_ = true;
  lost_ = true;
}

void TlsDirection::start_record() {
  if (!looks_like_record_header(ByteView(header_, 5))) {
    // Not TLS from the start, or the stream stopped being records: count no further.
    if (verdict_ == Verdict::unknown) verdict_ = Verdict::not_tls;
    lost_ = true;
    return;
  }
  if (verdict_ == Verdict::unknown) verdict_ = Verdict::tls;
  ++records_;
  alert_have_ = 0;
  body_left_ = read_u16(ByteView(header_, 5), 3);
  if (body_left_ == 0) end_record();
}

void TlsDirection::record_body(ByteView bytes) {
  const std::uint8_t type = header_[0];
  if (type == code(ContentType::alert)) {
    for (std::size_t i = 0; i < bytes.size() && alert_have_ < 2; ++i)
      alert_bytes_[alert_have_++] = bytes[i];
  } else if (type == code(ContentType::handshake) && want_hello_) {
    if (handshake_.size() + bytes.size() > kMaxHello + 4) {
      want_hello_ = false;  // no hello is this long: stop looking
      handshake_.clear();
      return;
    }
    handshake_.insert(handshake_.end(), bytes.begin(), bytes.end());
  }
}

void TlsDirection::end_record() {
  const std::uint8_t type = header_[0];
  const std::uint16_t length = read_u16(ByteView(header_, 5), 3);
  header_have_ = 0;
  if (change_cipher_spec_ > 0) ++after_ccs_;
  if (type == code(ContentType::change_cipher_spec)) {
    ++change_cipher_spec_;
    after_ccs_ = 0;
  } else if (type == code(ContentType::application_data)) {
    ++application_data_;
    if (lengths_.size() < kKeptLengths) lengths_.push_back(length);
  } else if (type == code(ContentType::alert)) {
    // RFC 8446 6 / RFC 5246 7.2: an alert in the clear is two bytes, level and description; a
    // protected one is longer (its MAC or AEAD tag) and unreadable without keys.
    if (length == 2 && alert_have_ == 2) {
      if (!alert_) alert_ = Alert{alert_bytes_[0], alert_bytes_[1]};
    } else {
      ++protected_alerts_;
    }
  } else if (type == code(ContentType::handshake) && want_hello_) {
    read_handshake_messages();
  }
}

// RFC 8446 4: msg_type, uint24 length, body; a message may span records.
void TlsDirection::read_handshake_messages() {
  while (want_hello_ && handshake_.size() >= 4) {
    const std::uint32_t length = read_u24(handshake_, 1);
    if (length > kMaxHello) {
      want_hello_ = false;
      break;
    }
    if (handshake_.size() < 4 + length) return;  // the rest is in the next record
    const ByteView body = ByteView(handshake_).subspan(4, length);
    const std::uint8_t type = handshake_[0];
    if (from_ == Side::client && type == code(HandshakeType::client_hello)) {
      client_hello_ = parse_client_hello(body);
      want_hello_ = false;
    } else if (from_ == Side::server && type == code(HandshakeType::server_hello)) {
      auto hello = parse_server_hello(body);
      // RFC 8446 4.1.4: after a HelloRetryRequest the real ServerHello follows.
      if (hello.hello_retry_request) {
        retry_request_ = true;
        if (!server_hello_) server_hello_ = hello;
      } else {
        server_hello_ = hello;
        want_hello_ = false;
      }
    } else {
      want_hello_ = false;  // another message first: a stream this reader does not follow
    }
    handshake_.erase(handshake_.begin(), handshake_.begin() + 4 + length);
  }
  if (!want_hello_) Bytes().swap(handshake_);
}

}  // namespace tlsclub::capture
