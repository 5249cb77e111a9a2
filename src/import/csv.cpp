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
  else if (e.row) out += (out.empty() ? "row " : " row ") + std::to_string(*e.row);
  if (!out.empty()) out += ": ";
  std::string where;
  if (!e.record.empty()) where += "record " + e.record;
  if (!e.event.empty()) where += (where.empty() ? "event " : ", event ") + e.event;
  if (e.instance) where += (where.empty() ? "instance " : ", instance ") + std::to_string(*e.instance);
  if (!where.empty()) out += where + ": ";
  if (!e.field.empty()) out += e.field + ": ";
  if (!e.case_id.empty()) out += "case " + e.case_id + ": ";
  out += e.message;
  return out;
}

namespace {

// The offset of the first byte that does not belong to well-formed UTF-8, or text.size().
std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > text.size()) return i;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return i;
    if (n == 2 && b < 0xC2) return i;  // overlong
    if (n == 3) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      if ((b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0)) return i;  // overlong, surrogate
    }
    if (n == 4) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      if ((b == 0xF0 && b1 < 0x90) || b > 0xF4 || (b == 0xF4 && b1 >= 0x90)) return i;
    }
    i += n;
  }
  return i;
}

struct csv_scanner {
  std::string_view text;
  std::string_view source;
  std::vector<import_issue>& errors;
  std::size_t pos = 0;
  std::size_t line = 1;

  void error(std::size_t at_line, std::string message) {
    errors.push_back({std::string(source), at_line, std::nullopt, "", "", "", import_error_kind::syntax, std::nullopt,
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
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF") ||
      (text.size() >= 2 && (text[0] == '\0' || text[1] == '\0'))) {
    errors.push_back({std::string(source), 1, std::nullopt, "", "", "", import_error_kind::syntax, std::nullopt,
                      "the file is UTF-16, not UTF-8: save it as \"CSV UTF-8\""});
    return table;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (const auto bad = first_invalid_utf8(text); bad < text.size()) {
    const auto line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(bad), '\n'));
    errors.push_back({std::string(source), line, std::nullopt, "", "", "", import_error_kind::syntax, std::nullopt,
                      "bytes that are not UTF-8 (a file saved as Windows-1252 or Latin-1?): save it as \"CSV UTF-8\""});
    return table;
  }
  csv_scanner s{text, source, errors};
  std::vector<csv_cell> cells;
  std::size_t line = 0;
  bool ok = true;
  if (!s.record(cells, line, ok) || !ok) {
    if (ok) s.error(1, "no header row");
    return table;
  }
  if (cells.size() == 1 && (cells[0].text.find(';') != std::string::npos || cells[0].text.find('\t') != std::string::npos)) {
    s.error(line, "the header is one column holding `;` or a tab: iptkit reads comma-separated CSV (RFC 4180)");
    return table;
  }
  // Nameless columns at the end: a spreadsheet's trailing commas, dropped when their cells are empty.
  std::size_t trailing = 0;
  while (trailing < cells.size() && cells[cells.size() - 1 - trailing].absent()) ++trailing;
  if (trailing == cells.size()) trailing = 0;  // no name at all: reported below
  const auto header_errors = errors.size();
  std::set<std::string, std::less<>> seen;
  for (std::size_t i = 0; i + trailing < cells.size(); ++i) {
    auto& c = cells[i];
    if (c.text.empty()) s.error(line, "an empty column name in the header");
    else if (!seen.insert(c.text).second) s.error(line, "column `" + c.text + "` appears twice in the header");
    table.header.push_back(std::move(c.text));
  }
  table.usable = errors.size() == header_errors && !table.header.empty();
  const std::size_t width = table.header.size();
  while (s.record(cells, line, ok, width + trailing)) {
    if (!ok) continue;
    if (cells.size() == 1 && cells[0].absent()) continue;  // a blank line
    if (cells.size() == width + trailing && trailing > 0) {
      const bool empty = std::all_of(cells.begin() + static_cast<long>(width), cells.end(),
                                     [](const csv_cell& c) { return c.absent(); });
      if (!empty) {
        s.error(line, "a cell under a column with no name");
        table.malformed.push_back({line, 0, std::move(cells)});
        cells = {};
        continue;
      }
      cells.resize(width);
    }
    if (cells.size() != width) {
      s.error(line, "the row has " + std::to_string(cells.size()) + " cells where the header has " +
                        std::to_string(width));
      table.malformed.push_back({line, 0, std::move(cells)});
      cells = {};
      continue;
    }
    table.rows.push_back({line, table.rows.size() + 1, std::move(cells)});
    cells = {};
  }
  return table;
}

}  // namespace iptkit
