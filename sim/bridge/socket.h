#pragma once
// The bridge's only contact with the network (DESIGN rule 1: sockets live here and nowhere else):
// plain POSIX TCP sockets, every wait bounded by a time-out, every failure a BridgeError that
// names the address and says what to do.

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/bytes.h"

namespace tlsclub::bridge {

using Millis = std::chrono::milliseconds;

// A failure the user can fix (port in use, nothing listening, a non-loopback address).
class BridgeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Owns a file descriptor; closes it once.
class Socket {
 public:
  Socket() = default;
  explicit Socket(int fd) : fd_(fd) {}
  ~Socket();
  Socket(Socket&& other) noexcept : fd_(other.release()) {}
  Socket& operator=(Socket&& other) noexcept;
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;

  int fd() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  int release();
  void close();

 private:
  int fd_ = -1;
};

// "127.0.0.1:4433", "[::1]:4433".
std::string endpoint_text(const std::string& host, std::uint16_t port);

// Splits "HOST:PORT" ("[::1]:443" for IPv6). Throws BridgeError naming the text.
std::pair<std::string, std::uint16_t> split_host_port(const std::string& text);

// Whether `host` (a numeric address or a name) resolves to loopback addresses only.
bool is_loopback_host(const std::string& host);

// This machine's own addresses other than the loopback (IPv4 first), for telling visitors on
// other machines where the club is; empty when there are none.
std::vector<std::string> machine_addresses();

struct Listener {
  Socket socket;
  std::string host;
  std::uint16_t port = 0;  // the port bound (the one the system chose when asked for 0)
};

// Binds and listens. A port in use, a host that is not this machine's: BridgeError with a hint.
Listener listen_on(const std::string& host, std::uint16_t port);

struct Accepted {
  Socket socket;
  std::string peer;  // "127.0.0.1:53412"
};

// Waits at most `wait` for a connection.
std::optional<Accepted> accept_within(const Listener& listener, Millis wait);

// Connects within `timeout`. Nothing listening, unreachable, too slow: BridgeError.
Socket connect_within(const std::string& host, std::uint16_t port, Millis timeout);

enum class ReadStatus { data, closed, timeout };

// Waits at most `wait` for bytes and appends what arrived. closed: the peer ended the stream (or
// reset it).
ReadStatus read_within(const Socket& socket, Bytes& out, Millis wait);

// Writes every byte within `timeout`; false when the peer is gone or too slow.
bool write_within(const Socket& socket, ByteView bytes, Millis timeout);

// No more bytes from us (TCP FIN); reading goes on.
void shutdown_sending(const Socket& socket);

}  // namespace tlsclub::bridge
