#pragma once
// What a run adds on top of its scenario: wire faults (from the scenario file, or a student's
// "what if" on one record).

#include <vector>

#include "wire/fault.h"

namespace tlsclub {

struct RunOptions {
  std::vector<WireFault> faults;
};

}  // namespace tlsclub
