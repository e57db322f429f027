// Is a screenshot a real picture? Right size, not one flat colour, many distinct colours (text,
// anti-aliased arrows and the protection colours make thousands; an empty window a handful).
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <unordered_map>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: png_check FILE.png WIDTH HEIGHT\n");
    return 2;
  }
  int w = 0, h = 0, channels = 0;
  unsigned char* pixels = stbi_load(argv[1], &w, &h, &channels, 3);
  if (pixels == nullptr) {
    std::fprintf(stderr, "%s: cannot decode: %s\n", argv[1], stbi_failure_reason());
    return 1;
  }
  const int want_w = std::atoi(argv[2]), want_h = std::atoi(argv[3]);
  std::unordered_map<unsigned, long> counts;
  const long total = static_cast<long>(w) * h;
  for (long i = 0; i < total; ++i) {
    const unsigned char* p = pixels + i * 3;
    ++counts[(unsigned{p[0]} << 16) | (unsigned{p[1]} << 8) | p[2]];
  }
  long most = 0;
  for (const auto& [colour, n] : counts) most = n > most ? n : most;
  stbi_image_free(pixels);
  const double dominant = static_cast<double>(most) / static_cast<double>(total);
  std::printf("%s: %dx%d, %zu distinct colours, the most common covers %.1f%%\n", argv[1], w, h,
              counts.size(), dominant * 100.0);
  bool ok = true;
  if (w != want_w || h != want_h) {
    std::fprintf(stderr, "size %dx%d, expected %dx%d\n", w, h, want_w, want_h);
    ok = false;
  }
  if (counts.size() < 64) {
    std::fprintf(stderr, "only %zu colours: not a rendered window\n", counts.size());
    ok = false;
  }
  if (dominant > 0.9) {
    std::fprintf(stderr, "one colour covers %.1f%%: an empty window\n", dominant * 100.0);
    ok = false;
  }
  return ok ? 0 : 1;
}
