#include "capture/progress_stream.h"

#include <algorithm>
#include <string>

namespace tlsclub::capture {

namespace {
constexpr std::size_t kChunk = std::size_t{64} * 1024;
}

ProgressBuffer::ProgressBuffer(std::streambuf* source, std::function<void(std::uint64_t)> report,
                               std::uint64_t every)
    : source_(source),
      report_(std::move(report)),
      every_(std::max<std::uint64_t>(every, 1)),
      buffer_(kChunk) {}

ProgressBuffer::int_type ProgressBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  const std::streamsize n = source_->sgetn(buffer_.data(), static_cast<std::streamsize>(kChunk));
  if (n <= 0) {
    if (!ended_ && report_) report_(total_);
    ended_ = true;
    return traits_type::eof();
  }
  total_ += static_cast<std::uint64_t>(n);
  if (report_ && total_ - reported_ >= every_) {
    reported_ = total_;
    report_(total_);
  }
  setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
  return traits_type::to_int_type(*gptr());
}

std::string progress_line(const std::string& what, std::uint64_t done, std::uint64_t total) {
  constexpr int kWidth = 20;
  const std::uint64_t shown = std::min(done, total);
  const int percent = total == 0 ? 100 : static_cast<int>(shown * 100 / total);
  const int filled = percent * kWidth / 100;
  // Megabytes from 10 MB on, kilobytes below, so a small file does not read "0 MB of 0 MB".
  const bool large = total >= std::uint64_t{10} * 1000 * 1000;
  const std::uint64_t unit = large ? std::uint64_t{1000} * 1000 : 1000;
  const char* name = large ? " MB" : " kB";
  return what + "  [" + std::string(static_cast<std::size_t>(filled), '#') +
         std::string(static_cast<std::size_t>(kWidth - filled), ' ') + "]  " +
         std::to_string(percent) + "%  (" + std::to_string(shown / unit) + " of " +
         std::to_string(total / unit) + name + ")";
}

}  // namespace tlsclub::capture
