// Bounded reading for the decoders (see reader.h).
#include "decode/reader.h"

#include <cstdio>

namespace tlsclub::decode_detail {

namespace {

constexpr std::size_t kHexShown = 32;    // bytes shown in a value before "…"
constexpr std::size_t kListShown = 100;  // characters of a joined list before counting instead

std::string field_key(std::string_view name) {
  return "field." + std::string(name);
}

}  // namespace

bool Cursor::need(std::size_t n, std::string_view what) {
  if (left() >= n) return true;
  decoder_->fail("truncated: " + std::string(what) + " needs " + byte_count(n) + " at offset " +
                 std::to_string(pos_) + ", only " + std::to_string(left()) + " left");
  return false;
}

std::uint32_t Cursor::number(std::size_t width) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < width; ++i) value = (value << 8) | decoder_->bytes[pos_ + i];
  pos_ += width;
  return value;
}

std::string hex_value(ByteView bytes) {
  if (bytes.empty()) return "(empty)";
  if (bytes.size() <= kHexShown) return to_hex(bytes);
  return to_hex(bytes.first(kHexShown)) + "… (" + byte_count(bytes.size()) + ")";
}

std::string hex16(std::uint16_t value) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%04x", static_cast<unsigned>(value));
  return text;
}

std::string hex8(std::uint8_t value) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02x", static_cast<unsigned>(value));
  return text;
}

std::string named16(const std::string& name, std::uint16_t value) {
  const std::string hex = hex16(value);
  return name == hex ? hex : name + " (" + hex + ")";
}

std::string named8(const std::string& name, std::uint8_t value) {
  return name + " (" + std::to_string(value) + ")";
}

std::string byte_count(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " byte" : " bytes");
}

std::string list_value(const std::vector<Field>& items, std::string_view noun) {
  if (items.empty()) return "(empty)";
  std::string joined;
  for (const Field& item : items) {
    if (!joined.empty()) joined += ", ";
    joined += item.value;
    if (joined.size() > kListShown) return std::to_string(items.size()) + " " + std::string(noun);
  }
  return joined;
}

std::string text_value(ByteView bytes) {
  if (bytes.empty()) return "(empty)";
  for (const std::uint8_t b : bytes) {
    if (b < 0x20 || b > 0x7e) return hex_value(bytes);
  }
  return std::string(bytes.begin(), bytes.end());
}

std::string describe_version(std::uint32_t value) {
  const auto version = static_cast<std::uint16_t>(value);
  const std::string name = version_name(version);
  const std::string hex = hex16(version);
  return name == hex ? hex : hex + " (" + name + ")";
}

std::string describe_group(std::uint32_t value) {
  const auto group = static_cast<std::uint16_t>(value);
  return named16(group_name(group), group);
}

std::string describe_scheme(std::uint32_t value) {
  const auto scheme = static_cast<std::uint16_t>(value);
  return named16(signature_scheme_name(scheme), scheme);
}

std::string describe_suite(std::uint32_t value) {
  const auto suite = static_cast<std::uint16_t>(value);
  return named16(cipher_suite_name(suite), suite);
}

std::string describe_hex(std::uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%08x", static_cast<unsigned>(value));
  return text;
}

Field make_field(std::string_view name, std::string value, std::size_t offset, std::size_t length,
                 std::string key) {
  Field field;
  field.name = name;
  field.value = std::move(value);
  field.offset = offset;
  field.length = length;
  field.explain_key = key.empty() ? field_key(name) : std::move(key);
  return field;
}

void add_undecoded(Cursor& c, std::vector<Field>& out) {
  if (c.done()) return;
  const std::size_t n = c.left();
  out.push_back(make_field("undecoded", hex_value(c.peek(n)), c.pos(), n));
  c.advance(n);
}

bool expect_end(Cursor& c, std::vector<Field>& out, std::string_view what) {
  if (c.done()) return true;
  c.decoder().fail(std::string(what) + ": " + byte_count(c.left()) + " left over at offset " +
                   std::to_string(c.pos()));
  add_undecoded(c, out);
  return false;
}

std::optional<std::uint32_t> take_number(Cursor& c, std::vector<Field>& out, std::size_t width,
                                         std::string_view name, Describe describe) {
  if (!c.need(width, name)) {
    add_undecoded(c, out);
    return std::nullopt;
  }
  const std::size_t at = c.pos();
  const std::uint32_t value = c.number(width);
  out.push_back(make_field(name, describe ? describe(value) : std::to_string(value), at, width));
  return value;
}

std::optional<ByteView> take_fixed(Cursor& c, std::vector<Field>& out, std::size_t n,
                                   std::string_view name) {
  if (!c.need(n, name)) {
    add_undecoded(c, out);
    return std::nullopt;
  }
  const ByteView bytes = c.peek(n);
  out.push_back(make_field(name, hex_value(bytes), c.pos(), n));
  c.advance(n);
  return bytes;
}

ByteView take_rest(Cursor& c, std::vector<Field>& out, std::string_view name) {
  const ByteView bytes = c.peek(c.left());
  out.push_back(make_field(name, hex_value(bytes), c.pos(), bytes.size()));
  c.advance(bytes.size());
  return bytes;
}

std::optional<Vector> open_vector(Cursor& c, std::vector<Field>& out, std::size_t prefix,
                                  std::string_view name) {
  const std::size_t start = c.pos();
  if (!c.need(prefix, std::string(name) + " length")) {
    add_undecoded(c, out);
    return std::nullopt;
  }
  const std::size_t length = c.number(prefix);
  if (length > c.left()) {
    c.decoder().fail("truncated: " + std::string(name) + " says " + byte_count(length) +
                     " at offset " + std::to_string(start) + ", only " + std::to_string(c.left()) +
                     " left");
    c.advance(c.left());
    out.push_back(
        make_field(name, "truncated: says " + byte_count(length), start, c.pos() - start));
    return std::nullopt;
  }
  Cursor content(c.decoder(), c.pos(), c.pos() + length);
  c.advance(length);
  return Vector{make_field(name, "", start, prefix + length), content};
}

std::optional<ByteView> take_opaque(Cursor& c, std::vector<Field>& out, std::size_t prefix,
                                    std::string_view name) {
  auto vector = open_vector(c, out, prefix, name);
  if (!vector) return std::nullopt;
  const ByteView bytes = vector->content.peek(vector->content.left());
  vector->field.value = hex_value(bytes);
  out.push_back(std::move(vector->field));
  return bytes;
}

bool take_number_list(Cursor& c, std::vector<Field>& out, std::size_t prefix, std::string_view name,
                      std::size_t width, std::string_view item, Describe describe,
                      std::string_view noun) {
  auto vector = open_vector(c, out, prefix, name);
  if (!vector) return false;
  Cursor& content = vector->content;
  auto& items = vector->field.children;
  while (content.left() >= width) take_number(content, items, width, item, describe);
  vector->field.value = list_value(items, noun);
  expect_end(content, items, name);
  out.push_back(std::move(vector->field));
  return true;
}

}  // namespace tlsclub::decode_detail
