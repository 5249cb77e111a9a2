// The REDCap records, row by row: where each row starts and whose record it is, and the cells of
// one record's rows on demand.
#include "redcap_records.hpp"

#include "redcap_mapping.hpp"

#include <boost/json.hpp>
#include <charconv>

namespace iptkit::redcap_detail {

namespace json = boost::json;

void records_table::row(std::pair<std::size_t, std::size_t> at, std::size_t line, const std::vector<csv_cell_view>& cells,
         long rec, long ev, long ri, std::unordered_map<std::string, std::uint32_t>& index,
         const std::string& source, const std::string& rec_name, std::vector<import_issue>& errors) {
  const auto cell = [&](long c) { return c < 0 ? std::string_view() : cells[static_cast<std::size_t>(c)].text; };
  const std::size_t number = rows.size() + malformed + 1;
  const auto id = cell(rec);
  if (id.empty()) {
    errors.push_back({source, line ? std::optional(line) : std::nullopt, number, rec_name, "", "",
                      import_error_kind::invalid, error_kind::missing_field, "a row without a record id"});
    ++malformed;
    return;
  }
  // REDCap exports a record's rows together: the previous row's record is the likely one.
  std::uint32_t r = last_record;
  if (r >= record_ids.size() || record_ids[r] != id) {
    auto [it, added] = index.emplace(std::string(id), static_cast<std::uint32_t>(record_ids.size()));
    if (added) {
      record_ids.emplace_back(id);
      rows_of.emplace_back();
    }
    r = last_record = it->second;
  }
  rows_of[r].push_back(static_cast<std::uint32_t>(rows.size()));
  rows.push_back({at, line, number});
  if (ev >= 0) add(events, cell(ev));
  if (ri >= 0 && !cell(ri).empty()) add(repeating, cell(ri));
}

void records_table::open(const csv_source& in, const std::string& rec_name, std::vector<import_issue>& errors,
          const read_options& limits) {
  std::string_view text = in.text;
  const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  std::unordered_map<std::string, std::uint32_t> index;
  std::vector<csv_cell_view> cells;
  long rec = -1, ev = -1, ri = -1;
  const auto locate = [&] {
    rec = column(rec_name);
    ev = column("redcap_event_name");
    ri = column("redcap_repeat_instrument");
  };
  if (first == std::string_view::npos || (text[first] != '[' && text[first] != '{')) {
    reader.emplace(text, in.name, errors);
    header = reader->header();
    usable = reader->usable();
    if (!usable) return;
    locate();
    if (rec < 0) return;
    for (std::size_t line = 0;;) {
      const auto at = reader->position();
      const auto st = reader->next(cells, line);
      if (st == csv_reader::status::end) break;
      if (st == csv_reader::status::malformed) {
        ++malformed;
        if (static_cast<std::size_t>(rec) < cells.size() && !cells[static_cast<std::size_t>(rec)].text.empty()) {
          broken.emplace_back(cells[static_cast<std::size_t>(rec)].text);
          for (auto& e : errors)
            if (e.source == in.name && e.line == line && e.record.empty()) e.record = broken.back();
        } else {
          ++unplaced;
        }
      } else {
        row(at, line, cells, rec, ev, ri, index, in.name, rec_name, errors);
      }
      reader->release();
    }
    return;
  }
  if (text.size() > limits.max_cohort_bytes) {
    errors.push_back({in.name, std::nullopt, std::nullopt, "", "", "", import_error_kind::syntax, std::nullopt,
                      "the records are larger than the reader's limit"});
    return;
  }
  boost::system::error_code ec;
  json::parse_options po;
  po.max_depth = 8;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  json::stream_parser parser({}, po);
  const auto used = parser.write_some(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (!ec) doc = parser.release();
  const auto* a = doc.if_array();
  if (ec || !a) {
    errors.push_back({in.name, std::nullopt, std::nullopt, "", "", "", import_error_kind::syntax, std::nullopt,
                      ec ? "not JSON: " + ec.message() + " at " + text_position(text, used)
                         : "expected a JSON array of records (the API's flat format: content=record, type=flat)"});
    return;
  }
  for (const auto& r : *a)  // the columns, in the order keys first appear
    if (const auto* o = r.if_object())
      for (const auto& kv : *o)
        if (std::find(header.begin(), header.end(), kv.key()) == header.end()) header.emplace_back(kv.key());
  usable = true;
  for (std::size_t c = 0; c < header.size(); ++c) json_column.emplace(header[c], c);
  locate();
  if (rec < 0) return;
  for (std::size_t i = 0; i < a->size(); ++i) {
    const std::size_t number = rows.size() + malformed + 1;
    if (!(*a)[i].is_object()) {
      errors.push_back({in.name, std::nullopt, number, "", "", "", import_error_kind::syntax, std::nullopt,
                        "expected a record (a JSON object)"});
      ++malformed;
      continue;
    }
    bool bad = false;
    for (const auto& kv : (*a)[i].get_object())
      if (!kv.value().is_string() && !kv.value().is_number() && !kv.value().is_null()) {
        errors.push_back({in.name, std::nullopt, number, std::string(kv.key()), "", "", import_error_kind::syntax,
                          std::nullopt, "expected a text (the flat format has every value as text)"});
        bad = true;
      }
    load_json(i, cells);
    if (bad) {
      ++malformed;
      const auto id = cells[static_cast<std::size_t>(rec)].text;
      if (!id.empty()) broken.emplace_back(id);
      else ++unplaced;
      const auto inst = column("redcap_repeat_instance");
      for (auto& e : errors)
        if (e.row == number && e.source == in.name) {
          e.record = std::string(id);
          if (ev >= 0) e.event = std::string(cells[static_cast<std::size_t>(ev)].text);
          std::size_t n = 0;
          if (const auto s = inst >= 0 ? cells[static_cast<std::size_t>(inst)].text : std::string_view();
              !s.empty() && std::from_chars(s.data(), s.data() + s.size(), n).ptr == s.data() + s.size())
            e.instance = n;
        }
    } else {
      row({i, 0}, 0, cells, rec, ev, ri, index, in.name, rec_name, errors);
    }
    scratch.clear();
  }
}

void records_table::load_json(std::size_t i, std::vector<csv_cell_view>& cells) {
  cells.assign(header.size(), {});
  for (const auto& kv : doc.get_array()[i].get_object()) {
    const auto c = json_column.at(kv.key());
    if (const auto* s = kv.value().if_string()) cells[c].text = std::string_view(*s);
    else if (kv.value().is_number()) cells[c].text = scratch.emplace_back(json::serialize(kv.value()));
  }
}

void records_table::load(const std::vector<std::uint32_t>& ids, std::vector<std::vector<csv_cell_view>>& out) {
  out.resize(ids.size());
  if (reader) reader->release();
  scratch.clear();
  for (std::size_t k = 0; k < ids.size(); ++k) {
    const auto& r = rows[ids[k]];
    if (reader) {
      reader->seek(r.at);
      std::size_t line = 0;
      reader->next(out[k], line);
    } else {
      load_json(r.at.first, out[k]);
    }
  }
}

}  // namespace iptkit::redcap_detail
