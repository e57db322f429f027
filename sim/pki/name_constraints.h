#pragma once
// The nameConstraints extension (RFC 5280 4.2.1.10) for an authority's certificate: the DNS names
// it may issue for (permitted) and may not (excluded).

#include <botan/pkix_types.h>

#include <memory>
#include <string>
#include <vector>

namespace tlsclub::pki {

// A critical extension (RFC 5280 4.2.1.10: "Conforming CAs MUST mark this extension as critical")
// with dNSName subtrees; nullptr when both lists are empty.
std::unique_ptr<Botan::Certificate_Extension> name_constraints_extension(
    const std::vector<std::string>& permitted_dns, const std::vector<std::string>& excluded_dns);

}  // namespace tlsclub::pki
