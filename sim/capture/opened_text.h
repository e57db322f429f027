#pragma once
// An opened connection as text: what `tlsclub open --connection N` prints, record by record,
// with the key that protected each one and the handshake messages' fields (as `tlsclub run
// --fields` prints a simulated visit's).

#include <ostream>
#include <string>

#include "capture/capture_summary.h"
#include "capture/opened_connection.h"

namespace tlsclub::capture {

// "opened 8 of 8 encrypted records", or "no encrypted records".
std::string opened_summary(const OpenedConnection& connection);

// Application data for a reader: text when it is printable ("GET / HTTP/1.1\r\n..."), quoted,
// else hex; at most `limit` bytes, "…" when there is more.
std::string data_text(ByteView data, std::size_t limit = 200);

// The connection's line, its notes, then every record in the capture's order.
void write_opened_connection(std::ostream& out, const ConnectionSummary& summary,
                             const OpenedConnection& connection);

}  // namespace tlsclub::capture
