// Fuzz target for the capture reader: the input is a capture file (pcap, pcapng, gzipped or not)
// read through the reader, the layers, TCP reassembly and the TLS summary, as `tlsclub open`
// reads it. The promises: no crash, no read out of bounds, only CaptureError for bad input, and
// memory bounded (the reassembler's buffers within their limits).
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "capture/capture_error.h"
#include "capture/capture_summary.h"
#include "capture/capture_text.h"
#include "capture/key_log.h"

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
  } catch (const tlsclub::capture::CaptureError&) {
  }
  return 0;
}
