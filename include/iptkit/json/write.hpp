#pragma once
/// @file
/// @brief Canonical JSON writing of cases and any described type.

#include <iptkit/catalog.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/measures/instrument.hpp>
#include <iptkit/json/detail/write_value.hpp>
#include <iptkit/model/protocol.hpp>
#include <string>
#include <type_traits>
#include <vector>

namespace iptkit {

/// @brief The two canonical layouts.
enum class json_style {
  pretty,   ///< two-space indent, one member per line, lists of scalars on one line; ends in "\n"
  compact   ///< one line, no spaces (a JSON Lines record, without the newline)
};

/// @brief How to write.
struct write_options {
  json_style style = json_style::pretty;  ///< layout
  /// @brief Write without check(): for tests that need a document the reader rejects. Everything
  /// else leaves it false, so that nothing is written that cannot be read back.
  bool unchecked = false;
};

/// @brief The canonical JSON of a case: fields in spec order, empty optionals and lists omitted.
/// Throws decode_error with the errors of check() when the case is not well formed (a case built
/// in code with, say, a closeness of 9, or an adaptation the catalog lacks): what is written
/// always reads back with the same catalog.
std::string write_case(const case_record& c, const write_options& options = {},
                       const catalog& cat = catalog::builtin());

/// @brief Appends the canonical JSON of a case to `out` (no allocation beyond `out`'s growth);
/// throws as write_case() does, leaving `out` unchanged.
void write_case(std::string& out, const case_record& c, const write_options& options = {},
                const catalog& cat = catalog::builtin());

/// @brief The canonical JSON of a list of protocols (the format read_protocols() reads).
std::string write_protocols(const std::vector<protocol>& protocols, const write_options& options = {});

/// @brief Throws decode_error when a case, or a case of a list (its errors' paths then start with
/// `/<index>`), is not well formed; nothing for other types. The writers' check.
void require_writable(const case_record& c, const write_options& options, const catalog& cat);
/// @copydoc require_writable(const case_record&, const write_options&, const catalog&)
void require_writable(const std::vector<case_record>& cases, const write_options& options, const catalog& cat);

namespace json::detail {
/// @brief Appends the canonical JSON array of `cases`, checked as to_json() checks it.
void write_cases(std::string& out, const std::vector<case_record>& cases, const write_options& options,
                 const catalog& cat);
}  // namespace json::detail

/// @brief The canonical JSON of any described value (outcome rows, summaries, findings, plans).
/// A case, or a list of cases, is checked first as by write_case().
template <class T>
std::string to_json(const T& value, const write_options& options = {}, const catalog& cat = catalog::builtin()) {
  std::string out;
  if constexpr (std::is_same_v<T, case_record>) write_case(out, value, options, cat);
  else if constexpr (std::is_same_v<T, std::vector<case_record>>) json::detail::write_cases(out, value, options, cat);
  else json::detail::write_document(out, value, options.style == json_style::pretty);
  return out;
}

/// @brief The canonical JSON of a list of instruments (the format read_instruments() reads).
std::string write_instruments(const std::vector<instrument>& instruments,
                              const write_options& options = {});

}  // namespace iptkit
