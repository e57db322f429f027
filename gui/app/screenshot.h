#pragma once
// The current back buffer as a PNG (stb_image_write), written next to the target and renamed.

#include <string>

namespace tlsclub::gui {

// Reads width x height pixels of the framebuffer just rendered. False and `error` on failure.
bool write_screenshot(const std::string& file, int width, int height, std::string& error);

}  // namespace tlsclub::gui
