#pragma once
// A scenario's paperwork as files a trainer can hand out and real tools can read (`openssl x509
// -text`, `openssl verify`, `openssl crl`, `openssl ocsp -respin`): every certificate, private key
// (mode 0600), chain, trust list, CRL and OCSP response, named after its role, with an index.txt.

#include <filesystem>
#include <string>
#include <vector>

#include "scenario/cast.h"
#include "scenario/scenario.h"

namespace tlsclub {

struct ExportedFile {
  std::filesystem::path path;
  std::string description;  // one line: what it is and whose it is
};

// Files, per role (NAME is an authority id, the club's host name or a member's name; characters
// other than letters, digits, '.', '-' and '_' become '_'):
//   NAME.crt.pem    the certificate          NAME.key.pem    its private key (0600)
//   NAME.chain.pem  what that side sends (leaf first, then intermediates, no root)
//   NAME.trust.pem  the roots that side trusts (its -CAfile)
//   ID.crl.pem      an authority's CRL       CLUB.ocsp.der / .ocsp.pem  the stapled OCSP response
//   MEMBER.impostor.crt.pem, .key.pem, .chain.pem  the badge a man in the middle shows a member
//   index.txt       this list, and openssl commands to try at the scenario's clock
// Creates `dir` when missing; throws std::runtime_error naming the path when it cannot write.
// Returns the files written, index.txt last.
std::vector<ExportedFile> export_certificates(const ScenarioSpec& spec,
                                              const std::filesystem::path& dir);
// The same, for a cast already built from `spec` (build_cast is deterministic).
std::vector<ExportedFile> export_certificates(const ScenarioSpec& spec, const Cast& cast,
                                              const std::filesystem::path& dir);

}  // namespace tlsclub
