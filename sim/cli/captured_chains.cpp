#include "cli/captured_chains.h"

namespace tlsclub::cli {

namespace {

// RFC 5246 7.4.2 ASN.1Cert and RFC 8446 4.4.2 cert_data: a 3-byte length, then the DER. The
// decoded field covers both (decode/field.h), so the DER is what follows the length.
constexpr std::size_t kLengthPrefix = 3;

void add_certificate(CapturedChain& chain, const DecodedMessage& message, const Field& field) {
  if (field.length <= kLengthPrefix || field.offset + field.length > message.bytes.size()) return;
  const auto* der = message.bytes.data() + field.offset + kLengthPrefix;
  try {
    chain.certificates.emplace_back(der, field.length - kLengthPrefix);
  } catch (const std::exception& e) {
    chain.unreadable.push_back(e.what());
  }
}

CapturedChain chain_of(const capture::OpenedRecord& record, const DecodedMessage& message) {
  CapturedChain chain{record.from, {}, record.timestamp_ns, record.index, {}};
  for (const auto& field : message.fields) {
    if (field.name != "certificate_list") continue;
    for (const auto& item : field.children) {
      if (item.name == "certificate") add_certificate(chain, message, item);
      for (const auto& part : item.children)
        if (part.name == "cert_data") add_certificate(chain, message, part);
    }
  }
  return chain;
}

}  // namespace

std::vector<CapturedChain> captured_chains(const capture::OpenedConnection& connection) {
  std::vector<CapturedChain> out;
  for (const auto& record : connection.records)
    for (const auto& message : record.messages)
      if (message.name == "certificate") out.push_back(chain_of(record, message));
  return out;
}

}  // namespace tlsclub::cli
