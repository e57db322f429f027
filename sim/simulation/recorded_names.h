#pragma once
// Names both recorders (the simulation's and the bridge's live one) give what they see.

#include <botan/tls_session.h>

#include <string>
#include <string_view>
#include <vector>

#include "decode/field.h"
#include "timeline/event.h"

namespace tlsclub {

// The catalogue name of a secret Botan reports by its NSS key-log label:
// "CLIENT_HANDSHAKE_TRAFFIC_SECRET" -> "client_handshake_traffic_secret".
std::string secret_name(std::string_view key_log_label);

// The first field called `name` (depth first), its value up to the first space:
// "x25519 (0x001d)" -> "x25519"; "" when there is none.
std::string first_value(const std::vector<Field>& fields, std::string_view name);

// What a side established, as the Timeline says it: the version and cipher suite from Botan's
// summary, the group the hellos named (else Botan's), and the scheme the peer signed with.
EstablishedEvent established_event(Side side, const Botan::TLS::Session_Summary& summary,
                                   const std::string& seen_group,
                                   std::string peer_signature_scheme);

}  // namespace tlsclub
