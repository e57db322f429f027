#pragma once
// Where a capture's bytes come from: a file or stream as it is, or decompressed on the fly
// (inflate.h). Pull-based and sequential, so a capture of any size is read in bounded memory.

#include <cstddef>
#include <cstdint>
#include <istream>

namespace tlsclub::capture {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Up to `size` bytes into `out`; fewer only at the end of the data. Throws CaptureError when
  // the data is damaged (a bad compressed stream).
  virtual std::size_t read(std::uint8_t* out, std::size_t size) = 0;
};

// A std::istream, read in binary as it is.
class StreamSource final : public ByteSource {
 public:
  explicit StreamSource(std::istream& in) : in_(in) {}
  std::size_t read(std::uint8_t* out, std::size_t size) override {
    in_.read(reinterpret_cast<char*>(out), static_cast<std::streamsize>(size));
    return static_cast<std::size_t>(in_.gcount());
  }

 private:
  std::istream& in_;
};

// Bytes already read (to sniff the format) handed back before the rest of `next`.
class PrefixedSource final : public ByteSource {
 public:
  PrefixedSource(const std::uint8_t* prefix, std::size_t size, ByteSource& next)
      : size_(size), next_(next) {
    for (std::size_t i = 0; i < size && i < sizeof(prefix_); ++i) prefix_[i] = prefix[i];
  }
  std::size_t read(std::uint8_t* out, std::size_t size) override {
    std::size_t n = 0;
    while (n < size && at_ < size_) out[n++] = prefix_[at_++];
    return n < size ? n + next_.read(out + n, size - n) : n;
  }

 private:
  std::uint8_t prefix_[8] = {};
  std::size_t size_;
  std::size_t at_ = 0;
  ByteSource& next_;
};

}  // namespace tlsclub::capture
