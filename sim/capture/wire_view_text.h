#pragma once
// The wire view in words: what `tlsclub open --connection N --wire` and `tlsclub run FILE --wire`
// print for one connection, and the lines the app's Wire panel shows (the same words).

#include <ostream>
#include <string>
#include <vector>

#include "capture/wire_view.h"

namespace tlsclub::capture {

// "name asked for", "club.example", "server_name, RFC 6066 3".
struct WireLine {
  std::string what, value, source;
};

// What is read in the clear: the ClientHello's offer, the server's choice, certificates and
// handshake messages sent in the clear, alerts.
std::vector<WireLine> clear_lines(const WireView& view);

// The bytes and records each way, then what sizes give away.
std::vector<std::string> size_lines(const WireView& view);

// "client → server", "server → client".
const char* direction_text(Side from);

// What a record shows: "handshake: client_hello", "application_data: sealed".
std::string record_text(const SeenRecord& record);

// What is read in the clear, what stays sealed and why, what sizes and times give away, then
// every record with its size (and time, when the records' times differ).
void write_wire_view(std::ostream& out, const WireView& view);

}  // namespace tlsclub::capture
