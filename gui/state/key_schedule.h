#pragma once
// The key schedule as it unfolds: the key shares each side whispered, the (EC)DHE shared secret,
// the traffic secrets derived from it (RFC 8446 7.1), and which records each secret's keys
// protect. The certificate's key appears nowhere here: it only signs.

#include <string>
#include <vector>

#include "state/stepping.h"
#include "timeline/timeline.h"

namespace tlsclub::gui {

struct KeyShare {
  Side from = Side::client;
  std::size_t event = npos;  // the hello / key exchange message
  std::string message;       // "client_hello"
  std::string group;         // "x25519 (32 bytes)"
  std::string value;         // the public value, as decoded (hex)
  std::size_t step = 0;
};

struct SecretRow {
  std::size_t event = npos;  // its first SecretEvent
  std::string name;          // catalogue: secret.<name>
  std::size_t depth = 0;     // place in the schedule: 0 shared secret, 1 handshake, 2 application
  std::string derived_by;    // "client and server"
  std::string value;         // hex
  std::string keylog_label;
  std::size_t step = 0;
  std::vector<std::size_t> records;  // ids of the records its keys protect
  std::vector<Side> record_from;
};

struct KeySchedule {
  std::vector<KeyShare> shares;
  std::vector<SecretRow> secrets;  // in the order they were derived
};

// Everything derived by `step` (Event::step) in this visit.
KeySchedule key_schedule(const Connection& connection, std::size_t step);

}  // namespace tlsclub::gui
