// The progress bar of `tlsclub open` (capture/progress_stream.h): the bytes pass through
// unchanged, reports grow to the file's size and end there, and the bar's line reads right.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "capture/progress_stream.h"

using namespace tlsclub::capture;

TEST_CASE("progress: the bytes pass through unchanged and the reports end at the size") {
  std::string data(300000, '\0');
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>(i * 7 + i / 256);
  std::istringstream source(data);
  std::vector<std::uint64_t> reports;
  ProgressBuffer buffer(
      source.rdbuf(), [&](std::uint64_t n) { reports.push_back(n); }, 100000);
  std::istream in(&buffer);
  std::string read;
  char chunk[1000];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0)
    read.append(chunk, static_cast<std::size_t>(in.gcount()));
  CHECK(read == data);
  REQUIRE(reports.size() >= 3);
  for (std::size_t i = 1; i < reports.size(); ++i) CHECK(reports[i] >= reports[i - 1]);
  CHECK(reports.back() == data.size());
  CHECK(buffer.bytes_read() == data.size());
}

TEST_CASE("progress: the bar's line, in kB for small files and MB for large ones") {
  CHECK(progress_line("reading a.pcap", 0, 5000) ==
        "reading a.pcap  [                    ]  0%  (0 of 5 kB)");
  CHECK(progress_line("reading a.pcap", 2500, 5000) ==
        "reading a.pcap  [##########          ]  50%  (2 of 5 kB)");
  CHECK(progress_line("x", 450000000, 1000000000) ==
        "x  [#########           ]  45%  (450 of 1000 MB)");
  CHECK(progress_line("x", 7, 5) == "x  [####################]  100%  (0 of 0 kB)");
  CHECK(progress_line("x", 0, 0) == "x  [####################]  100%  (0 of 0 kB)");
}
