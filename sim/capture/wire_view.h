#pragma once
// What the wire shows: one TLS connection as an eavesdropper on the path sees it, without keys.
// The hellos' fields, whatever else travels in the clear (in TLS 1.2 the certificates, the key
// exchange, a request for a card), every record's size and time, and what stays sealed and why.
//
// Built from a connection's records read without a key log (ConnectionOpener), so a captured
// connection and a simulated visit (its records fed in as they were delivered) give the same
// view of the same bytes.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "capture/hello_fields.h"
#include "capture/opened_connection.h"
#include "core/bytes.h"
#include "core/side.h"

namespace tlsclub::capture {

struct SeenCertificate {
  std::string subject, issuer, not_after;
};

// A Certificate message sent in the clear (TLS 1.2, RFC 5246 7.4.2 and 7.4.6).
struct SeenChain {
  Side from = Side::client;
  std::vector<SeenCertificate> certificates;  // empty: the member had no card to show
};

struct SeenRecord {
  Side from = Side::client;
  std::uint64_t index = 0;  // 1-based, both directions in order
  std::int64_t time_ns = 0;
  std::uint8_t wire_type = 0;  // the content type in the header
  std::size_t length = 0;      // the fragment's length
  bool sealed = false;
  // What a watcher reads in it: "client_hello", "alert: fatal unknown_ca", "sealed", ...
  std::string shows;
};

struct WireView {
  std::optional<ClientHelloFields> client_hello;  // the first one
  std::optional<ServerHelloFields> server_hello;  // the one that settles the handshake
  std::optional<std::uint16_t> retry_group;       // a HelloRetryRequest asked for this group
  std::vector<SeenChain> chains;
  // Every handshake message read in the clear, in order: "client: client_hello".
  std::vector<std::string> clear_messages;
  std::vector<std::string> clear_alerts;  // "server: fatal unknown_ca"
  std::vector<SeenRecord> records;
  std::uint64_t sealed_records[2] = {0, 0};  // [client → server, server → client]
  std::uint64_t sealed_bytes[2] = {0, 0};
  std::uint64_t bytes[2] = {0, 0};  // record bytes, headers included
  bool records_cut = false;         // more records than the opener keeps
  bool gap = false;                 // bytes missing: record boundaries lost

  std::optional<std::uint16_t> version() const;
  bool rsa_key_exchange() const;  // TLS 1.2 TLS_RSA_*: the premaster secret travels sealed to
                                  // the badge's key (RFC 5246 7.4.7.1): no forward secrecy
};

// The view of a connection read without keys (its records kept).
WireView watch_wire(const OpenedConnection& connection);

// One record as delivered: header and fragment, and when.
struct WireRecord {
  Side from = Side::client;
  ByteView bytes;
  std::int64_t time_ns = 0;
};

// The records of a connection in the order they crossed the wire (a simulated visit's).
WireView watch_records(std::span<const WireRecord> records);

// What the watcher cannot read, one line each with the RFC section that seals it.
std::vector<std::string> hidden_from_the_wire(const WireView& view);

}  // namespace tlsclub::capture
