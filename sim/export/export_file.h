#pragma once
// Where every export lands: never a half-written file (DESIGN rule 7), and a private key is never
// readable by others, not even for a moment (it is created with mode 0600 before a byte is
// written).

#include <filesystem>
#include <string>
#include <string_view>

namespace tlsclub {

enum class FileMode { shared, private_key };

// Writes to a temporary file next to `path`, then renames it over `path`. Throws
// std::runtime_error naming the path, the system's reason and a hint.
void write_export_file(const std::filesystem::path& path, std::string_view contents,
                       FileMode mode = FileMode::shared);

// Creates `dir` (and its parents) when missing. Throws std::runtime_error naming it when it
// cannot be made or is not a folder.
void ensure_export_folder(const std::filesystem::path& dir);

// A file name made of an id or a member's name, which a scenario may spell with spaces or slashes:
// characters other than letters, digits, '.', '-' and '_' become '_'; never hidden, never "..".
std::string file_safe_name(std::string_view name);

}  // namespace tlsclub
