// NSS key log lines: CLIENT_RANDOM carries the TLS 1.2 master secret (48 bytes); the TLS 1.3
// labels carry the traffic secrets of RFC 8446 7.1 (as long as the hash: 32 or 48 bytes); the
// identifier is the 32-byte ClientHello.random (RFC 8446 4.1.2), except for RSA lines, which are
// keyed by the first 8 bytes of the encrypted premaster secret.
#include "capture/key_log.h"

#include <algorithm>

namespace tlsclub::capture {

namespace {

constexpr std::size_t kMaxLineLength = 4096;
constexpr std::size_t kMaxEntries = 1u << 20;  // a key log larger than this is not for class

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Bytes parse_hex(std::string_view text, std::size_t line, const char* what) {
  if (text.empty() || text.size() % 2 != 0)
    throw KeyLogError(line, std::string(what) + " is not an even number of hex digits");
  Bytes out;
  out.reserve(text.size() / 2);
  for (std::size_t i = 0; i < text.size(); i += 2) {
    const int hi = hex_digit(text[i]), lo = hex_digit(text[i + 1]);
    if (hi < 0 || lo < 0) throw KeyLogError(line, std::string(what) + " is not hex");
    out.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
  }
  return out;
}

std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at < line.size() && words.size() < 4) {
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
    if (at == line.size()) break;
    std::size_t end = at;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    words.push_back(line.substr(at, end - at));
    at = end;
  }
  return words;
}

}  // namespace

const std::vector<std::string_view>& KeyLog::labels() {
  static const std::vector<std::string_view> kLabels = {
      "RSA",
      "CLIENT_RANDOM",
      "CLIENT_EARLY_TRAFFIC_SECRET",
      "CLIENT_HANDSHAKE_TRAFFIC_SECRET",
      "SERVER_HANDSHAKE_TRAFFIC_SECRET",
      "CLIENT_TRAFFIC_SECRET_0",
      "SERVER_TRAFFIC_SECRET_0",
      "EARLY_EXPORTER_SECRET",
      "EXPORTER_SECRET",
      "ECH_SECRET",
      "ECH_CONFIG",
      // Not in the NSS list: Botan's name for EARLY_EXPORTER_SECRET, which its key log callback
      // (and so `tlsclub export --keylog` of a resumed visit) writes.
      "EARLY_EXPORTER_MASTER_SECRET",
  };
  return kLabels;
}

void KeyLog::parse(std::string_view text) {
  std::size_t number = 0;
  while (!text.empty()) {
    ++number;
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() > kMaxLineLength) throw KeyLogError(number, "line too long");
    const auto words = words_of(line);
    if (words.empty() || words[0].front() == '#') continue;
    if (words.size() != 3) {
      throw KeyLogError(number, "expected LABEL CLIENT_RANDOM SECRET, found " +
                                    std::to_string(words.size()) + " words" +
                                    (words.size() > 3 ? " or more" : ""));
    }
    const auto& known = labels();
    if (std::find(known.begin(), known.end(), words[0]) == known.end())
      throw KeyLogError(number, "unknown label " + std::string(words[0]));
    Bytes random = parse_hex(words[1], number, "the client random");
    const std::size_t expected = words[0] == "RSA" ? 8 : 32;
    if (random.size() != expected) {
      throw KeyLogError(number, "the client random has " + std::to_string(random.size()) +
                                    " bytes, not " + std::to_string(expected));
    }
    KeyLogEntry entry{std::string(words[0]), parse_hex(words[2], number, "the secret"), number};
    if (entries_ >= kMaxEntries) throw KeyLogError(number, "more than 2^20 secrets");
    by_random_[std::move(random)].push_back(std::move(entry));
    ++entries_;
  }
}

const std::vector<KeyLogEntry>* KeyLog::find(ByteView client_random) const {
  const auto found = by_random_.find(Bytes(client_random.begin(), client_random.end()));
  return found == by_random_.end() ? nullptr : &found->second;
}

std::optional<Bytes> KeyLog::secret(ByteView client_random, std::string_view label) const {
  const auto* entries = find(client_random);
  if (entries == nullptr) return std::nullopt;
  // The first line with the label wins; a repeated line adds nothing.
  for (const auto& e : *entries)
    if (e.label == label) return e.secret;
  return std::nullopt;
}

}  // namespace tlsclub::capture
