// A small RFC 4180 reader: quoted cells may hold commas, quotes ("") and line breaks.
#include <iptkit/import/csv.hpp>

#include <algorithm>
#include <set>

namespace iptkit {

long csv_table::column(std::string_view name) const noexcept {
  const auto it = std::find(header.begin(), header.end(), name);
  return it == header.end() ? -1 : static_cast<long>(it - header.begin());
}

std::string to_string(const import_issue& e) {
  std::string out = e.source;
  if (e.line) out += (out.empty() ? "line " : ":") + std::to_string(*e.line);
  if (!out.empty()) out += ": ";
  if (!e.field.empty()) out += e.field + ": ";
  if (!e.case_id.empty()) out += "case " + e.case_id + ": ";
  out += e.message;
  return out;
}

namespace {

struct csv_scanner {
  std::string_view text;
  std::string_view source;
  std::vector<import_issue>& errors;
  std::size_t pos = 0;
  std::size_t line = 1;

  void error(std::size_t at_line, std::string message) {
    errors.push_back({std::string(source), at_line, "", "", "", import_error_kind::syntax, std::nullopt,
                      std::move(message)});
  }

  bool at_end() const { return pos >= text.size(); }

  // Reads one record's cells; false at the end of the input. A malformed record is skipped to
  // its line end and reported; `ok` says whether it was well formed.
  bool record(std::vector<csv_cell>& cells, std::size_t& start_line, bool& ok, std::size_t width = 0) {
    cells.clear();
    cells.reserve(width);
    ok = true;
    if (at_end()) return false;
    start_line = line;
    for (;;) {
      csv_cell cell;
      if (pos < text.size() && text[pos] == '"') {
        cell.quoted = true;
        ++pos;
        for (;;) {
          if (pos >= text.size()) {
            error(start_line, "a quoted cell is not closed before the end of the file");
            ok = false;
            return true;
          }
          const char ch = text[pos++];
          if (ch == '"') {
            if (pos < text.size() && text[pos] == '"') {
              cell.text += '"';
              ++pos;
              continue;
            }
            break;
          }
          if (ch == '\n') ++line;
          cell.text += ch;
        }
        if (pos < text.size() && text[pos] != ',' && text[pos] != '\r' && text[pos] != '\n') {
          error(line, "text after the closing quote of a cell");
          ok = false;
          skip_line();
          return true;
        }
      } else {
        const auto end = text.find_first_of(",\r\n\"", pos);
        const auto stop = end == std::string_view::npos ? text.size() : end;
        cell.text.assign(text.substr(pos, stop - pos));
        pos = stop;
        if (pos < text.size() && text[pos] == '"') {
          error(line, "a quote inside an unquoted cell (quote the cell and double the quote)");
          ok = false;
          skip_line();
          return true;
        }
      }
      cells.push_back(std::move(cell));
      if (pos >= text.size()) return true;
      if (text[pos] == ',') {
        ++pos;
        continue;
      }
      // A line end: CRLF or LF (a lone CR too).
      if (text[pos] == '\r') ++pos;
      if (pos < text.size() && text[pos] == '\n') ++pos;
      ++line;
      return true;
    }
  }

  void skip_line() {
    while (pos < text.size() && text[pos] != '\n') ++pos;
    if (pos < text.size()) ++pos;
    ++line;
  }
};

}  // namespace

csv_table parse_csv(std::string_view text, std::string_view source, std::vector<import_issue>& errors) {
  csv_table table;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  csv_scanner s{text, source, errors};
  std::vector<csv_cell> cells;
  std::size_t line = 0;
  bool ok = true;
  if (!s.record(cells, line, ok) || !ok) {
    if (ok) s.error(1, "no header row");
    return table;
  }
  std::set<std::string, std::less<>> seen;
  for (auto& c : cells) {
    if (c.text.empty()) s.error(line, "an empty column name in the header");
    else if (!seen.insert(c.text).second) s.error(line, "column `" + c.text + "` appears twice in the header");
    table.header.push_back(std::move(c.text));
  }
  while (s.record(cells, line, ok, table.header.size())) {
    if (!ok) continue;
    if (cells.size() == 1 && cells[0].absent()) continue;  // a blank line
    if (cells.size() != table.header.size()) {
      s.error(line, "the row has " + std::to_string(cells.size()) + " cells where the header has " +
                        std::to_string(table.header.size()));
      continue;
    }
    table.rows.push_back({line, std::move(cells)});
    cells = {};
  }
  return table;
}

}  // namespace iptkit
