// A small RFC 4180 reader: quoted cells may hold commas, quotes ("") and line breaks.
#include <iptkit/import/csv.hpp>

#include <algorithm>
#include <set>
#include <string_view>

namespace iptkit {

long csv_table::column(std::string_view name) const noexcept {
  const auto it = std::find(header.begin(), header.end(), name);
  return it == header.end() ? -1 : static_cast<long>(it - header.begin());
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

}  // namespace

void csv_reader::error(std::size_t at_line, std::string message) {
  if (quiet_) return;
  errors_->push_back({source_, at_line, std::nullopt, "", "", "", import_error_kind::syntax, std::nullopt,
                      std::move(message)});
}

void csv_reader::skip_line() {
  while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
  if (pos_ < text_.size()) ++pos_;
  ++line_;
}

// Reads one record's cells; false at the end of the input. A malformed record is skipped to its
// line end and reported; `ok` says whether it was well formed.
bool csv_reader::record(std::vector<csv_cell_view>& cells, std::size_t& start_line, bool& ok) {
  cells.clear();
  ok = true;
  if (pos_ >= text_.size()) return false;
  start_line = line_;
  const std::string_view text = text_;
  for (;;) {
    csv_cell_view cell;
    if (pos_ < text.size() && text[pos_] == '"') {
      cell.quoted = true;
      const std::size_t from = ++pos_;
      std::string* unescaped = nullptr;  // only for a cell with doubled quotes
      std::size_t piece = from;
      for (;;) {
        const auto q = text.find('"', pos_);
        if (q == std::string_view::npos) {
          line_ += static_cast<std::size_t>(std::count(text.begin() + static_cast<long>(pos_), text.end(), '\n'));
          pos_ = text.size();
          error(start_line, "a quoted cell is not closed before the end of the file");
          ok = false;
          return true;
        }
        line_ += static_cast<std::size_t>(std::count(text.begin() + static_cast<long>(pos_), text.begin() + static_cast<long>(q), '\n'));
        pos_ = q + 1;
        if (pos_ < text.size() && text[pos_] == '"') {  // a doubled quote: one quote of the text
          if (!unescaped) unescaped = &buffer_.emplace_back();
          unescaped->append(text.substr(piece, pos_ - piece));
          piece = ++pos_;
          continue;
        }
        if (unescaped) {
          unescaped->append(text.substr(piece, q - piece));
          cell.text = *unescaped;
        } else {
          cell.text = text.substr(from, q - from);
        }
        break;
      }
      if (pos_ < text.size() && text[pos_] != ',' && text[pos_] != '\r' && text[pos_] != '\n') {
        error(line_, "text after the closing quote of a cell");
        ok = false;
        skip_line();
        return true;
      }
    } else {
      const auto end = text.find_first_of(",\r\n\"", pos_);
      const auto stop = end == std::string_view::npos ? text.size() : end;
      cell.text = text.substr(pos_, stop - pos_);
      pos_ = stop;
      if (pos_ < text.size() && text[pos_] == '"') {
        error(line_, "a quote inside an unquoted cell (quote the cell and double the quote)");
        ok = false;
        skip_line();
        return true;
      }
    }
    cells.push_back(cell);
    if (pos_ >= text.size()) return true;
    if (text[pos_] == ',') {
      ++pos_;
      continue;
    }
    // A line end: CRLF or LF (a lone CR too).
    if (text[pos_] == '\r') ++pos_;
    if (pos_ < text.size() && text[pos_] == '\n') ++pos_;
    ++line_;
    return true;
  }
}

csv_reader::csv_reader(std::string_view text, std::string_view source, std::vector<import_issue>& errors)
    : source_(source), errors_(&errors) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF") ||
      (text.size() >= 2 && (text[0] == '\0' || text[1] == '\0'))) {
    error(1, "the file is UTF-16, not UTF-8: save it as \"CSV UTF-8\"");
    return;
  }
  if (text.starts_with("PK\x03\x04")) {
    error(1, "an Excel workbook (.xlsx), not CSV: save it as \"CSV UTF-8 (comma delimited)\"");
    return;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (const auto bad = first_invalid_utf8(text); bad < text.size()) {
    const auto line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(bad), '\n'));
    error(line, "bytes that are not UTF-8 (a file saved as Windows-1252 or Latin-1?): save it as \"CSV UTF-8\"");
    return;
  }
  text_ = text;
  {  // A header separated by semicolons or tabs (outside quotes) rather than commas: another dialect.
    std::size_t commas = 0, others = 0;
    bool quoted = false;
    for (const char ch : text.substr(0, text.find('\n'))) {
      if (ch == '"') quoted = !quoted;
      else if (!quoted && ch == ',') ++commas;
      else if (!quoted && (ch == ';' || ch == '\t')) ++others;
    }
    if (others > commas) {
      error(1, "the header is separated by `;` or tabs: iptkit reads comma-separated CSV (RFC 4180); save the file "
               "as \"CSV UTF-8 (comma delimited)\"");
      pos_ = text_.size();
      return;
    }
  }
  std::vector<csv_cell_view> cells;
  std::size_t line = 0;
  bool ok = true;
  if (!record(cells, line, ok) || !ok) {
    if (ok) error(1, "no header row");
    pos_ = text_.size();
    return;
  }
  // Nameless columns at the end: a spreadsheet's trailing commas, dropped when their cells are empty.
  while (trailing_ < cells.size() && cells[cells.size() - 1 - trailing_].absent()) ++trailing_;
  if (trailing_ == cells.size()) trailing_ = 0;  // no name at all: reported below
  const auto header_errors = errors.size();
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i + trailing_ < cells.size(); ++i) {
    const auto name = cells[i].text;
    if (name.empty()) error(line, "an empty column name in the header");
    else if (!seen.insert(name).second) error(line, "column `" + std::string(name) + "` appears twice in the header");
    header_.emplace_back(name);
  }
  usable_ = errors.size() == header_errors && !header_.empty();
  buffer_.clear();
}

csv_reader::status csv_reader::next(std::vector<csv_cell_view>& cells, std::size_t& line) {
  const std::size_t width = header_.size();
  bool ok = true;
  while (record(cells, line, ok)) {
    if (!ok) return status::malformed;
    if (cells.size() == 1 && cells[0].absent()) continue;  // a blank line
    if (cells.size() == width + trailing_ && trailing_ > 0) {
      const bool empty = std::all_of(cells.begin() + static_cast<long>(width), cells.end(),
                                     [](const csv_cell_view& c) { return c.absent(); });
      if (!empty) {
        error(line, "a cell under a column with no name");
        return status::malformed;
      }
      cells.resize(width);
    }
    if (cells.size() != width) {
      error(line, "the row has " + std::to_string(cells.size()) + " cells where the header has " + std::to_string(width));
      return status::malformed;
    }
    return status::row;
  }
  return status::end;
}

void csv_reader::seek(std::pair<std::size_t, std::size_t> at) noexcept {
  pos_ = at.first;
  line_ = at.second;
  quiet_ = true;  // rows read again were reported the first time
}

csv_table parse_csv(std::string_view text, std::string_view source, std::vector<import_issue>& errors) {
  csv_table table;
  csv_reader reader(text, source, errors);
  table.header = reader.header();
  table.usable = reader.usable();
  if (!table.usable) return table;
  std::vector<csv_cell_view> cells;
  std::size_t line = 0;
  const auto copy = [&] {
    std::vector<csv_cell> out;
    out.reserve(cells.size());
    for (const auto& c : cells) out.push_back({std::string(c.text), c.quoted});
    return out;
  };
  for (;;) {
    const auto st = reader.next(cells, line);
    if (st == csv_reader::status::end) break;
    if (st == csv_reader::status::malformed) {
      // Kept with the cells read, so that the case its first cells name fails with it.
      if (!cells.empty()) table.malformed.push_back({line, 0, copy()});
    } else {
      table.rows.push_back({line, table.rows.size() + 1, copy()});
    }
    reader.release();
  }
  return table;
}

}  // namespace iptkit
