#pragma once
/// @file
/// @brief Cases from a REDCap project: its records export, its data dictionary and a mapping file
/// that says which fields, events and repeating instruments make which case fields (docs/import.md).

#include <iptkit/catalog.hpp>
#include <iptkit/import/import_issue.hpp>
#include <iptkit/import/tables.hpp>
#include <iptkit/json/read_options.hpp>

namespace iptkit {

/// @brief The three inputs of a REDCap import, held in memory with their names for reports.
struct redcap_input {
  /// @brief The data dictionary: the project's metadata CSV as REDCap exports it (`Variable / Field
  /// Name`, `Form Name`, `Field Type`, ...) or as the API's `content=metadata` CSV gives it
  /// (`field_name`, `form_name`, `field_type`, ...).
  csv_source dictionary;
  /// @brief The records: the CSV export with raw codes, or the API's flat JSON records (a JSON
  /// array of objects; told apart by its first character).
  csv_source records;
  /// @brief The mapping file (JSON, `"schema": "iptkit.redcap-mapping/1"`;
  /// docs/schema/redcap-mapping.schema.json).
  csv_source mapping;
};

/// @brief How a REDCap import reads its cases.
struct redcap_options {
  read_options read;  ///< the limits and leniency of the case reader every case goes through
  /// @brief The records' lines mean something to whoever reads the report (a file). False for
  /// records rendered from a table (a DataFrame): issues and messages then give data rows only.
  bool lines = true;
};

/// @brief Builds one case per REDCap record.
///
/// First the mapping is read and checked against the dictionary (every field known, of a type
/// that fits its case field, every choice code translated or declared missing, identifier fields
/// mapped only when the mapping says so); any problem there is reported (kind `mapping`, `path`
/// the place in the mapping file) and no record is read. Then every row is read: the case fields
/// from the record's row of the case event, one list element (session, assessment, ...) per
/// instance of a repeating instrument or per event holding the form. Each case is built as a case
/// document and read by the case reader, so it meets every check a JSON case meets; each error is
/// placed at its record, event, instance and field. Columns and rows nothing read are listed in
/// import_result::unused, so nothing in the export is dropped unseen. Never throws on any input.
import_result import_redcap(const redcap_input& input, const redcap_options& options = {},
                            const catalog& cat = catalog::builtin());

}  // namespace iptkit
