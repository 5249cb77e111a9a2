#pragma once
/// @file
/// @brief Cases from tidy tables: the inverse of make_tidy_tables() / `convert --to csv`.

#include <iptkit/catalog.hpp>
#include <iptkit/import/import_issue.hpp>
#include <iptkit/json/read_options.hpp>
#include <iptkit/model/case_record.hpp>
#include <boost/describe.hpp>
#include <cstddef>
#include <string>
#include <vector>

namespace iptkit {

/// @brief One input table held in memory: its name for messages (a path, `sessions.csv`) and its
/// CSV text. An empty name means the table was not given: it has no rows.
struct csv_source {
  std::string name;  ///< the table's name in reports; "" when not given
  std::string text;  ///< its CSV text
};

/// @brief The four input tables (the outcomes table is derived and never read).
struct tidy_csv_input {
  csv_source cases;          ///< one row per case (required)
  csv_source sessions;       ///< one row per session
  csv_source assessments;    ///< one row per assessment
  csv_source relationships;  ///< one row per inventory relationship
};

/// @brief How strict an import is.
struct import_options {
  /// @brief Columns the importer does not know are allowed and listed in import_result::unused
  /// (otherwise each is an error).
  bool keep_unknown_columns = false;
  /// @brief Cells are taken as written. Off (the default): one leading `'` is removed where a
  /// formula trigger or another `'` follows it, undoing the spreadsheet safety of tidy_csv()
  /// (spreadsheet_value()); on: for tables written with csv_options::raw_cells.
  bool raw_cells = false;
  read_options read;  ///< the limits and leniency of the case reader every case goes through
};

/// @brief The cases an import made, and everything it found.
struct import_result {
  std::vector<case_record> cases;    ///< the cases without errors, in the order of the cases table
  std::vector<import_issue> errors;  ///< every problem; a case with any is not in `cases`
  std::vector<import_issue> unused;  ///< columns that were read by nobody (only with keep_unknown_columns)
  std::size_t rows_read = 0;         ///< data rows read, all tables
  /// @brief True when nothing went wrong.
  [[nodiscard]] bool ok() const noexcept { return errors.empty(); }
  friend bool operator==(const import_result&, const import_result&) = default;
};
BOOST_DESCRIBE_STRUCT(import_result, (), (cases, errors, unused, rows_read))

/// @brief Builds cases from the tidy tables, as written by `make_tidy_tables` with
/// `tidy_options::complete` (which gives the same canonical documents back byte for byte) or by
/// hand with the recorded columns (docs/import.md lists them).
///
/// Rows join to their case by `case_id`; within a case they keep the tables' order. Every case is
/// built as a case document and read by the case reader (the catalog's protocols, `options.read`),
/// so it meets the same checks as a JSON case, each error placed at its table, line and column.
/// Derived columns (counts, days, the scored total, bands, `person`) are optional; when present
/// they must agree with the recorded ones (kind `inconsistent`). Tables without dates (written
/// with `dates = false`) cannot be imported: days alone do not give calendar dates.
/// Never throws on any input.
import_result import_tables(const tidy_csv_input& input, const import_options& options = {},
                            const catalog& cat = catalog::builtin());

}  // namespace iptkit
