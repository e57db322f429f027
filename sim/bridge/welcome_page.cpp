#include "bridge/welcome_page.h"

#include <algorithm>
#include <cctype>
#include <variant>
#include <vector>

#include "core/markup.h"

namespace tlsclub::bridge {

namespace {

bool is_token_char(char c) {  // RFC 9110 5.6.2 tchar, enough to tell a method
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The value of header `name` (lower case) among the lines after the request line.
std::string header_value(std::string_view head, std::string_view name) {
  std::size_t start = head.find("\r\n");
  while (start != std::string_view::npos && start + 2 < head.size()) {
    start += 2;
    const std::size_t end = std::min(head.find("\r\n", start), head.size());
    const std::string_view line = head.substr(start, end - start);
    const std::size_t colon = line.find(':');
    if (line.empty()) break;  // the end of the headers
    if (colon != std::string_view::npos && lower(line.substr(0, colon)) == name) {
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
        value.remove_suffix(1);
      return std::string(value);
    }
    start = end;
  }
  return "";
}

// What the club knows of the visit when it answers.
struct VisitFacts {
  std::string version = "?", cipher_suite = "?", group = "?";
  std::string server_name;
  // The club's checks of the card, certificate by certificate (leaf first, as first checked).
  std::vector<std::pair<std::string, std::vector<const CheckEvent*>>> card_checks;
};

VisitFacts facts_of(const Connection& visit) {
  VisitFacts facts;
  facts.server_name = visit.server_name;
  for (const Event& event : visit.events) {
    if (const auto* e = std::get_if<EstablishedEvent>(&event.body)) {
      facts.version = e->version;
      facts.cipher_suite = e->cipher_suite;
      if (!e->group.empty()) facts.group = e->group;
    }
    const auto* check = std::get_if<CheckEvent>(&event.body);
    if (check == nullptr || check->by != Side::server) continue;
    auto group = std::find_if(facts.card_checks.begin(), facts.card_checks.end(),
                              [&](const auto& g) { return g.first == check->subject; });
    if (group == facts.card_checks.end())
      group = facts.card_checks.insert(facts.card_checks.end(), {check->subject, {}});
    group->second.push_back(check);
  }
  return facts;
}

// Where the traffic keys came from, and what the badge's key did: the truth of this visit.
std::string key_story(const VisitFacts& facts) {
  const bool tls13 = facts.version == "TLS 1.3";
  const bool dh = facts.cipher_suite.find("DHE") != std::string::npos;
  if (tls13)
    return "Your client and the club each sent a key share (" + facts.group +
           "); both derived the same traffic keys from them (RFC 8446 section 7.1). The club's "
           "badge key encrypted nothing: it signed the handshake (CertificateVerify, RFC 8446 "
           "section 4.4.3).";
  if (dh)
    return "Your client and the club each sent a key share (" + facts.group +
           "); both derived the same keys from them. The club's badge key signed the club's "
           "share (ServerKeyExchange, RFC 5246 section 7.4.3).";
  return "Your client encrypted the premaster secret to the key on the club's badge (RSA key "
         "transport, RFC 5246 section 7.4.7.1): whoever holds that key later can read this visit. "
         "TLS 1.3 has no such cipher suite.";
}

std::string card_line(const VisitFacts& facts, std::string_view visitor) {
  if (!visitor.empty()) return "shown: " + std::string(visitor);
  if (!facts.card_checks.empty()) return "shown, without a name the club could read";
  return "none shown (this club does not ask for one, or lets visitors in without)";
}

constexpr std::string_view kBadgeNote =
    "Your client checked the club's badge on its own side (the issuer's signature up to an "
    "authority it trusts, the dates, the name, serverAuth), or was told not to, as curl -k is. "
    "The club cannot see those checks.";

std::string text_page(const VisitFacts& facts, std::string_view visitor) {
  std::string out = "Welcome to the club, " +
                    (visitor.empty() ? std::string("visitor") : std::string(visitor)) + ".\n\n";
  out += "What the club saw of your visit to " + facts.server_name + ":\n";
  out += "  version       " + facts.version + "\n";
  out += "  cipher suite  " + facts.cipher_suite + "\n";
  out += "  key exchange  " + facts.group + "\n";
  out += "  your card     " + card_line(facts, visitor) + "\n";
  for (const auto& [subject, checks] : facts.card_checks) {
    out += "    " + subject + "\n";
    for (const CheckEvent* check : checks)
      out += std::string("      ") + (check->passed ? "pass " : "FAIL ") + check->check + ": " +
             check->reason + "\n";
  }
  out += "\n" + key_story(facts) + "\n\n" + std::string(kBadgeNote) + "\n";
  return out;
}

std::string html_page(const VisitFacts& facts, std::string_view visitor) {
  const std::string name = markup_escaped(visitor.empty() ? "visitor" : visitor);
  std::string out =
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width\"><title>Welcome to the club</title>"
      "<style>body{font-family:sans-serif;max-width:46em;margin:2em auto;padding:0 1em;"
      "line-height:1.4}th{text-align:left;padding-right:1em}.pass{color:#1a7f37}"
      ".fail{color:#cf222e}</style></head><body>\n";
  out += "<h1>Welcome to the club, " + name + ".</h1>\n";
  out += "<p>What the club saw of your visit to <b>" + markup_escaped(facts.server_name) +
         "</b>:</p>\n<table>\n";
  out += "<tr><th>version</th><td>" + markup_escaped(facts.version) + "</td></tr>\n";
  out += "<tr><th>cipher suite</th><td>" + markup_escaped(facts.cipher_suite) + "</td></tr>\n";
  out += "<tr><th>key exchange</th><td>" + markup_escaped(facts.group) + "</td></tr>\n";
  out += "<tr><th>your card</th><td>" + markup_escaped(card_line(facts, visitor)) + "</td></tr>\n";
  out += "</table>\n";
  if (!facts.card_checks.empty()) {
    out += "<p>The club's checks of your card, certificate by certificate:</p>\n<ul>\n";
    for (const auto& [subject, checks] : facts.card_checks) {
      out += "<li><b>" + markup_escaped(subject) + "</b><ul>\n";
      for (const CheckEvent* check : checks)
        out += std::string("<li class=\"") +
               (check->passed ? "pass\">&#10003; " : "fail\">&#10007; ") +
               markup_escaped(check->check) + ": " + markup_escaped(check->reason) + "</li>\n";
      out += "</ul></li>\n";
    }
    out += "</ul>\n";
  }
  out += "<p>" + markup_escaped(key_story(facts)) + "</p>\n";
  out += "<p>" + markup_escaped(kBadgeNote) + "</p>\n</body></html>\n";
  return out;
}

std::string http_response(std::string_view status, std::string_view type, const std::string& body,
                          bool head_only, std::string_view extra_headers = "") {
  std::string out = "HTTP/1.1 " + std::string(status) + "\r\n";
  out += "Content-Type: " + std::string(type) + "\r\n";
  out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  out += "Cache-Control: no-store\r\nConnection: close\r\n" + std::string(extra_headers) + "\r\n";
  if (!head_only) out += body;
  return out;
}

}  // namespace

std::optional<HttpRequest> parse_http_request(std::string_view data) {
  const std::size_t line_end = data.find("\r\n");
  const std::string_view line = data.substr(0, line_end);
  const std::size_t first = line.find(' ');
  const std::size_t second = first == std::string_view::npos ? first : line.find(' ', first + 1);
  if (first == 0 || first == std::string_view::npos || second == std::string_view::npos)
    return std::nullopt;
  const std::string_view method = line.substr(0, first);
  const std::string_view target = line.substr(first + 1, second - first - 1);
  const std::string_view version = line.substr(second + 1);
  if (!std::all_of(method.begin(), method.end(), is_token_char) || target.empty() ||
      !version.starts_with("HTTP/1."))
    return std::nullopt;
  HttpRequest request;
  request.method = std::string(method);
  request.target = std::string(target);
  request.accept = line_end == std::string_view::npos ? "" : header_value(data, "accept");
  return request;
}

std::string welcome_reply(std::string_view heard, const Connection& visit,
                          std::string_view visitor) {
  const auto request = parse_http_request(heard);
  if (!request)
    return "Welcome to the club, " +
           (visitor.empty() ? std::string("visitor") : std::string(visitor)) + ".";
  const bool head_only = request->method == "HEAD";
  if (request->method != "GET" && !head_only)
    return http_response("405 Method Not Allowed", "text/plain; charset=utf-8",
                         "The club answers GET and HEAD.\n", false, "Allow: GET, HEAD\r\n");
  if (request->target != "/" && !request->target.starts_with("/?"))
    return http_response("404 Not Found", "text/plain; charset=utf-8", "The club has one page: /\n",
                         head_only);
  const VisitFacts facts = facts_of(visit);
  if (lower(request->accept).find("text/html") != std::string::npos)
    return http_response("200 OK", "text/html; charset=utf-8", html_page(facts, visitor),
                         head_only);
  return http_response("200 OK", "text/plain; charset=utf-8", text_page(facts, visitor), head_only);
}

}  // namespace tlsclub::bridge
