// Fuzz target for what the bridge reads off the network: the bytes a peer sends, split into
// records and read by the live recorder (handshake reassembly, decoders, alerts). Bit 0 of the
// first byte picks our side, bit 1 whether each record counts as ours or the peer's (alternating).
// Checks: no crash, every record recorded as sent and delivered, and steps counted.
#include <cstdint>
#include <cstdlib>

#include "bridge/live_recorder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  using namespace tlsclub;
  const Side local = (data[0] & 1) ? Side::server : Side::client;
  const bool alternate = (data[0] & 2) != 0;
  Connection connection;
  const SimClock clock(SimTime{});
  bridge::LiveRecorder recorder(connection, local, clock);
  RecordSplitter records;
  records.append(ByteView(data + 1, size - 1));
  std::size_t count = 0;
  while (auto record = records.next()) {
    if (alternate && count % 2 == 1)
      recorder.local_record(*record, {});
    else
      recorder.remote_record(*record);
    recorder.flush_reports();
    ++count;
  }
  if (connection.steps != count) std::abort();
  std::size_t delivered = 0;
  for (const auto& e : connection.events)
    if (const auto* r = std::get_if<RecordEvent>(&e.body);
        r && r->phase == RecordEvent::Phase::delivered)
      ++delivered;
  if (delivered != count) std::abort();
  return 0;
}
