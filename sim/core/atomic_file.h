#pragma once
// Never a half-written file: write next to the target, then rename over it.

#include <filesystem>
#include <string>
#include <string_view>

namespace tlsclub {

// Throws std::runtime_error naming the path and the system's reason.
void write_file_atomically(const std::filesystem::path& path, std::string_view contents);

}  // namespace tlsclub
