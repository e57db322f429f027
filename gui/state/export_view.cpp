// Exports of what the student is looking at (the branch shown, what-ifs included), written by the
// engine's exporters (sim/export): never half-written, keys readable by their owner only.
#include "state/export_view.h"

#include <array>

#include "export/capture.h"
#include "export/certificates.h"
#include "export/export_file.h"
#include "export/keylog.h"
#include "export/markdown.h"
#include "export/svg.h"

namespace tlsclub::gui {

namespace fs = std::filesystem;

namespace {

// "expired-badge" for scenarios/server-faults/expired-badge.toml; "demo" for the built-in one.
std::string stem_of(const Lesson& lesson) {
  return lesson.file.empty() ? std::string("demo") : lesson.file.stem().string();
}

}  // namespace

std::span<const ExportKind> export_kinds() {
  using What = cmd::Export::What;
  static constexpr std::array<ExportKind, 4> kKinds{{
      {What::ladder_svg, "Ladder diagram (SVG)…", "Export the ladder diagram (SVG)", ""},
      {What::handout, "Handout (Markdown + SVG)…", "Export a handout (Markdown + SVG)", ""},
      {What::capture, "Capture + key log (pcap, for Wireshark)…",
       "Export a capture and its key log",
       "Open it with: wireshark -o tls.keylog_file:FILE.keylog FILE.pcap"},
      {What::certificates, "Certificates (PEM files)…", "Export the certificates", ""},
  }};
  return kKinds;
}

const ExportKind& export_kind(cmd::Export::What what) {
  for (const ExportKind& k : export_kinds())
    if (k.what == what) return k;
  return export_kinds().front();
}

ExportReport export_view(const cmd::Export& request, const Lesson& lesson, const ScenarioSpec& spec,
                         const Timeline& timeline) {
  const std::string stem = stem_of(lesson);
  std::vector<fs::path> written;
  try {
    ensure_export_folder(request.dir);
    switch (request.what) {
      case cmd::Export::What::ladder_svg:
        written.push_back(request.dir / (stem + ".svg"));
        write_export_file(written.back(), ladder_svg(timeline));
        break;
      case cmd::Export::What::handout: {
        // The handout links its diagram, so both go out together.
        written.push_back(request.dir / (stem + ".svg"));
        write_export_file(written.back(), ladder_svg(timeline));
        HandoutOptions options;
        options.svg_link = stem + ".svg";
        written.push_back(request.dir / (stem + ".md"));
        write_export_file(written.back(), markdown_handout(spec, timeline, options));
        break;
      }
      case cmd::Export::What::capture: {
        const Bytes pcap = capture_pcap(timeline);
        written.push_back(request.dir / (stem + ".pcap"));
        write_export_file(
            written.back(),
            std::string_view(reinterpret_cast<const char*>(pcap.data()), pcap.size()));
        written.push_back(request.dir / (stem + ".keylog"));
        write_export_file(written.back(), nss_key_log(timeline));
        break;
      }
      case cmd::Export::What::certificates:
        for (const ExportedFile& f :
             export_certificates(spec, request.dir / (stem + "-certificates")))
          written.push_back(f.path);
        break;
    }
  } catch (const std::exception& e) {
    return {e.what(), true, {}, 0};
  }
  ExportReport report{"Wrote " + std::to_string(written.size()) + " file(s):", false, {}, 0};
  for (const fs::path& p : written) report.text += "\n  " + p.string();
  report.files = std::move(written);
  return report;
}

}  // namespace tlsclub::gui
