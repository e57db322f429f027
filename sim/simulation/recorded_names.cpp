#include "simulation/recorded_names.h"

#include <cctype>

#include "decode/handshake_decoder.h"

namespace tlsclub {

std::string secret_name(std::string_view label) {
  if (label == "CLIENT_RANDOM") return "tls12_master_secret";
  if (label == "CLIENT_TRAFFIC_SECRET_0") return "client_application_traffic_secret_0";
  if (label == "SERVER_TRAFFIC_SECRET_0") return "server_application_traffic_secret_0";
  if (label == "EXPORTER_SECRET") return "exporter_master_secret";
  std::string out(label);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string first_value(const std::vector<Field>& fields, std::string_view name) {
  for (const auto& f : fields) {
    if (f.name == name) return f.value.substr(0, f.value.find(' '));
    if (auto inner = first_value(f.children, name); !inner.empty()) return inner;
  }
  return "";
}

EstablishedEvent established_event(Side side, const Botan::TLS::Session_Summary& summary,
                                   const std::string& seen_group,
                                   std::string peer_signature_scheme) {
  EstablishedEvent e;
  e.side = side;
  e.version = version_name(static_cast<std::uint16_t>((summary.version().major_version() << 8) |
                                                      summary.version().minor_version()));
  e.cipher_suite = cipher_suite_name(summary.ciphersuite_code());
  e.group = seen_group.empty() ? summary.kex_parameters().value_or("") : seen_group;
  e.signature_scheme = std::move(peer_signature_scheme);
  return e;
}

}  // namespace tlsclub
