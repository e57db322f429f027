#pragma once
// The one error a capture can cause: a located message, so a user can open the file in a hex
// viewer (or Wireshark) at the place that is wrong. "packet 17 at byte 4096: record truncated".

#include <cstdint>
#include <stdexcept>
#include <string>

namespace tlsclub::capture {

class CaptureError : public std::runtime_error {
 public:
  // `packet` is the 1-based number of the packet being read (Wireshark's frame number), 0 when
  // the error is outside any packet (the file header, a section or interface block). `offset` is
  // the byte offset in the capture as read: for a .gz file, in the decompressed stream, except
  // for errors of the compression itself, which name the offset in the compressed file.
  CaptureError(std::uint64_t packet, std::uint64_t offset, const std::string& message)
      : std::runtime_error(locate(packet, offset, message)),
        packet_(packet),
        offset_(offset),
        message_(message) {}

  std::uint64_t packet() const { return packet_; }
  std::uint64_t offset() const { return offset_; }
  const std::string& message() const { return message_; }  // without the location

  // The same error, said of `packet` (the reader knows which packet a byte source was filling).
  CaptureError in_packet(std::uint64_t packet) const { return {packet, offset_, message_}; }

 private:
  static std::string locate(std::uint64_t packet, std::uint64_t offset, const std::string& m) {
    std::string where =
        packet != 0 ? "packet " + std::to_string(packet) + " at byte " : std::string("at byte ");
    return where + std::to_string(offset) + ": " + m;
  }

  std::uint64_t packet_;
  std::uint64_t offset_;
  std::string message_;
};

}  // namespace tlsclub::capture
