#pragma once
/// @file
/// @brief Reading CSV (RFC 4180, as the tidy tables are written): a header row, then rows of
/// cells, each cell knowing whether it was quoted (a quoted empty cell is an empty text, an
/// unquoted one is absent).

#include <iptkit/import/import_issue.hpp>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iptkit {

/// @brief One cell as read.
struct csv_cell {
  std::string text;     ///< unquoted text
  bool quoted = false;  ///< the cell was quoted in the file
  /// @brief True for an empty unquoted cell: an absent value.
  [[nodiscard]] bool absent() const noexcept { return text.empty() && !quoted; }
};

/// @brief One row: the line it starts on and its cells.
struct csv_row {
  std::size_t line = 0;         ///< 1-based line of the row's first byte
  std::size_t number = 0;       ///< 1-based data row (the header not counted)
  std::vector<csv_cell> cells;  ///< one per header column
};

/// @brief A table: the header's column names and the rows.
struct csv_table {
  std::vector<std::string> header;  ///< column names, in order
  std::vector<csv_row> rows;        ///< data rows, in order
  std::vector<csv_row> malformed;   ///< rows of the wrong width, as read (each has its error)
  bool usable = false;              ///< a well-formed header was read
  /// @brief The position of column `name`, or -1.
  [[nodiscard]] long column(std::string_view name) const noexcept;
};

/// @brief Parses `text` (UTF-8, an optional byte order mark, CRLF or LF line ends) named `source`.
/// Every malformation is an error with its line: an unterminated quote, text after a closing
/// quote, a row with more or fewer cells than the header, an empty or repeated column name. A
/// row with the wrong width is kept apart (`malformed`); the rest are read. Nameless columns at
/// the end of the header whose cells are all empty (a spreadsheet's trailing comma) are dropped.
/// Never throws on any input.
csv_table parse_csv(std::string_view text, std::string_view source, std::vector<import_issue>& errors);

}  // namespace iptkit
