#pragma once
/// @file
/// @brief What an importer reports: a problem, or a part of the input it did not use, with its
/// exact place in the source (file, line, column or field) and the case it belongs to.

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/json/read_error.hpp>
#include <boost/describe.hpp>
#include <compare>
#include <iosfwd>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief The kinds of import problem; the spellings are the public contract.
enum class import_error_kind {
  syntax,          ///< the source is not well-formed CSV (or a JSON cell is not JSON)
  missing_column,  ///< a column the case format needs is not in the table
  unknown_column,  ///< a column the importer does not know (allowed by import_options)
  unmatched_row,   ///< a row names a case that the cases table does not have
  duplicate_row,   ///< a second row for the same case (cases table)
  inconsistent,    ///< a derived column (or a stated total) disagrees with what the recorded values give
  invalid,         ///< the case format rejects the value (`read_kind` says how)
  mapping,         ///< the import mapping is wrong or does not fit the source (REDCap dictionary, export)
  unknown_code,    ///< a coded value the mapping has no translation for
  not_mapped,      ///< (unused) a column or row that no part of the mapping reads
  incomplete       ///< (unused) a form left out for its completion status
};
BOOST_DESCRIBE_ENUM(import_error_kind, syntax, missing_column, unknown_column, unmatched_row,
                    duplicate_row, inconsistent, invalid, mapping, unknown_code, not_mapped, incomplete)
IPTKIT_ENUM_PRINTING(import_error_kind)

/// @brief One problem of an import, or one unused column. Messages never repeat the location and
/// never echo a cell's text (cells may hold free text about a patient).
struct import_issue {
  std::string source;                   ///< the input's name (`sessions.csv`)
  std::optional<std::size_t> line;      ///< 1-based line of the row in the source; none for a whole file
  std::optional<std::size_t> row;       ///< 1-based data row (the header not counted; a DataFrame's position + 1)
  std::string field;                    ///< the column; "" for a whole row or file
  std::string case_id;                  ///< the case the row belongs to, when it has one
  std::string path;                     ///< JSON Pointer of the case field the value makes, or (kind `mapping`) of the entry in the mapping file
  import_error_kind kind{};             ///< what went wrong
  std::optional<error_kind> read_kind;  ///< for `invalid`: the case reader's kind
  std::string message;                  ///< what was expected and what was found
  std::string record;                   ///< the source's own record id (REDCap `record_id`), when it has one
  std::string event;                    ///< the REDCap event (`redcap_event_name`), when there is one
  std::optional<std::size_t> instance;  ///< the REDCap repeat instance, when the row has one
  friend bool operator==(const import_issue&, const import_issue&) = default;
  /// @brief A total order for sorting and ordered containers: the members compared in
  /// declaration order.
  friend auto operator<=>(const import_issue&, const import_issue&) = default;
};
BOOST_DESCRIBE_STRUCT(import_issue, (),
                      (source, line, row, field, case_id, path, kind, read_kind, message, record, event, instance))

/// @brief `source:line: record R, event E, instance I: field: case ID: message` on one line, the
/// parts known (`source row N` when there is a row but no line, as for a DataFrame).
std::string to_string(const import_issue& e);
/// @brief Writes to_string(e).
std::ostream& operator<<(std::ostream& os, const import_issue& e);

}  // namespace iptkit

/// @brief Hashes every member, consistent with `==`.
template <>
struct std::hash<iptkit::import_issue> {
  /// @brief The hash of `e`.
  std::size_t operator()(const iptkit::import_issue& e) const noexcept;
};
