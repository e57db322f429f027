#pragma once
// Every export in one call, for the GUI's export menu and `tlsclub export`: give the paths you
// want (empty: not written), get back what was written. Each file is written whole or not at all.

#include <filesystem>
#include <string>
#include <vector>

#include "export/certificates.h"
#include "scenario/scenario.h"
#include "timeline/timeline.h"

namespace tlsclub {

struct ExportRequest {
  std::filesystem::path certs;  // a folder
  std::filesystem::path json, pcap, keylog, svg, markdown;
  bool any() const;
};

// `timeline` is the run of `spec` (the certificates come from the spec, the rest from the run).
// Throws std::runtime_error naming the path that could not be written. Returns each file with a
// one-line description, in the order written (certificates first, then the others as listed).
std::vector<ExportedFile> write_exports(const ScenarioSpec& spec, const Timeline& timeline,
                                        const ExportRequest& request);

}  // namespace tlsclub
