#pragma once
// The NSS key log of a Timeline (the SSLKEYLOGFILE format Wireshark and tshark read): one line
// "LABEL <client_random hex> <secret hex>" per secret, CLIENT_RANDOM (TLS 1.2 master secret) or
// CLIENT_HANDSHAKE_TRAFFIC_SECRET, SERVER_HANDSHAKE_TRAFFIC_SECRET, CLIENT_TRAFFIC_SECRET_0,
// SERVER_TRAFFIC_SECRET_0, EXPORTER_SECRET (TLS 1.3), every connection in order.

#include <string>

#include "timeline/timeline.h"

namespace tlsclub {

std::string nss_key_log(const Timeline& timeline);

}  // namespace tlsclub
