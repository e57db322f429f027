#pragma once
// One thing wrong with a scenario or lesson file, as both loaders report it and the CLI and the
// app print it.

#include <string>

namespace tlsclub {

// Located where toml++ saw it (1-based; 0 when the file itself could not be read). `id` is stable
// ("unknown-key", "bad-date", ...: load/error_ids.h and the doc).
struct LoadError {
  std::string file;
  int line = 0;
  int column = 0;
  std::string id;
  std::string message;
  std::string hint;  // may be empty
  // "file:line:col: error[id]: message (hint)"
  std::string to_string() const;
};

}  // namespace tlsclub
