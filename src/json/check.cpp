#include <iptkit/json/check.hpp>

#include <iptkit/json/detail/check_value.hpp>

#include <cstdint>
#include <cstring>

namespace iptkit {

namespace json::detail {

bool is_utf8(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    // Eight ASCII bytes at a time: the common case of clinical text.
    if (end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      if (!(w & 0x8080808080808080ULL)) {
        p += 8;
        continue;
      }
    }
    const unsigned char b = *p;
    if (b < 0x80) {
      ++p;
      continue;
    }
    std::size_t n;
    std::uint32_t cp;
    if (b >= 0xC2 && b <= 0xDF) n = 1, cp = b & 0x1Fu;
    else if (b >= 0xE0 && b <= 0xEF) n = 2, cp = b & 0x0Fu;
    else if (b >= 0xF0 && b <= 0xF4) n = 3, cp = b & 0x07u;
    else return false;  // a continuation byte first, an overlong C0/C1, or past F4
    if (static_cast<std::size_t>(end - p) <= n) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if ((p[k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[k] & 0x3Fu);
    }
    if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;  // overlong, a surrogate, or beyond Unicode
    p += n + 1;
  }
  return true;
}

}  // namespace json::detail

std::vector<read_error> check(const case_record& c, const read_options& options, const catalog& cat) {
  return json::detail::check_errors(c, options, cat.protocols);
}

namespace {
// A protocol or instrument names no registry entry, so its check consults none; and the built-in
// catalog checks its own entries while it is being built, so it must not be asked for here.
const protocol_registry& no_protocols() {
  static const protocol_registry none{};
  return none;
}
}  // namespace

std::vector<read_error> check(const protocol& p, const read_options& options) {
  return json::detail::check_errors(p, options, no_protocols());
}

std::vector<read_error> check(const instrument& i, const read_options& options) {
  return json::detail::check_errors(i, options, no_protocols());
}

bool is_well_formed(const case_record& c, const read_options& options, const catalog& cat) {
  return json::detail::is_well_formed(c, options, cat.protocols);
}

namespace {

template <class Cases, class Get>
void require_all(const Cases& cases, const read_options& options, std::size_t first_index, const catalog& cat,
                 Get get) {
  std::vector<read_error> errors;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const case_record& c = get(cases[i]);
    if (is_well_formed(c, options, cat)) continue;
    for (auto& e : check(c, options, cat)) {
      e.path.insert(0, std::to_string(first_index + i));  // two inserts: GCC 12's -Wrestrict at -O3
      e.path.insert(0, 1, '/');
      errors.push_back(std::move(e));
    }
  }
  if (!errors.empty()) throw decode_error(std::move(errors));
}

}  // namespace

void require_well_formed(std::span<const case_record> cases, const read_options& options, std::size_t first_index,
                         const catalog& cat) {
  require_all(cases, options, first_index, cat, [](const case_record& c) -> const case_record& { return c; });
}

void require_well_formed(std::span<const case_record* const> cases, const read_options& options,
                         std::size_t first_index, const catalog& cat) {
  require_all(cases, options, first_index, cat, [](const case_record* c) -> const case_record& { return *c; });
}

void require_well_formed(const case_record& c, const read_options& options, const catalog& cat) {
  if (is_well_formed(c, options, cat)) return;
  auto errors = check(c, options, cat);
  if (!errors.empty()) throw decode_error(std::move(errors));
}

}  // namespace iptkit
