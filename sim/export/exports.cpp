#include "export/exports.h"

#include "export/capture.h"
#include "export/export_file.h"
#include "export/keylog.h"
#include "export/markdown.h"
#include "export/svg.h"
#include "timeline/json.h"

namespace tlsclub {

namespace {

// Where the handout finds the diagram: relative to the handout's folder.
std::string relative_link(const std::filesystem::path& from_file, const std::filesystem::path& to) {
  const auto base = std::filesystem::absolute(from_file).parent_path();
  return std::filesystem::absolute(to).lexically_normal().lexically_relative(base).generic_string();
}

}  // namespace

bool ExportRequest::any() const {
  return !certs.empty() || !json.empty() || !pcap.empty() || !keylog.empty() || !svg.empty() ||
         !markdown.empty();
}

std::vector<ExportedFile> write_exports(const ScenarioSpec& spec, const Timeline& timeline,
                                        const ExportRequest& request) {
  std::vector<ExportedFile> written;
  const auto write = [&](const std::filesystem::path& path, std::string_view contents,
                         std::string description) {
    if (path.empty()) return;
    write_export_file(path, contents);
    written.push_back({path, std::move(description)});
  };
  if (!request.certs.empty()) {
    auto files = export_certificates(spec, request.certs);
    written.insert(written.end(), files.begin(), files.end());
  }
  if (!request.json.empty()) write(request.json, to_json(timeline).dump(2) + "\n", "Timeline JSON");
  if (!request.pcap.empty()) {
    const Bytes pcap = capture_pcap(timeline);
    write(request.pcap, std::string(pcap.begin(), pcap.end()),
          "packet capture, " + std::to_string(timeline.connections.size()) + " TCP stream(s)");
  }
  // Secrets, but of a simulation: shared like the capture, not kept private like a key.
  if (!request.keylog.empty()) write(request.keylog, nss_key_log(timeline), "NSS key log");
  if (!request.svg.empty()) write(request.svg, ladder_svg(timeline), "ladder diagram");
  if (!request.markdown.empty()) {
    HandoutOptions options;
    if (!request.svg.empty()) options.svg_link = relative_link(request.markdown, request.svg);
    write(request.markdown, markdown_handout(spec, timeline, options), "handout");
  }
  return written;
}

}  // namespace tlsclub
