#include "app/screenshot.h"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <cstdio>
#include <filesystem>
#include <vector>

namespace tlsclub::gui {

bool write_screenshot(const std::string& file, int width, int height, std::string& error) {
  const auto w = static_cast<std::size_t>(width), h = static_cast<std::size_t>(height);
  std::vector<unsigned char> pixels(w * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  if (glGetError() != GL_NO_ERROR) {
    error = "glReadPixels failed";
    return false;
  }
  // OpenGL's rows go bottom-up; PNG's top-down. The picture has no transparency.
  std::vector<unsigned char> flipped(pixels.size());
  for (std::size_t y = 0; y < h; ++y) {
    for (std::size_t x = 0; x < w * 4; ++x) {
      const unsigned char v = pixels[(h - 1 - y) * w * 4 + x];
      flipped[y * w * 4 + x] = (x % 4 == 3) ? 255 : v;
    }
  }
  const std::string partial = file + ".partial";
  if (stbi_write_png(partial.c_str(), width, height, 4, flipped.data(), width * 4) == 0) {
    error = "cannot write " + partial;
    return false;
  }
  std::error_code ec;
  std::filesystem::rename(partial, file, ec);
  if (ec) {
    error = "cannot rename " + partial + " to " + file + ": " + ec.message();
    return false;
  }
  return true;
}

}  // namespace tlsclub::gui
