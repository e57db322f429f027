#pragma once
// The certificate chains a captured connection shows, ready for the bouncer: read from its
// Certificate messages (in the clear in TLS 1.2; in TLS 1.3 once opened with the key log), with
// the time of the record that completed each, so a chain is judged at the capture's time.

#include <botan/x509cert.h>

#include <cstdint>
#include <string>
#include <vector>

#include "capture/opened_connection.h"
#include "core/side.h"

namespace tlsclub::cli {

struct CapturedChain {
  Side from = Side::server;
  std::vector<Botan::X509_Certificate> certificates;  // as sent, leaf first; empty: none shown
  std::int64_t time_ns = 0;                           // when its record arrived
  std::uint64_t record = 0;                           // that record's number in the capture
  std::vector<std::string> unreadable;                // certificates Botan could not parse
};

std::vector<CapturedChain> captured_chains(const capture::OpenedConnection& connection);

}  // namespace tlsclub::cli
