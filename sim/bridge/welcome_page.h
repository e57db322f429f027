#pragma once
// What the club says to a visitor once the handshake is through. A browser or curl speaks
// HTTP/1.1 and gets a real HTTP response: a page that welcomes it and shows what the club saw of
// this very visit (version, cipher suite, group, the card shown or not, the club's checks). Any
// other client (openssl s_client typing a line) gets the one-line welcome.

#include <optional>
#include <string>
#include <string_view>

#include "timeline/timeline.h"

namespace tlsclub::bridge {

struct HttpRequest {
  std::string method;  // "GET"
  std::string target;  // "/"
  std::string accept;  // the Accept header's value, "" when absent
};

// The request line and the Accept header, when `data` starts as an HTTP/1.x request does
// (RFC 9112 3: method SP request-target SP HTTP-version); nullopt otherwise.
std::optional<HttpRequest> parse_http_request(std::string_view data);

// The club's answer to `heard` (the first application data of the visit). `visit` is the visit
// as recorded so far (the handshake and the club's checks); `visitor` the name on the card shown,
// "" when none. An HTTP request gets a complete HTTP/1.1 response that closes the connection:
// HTML when the client accepts text/html (a browser), plain text otherwise (curl's `*/*`).
std::string welcome_reply(std::string_view heard, const Connection& visit,
                          std::string_view visitor);

}  // namespace tlsclub::bridge
