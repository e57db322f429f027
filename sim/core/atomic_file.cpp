#include "core/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace tlsclub {

void write_file_atomically(const std::filesystem::path& path, std::string_view contents) {
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(dir))
    throw std::runtime_error("cannot write '" + path.string() + "': folder '" + dir.string() +
                             "' does not exist");
  auto temp = path;
  temp += ".tmp-tlsclub";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out)
      throw std::runtime_error("cannot write '" + path.string() + "': " + std::strerror(errno));
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.flush();
    if (!out) {
      std::filesystem::remove(temp);
      throw std::runtime_error("cannot write '" + path.string() + "': " + std::strerror(errno));
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp);
    throw std::runtime_error("cannot write '" + path.string() + "': " + ec.message());
  }
}

}  // namespace tlsclub
