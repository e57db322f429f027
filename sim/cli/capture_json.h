#pragma once
// What `tlsclub open --json FILE` writes (docs/captures.md#json): the capture's TLS connections
// as the list shows them and, for --connection N, that connection's records (each handshake
// message as the Timeline JSON writes one), the bouncer's checks on its chains and the wire view.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "capture/capture_summary.h"
#include "capture/key_log.h"
#include "capture/opened_connection.h"
#include "capture/wire_view.h"
#include "cli/verify_report.h"

namespace tlsclub::cli {

nlohmann::ordered_json capture_json(const std::string& file,
                                    const capture::CaptureOverview& overview,
                                    const std::vector<capture::OpenedConnection>* opened);

nlohmann::ordered_json connection_json(const capture::ConnectionSummary& summary);

// One connection in full: its summary line's fields, records, notes, checks and wire view.
nlohmann::ordered_json opened_connection_json(const capture::ConnectionSummary& summary,
                                              const capture::OpenedConnection& connection,
                                              const std::vector<VerifyReport>& checks,
                                              const capture::WireView& wire);

}  // namespace tlsclub::cli
