#include "capture/wire_view_text.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "decode/handshake_decoder.h"

namespace tlsclub::capture {

namespace {

std::string names_of(const std::vector<std::uint16_t>& codes, std::string (*name)(std::uint16_t)) {
  std::string out;
  for (const auto c : codes) out += (out.empty() ? "" : ", ") + name(c);
  return out.empty() ? "(none)" : out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// Words of `text` on lines of at most kColumns, the first after `first`, the rest indented as
// deep as `first` is long.
constexpr std::size_t kColumns = 100;

void wrapped(std::ostream& out, const std::string& first, const std::string& text) {
  const std::size_t indent = first.size();
  std::size_t column = indent;
  out << first;
  std::size_t at = 0;
  bool line_start = true;
  while (at < text.size()) {
    std::size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(at, end - at);
    if (!line_start && column + 1 + word.size() > kColumns) {
      out << "\n" << std::string(indent, ' ');
      column = indent;
      line_start = true;
    }
    if (!line_start) {
      out << ' ';
      ++column;
    }
    out << word;
    column += word.size();
    line_start = false;
    at = end + 1;
  }
  out << "\n";
}

void line(std::ostream& out, const std::string& what, const std::string& value,
          const std::string& source) {
  constexpr std::size_t kWidth = 24;
  std::string head = "  " + what;
  head += std::string(what.size() + 1 < kWidth ? kWidth - what.size() : 1, ' ');
  wrapped(out, head, source.empty() ? value : value + "  (" + source + ")");
}

void write_client_hello(std::ostream& out, const ClientHelloFields& hello) {
  line(out, "name asked for", hello.server_name.empty() ? "(no SNI)" : hello.server_name,
       "server_name, RFC 6066 3");
  if (!hello.alpn.empty()) line(out, "protocols offered", joined(hello.alpn), "ALPN, RFC 7301 3.1");
  if (!hello.supported_versions.empty())
    line(out, "versions offered", names_of(hello.supported_versions, version_name),
         "supported_versions, RFC 8446 4.2.1");
  else
    line(out, "highest version", version_name(hello.legacy_version), "RFC 5246 7.4.1.2");
  if (!hello.key_share_groups.empty())
    line(out, "key shares sent", names_of(hello.key_share_groups, group_name),
         "key_share, RFC 8446 4.2.8");
  line(out, "suites offered",
       std::to_string(hello.cipher_suites.size()) + ": " +
           names_of(hello.cipher_suites, cipher_suite_name),
       "RFC 8446 4.1.2");
  if (!hello.complete) line(out, "(note)", "the ClientHello is cut short or malformed", "");
}

void write_server_choice(std::ostream& out, const WireView& view) {
  if (view.retry_group)
    line(out, "asked again",
         "HelloRetryRequest: send a key share for " + group_name(*view.retry_group),
         "RFC 8446 4.1.4");
  if (!view.server_hello) {
    line(out, "server chose", "(no ServerHello on the wire)", "");
    return;
  }
  const auto& s = *view.server_hello;
  std::string choice = version_name(s.version()) + ", " + cipher_suite_name(s.cipher_suite);
  if (s.key_share_group) choice += ", key share " + group_name(*s.key_share_group);
  line(out, "server chose", choice, "ServerHello, RFC 8446 4.1.3; RFC 5246 7.4.1.3");
  if (!s.alpn.empty()) line(out, "protocol chosen", s.alpn, "ALPN in the TLS 1.2 ServerHello");
}

void write_chains(std::ostream& out, const WireView& view) {
  for (const auto& chain : view.chains) {
    const bool server = chain.from == Side::server;
    const std::string what = server ? "server's certificates" : "client's certificates";
    if (chain.certificates.empty()) {
      line(out, what, "(none: the client had no certificate to show)", "RFC 5246 7.4.6");
      continue;
    }
    for (std::size_t i = 0; i < chain.certificates.size(); ++i) {
      const auto& c = chain.certificates[i];
      line(out, i == 0 ? what : "",
           c.subject + "  issued by " + c.issuer + ", until " + c.not_after,
           i == 0 ? (server ? "RFC 5246 7.4.2" : "who the member is, RFC 5246 7.4.6") : "");
    }
  }
}

std::string seconds(std::int64_t ns) {
  char text[32];
  std::snprintf(text, sizeof text, "+%.3f s", static_cast<double>(ns) / 1e9);
  return text;
}

void write_sizes(std::ostream& out, const WireView& view) {
  out << "\nSizes and times (not hidden)\n";
  static constexpr const char* kWay[] = {"client → server", "server → client"};
  std::uint64_t records[2] = {0, 0};
  for (const auto& r : view.records) ++records[r.from == Side::client ? 0 : 1];
  for (int way = 0; way < 2; ++way) {
    out << "  " << kWay[way] << ": " << records[way] << " records, " << view.bytes[way]
        << " bytes; " << view.sealed_records[way] << " of them sealed (" << view.sealed_bytes[way]
        << " bytes)\n";
  }
  if (view.version() == 0x0304)
    out << "  A sealed record is its content plus a byte of type and the AEAD tag (16 bytes\n"
           "  with AES-GCM or ChaCha20-Poly1305, RFC 8446 5.2): sizes can tell a page, a chain\n"
           "  or a refusal. Padding (RFC 8446 5.4) can blur them; few stacks use it.\n";
  else if (view.version())
    out << "  A sealed record is its content plus the MAC or AEAD tag and any explicit nonce\n"
           "  (RFC 5246 6.2.3): its size tells the size of what it carries.\n";
}

void write_records(std::ostream& out, const WireView& view) {
  out << "\nRecords on the wire\n";
  const bool timed = std::any_of(view.records.begin(), view.records.end(), [&](const auto& r) {
    return r.time_ns != view.records.front().time_ns;
  });
  const std::int64_t start = view.records.empty() ? 0 : view.records.front().time_ns;
  for (const auto& r : view.records) {
    char head[96];
    std::snprintf(head, sizeof head, "  %4llu  %s%s  %-18s %6zu  ",
                  static_cast<unsigned long long>(r.index),
                  timed ? seconds(r.time_ns - start).c_str() : "", timed ? "  " : "",
                  (r.from == Side::client ? "client → server" : "server → client"), r.length);
    out << head << content_type_name(r.wire_type) << ": " << r.shows << "\n";
  }
  if (view.records_cut) out << "  (only the first records are listed)\n";
  if (view.gap) out << "  (bytes are missing: the records after the gap cannot be framed)\n";
}

}  // namespace

void write_wire_view(std::ostream& out, const WireView& view) {
  out << "What the wire shows: an eavesdropper on the path, without keys\n\nIn the clear\n";
  if (view.client_hello)
    write_client_hello(out, *view.client_hello);
  else
    line(out, "(no ClientHello)", "the capture does not hold the start of this connection", "");
  write_server_choice(out, view);
  write_chains(out, view);
  if (!view.clear_messages.empty())
    line(out, "handshake messages", joined(view.clear_messages), "");
  if (!view.clear_alerts.empty()) line(out, "alerts", joined(view.clear_alerts), "RFC 8446 6");
  out << "\nSealed: what the eavesdropper cannot read\n";
  for (const auto& h : hidden_from_the_wire(view)) wrapped(out, "  - ", h);
  write_sizes(out, view);
  write_records(out, view);
}

}  // namespace tlsclub::capture
