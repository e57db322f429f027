#pragma once
// The wire view as text: what `tlsclub open --connection N --wire` and `tlsclub run FILE --wire`
// print for one connection.

#include <ostream>

#include "capture/wire_view.h"

namespace tlsclub::capture {

// What is read in the clear, what stays sealed and why, what sizes and times give away, then
// every record with its size (and time, when the records' times differ).
void write_wire_view(std::ostream& out, const WireView& view);

}  // namespace tlsclub::capture
