// Fuzz target for the club's answer to the first thing a visitor says (sim/bridge/welcome_page.h):
// any bytes, as a raw client or a hostile "HTTP" client sends them. Checks its promises: no
// crash; an HTTP answer is a whole response whose Content-Length is its body's (none for HEAD);
// and a name from a card never reaches the HTML page unescaped.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "bridge/welcome_page.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string heard(reinterpret_cast<const char*>(data), size);
  tlsclub::Connection visit;
  visit.server_name = "club.example";
  const std::string visitor = "<b>Mallory</b>";
  const std::string reply = tlsclub::bridge::welcome_reply(heard, visit, visitor);
  const auto request = tlsclub::bridge::parse_http_request(heard);
  if (!request) {
    if (reply.rfind("Welcome to the club, ", 0) != 0) std::abort();
    return 0;
  }
  const std::size_t head_end = reply.find("\r\n\r\n");
  if (reply.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string::npos) std::abort();
  const std::size_t length_at = reply.find("Content-Length: ");
  if (length_at == std::string::npos || length_at > head_end) std::abort();
  const std::size_t length = std::stoul(reply.substr(length_at + 16));
  const std::size_t body = reply.size() - head_end - 4;
  if (request->method == "HEAD" ? body != 0 : body != length) std::abort();
  if (reply.find("text/html") < head_end && reply.find(visitor) != std::string::npos) std::abort();
  return 0;
}
