#include "export/svg.h"

#include <sstream>
#include <vector>

#include "core/markup.h"
#include "core/overloaded.h"
#include "export/ladder.h"

namespace tlsclub {

namespace {

constexpr int kWidth = 900;
constexpr int kClientX = 170;
constexpr int kServerX = 730;
constexpr int kMiddleX = (kClientX + kServerX) / 2;
constexpr std::size_t kNoteLength = 84;  // characters that fit between the lanes

std::string_view colour(Protection p) {
  switch (p) {
    case Protection::plaintext:
      return "#808080";
    case Protection::handshake_keys:
      return "#d99a00";
    case Protection::application_keys:
      return "#2e8b3e";
    case Protection::alert:
      return "#d33a2c";
  }
  return "#808080";
}

// Cut at a character boundary (UTF-8), with an ellipsis.
std::string shortened(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

// Up to `lines` lines of at most `width` bytes, broken at spaces; the last one shortened.
std::vector<std::string> wrapped(const std::string& text, std::size_t width, std::size_t lines) {
  std::vector<std::string> out;
  std::string rest = text;
  while (!rest.empty() && out.size() + 1 < lines && rest.size() > width) {
    std::size_t cut = rest.rfind(' ', width);
    if (cut == std::string::npos || cut == 0) break;
    out.push_back(rest.substr(0, cut));
    rest = rest.substr(cut + 1);
  }
  out.push_back(shortened(rest, width));
  return out;
}

class SvgWriter {
 public:
  void text(int x, int y, std::string_view anchor, std::string_view style, const std::string& s) {
    body_ << "<text x=\"" << x << "\" y=\"" << y << "\" text-anchor=\"" << anchor << "\" " << style
          << ">" << markup_escaped(s) << "</text>\n";
  }

  void header(const Timeline& t) {
    text(20, 32, "start", "class=\"title\"", "TLS Club — " + t.title);
    text(20, 52, "start", "class=\"small\"",
         "TLS " + t.tls_version + " · seed " + std::to_string(t.seed) + " · scenario clock " +
             format_time(t.clock));
    int x = 20;
    for (const Protection p : {Protection::plaintext, Protection::handshake_keys,
                               Protection::application_keys, Protection::alert}) {
      body_ << "<rect x=\"" << x << "\" y=\"64\" width=\"14\" height=\"10\" fill=\"" << colour(p)
            << "\"/>\n";
      text(x + 20, 74, "start", "class=\"small\"", std::string(short_label(p)));
      x += 150;
    }
    y_ = 90;
  }

  void ladder(const Ladder& l) {
    y_ += 30;
    text(20, y_, "start", "class=\"heading\"", l.client + " → " + l.server_name);
    y_ += 22;
    text(kClientX, y_, "middle", "class=\"lane\"", l.client + " (client)");
    text(kServerX, y_, "middle", "class=\"lane\"", l.server_name + " (server)");
    const int top = y_ + 8;
    std::ostringstream rows;
    std::swap(rows, body_);  // the lanes go under the rows: drawn first, once their length is known
    y_ = top;
    for (const auto& row : l.rows)
      std::visit(Overloaded{[&](const LadderArrow& a) { arrow(a); },
                            [&](const LadderNote& n) { note(n); }},
                 row);
    y_ += 16;
    std::swap(rows, body_);
    for (const int x : {kClientX, kServerX})
      body_ << "<line class=\"lane\" x1=\"" << x << "\" y1=\"" << top << "\" x2=\"" << x
            << "\" y2=\"" << y_ << "\"/>\n";
    body_ << rows.str();
    outcome(l);
  }

  std::string finish() {
    const int height = y_ + 24;
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kWidth << "\" height=\""
        << height << "\" viewBox=\"0 0 " << kWidth << " " << height << "\">\n"
        << "<style>\n"
        << "text { font-family: 'DejaVu Sans', Verdana, sans-serif; font-size: 12px; fill: #222; "
           "}\n"
        << ".title { font-size: 18px; font-weight: bold; }\n"
        << ".heading { font-size: 15px; font-weight: bold; }\n"
        << ".lane { font-size: 13px; font-weight: bold; }\n"
        << ".small { font-size: 10px; fill: #555; }\n"
        << ".step { font-size: 11px; fill: #999; }\n"
        << ".note { font-size: 11px; }\n"
        << ".fault { font-size: 11px; fill: #d33a2c; font-weight: bold; }\n"
        << "line.lane { stroke: #555; stroke-width: 2; }\n"
        << "</style>\n<defs>\n";
    for (const Protection p : {Protection::plaintext, Protection::handshake_keys,
                               Protection::application_keys, Protection::alert})
      out << "<marker id=\"head-" << css_class(p)
          << "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" "
             "markerWidth=\"11\" markerHeight=\"11\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 "
             "z\" "
             "fill=\""
          << colour(p) << "\"/></marker>\n";
    out << "</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        << body_.str() << "</svg>\n";
    return out.str();
  }

 private:
  // A row: the label above the arrow, the keys below it, then one line per attack on it.
  void arrow(const LadderArrow& a) {
    const int y = y_ + 26;
    const int from = a.from == Side::client ? kClientX : kServerX;
    const int to = a.from == Side::client ? kServerX : kClientX;
    const std::string c(colour(a.paint));
    body_ << "<g class=\"record " << css_class(a.paint) << (a.delivered ? "" : " dropped")
          << "\" data-step=\"" << a.step << "\" data-record=\"" << a.record_id << "\" data-from=\""
          << to_string(a.from) << "\">\n";
    text(30, y + 4, "start", "class=\"step\"", std::to_string(a.step));
    text(kMiddleX, y - 6, "middle", a.paint == Protection::alert ? "fill=\"" + c + "\"" : "",
         a.label);
    const int end = a.delivered ? to : kMiddleX;
    const int end_y = a.delivered ? y + 10 : y + 5;
    body_ << "<line x1=\"" << from << "\" y1=\"" << y << "\" x2=\"" << end << "\" y2=\"" << end_y
          << "\" stroke=\"" << c << "\" stroke-width=\"2.5\""
          << (a.faults.empty() ? "" : " stroke-dasharray=\"6 3\"")
          << (a.delivered ? " marker-end=\"url(#head-" + std::string(css_class(a.paint)) + ")\""
                          : "")
          << "/>\n";
    if (!a.delivered) text(kMiddleX, end_y + 5, "middle", "class=\"fault\"", "✕");
    text(kMiddleX, y + 24, "middle", "class=\"small\" fill=\"" + c + "\"",
         a.keys + (a.delivered ? "" : " · dropped on the way"));
    y_ = y + 28;
    for (const auto& f : a.faults) {
      text(kMiddleX, y_ + 10, "middle", "class=\"fault\"", "⚡ " + shortened(f, kNoteLength));
      y_ += 14;
    }
    body_ << "</g>\n";
  }

  // A note on the lane of the side it is about, wrapped to fit between the lanes.
  void note(const LadderNote& n) {
    const bool client = n.side == Side::client;
    const std::string fill = n.failed                  ? "fill=\"#d33a2c\""
                             : n.text.starts_with("✓") ? "fill=\"#2e8b3e\""
                                                       : "";
    for (const auto& line : wrapped(n.text, kNoteLength, 2)) {
      y_ += 15;
      text(client ? kClientX + 8 : kServerX - 8, y_, client ? "start" : "end",
           "class=\"note\" " + fill, line);
    }
    y_ += 4;
  }

  void outcome(const Ladder& l) {
    y_ += 10;
    body_ << "<rect class=\"outcome\" x=\"" << kClientX << "\" y=\"" << y_ << "\" width=\""
          << kServerX - kClientX << "\" height=\"26\" rx=\"6\" fill=\""
          << (l.admitted ? "#e3f4e6" : "#fbe3e1") << "\" stroke=\""
          << (l.admitted ? "#2e8b3e" : "#d33a2c") << "\"/>\n";
    text(kMiddleX, y_ + 18, "middle", "class=\"lane\"", l.outcome);
    y_ += 26;
  }

  std::ostringstream body_;
  int y_ = 0;
};

}  // namespace

std::string ladder_svg(const Timeline& timeline) {
  SvgWriter w;
  w.header(timeline);
  for (const auto& c : timeline.connections) w.ladder(ladder_of(c));
  return w.finish();
}

}  // namespace tlsclub
