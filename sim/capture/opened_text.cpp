#include "capture/opened_text.h"

#include <cstdio>

#include "capture/capture_text.h"
#include "core/tls_codes.h"
#include "decode/handshake_decoder.h"

namespace tlsclub::capture {

namespace {

bool printable(ByteView data) {
  for (const auto b : data)
    if ((b < 0x20 || b > 0x7e) && b != '\n' && b != '\r' && b != '\t') return false;
  return true;
}

// The decoder's fields, two levels deep, with their byte ranges in the message.
void write_fields(std::ostream& out, const std::vector<Field>& fields, int depth) {
  for (const auto& f : fields) {
    if (depth == 0 && f.name == "header") continue;
    out << std::string(static_cast<std::size_t>(8 + 2 * depth), ' ') << f.name;
    if (!f.value.empty()) out << ": " << f.value;
    out << "  [" << f.offset << ".." << f.offset + f.length << ")\n";
    if (depth < 1) write_fields(out, f.children, depth + 1);
  }
}

std::string seconds_since(std::int64_t start_ns, std::int64_t ns) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "+%.6f s", static_cast<double>(ns - start_ns) / 1e9);
  return buffer;
}

}  // namespace

std::string opened_summary(const OpenedConnection& c) {
  if (c.encrypted == 0) return "no encrypted records";
  return "opened " + std::to_string(c.opened) + " of " + std::to_string(c.encrypted) +
         " encrypted record" + (c.encrypted == 1 ? "" : "s");
}

std::string data_text(ByteView data, std::size_t limit) {
  const ByteView shown = data.first(std::min(limit, data.size()));
  const std::string more = shown.size() < data.size() ? "…" : "";
  if (!printable(shown)) return to_hex(shown) + more;
  std::string out = "\"";
  for (const auto b : shown) {
    if (b == '\n')
      out += "\\n";
    else if (b == '\r')
      out += "\\r";
    else if (b == '\t')
      out += "\\t";
    else if (b == '"' || b == '\\')
      out += std::string("\\") + static_cast<char>(b);
    else
      out += static_cast<char>(b);
  }
  return out + "\"" + more;
}

void write_opened_connection(std::ostream& out, const ConnectionSummary& summary,
                             const OpenedConnection& c) {
  out << connection_line(summary) << "\n";
  out << opened_summary(c) << "\n";
  for (const auto& note : c.notes) out << "note: " << note << "\n";
  const std::int64_t start = c.records.empty() ? 0 : c.records.front().timestamp_ns;
  for (const auto& r : c.records) {
    out << "\n"
        << to_string(r.from) << " record " << r.number << "  packet " << r.packet << "  "
        << seconds_since(start, r.timestamp_ns) << "  " << content_type_name(r.wire_type) << ", "
        << r.length << " bytes  key: " << r.key;
    if (r.encrypted && !r.error.empty()) {
      out << "\n    " << r.error << "\n";
      continue;
    }
    if (r.encrypted) out << " (sequence " << r.sequence << ")";
    out << "\n";
    if (r.encrypted && r.content_type != r.wire_type)
      out << "    content type inside: " << content_type_name(r.content_type) << "\n";
    if (r.content_type == code(ContentType::handshake)) {
      for (const auto& m : r.messages) {
        out << "    " << m.name << " (" << m.bytes.size() << " bytes)\n";
        write_fields(out, m.fields, 0);
        if (!m.error.empty()) out << "        decode error: " << m.error << "\n";
      }
      if (r.messages.empty())
        out << "    (part of a handshake message continued in a later record)\n";
    } else if (r.content_type == code(ContentType::alert) && r.plaintext.size() == 2) {
      out << "    alert: " << (r.plaintext[0] == 2 ? "fatal " : "warning ")
          << alert_name(r.plaintext[1]) << "\n";
    } else if (r.content_type == code(ContentType::application_data)) {
      out << "    data (" << r.plaintext_length << " bytes): " << data_text(r.plaintext) << "\n";
    }
    if (!r.note.empty()) out << "    note: " << r.note << "\n";
  }
}

}  // namespace tlsclub::capture
