#include "export/keylog.h"

#include <map>
#include <utility>
#include <vector>

namespace tlsclub {

namespace {

// When a tampered handshake leaves the two sides with different secrets, the Timeline has both;
// a record is protected by its sender's, so that is the one a decrypting reader needs.
bool preferred(const SecretEvent& s) {
  const bool client_label =
      s.keylog_label.rfind("CLIENT_", 0) == 0 && s.keylog_label != "CLIENT_RANDOM";
  const bool server_label = s.keylog_label.rfind("SERVER_", 0) == 0;
  return (client_label && s.derived_by == Side::client) ||
         (server_label && s.derived_by == Side::server);
}

}  // namespace

std::string nss_key_log(const Timeline& timeline) {
  std::string out = "# TLS Club key log (NSS format): " + timeline.title + "\n";
  for (const auto& c : timeline.connections) {
    // (label, client random) -> line, in the order first seen.
    std::vector<std::pair<std::string, std::string>> lines;
    std::map<std::string, std::size_t> at;
    for (const auto& e : c.events) {
      const auto* s = std::get_if<SecretEvent>(&e.body);
      if (s == nullptr || s->keylog_label.empty()) continue;
      const std::string key = s->keylog_label + " " + to_hex(s->client_random);
      const std::string line = key + " " + to_hex(s->secret) + "\n";
      if (auto it = at.find(key); it == at.end()) {
        at.emplace(key, lines.size());
        lines.emplace_back(key, line);
      } else if (preferred(*s)) {
        lines[it->second].second = line;
      }
    }
    out += "# " + c.client + " -> " + c.server_name + "\n";
    for (const auto& l : lines) out += l.second;
  }
  return out;
}

}  // namespace tlsclub
