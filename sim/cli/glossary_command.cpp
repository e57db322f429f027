// tlsclub glossary: the club's words and the TLS terms they stand for, as Markdown (the same text
// as docs/glossary.md).
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"
#include "explain/glossary.h"

namespace tlsclub::cli {

CLI::App* add_glossary_command(CLI::App& app) {
  return app.add_subcommand(
      "glossary",
      "Print the glossary (Markdown): each word of the club (badge, card, bouncer, seal...) and\n"
      "the TLS term it stands for, what it is and what it is not. Same text as docs/glossary.md.");
}

int glossary_command() {
  std::cout << glossary_markdown();
  return kExitOk;
}

}  // namespace tlsclub::cli
