#pragma once
// The trust anchors a command is told to use: `system` (the machine's CA bundle) or a PEM/DER
// file of authorities. Shared by tlsclub verify and tlsclub open.

#include <botan/x509cert.h>

#include <string>
#include <vector>

namespace tlsclub::cli {

// Debian and Ubuntu's bundle of the system's trusted authorities (package ca-certificates).
inline constexpr const char* kSystemBundle = "/etc/ssl/certs/ca-certificates.crt";

// `spec`: "system" or a file. Throws pki::CertFileError (located) for a bad file, and
// std::runtime_error when the system bundle is missing.
std::vector<Botan::X509_Certificate> trust_anchors(const std::string& spec);

}  // namespace tlsclub::cli
