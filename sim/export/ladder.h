#pragma once
// The ladder diagram of one connection as data, shared by the SVG and the Markdown handout: client
// on the left, server on the right, one arrow per delivered record (a dropped record gets half an
// arrow), the certificate checks and the outcome as notes between them.

#include <string>
#include <variant>
#include <vector>

#include "timeline/protection.h"
#include "timeline/timeline.h"

namespace tlsclub {

// A record's colour as a CSS class: "plaintext", "handshake-keys", "application-keys", "alert".
std::string_view css_class(Protection p);

struct LadderArrow {
  std::size_t step = 0;  // the Timeline step in which it was delivered (1-based)
  std::size_t record_id = 0;
  Side from = Side::client;
  std::string label;       // "EncryptedExtensions, Certificate, ... , Finished"
  std::string protection;  // the Timeline's name: "plaintext", "server_handshake_traffic_secret"
  std::string keys;        // in words: "plaintext", "server handshake keys"
  Protection paint = Protection::plaintext;  // the keys, or red for an alert
  std::vector<std::string> messages;         // the Timeline's names of what it carries
  std::vector<std::string> faults;           // attacks on the wire that hit it
  bool delivered = true;                     // false: dropped on the way
};

struct LadderNote {
  Side side = Side::client;  // where it is written
  std::string text;          // "✓ 11 checks on the club's chain", "★ established: TLS 1.3 ..."
  bool failed = false;
};

using LadderRow = std::variant<LadderArrow, LadderNote>;

struct Ladder {
  std::string client;       // "Alice"
  std::string server_name;  // "club.example"
  std::vector<LadderRow> rows;
  bool admitted = false;
  std::string outcome;  // outcome_sentence(): "Alice admitted (TLS 1.3)", "Alice walks away: ..."
};

Ladder ladder_of(const Connection& connection);

// The catalogue's title of a message ("ClientHello"), or the name itself when there is none.
std::string message_title(const std::string& name);

}  // namespace tlsclub
