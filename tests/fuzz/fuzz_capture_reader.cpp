// Fuzz target for the capture reader: the input is a capture file (pcap, pcapng, gzipped or not)
// read through the reader, the layers, TCP reassembly and the TLS summary, as `tlsclub open`
// reads it; then, as `tlsclub open --connection` does, every connection's records opened with the
// capture's own key log (pcapng Decryption Secrets Blocks) and printed; then, as `--wire` does,
// read again without keys and shown as an eavesdropper sees it. The promises: no crash,
// no read out of bounds, only CaptureError for bad input, and memory bounded (the reassembler's
// buffers within their limits, the opener's pending records and handshake buffer too).
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "capture/capture_error.h"
#include "capture/capture_summary.h"
#include "capture/capture_text.h"
#include "capture/key_log.h"
#include "capture/opened_connection.h"
#include "capture/opened_text.h"
#include "capture/wire_view.h"
#include "capture/wire_view_text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    const auto overview = tlsclub::capture::summarize_capture(in);
    if (overview.tls.size() > overview.packets) std::abort();
    tlsclub::capture::KeyLog keys;
    for (const auto& text : overview.key_logs) {
      try {
        keys.parse(text);
      } catch (const tlsclub::capture::KeyLogError&) {
      }
    }
    for (const auto& c : overview.tls) {
      if (tlsclub::capture::connection_line(c).empty()) std::abort();
    }
    (void)tlsclub::capture::key_log_line(overview, keys);
    std::istringstream again(std::string(reinterpret_cast<const char*>(data), size));
    const auto opened = tlsclub::capture::open_capture(again, &keys, {});
    if (opened.size() != overview.tls.size()) std::abort();
    std::ostringstream text;
    for (std::size_t i = 0; i < opened.size(); ++i) {
      if (opened[i].opened > opened[i].encrypted) std::abort();
      tlsclub::capture::write_opened_connection(text, overview.tls[i], opened[i]);
    }
    std::istringstream keyless(std::string(reinterpret_cast<const char*>(data), size));
    for (const auto& c : tlsclub::capture::open_capture(keyless, nullptr, {})) {
      const auto view = tlsclub::capture::watch_wire(c);
      if (view.records.size() != c.records.size()) std::abort();
      if (view.sealed_records[0] + view.sealed_records[1] > view.records.size()) std::abort();
      tlsclub::capture::write_wire_view(text, view);
    }
  } catch (const tlsclub::capture::CaptureError&) {
  }
  return 0;
}
