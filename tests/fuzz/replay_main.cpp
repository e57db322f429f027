// Runs a libFuzzer target over every file of the corpus folders given (and a fixed set of random
// inputs), so the fuzz targets are exercised by ctest on any compiler.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  std::size_t runs = 0;
  for (int arg = 1; arg < argc; ++arg) {
    if (!std::filesystem::is_directory(argv[arg])) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[arg])) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
      LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
      ++runs;
    }
  }
  std::mt19937_64 gen(20261123);
  for (int i = 0; i < 2000; ++i) {
    std::vector<std::uint8_t> bytes(gen() % 600);
    for (auto& b : bytes) b = static_cast<std::uint8_t>(gen());
    LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
    ++runs;
  }
  std::printf("replayed %zu inputs\n", runs);
  return 0;
}
