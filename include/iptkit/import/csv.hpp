#pragma once
/// @file
/// @brief Reading CSV (RFC 4180, as the tidy tables are written): a header row, then rows of
/// cells, each cell knowing whether it was quoted (a quoted empty cell is an empty text, an
/// unquoted one is absent).

#include <iptkit/import/import_issue.hpp>
#include <cstddef>
#include <deque>
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

/// @brief One cell as the streaming reader sees it: a view of its text, in the input (or, for a
/// quoted cell with doubled quotes, in the reader's own buffer).
struct csv_cell_view {
  std::string_view text;  ///< unquoted text
  bool quoted = false;    ///< the cell was quoted in the file
  /// @brief True for an empty unquoted cell: an absent value.
  [[nodiscard]] bool absent() const noexcept { return text.empty() && !quoted; }
};

/// @brief Reads CSV one row at a time without copying its cells: the streaming form of
/// parse_csv(), with the same rules and messages. Views refer to the input, which must outlive
/// the reader, or to the reader's buffer, kept until release().
class csv_reader {
 public:
  /// @brief What next() found.
  enum class status {
    row,        ///< a well-formed row
    malformed,  ///< a row of the wrong width or a broken quote (reported; its cells as far as read)
    end         ///< no more rows
  };
  /// @brief Checks the encoding and reads the header; problems go to `errors`.
  csv_reader(std::string_view text, std::string_view source, std::vector<import_issue>& errors);
  /// @brief The column names (nameless trailing columns left out).
  [[nodiscard]] const std::vector<std::string>& header() const noexcept { return header_; }
  /// @brief A well-formed header was read.
  [[nodiscard]] bool usable() const noexcept { return usable_; }
  /// @brief The next row's cells and its first line; blank lines are skipped.
  status next(std::vector<csv_cell_view>& cells, std::size_t& line);
  /// @brief Where the next row starts: a byte offset and a line, for seek().
  [[nodiscard]] std::pair<std::size_t, std::size_t> position() const noexcept { return {pos_, line_}; }
  /// @brief Continues from a position() taken earlier (a row read again reports nothing new).
  void seek(std::pair<std::size_t, std::size_t> at) noexcept;
  /// @brief Forgets the text of the quoted cells read so far (their views dangle after this).
  void release() noexcept { buffer_.clear(); }

 private:
  bool record(std::vector<csv_cell_view>& cells, std::size_t& start_line, bool& ok);
  void skip_line();
  void error(std::size_t line, std::string message);
  std::string_view text_;
  std::string source_;
  std::vector<import_issue>* errors_;
  std::size_t pos_ = 0, line_ = 1, trailing_ = 0;
  bool usable_ = false, quiet_ = false;
  std::vector<std::string> header_;
  std::deque<std::string> buffer_;
};

/// @brief Parses `text` (UTF-8, an optional byte order mark, CRLF or LF line ends) named `source`.
/// Every malformation is an error with its line: an unterminated quote, text after a closing
/// quote, a row with more or fewer cells than the header, an empty or repeated column name. A
/// row with the wrong width is kept apart (`malformed`); the rest are read. Nameless columns at
/// the end of the header whose cells are all empty (a spreadsheet's trailing comma) are dropped.
/// Never throws on any input.
csv_table parse_csv(std::string_view text, std::string_view source, std::vector<import_issue>& errors);

}  // namespace iptkit
