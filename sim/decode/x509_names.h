#pragma once
// Names of X.509 object identifiers (oid_names.cpp). Internal to sim/decode.

#include <string>
#include <string_view>

namespace tlsclub::decode_detail {

// "serverAuth" for "1.3.6.1.5.5.7.3.1", "CN" for "2.5.4.3"; empty when unknown.
std::string_view oid_name(std::string_view dotted);
// "1.3.6.1.5.5.7.3.1 (serverAuth)", or the dotted form alone when unknown.
std::string oid_with_name(const std::string& dotted);

}  // namespace tlsclub::decode_detail
