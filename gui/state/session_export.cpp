// Exports of what the student is looking at (the branch shown, what-ifs included), written by the
// engine's exporters (sim/export): never half-written, keys readable by their owner only.
#include "export/capture.h"
#include "export/certificates.h"
#include "export/export_file.h"
#include "export/keylog.h"
#include "export/markdown.h"
#include "export/svg.h"
#include "state/session.h"

namespace tlsclub::gui {

namespace fs = std::filesystem;

namespace {

// "expired-badge" for scenarios/server-faults/expired-badge.toml; "demo" for the built-in one.
std::string stem_of(const Lesson& lesson) {
  return lesson.file.empty() ? std::string("demo") : lesson.file.stem().string();
}

}  // namespace

void Session::export_files(const cmd::Export& request) {
  const std::string stem = stem_of(lesson_);
  std::vector<fs::path> written;
  try {
    ensure_export_folder(request.dir);
    switch (request.what) {
      case cmd::Export::What::ladder_svg:
        written.push_back(request.dir / (stem + ".svg"));
        write_export_file(written.back(), ladder_svg(timeline()));
        break;
      case cmd::Export::What::handout: {
        // The handout links its diagram, so both go out together.
        written.push_back(request.dir / (stem + ".svg"));
        write_export_file(written.back(), ladder_svg(timeline()));
        HandoutOptions options;
        options.svg_link = stem + ".svg";
        written.push_back(request.dir / (stem + ".md"));
        write_export_file(written.back(), markdown_handout(spec(), timeline(), options));
        break;
      }
      case cmd::Export::What::capture: {
        const Bytes pcap = capture_pcap(timeline());
        written.push_back(request.dir / (stem + ".pcap"));
        write_export_file(
            written.back(),
            std::string_view(reinterpret_cast<const char*>(pcap.data()), pcap.size()));
        written.push_back(request.dir / (stem + ".keylog"));
        write_export_file(written.back(), nss_key_log(timeline()));
        break;
      }
      case cmd::Export::What::certificates:
        for (const ExportedFile& f :
             export_certificates(spec(), request.dir / (stem + "-certificates")))
          written.push_back(f.path);
        break;
    }
  } catch (const std::exception& e) {
    export_failed_ = true;
    export_report_ = e.what();
    return;
  }
  export_failed_ = false;
  export_report_ = "Wrote " + std::to_string(written.size()) + " file(s):";
  for (const fs::path& p : written) export_report_ += "\n  " + p.string();
}

}  // namespace tlsclub::gui
