#include "export/export_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace tlsclub {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& reason) {
  throw std::runtime_error("cannot write '" + path.string() + "': " + reason +
                           " (hint: choose a folder you can write to)");
}

// Every byte of `contents`, retrying short writes and interrupted calls.
bool write_all(int fd, std::string_view contents) {
  while (!contents.empty()) {
    const ssize_t n = ::write(fd, contents.data(), contents.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    contents.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

void write_export_file(const std::filesystem::path& path, std::string_view contents,
                       FileMode mode) {
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw std::runtime_error("cannot write '" + path.string() + "': folder '" + dir.string() +
                             "' does not exist (hint: create it first)");
  auto temp = path;
  temp += ".tmp-tlsclub";
  std::filesystem::remove(temp, ec);  // left over from an interrupted export
  const mode_t bits = mode == FileMode::private_key ? 0600 : 0644;
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, bits);
  if (fd < 0) fail(path, std::strerror(errno));
  // The umask may have taken bits away from a shared file; a key keeps exactly 0600.
  const bool ok = ::fchmod(fd, bits) == 0 && write_all(fd, contents);
  const int saved = errno;
  if (::close(fd) != 0 || !ok) {
    std::filesystem::remove(temp, ec);
    fail(path, std::strerror(ok ? errno : saved));
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp);
    fail(path, ec.message());
  }
}

void ensure_export_folder(const std::filesystem::path& dir) {
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return;
  if (std::filesystem::exists(dir, ec))
    throw std::runtime_error("cannot export into '" + dir.string() +
                             "': it exists and is not a folder (hint: name a folder)");
  std::filesystem::create_directories(dir, ec);
  if (ec)
    throw std::runtime_error("cannot create the folder '" + dir.string() + "': " + ec.message() +
                             " (hint: choose a folder you can write to)");
}

std::string file_safe_name(std::string_view name) {
  std::string out;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '_';
    out += ok ? c : '_';
  }
  if (out.empty() || out.front() == '.') out.insert(0, "_");
  return out;
}

}  // namespace tlsclub
