#include "load/load_error.h"

namespace tlsclub {

std::string LoadError::to_string() const {
  std::string s = file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error[" +
                  id + "]: " + message;
  if (!hint.empty()) s += " (" + hint + ")";
  return s;
}

}  // namespace tlsclub
