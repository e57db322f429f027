#pragma once
// The Timeline as a human transcript: each step, each record and message with the club sentence
// and the engineer sentence, every certificate check, every secret, and the outcome.

#include <ostream>

#include "timeline/timeline.h"

namespace tlsclub {

struct TextOptions {
  bool explanations = true;  // club + engineer sentences and the RFC section
  bool fields = true;        // decoded fields of each handshake message
  bool color = false;        // ANSI colours: protection, pass/fail, alerts
};

void write_text(std::ostream& out, const Timeline& timeline, const TextOptions& options = {});

}  // namespace tlsclub
