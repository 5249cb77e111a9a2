#pragma once
// A REDCap records export (the CSV raw export, or the API's flat JSON records) read once to find
// every row and its record, then again one record at a time (redcap_records.cpp).

#include <iptkit/import/csv.hpp>
#include <iptkit/import/import_issue.hpp>
#include <iptkit/import/tables.hpp>
#include <iptkit/json/read_options.hpp>

#include <boost/json/value.hpp>
#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace iptkit::redcap_detail {

// The records, read once to find every row and its record, then again one record at a time, so
// that memory holds the text and a few numbers per row, never every cell at once.
struct records_table {
  struct row_ref {
    std::pair<std::size_t, std::size_t> at;  // CSV: offset and line; JSON: index
    std::size_t line = 0;                    // 0 for JSON
    std::size_t number = 0;                  // 1-based data row
  };
  std::vector<std::string> header;
  std::vector<row_ref> rows;
  std::vector<std::string> record_ids;              // in order of first appearance
  std::vector<std::vector<std::uint32_t>> rows_of;  // record -> its rows, in file order
  std::vector<std::string> events, repeating;       // the distinct events and repeating instruments
  std::vector<std::string> broken;                  // records with a malformed row
  std::size_t malformed = 0, unplaced = 0;          // malformed rows; those whose record cannot be read
  std::uint32_t last_record = static_cast<std::uint32_t>(-1);
  bool usable = false;
  std::optional<csv_reader> reader;
  boost::json::value doc;  // JSON records
  std::unordered_map<std::string_view, std::size_t> json_column;
  std::deque<std::string> scratch;

  long column(std::string_view name) const {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<long>(it - header.begin());
  }

  static void add(std::vector<std::string>& distinct, std::string_view v) {
    if (std::find(distinct.begin(), distinct.end(), v) == distinct.end()) distinct.emplace_back(v);
  }

  // Notes a well-formed row; one without a record id is reported and left out.
  void row(std::pair<std::size_t, std::size_t> at, std::size_t line, const std::vector<csv_cell_view>& cells,
           long rec, long ev, long ri, std::unordered_map<std::string, std::uint32_t>& index,
           const std::string& source, const std::string& rec_name, std::vector<import_issue>& errors);

  // Reads the records (CSV, or the API's flat JSON when the text starts with `[`).
  void open(const csv_source& in, const std::string& rec_name, std::vector<import_issue>& errors,
            const read_options& limits);

  void load_json(std::size_t i, std::vector<csv_cell_view>& cells);

  // The cells of one record's rows.
  void load(const std::vector<std::uint32_t>& ids, std::vector<std::vector<csv_cell_view>>& out);
};

}  // namespace iptkit::redcap_detail
