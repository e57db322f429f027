#include "bridge/socket.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <set>

namespace tlsclub::bridge {

namespace {

using Clock = std::chrono::steady_clock;

struct AddrInfoDeleter {
  void operator()(addrinfo* a) const { freeaddrinfo(a); }
};
using AddrInfo = std::unique_ptr<addrinfo, AddrInfoDeleter>;

AddrInfo resolve(const std::string& host, std::uint16_t port, bool passive) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = passive ? AI_PASSIVE : 0;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (const int rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0)
    throw BridgeError("cannot use the address '" + host + "': " + gai_strerror(rc) +
                      " (hint: give a numeric address such as 127.0.0.1)");
  return AddrInfo(found);
}

bool loopback(const sockaddr* sa) {
  if (sa->sa_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(sa);
    return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
  }
  if (sa->sa_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(sa);
    if (IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr)) return true;
    return IN6_IS_ADDR_V4MAPPED(&in6->sin6_addr) && in6->sin6_addr.s6_addr[12] == 127;
  }
  return false;
}

std::string numeric(const sockaddr* sa, socklen_t length) {
  char host[NI_MAXHOST] = {};
  char service[NI_MAXSERV] = {};
  if (getnameinfo(sa, length, host, sizeof host, service, sizeof service,
                  NI_NUMERICHOST | NI_NUMERICSERV) != 0)
    return "?";
  return endpoint_text(host, static_cast<std::uint16_t>(std::atoi(service)));
}

void set_nonblocking(int fd) {
  const int flags = fcntl(fd, F_GETFL, 0);
  if (flags >= 0) fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

// poll() for `events`, retrying on signals until `wait` is over. Returns the revents (0: none).
short wait_for(int fd, short events, Millis wait) {
  const auto deadline = Clock::now() + wait;
  for (;;) {
    const auto left = std::chrono::duration_cast<Millis>(deadline - Clock::now());
    pollfd p{fd, events, 0};
    const int rc = poll(&p, 1, static_cast<int>(std::max<Millis::rep>(0, left.count())));
    if (rc > 0) return p.revents;
    if (rc == 0 || errno != EINTR || Clock::now() >= deadline) return 0;
  }
}

}  // namespace

Socket::~Socket() {
  close();
}

Socket& Socket::operator=(Socket&& other) noexcept {
  if (this != &other) {
    close();
    fd_ = other.release();
  }
  return *this;
}

int Socket::release() {
  const int fd = fd_;
  fd_ = -1;
  return fd;
}

void Socket::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

std::string endpoint_text(const std::string& host, std::uint16_t port) {
  const bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::pair<std::string, std::uint16_t> split_host_port(const std::string& text) {
  const auto colon = text.rfind(':');
  const auto bad = [&](const std::string& why) {
    return BridgeError("'" + text + "' is not HOST:PORT: " + why +
                       " (hint: e.g. 127.0.0.1:4433 or [::1]:4433)");
  };
  if (colon == std::string::npos || colon == 0) throw bad("no port");
  std::string host = text.substr(0, colon);
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string digits = text.substr(colon + 1);
  if (digits.empty() || digits.size() > 5 ||
      digits.find_first_not_of("0123456789") != std::string::npos)
    throw bad("the port is not a number");
  const unsigned long port = std::stoul(digits);
  if (port == 0 || port > 65535) throw bad("the port must be 1 to 65535");
  return {host, static_cast<std::uint16_t>(port)};
}

bool is_loopback_host(const std::string& host) {
  try {
    const AddrInfo found = resolve(host, 0, false);
    for (const addrinfo* a = found.get(); a != nullptr; a = a->ai_next)
      if (!loopback(a->ai_addr)) return false;
    return true;
  } catch (const BridgeError&) {
    return false;
  }
}

std::vector<std::string> machine_addresses() {
  ifaddrs* list = nullptr;
  if (::getifaddrs(&list) != 0) return {};
  std::set<std::string> v4, v6;
  for (const ifaddrs* i = list; i != nullptr; i = i->ifa_next) {
    if (i->ifa_addr == nullptr || loopback(i->ifa_addr)) continue;
    char text[INET6_ADDRSTRLEN] = {};
    if (i->ifa_addr->sa_family == AF_INET) {
      const auto* a = reinterpret_cast<const sockaddr_in*>(i->ifa_addr);
      if (::inet_ntop(AF_INET, &a->sin_addr, text, sizeof text) != nullptr) v4.insert(text);
    } else if (i->ifa_addr->sa_family == AF_INET6) {
      const auto* a = reinterpret_cast<const sockaddr_in6*>(i->ifa_addr);
      if (IN6_IS_ADDR_LINKLOCAL(&a->sin6_addr)) continue;  // needs a zone: not for a handout
      if (::inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text) != nullptr) v6.insert(text);
    }
  }
  ::freeifaddrs(list);
  std::vector<std::string> out(v4.begin(), v4.end());
  out.insert(out.end(), v6.begin(), v6.end());
  return out;
}

Listener listen_on(const std::string& host, std::uint16_t port) {
  const AddrInfo found = resolve(host, port, true);
  const addrinfo* a = found.get();
  Socket s(::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol));
  if (!s.valid()) throw BridgeError(std::string("cannot open a socket: ") + std::strerror(errno));
  const int on = 1;
  // A restarted server may take its port back while old connections linger in TIME_WAIT.
  setsockopt(s.fd(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  if (::bind(s.fd(), a->ai_addr, a->ai_addrlen) != 0) {
    const int e = errno;
    const std::string where = endpoint_text(host, port);
    if (e == EADDRINUSE)
      throw BridgeError("port " + std::to_string(port) + " on " + host +
                        " is in use by another program (hint: pick another with --port N, or "
                        "--port 0 for any free port)");
    if (e == EACCES)
      throw BridgeError("not allowed to listen on " + where +
                        " (hint: ports below 1024 need privileges; use --port 4433)");
    if (e == EADDRNOTAVAIL)
      throw BridgeError("cannot listen on " + where +
                        ": that address is not one of this machine's (hint: use 127.0.0.1)");
    throw BridgeError("cannot listen on " + where + ": " + std::strerror(e));
  }
  if (::listen(s.fd(), 16) != 0)
    throw BridgeError("cannot listen on " + endpoint_text(host, port) + ": " +
                      std::strerror(errno));
  sockaddr_storage bound{};
  socklen_t length = sizeof bound;
  getsockname(s.fd(), reinterpret_cast<sockaddr*>(&bound), &length);
  const std::uint16_t actual =
      ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                        : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  set_nonblocking(s.fd());
  return {std::move(s), host, actual};
}

std::optional<Accepted> accept_within(const Listener& listener, Millis wait) {
  if ((wait_for(listener.socket.fd(), POLLIN, wait) & POLLIN) == 0) return std::nullopt;
  sockaddr_storage peer{};
  socklen_t length = sizeof peer;
  const int fd = ::accept4(listener.socket.fd(), reinterpret_cast<sockaddr*>(&peer), &length,
                           SOCK_CLOEXEC | SOCK_NONBLOCK);
  if (fd < 0) return std::nullopt;  // the client gave up in between: wait for the next one
  const int on = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  return Accepted{Socket(fd), numeric(reinterpret_cast<sockaddr*>(&peer), length)};
}

Socket connect_within(const std::string& host, std::uint16_t port, Millis timeout) {
  const AddrInfo found = resolve(host, port, false);
  const std::string where = endpoint_text(host, port);
  std::string last = "no address";
  for (const addrinfo* a = found.get(); a != nullptr; a = a->ai_next) {
    Socket s(::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol));
    if (!s.valid()) continue;
    int rc = ::connect(s.fd(), a->ai_addr, a->ai_addrlen);
    if (rc != 0 && errno == EINPROGRESS) {
      if ((wait_for(s.fd(), POLLOUT, timeout) & (POLLOUT | POLLERR | POLLHUP)) == 0)
        throw BridgeError("no answer from " + where + " within " + std::to_string(timeout.count()) +
                          " ms (hint: is the server running?)");
      int error = 0;
      socklen_t length = sizeof error;
      getsockopt(s.fd(), SOL_SOCKET, SO_ERROR, &error, &length);
      rc = error == 0 ? 0 : -1;
      errno = error;
    }
    if (rc == 0) {
      const int on = 1;
      setsockopt(s.fd(), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
      return s;
    }
    last = std::strerror(errno);
    if (errno == ECONNREFUSED)
      throw BridgeError("nothing is listening on " + where +
                        " (hint: start the server first, e.g. openssl s_server -accept " +
                        std::to_string(port) + ")");
  }
  throw BridgeError("cannot connect to " + where + ": " + last);
}

ReadStatus read_within(const Socket& socket, Bytes& out, Millis wait) {
  const short ready = wait_for(socket.fd(), POLLIN, wait);
  if (ready == 0) return ReadStatus::timeout;
  std::uint8_t buffer[16384];
  for (;;) {
    const ssize_t n = ::recv(socket.fd(), buffer, sizeof buffer, 0);
    if (n > 0) {
      out.insert(out.end(), buffer, buffer + n);
      return ReadStatus::data;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return ReadStatus::timeout;
    return ReadStatus::closed;  // 0: orderly end; < 0: reset
  }
}

bool write_within(const Socket& socket, ByteView bytes, Millis timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!bytes.empty()) {
    const ssize_t n = ::send(socket.fd(), bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n > 0) {
      bytes = bytes.subspan(static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      const auto left = std::chrono::duration_cast<Millis>(deadline - Clock::now());
      if (left.count() <= 0 || (wait_for(socket.fd(), POLLOUT, left) & POLLOUT) == 0) return false;
      continue;
    }
    return false;
  }
  return true;
}

void shutdown_sending(const Socket& socket) {
  ::shutdown(socket.fd(), SHUT_WR);
}

}  // namespace tlsclub::bridge
