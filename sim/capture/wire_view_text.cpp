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

void write_line(std::ostream& out, const WireLine& l) {
  constexpr std::size_t kWidth = 24;
  std::string head = "  " + l.what;
  head += std::string(l.what.size() + 1 < kWidth ? kWidth - l.what.size() : 1, ' ');
  wrapped(out, head, l.source.empty() ? l.value : l.value + "  (" + l.source + ")");
}

void client_hello_lines(std::vector<WireLine>& out, const ClientHelloFields& hello) {
  out.push_back({"name asked for", hello.server_name.empty() ? "(no SNI)" : hello.server_name,
                 "server_name, RFC 6066 3"});
  if (!hello.alpn.empty())
    out.push_back({"protocols offered", joined(hello.alpn), "ALPN, RFC 7301 3.1"});
  if (!hello.supported_versions.empty())
    out.push_back({"versions offered", names_of(hello.supported_versions, version_name),
                   "supported_versions, RFC 8446 4.2.1"});
  else
    out.push_back({"highest version", version_name(hello.legacy_version), "RFC 5246 7.4.1.2"});
  if (!hello.key_share_groups.empty())
    out.push_back({"key shares sent", names_of(hello.key_share_groups, group_name),
                   "key_share, RFC 8446 4.2.8"});
  out.push_back({"suites offered",
                 std::to_string(hello.cipher_suites.size()) + ": " +
                     names_of(hello.cipher_suites, cipher_suite_name),
                 "RFC 8446 4.1.2"});
  if (!hello.complete) out.push_back({"(note)", "the ClientHello is cut short or malformed", ""});
}

void server_choice_lines(std::vector<WireLine>& out, const WireView& view) {
  if (view.retry_group)
    out.push_back({"asked again",
                   "HelloRetryRequest: send a key share for " + group_name(*view.retry_group),
                   "RFC 8446 4.1.4"});
  if (!view.server_hello) {
    out.push_back({"server chose", "(no ServerHello on the wire)", ""});
    return;
  }
  const auto& s = *view.server_hello;
  std::string choice = version_name(s.version()) + ", " + cipher_suite_name(s.cipher_suite);
  if (s.key_share_group) choice += ", key share " + group_name(*s.key_share_group);
  out.push_back({"server chose", choice, "ServerHello, RFC 8446 4.1.3; RFC 5246 7.4.1.3"});
  if (!s.alpn.empty())
    out.push_back({"protocol chosen", s.alpn, "ALPN in the TLS 1.2 ServerHello"});
}

void chain_lines(std::vector<WireLine>& out, const WireView& view) {
  for (const auto& chain : view.chains) {
    const bool server = chain.from == Side::server;
    const std::string what = server ? "server's certificates" : "client's certificates";
    if (chain.certificates.empty()) {
      out.push_back({what, "(none: the client had no certificate to show)", "RFC 5246 7.4.6"});
      continue;
    }
    for (std::size_t i = 0; i < chain.certificates.size(); ++i) {
      const auto& c = chain.certificates[i];
      out.push_back(
          {i == 0 ? what : "", c.subject + "  issued by " + c.issuer + ", until " + c.not_after,
           i == 0 ? (server ? "RFC 5246 7.4.2" : "who the member is, RFC 5246 7.4.6") : ""});
    }
  }
}

std::string seconds(std::int64_t ns) {
  char text[32];
  std::snprintf(text, sizeof text, "+%.3f s", static_cast<double>(ns) / 1e9);
  return text;
}

}  // namespace

std::vector<WireLine> clear_lines(const WireView& view) {
  std::vector<WireLine> out;
  if (view.client_hello)
    client_hello_lines(out, *view.client_hello);
  else
    out.push_back(
        {"(no ClientHello)", "the capture does not hold the start of this connection", ""});
  server_choice_lines(out, view);
  chain_lines(out, view);
  if (!view.clear_messages.empty())
    out.push_back({"handshake messages", joined(view.clear_messages), ""});
  if (!view.clear_alerts.empty())
    out.push_back({"alerts", joined(view.clear_alerts), "RFC 8446 6"});
  return out;
}

const char* direction_text(Side from) {
  return from == Side::client ? "client → server" : "server → client";
}

std::vector<std::string> size_lines(const WireView& view) {
  std::vector<std::string> out;
  std::uint64_t records[2] = {0, 0};
  for (const auto& r : view.records) ++records[r.from == Side::client ? 0 : 1];
  for (const Side way : {Side::client, Side::server}) {
    const int i = way == Side::client ? 0 : 1;
    out.push_back(std::string(direction_text(way)) + ": " + std::to_string(records[i]) +
                  " records, " + std::to_string(view.bytes[i]) + " bytes; " +
                  std::to_string(view.sealed_records[i]) + " of them sealed (" +
                  std::to_string(view.sealed_bytes[i]) + " bytes)");
  }
  if (view.version() == 0x0304)
    out.push_back(
        "A sealed record is its content plus a byte of type and the AEAD tag (16 bytes with "
        "AES-GCM or ChaCha20-Poly1305, RFC 8446 5.2): sizes can tell a page, a chain or a "
        "refusal. Padding (RFC 8446 5.4) can blur them; few stacks use it.");
  else if (view.version())
    out.push_back(
        "A sealed record is its content plus the MAC or AEAD tag and any explicit nonce (RFC "
        "5246 6.2.3): its size tells the size of what it carries.");
  return out;
}

std::string record_text(const SeenRecord& r) {
  return content_type_name(r.wire_type) + ": " + r.shows;
}

namespace {

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
                  direction_text(r.from), r.length);
    out << head << record_text(r) << "\n";
  }
  if (view.records_cut) out << "  (only the first records are listed)\n";
  if (view.gap) out << "  (bytes are missing: the records after the gap cannot be framed)\n";
}

}  // namespace

void write_wire_view(std::ostream& out, const WireView& view) {
  out << "What the wire shows: an eavesdropper on the path, without keys\n\nIn the clear\n";
  for (const auto& l : clear_lines(view)) write_line(out, l);
  out << "\nSealed: what the eavesdropper cannot read\n";
  for (const auto& h : hidden_from_the_wire(view)) wrapped(out, "  - ", h);
  out << "\nSizes and times (not hidden)\n";
  for (const auto& l : size_lines(view)) wrapped(out, "  ", l);
  write_records(out, view);
}

}  // namespace tlsclub::capture
