#pragma once
/// @file
/// @brief Spreadsheet-safe CSV text cells (OWASP "CSV Injection"): a text cell that a spreadsheet
/// would run as a formula is written with a leading apostrophe, reversibly, so that reading the
/// table back gives every value as it was (docs/interop.md, "Spreadsheet safety").

#include <boost/describe.hpp>
#include <string>
#include <string_view>

namespace iptkit {

/// @brief The first characters that make Excel, LibreOffice and Google Sheets take a cell as a
/// formula: `=`, `+`, `-`, `@`, tab and carriage return.
inline constexpr std::string_view formula_triggers = "=+-@\t\r";

/// @brief How the text cells of a CSV are written.
struct csv_options {
  /// @brief Write text cells exactly as they are. Off (the default): a text cell that begins with
  /// one of formula_triggers gets a leading `'`, as does one that begins with `'` followed by a
  /// trigger or another `'` (see spreadsheet_safe()). Numbers, dates and booleans are never changed.
  bool raw_cells = false;
};
BOOST_DESCRIBE_STRUCT(csv_options, (), (raw_cells))

namespace csv_detail {
/// @brief True when `text` begins as a text cell that spreadsheet_safe() changes.
constexpr bool needs_apostrophe(std::string_view text) noexcept {
  if (text.empty()) return false;
  if (formula_triggers.find(text[0]) != std::string_view::npos) return true;
  // An apostrophe already there is escaped too, so that spreadsheet_value() can undo every change.
  return text[0] == '\'' && text.size() > 1 &&
         (text[1] == '\'' || formula_triggers.find(text[1]) != std::string_view::npos);
}
}  // namespace csv_detail

/// @brief A text value as a spreadsheet-safe cell: `'` prepended when it begins with a formula
/// trigger (`=1+1` -> `'=1+1`), or with `'` followed by a trigger or `'` (`'=x` -> `''=x`);
/// otherwise the text unchanged. spreadsheet_value() is its inverse.
inline std::string spreadsheet_safe(std::string_view text) {
  std::string out;
  if (csv_detail::needs_apostrophe(text)) out += '\'';
  out += text;
  return out;
}

/// @brief The value of a cell that spreadsheet_safe() wrote: one leading `'` removed when a
/// trigger or another `'` follows it; any other text unchanged.
constexpr std::string_view spreadsheet_value(std::string_view cell) noexcept {
  if (cell.size() > 1 && cell[0] == '\'' && csv_detail::needs_apostrophe(cell.substr(1))) cell.remove_prefix(1);
  return cell;
}

}  // namespace iptkit
