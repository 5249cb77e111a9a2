#pragma once
// Shared by the fuzz targets: the failure signal, and the reader oracle that the one-pass (SAX)
// reader and the DOM reader agree on every input.
#include <iptkit/json/read.hpp>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace iptkit::fuzz {

/// @brief The input's bytes as text.
inline std::string_view text_of(const std::uint8_t* data, std::size_t size) noexcept {
  return {reinterpret_cast<const char*>(data), size};
}

/// @brief Aborts (a finding for libFuzzer, a failure for the replay driver) when `ok` is false.
/// The first N parts of an input of several files, separated by form feeds (missing parts empty).
template <std::size_t N>
std::array<std::string, N> parts_of(std::string_view text) {
  std::array<std::string, N> parts;
  for (std::size_t k = 0; k < N; ++k) {
    const auto ff = text.find('\f');
    parts[k] = std::string(text.substr(0, ff));
    if (ff == std::string_view::npos) break;
    text.remove_prefix(ff + 1);
  }
  return parts;
}

inline void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "iptkit fuzz check failed: %s\n", what);
  std::abort();
}

/// @brief Reads `text` as a T with read_json() and checks that it equals the DOM reader's result
/// (value, errors, warnings), and that the one-pass reader accepts nothing the DOM reader rejects
/// or warns about, and reads the same value. Every error renders. Returns the public result.
template <class T>
result<T> read_checked(std::string_view text, const read_options& options) {
  auto pub = read_json<T>(text, options);
  const auto dom = json::detail::read_json_dom<T>(text, options);
  check(pub.has_value() == dom.has_value(), "read_json and the DOM reader disagree on success");
  if (pub) check(*pub == *dom, "read_json and the DOM reader read different values");
  check(pub.errors() == dom.errors(), "read_json and the DOM reader give different errors");
  check(pub.warnings() == dom.warnings(), "read_json and the DOM reader give different warnings");
  T fast{};
  if (json::detail::read_json_fast(text, options, fast))
    check(dom && dom.warnings().empty() && fast == *dom,
          "the one-pass reader accepts what the DOM reader rejects, or reads another value");
  for (const auto& e : pub.errors()) check(!to_string(e).empty(), "an error renders empty");
  return pub;
}

}  // namespace iptkit::fuzz
