#pragma once
// A capture's summary as text: what `tlsclub open --list` prints, one line per TLS connection.

#include <string>

#include "capture/capture_summary.h"
#include "capture/key_log.h"

namespace tlsclub::capture {

// "pcapng (gzip), 12 packets, 1 TLS connection, 0 other TCP connections"
std::string overview_line(const CaptureOverview& overview);

// "#1  127.0.0.1:50412 → 127.0.0.1:4433  sni club.example  TLS 1.3  TLS_AES_128_GCM_SHA256
//  x25519  completed  c→s 517 B  s→c 2345 B  records 3/7" (on one line)
std::string connection_line(const ConnectionSummary& connection);

// How many of the TLS connections have a secret in `keys` (matched by client random).
std::size_t connections_with_keys(const CaptureOverview& overview, const KeyLog& keys);

// "key log: 5 secrets, 1 client random; secrets for 1 of 1 TLS connections"
std::string key_log_line(const CaptureOverview& overview, const KeyLog& keys);

}  // namespace tlsclub::capture
