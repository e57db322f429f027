#pragma once
// The club's words and the TLS terms they stand for: one vocabulary for the UI's club level, the
// lessons and the docs (docs/glossary.md is generated from this table; a test compares).

#include <span>
#include <string>
#include <string_view>

namespace tlsclub {

struct GlossaryEntry {
  std::string_view club;     // "the badge on the door"
  std::string_view tls;      // "server certificate"
  std::string_view meaning;  // one or two sentences: what it is and what it is not
  std::string_view see;      // the catalogue key that explains it ("message.certificate"), or ""
};

// In teaching order (the club, its people, the paperwork, the conversation, the attacks).
std::span<const GlossaryEntry> glossary();

// docs/glossary.md: the table as a Markdown page (`tlsclub glossary` prints it).
std::string glossary_markdown();

}  // namespace tlsclub
