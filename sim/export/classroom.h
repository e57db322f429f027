#pragma once
// What a class needs to visit `tlsclub serve` with its own browsers: the town authority's
// certificate to import, made safe to import. Each classroom authority is the scenario's root
// with the same name and key (so it anchors the very chains the club sends), re-issued with a
// critical nameConstraints extension (RFC 5280 4.2.1.10) that permits only the scenario's own
// names, all under the reserved top-level names .example and .test (RFC 2606, RFC 6761). A
// student who imports it and forgets to remove it has trusted nothing on the real internet: its
// teaching key, which anyone can export, cannot vouch for any real site.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "export/certificates.h"
#include "scenario/scenario.h"

namespace tlsclub {

// A name the scenario uses that a classroom authority must not vouch for (outside .example and
// .test), or a scenario with no authority for the browser to trust.
class ClassroomError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ClassroomAuthority {
  std::string id;       // the scenario's authority id: "town_authority"
  std::string subject;  // its distinguished name, as the browser's certificate manager shows it
  std::string pem;      // the re-issued certificate, with the name constraints
};

struct ClassroomKit {
  // The DNS names the club's badges and the members use, sorted, each once (a wildcard's
  // "*." removed: the constraint covers every name below it anyway).
  std::vector<std::string> names;
  // The roots the first member trusts (a student's browser stands in for that member), in the
  // scenario's order.
  std::vector<ClassroomAuthority> authorities;
};

// True for a DNS name under .example or .test (or one of the two itself), compared without
// case and without a final dot.
bool is_classroom_name(std::string_view name);

// Throws ClassroomError naming the offending name, or saying that the first member trusts no
// authority.
ClassroomKit classroom_kit(const ScenarioSpec& spec);

// Writes, into `dir` (created when missing):
//   classroom-ID.crt.pem  each classroom authority, to import into the browsers
//   README.txt            the names it covers, the hosts-file lines, the serve command, how to
//                         import and remove the authority (docs/classroom.md has the full guide)
// Returns the files written, README.txt last. Throws ClassroomError or std::runtime_error
// (a file that cannot be written) before writing anything for a scenario that cannot be served.
std::vector<ExportedFile> export_classroom(const ScenarioSpec& spec,
                                           const std::filesystem::path& dir);

}  // namespace tlsclub
