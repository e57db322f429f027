#pragma once
// A stream buffer that passes another's bytes through and says how far the reading has got, so
// `tlsclub open` can show a progress bar on a long capture without the reader knowing. The
// reader only reads forward (byte_source.h), which is all this supports.

#include <cstdint>
#include <functional>
#include <streambuf>
#include <string>
#include <vector>

namespace tlsclub::capture {

class ProgressBuffer : public std::streambuf {
 public:
  // `report(bytes read so far)` after every `every` bytes, and once at the end of the source.
  ProgressBuffer(std::streambuf* source, std::function<void(std::uint64_t)> report,
                 std::uint64_t every);

  std::uint64_t bytes_read() const { return total_; }

 protected:
  int_type underflow() override;

 private:
  std::streambuf* source_;
  std::function<void(std::uint64_t)> report_;
  std::uint64_t every_;
  std::uint64_t total_ = 0, reported_ = 0;
  bool ended_ = false;
  std::vector<char> buffer_;
};

// "reading big.pcap  [#########           ]  45%  (450 of 1000 MB)", for a terminal line
// rewritten in place ('\r' before it).
std::string progress_line(const std::string& what, std::uint64_t done, std::uint64_t total);

}  // namespace tlsclub::capture
