#pragma once
// The NSS key log format (what SSLKEYLOGFILE makes browsers, curl and openssl s_client -keylogfile
// write, and what Wireshark reads; also the content of a pcapng Decryption Secrets Block): one
// secret per line, "LABEL <client random, hex> <secret, hex>"; '#' starts a comment line.

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/bytes.h"

namespace tlsclub::capture {

// A line that is not a key log line: "line 3: ...".
class KeyLogError : public std::runtime_error {
 public:
  KeyLogError(std::size_t line, const std::string& message)
      : std::runtime_error("line " + std::to_string(line) + ": " + message),
        line_(line),
        message_(message) {}
  std::size_t line() const { return line_; }
  const std::string& message() const { return message_; }  // without the line

 private:
  std::size_t line_;
  std::string message_;
};

struct KeyLogEntry {
  std::string label;  // "CLIENT_HANDSHAKE_TRAFFIC_SECRET", ...
  Bytes secret;
  std::size_t line = 0;
};

class KeyLog {
 public:
  // Adds the lines of `text`; throws KeyLogError naming the first bad line. Line numbers count
  // from 1 in `text`.
  void parse(std::string_view text);

  // Every secret logged for the connection whose ClientHello.random is `client_random`.
  const std::vector<KeyLogEntry>* find(ByteView client_random) const;
  // One secret by label ("SERVER_TRAFFIC_SECRET_0") for that connection.
  std::optional<Bytes> secret(ByteView client_random, std::string_view label) const;

  std::size_t entries() const { return entries_; }
  std::size_t client_randoms() const { return by_random_.size(); }

  // The labels this parser knows, in the order the NSS documentation lists them (and Botan's
  // EARLY_EXPORTER_MASTER_SECRET last).
  static const std::vector<std::string_view>& labels();

 private:
  std::map<Bytes, std::vector<KeyLogEntry>> by_random_;
  std::size_t entries_ = 0;
};

}  // namespace tlsclub::capture
