// Cases from a REDCap records export. Each record's case is assembled as a case document from its
// rows, as the mapping says, and read by the case reader; every error the reader reports is
// placed back at the record, event, instance and field its value came from.
#include <iptkit/import/redcap.hpp>

#include "case_document.hpp"
#include "redcap_mapping.hpp"
#include "redcap_records.hpp"

#include <iptkit/import/csv.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/model/date.hpp>

#include <boost/json.hpp>
#include <algorithm>
#include <array>
#include <charconv>
#include <unordered_map>

namespace iptkit {

namespace {

namespace json = boost::json;
using namespace redcap_detail;
using import_detail::is_pointer_prefix;
using import_detail::set_at_pointer;

// A place in the case being built: a field of the case or of a list element, or an item of it.
// Its JSON Pointer is made only when a message needs it.
struct place_ref {
  std::string_view list;    // "/sessions"; "" for the case itself
  std::size_t index = 0;    // the element's position in its list
  std::string_view target;  // the field in it, "/date"; "" for the element itself
  int item = -1;            // an item of a list of fields
  [[nodiscard]] std::string pointer() const {
    std::string p(list);
    if (!list.empty()) p += "/" + std::to_string(index);
    p += target;
    if (item >= 0) p += "/" + std::to_string(item);
    return p;
  }
};

// Where a value of the case came from, to place the reader's errors.
struct origin {
  place_ref at;
  std::size_t row = 0;
  std::string_view field;  // "" for a whole list element
  std::string note;        // e.g. that the export has a missing-data code there
};

struct record_importer {
  const redcap_input& in;
  const redcap_options& options;
  const catalog& cat;
  const mapping& map;
  records_table& t;
  import_result& result;
  std::unordered_map<std::string_view, std::size_t> col;  // column name -> position
  long rec = -1, ev = -1, ri = -1, inst = -1;
  std::vector<bool> used_col;  // the record id and REDCap's own columns
  std::vector<std::size_t> read_count, unread_count;  // per column: rows read, rows holding a value not read
  std::vector<bool> mapped_col;                       // a column some source of the mapping reads
  std::vector<std::size_t> list_rows;                 // per list: rows holding its form
  // The record being read: its rows (indices into t.rows), their cells, which rows and cells were read.
  const std::vector<std::uint32_t>* ids = nullptr;
  std::vector<std::vector<csv_cell_view>> cells;
  std::vector<bool> used_row;
  std::vector<bool> read_cell;  // row * columns + column
  std::vector<origin> origins;  // of the case being built
  std::array<unsigned char, 32768> arena_buffer{};
  // The column of each dictionary field (by its position in the dictionary), and of each choice
  // of a checkbox field: looked up once, not per value.
  const dictionary* dict = nullptr;
  std::vector<long> field_column;
  std::vector<std::vector<long>> choice_columns;
  long column_of(const dict_field& f) const { return field_column[static_cast<std::size_t>(&f - dict->fields.data())]; }
  const std::vector<long>& checkbox_columns_of(const dict_field& f) const {
    return choice_columns[static_cast<std::size_t>(&f - dict->fields.data())];
  }
  void mark(std::size_t row, long c) {
    if (c >= 0) read_cell[row * t.header.size() + static_cast<std::size_t>(c)] = true;
  }

  std::string_view cell(std::size_t row, long c) const {
    if (c < 0) return {};
    const auto& cs = cells[row];
    return static_cast<std::size_t>(c) < cs.size() ? cs[static_cast<std::size_t>(c)].text : std::string_view();
  }
  // A cell's text as a message may show it: a number, code or date, unless --redact; never words.
  std::string shown(std::string_view text) const {
    if (options.read.redact) return "a value (not shown)";
    return numeric(text) ? std::string(text) : std::string("a text (not shown)");
  }
  long column(std::string_view name) const {
    const auto it = col.find(name);
    return it == col.end() ? -1 : static_cast<long>(it->second);
  }
  std::optional<std::size_t> instance_of(std::size_t row) const {
    std::size_t n = 0;
    const auto s = cell(row, inst);
    if (s.empty() || std::from_chars(s.data(), s.data() + s.size(), n).ptr != s.data() + s.size()) return std::nullopt;
    return n;
  }

  import_issue issue_at(std::size_t row, std::string field, import_error_kind kind, std::string message,
                        const std::string& case_id = {}) const {
    const auto& ref = t.rows[(*ids)[row]];
    import_issue e{in.records.name, ref.line && options.lines ? std::optional(ref.line) : std::nullopt, ref.number, std::move(field),
                   case_id, "", kind, std::nullopt, std::move(message)};
    e.record = std::string(cell(row, rec));
    e.event = std::string(cell(row, ev));
    e.instance = instance_of(row);
    return e;
  }
  void mapping_error(std::string where, std::string message, std::string field = {}) {
    result.errors.push_back({in.mapping.name, std::nullopt, std::nullopt, std::move(field), "", std::move(where),
                             import_error_kind::mapping, std::nullopt, std::move(message)});
  }

  // The columns the mapping reads must all be in the export; the events it names must occur.
  bool check_columns(const dictionary& d) {
    const auto& dict = d;
    this->dict = &d;
    const auto before = result.errors.size();
    for (std::size_t c = 0; c < t.header.size(); ++c) col.emplace(t.header[c], c);
    field_column.clear();
    choice_columns.clear();
    for (const auto& f : dict.fields) {
      field_column.push_back(column(f.name));
      auto& cs = choice_columns.emplace_back();
      if (f.is_checkbox())
        for (const auto& [code, label] : f.choices) cs.push_back(column(checkbox_column(f.name, code)));
    }
    used_col.assign(t.header.size(), false);
    rec = column(map.record_id->name);
    ev = column("redcap_event_name");
    ri = column("redcap_repeat_instrument");
    inst = column("redcap_repeat_instance");
    if (rec < 0) mapping_error("/record_id", "the records have no column " + map.record_id->name + " (the record id)", map.record_id->name);
    for (const long c : {rec, ev, ri, inst})
      if (c >= 0) used_col[static_cast<std::size_t>(c)] = true;
    mapped_col.assign(t.header.size(), false);
    const auto need = [&](const source& s, const dict_field* f) {
      if (!f) return;
      if (const long c = column(f->name); c >= 0) mapped_col[static_cast<std::size_t>(c)] = true;
      if (f->is_checkbox()) {
        for (const auto& [code, label] : f->choices) {
          const auto name = checkbox_column(f->name, code);
          if (const long c = column(name); c >= 0) mapped_col[static_cast<std::size_t>(c)] = true;
          if (column(name) < 0) mapping_error(s.where, "the records have no column " + name + " (checkbox " + f->name + ", code " +
                                          (plain(code) ? code : "?") + "): export the field", f->name);
        }
      } else if (column(f->name) < 0) {
        mapping_error(s.where, "the records have no column " + f->name + ": export the field", f->name);
      }
    };
    const auto& events = t.events;
    const auto& repeating = t.repeating;
    for (const auto& form : repeating)
      if (!dict.has_form(form)) {
        auto e = import_issue{in.records.name, std::nullopt, std::nullopt, "redcap_repeat_instrument", "", "",
                              import_error_kind::unknown_code, std::nullopt,
                              (plain(form) ? form : std::string("a value")) +
                                  " is not a form of the data dictionary (an export with labels? REDCap's raw "
                                  "export names each form by its variable name)"};
        result.errors.push_back(std::move(e));
      }
    const auto known_events = [&](const std::vector<std::string>& named, const std::string& where) {
      if (!named.empty() && ev < 0)
        return mapping_error(where, "the records have no redcap_event_name column (a classic project): name no events");
      for (std::size_t i = 0; i < named.size(); ++i)
        if (std::find(events.begin(), events.end(), named[i]) == events.end())
          mapping_error(where + "/" + std::to_string(i), (plain(named[i]) ? named[i] : std::string("the event")) +
                                                             " is not an event of any row of the records");
    };
    if (ev >= 0 && map.case_events.empty())
      mapping_error("/case", "the records have events (a longitudinal project): say which event holds the case fields "
                             "(\"events\": [\"...\"])");
    known_events(map.case_events, "/case/events");
    for (const auto& s : map.case_fields) {
      need(s, s.field);
      known_events(s.events, s.where + "/events");
      if (s.field && std::find(repeating.begin(), repeating.end(), s.field->form) != repeating.end())
        mapping_error(s.where, "field " + s.field->name + " is on " + s.field->form +
                                   ", a repeating instrument: map it in a list", s.field->name);
    }
    for (const auto& l : map.lists) {
      known_events(l.events, l.where + "/events");
      for (const auto& s : l.fields) {
        need(s, s.field);
        for (const auto* f : s.fields) need(s, f);
        if (s.from == source::kind::by_event) {
          if (ev < 0) mapping_error(s.where, "the records have no events");
          else
            for (const auto& [e, v] : s.by_event)
              if (std::find(events.begin(), events.end(), e) == events.end())
                mapping_error(s.where + "/by_event", (plain(e) ? e : std::string("an event")) +
                                                         " is not an event of any row of the records");
        }
      }
    }
    return result.errors.size() == before;
  }

  // The columns of a form's fields, to tell whether a non-repeating row holds the form.
  std::vector<long> form_columns(const std::string& form, const dictionary& dict) const {
    std::vector<long> out;
    for (const auto& f : dict.fields) {
      if (f.form != form || &f == map.record_id) continue;
      if (f.is_checkbox()) {
        for (const auto& [code, label] : f.choices)
          if (const long c = column(checkbox_column(f.name, code)); c >= 0) out.push_back(-2 - c);  // checkbox: "0" is empty
      } else if (const long c = column(f.name); c >= 0) {
        out.push_back(c);
      }
    }
    return out;
  }
  bool holds(std::size_t row, const std::vector<long>& cols) const {
    for (const long c : cols) {
      const auto s = c >= 0 ? cell(row, c) : cell(row, -2 - c);
      if (!s.empty() && !(c < 0 && s == "0")) return true;
    }
    return false;
  }

  // One case field's value from a row; nullopt when absent. Problems go to result.errors.
  struct maker {
    record_importer& self;
    std::vector<origin>& origins;
    bool& failed;
    const std::string& case_id;

    void fail(std::size_t row, std::string_view field, import_error_kind kind, std::optional<error_kind> rk,
              const place_ref& at, std::string message) {
      auto e = self.issue_at(row, std::string(field), kind, std::move(message), case_id);
      e.read_kind = rk;
      e.path = at.pointer();
      self.result.errors.push_back(std::move(e));
      failed = true;
    }

    // A plain value of field `f` as case field type `kind`.
    std::optional<json::value> scalar(const source& s, const dict_field& f, base kind,
                                      const std::vector<std::string>& enums, std::size_t row,
                                      const place_ref& pointer, std::string& note) {
      const long c = self.column_of(f);
      self.mark(row, c);
      const auto text = self.cell(row, c);
      if (text.empty()) return std::nullopt;
      if (self.map.is_missing(s, text)) {
        note = "the export has missing-data code " + std::string(text) + " there";  // a code the mapping declares
        return std::nullopt;
      }
      const auto shown = self.shown(text);
      if (f.is_choice()) {
        const bool yes_no = f.type == "yesno" || f.type == "truefalse";
        if (!(yes_no ? (text == "0" || text == "1") : f.has_code(text))) {
          const bool numeric_codes = std::all_of(f.choices.begin(), f.choices.end(),
                                                 [](const auto& c) { return numeric(c.first); });
          fail(row, f.name, import_error_kind::unknown_code, std::nullopt, pointer,
               "found " + shown + ", which is not a code of the field in the data dictionary" +
                   (numeric_codes && !numeric(text)
                        ? " (an export with labels instead of raw codes? use REDCap's raw data export)"
                        : ""));
          return std::nullopt;
        }
        if (s.has_choices) {
          const auto* v = s.choice(text);
          if (!v) {
            fail(row, f.name, import_error_kind::unknown_code, std::nullopt, pointer,
                 "the mapping has no translation for code " + shown);
            return std::nullopt;
          }
          if (v->is_null()) note = "code " + shown + " is mapped to missing";
          return v->is_null() ? std::nullopt : std::optional(*v);
        }
        if (yes_no) return json::value(text == "1");
      }
      switch (kind) {
        case base::integer:
        case base::number: {
          std::int64_t n = 0;
          const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
          if (ec == std::errc() && end == text.data() + text.size()) return json::value(n);
          double d = 0;
          const auto [dend, dec] = std::from_chars(text.data(), text.data() + text.size(), d);
          if (dec == std::errc() && dend == text.data() + text.size()) {
            if (kind == base::number) return json::value(d);
            if (d == static_cast<double>(static_cast<std::int64_t>(d))) return json::value(static_cast<std::int64_t>(d));
          }
          fail(row, f.name, import_error_kind::invalid, error_kind::wrong_type, pointer,
               "expected " + std::string(kind == base::integer ? "an integer" : "a number") + ", found " + shown +
                   " (not one of the mapping's missing-data codes)");
          return std::nullopt;
        }
        case base::date: {
          const auto day = f.validation.starts_with("datetime") ? text.substr(0, 10) : text;
          if (!parse_date(day)) {
            const bool reformatted = text.find('/') != std::string_view::npos || text.find('.') != std::string_view::npos;
            fail(row, f.name, import_error_kind::invalid, error_kind::bad_date, pointer,
                 "expected a date YYYY-MM-DD that exists, found " + shown +
                     (reformatted ? " (REDCap exports dates as YYYY-MM-DD: was the file saved from a spreadsheet, "
                                    "which rewrites dates?)"
                                  : ""));
            return std::nullopt;
          }
          return json::value(day);
        }
        case base::boolean:
          if (text == "1" || text == "true") return json::value(true);
          if (text == "0" || text == "false") return json::value(false);
          fail(row, f.name, import_error_kind::invalid, error_kind::wrong_type, pointer, "expected 1 or 0, found " + shown);
          return std::nullopt;
        default:
          (void)enums;
          return json::value(text);
      }
    }

    // Sets one mapped case field of `into` (the case, or the list element `element`) from row
    // `row`, whose repeat instance is `instance`.
    void make(const source& s, json::object& into, place_ref element, std::size_t row, std::size_t instance) {
      place_ref here = element;
      here.target = s.target;
      std::string note;
      std::optional<json::value> v;
      switch (s.from) {
        case source::kind::value: v = s.value; break;
        case source::kind::instance: v = json::value(static_cast<std::int64_t>(instance)); break;
        case source::kind::by_event: {
          const auto e = self.cell(row, self.ev);
          for (const auto& [name, value] : s.by_event)
            if (name == e) v = value;
          if (!v) {
            fail(row, "redcap_event_name", import_error_kind::unknown_code, std::nullopt, here,
                 "the mapping's by_event for " + s.target + " has no value for this event");
            return;
          }
          break;
        }
        case source::kind::field:
          if (s.field->is_checkbox()) v = checkbox(s, row, here, note);
          else v = scalar(s, *s.field, s.type.kind, s.type.enums, row, here, note);
          break;
        case source::kind::fields: {
          json::array items;
          items.reserve(s.fields.size());
          std::size_t gaps = 0;
          place_ref item = here;
          for (std::size_t i = 0; i < s.fields.size(); ++i) {
            std::string item_note;
            item.item = static_cast<int>(i);
            auto x = scalar(s, *s.fields[i], s.type.item, s.type.item_enums, row, item, item_note);
            if (x) items.push_back(std::move(*x));
            else ++gaps;
            origins.push_back({item, row, s.fields[i]->name, std::move(item_note)});
          }
          if (items.empty()) break;  // no item at all: the list is absent
          for (std::size_t i = 0; i < s.fields.size() && gaps; ++i) {
            const auto& o = origins[origins.size() - s.fields.size() + i];
            if (const long c = self.column_of(*s.fields[i]); !self.cell(row, c).empty() && o.note.empty()) continue;
            item.item = static_cast<int>(i);
            fail(row, s.fields[i]->name, import_error_kind::invalid, error_kind::missing_field, item,
                 "missing while other fields of " + s.target + " are given (" +
                     (o.note.empty() ? std::string("the cell is empty") : o.note) + "); the list needs every one");
          }
          if (!gaps) v = json::value(std::move(items));
          break;
        }
      }
      origins.push_back({here, row, s.field ? std::string_view(s.field->name) : std::string_view(), std::move(note)});
      if (v) set_at_pointer(into, s.target, std::move(*v));
    }

    std::optional<json::value> checkbox(const source& s, std::size_t row, const place_ref& pointer, std::string& note) {
      const auto& f = *s.field;
      json::array list;
      std::string missing_code;
      bool any = false;
      const auto& columns = self.checkbox_columns_of(f);
      for (std::size_t k = 0; k < f.choices.size(); ++k) {
        const auto& code = f.choices[k].first;
        const long c = columns[k];
        self.mark(row, c);
        const auto text = self.cell(row, c);
        if (text.empty() || text == "0") continue;
        if (text != "1") {
          fail(row, checkbox_column(f.name, code), import_error_kind::invalid, error_kind::wrong_type, pointer,
               "a checkbox column holds 1 or 0, found " + self.shown(text) +
                   (text == "Checked" || text == "Unchecked" ? " (an export with labels? use the raw data export)" : ""));
          continue;
        }
        if (self.map.is_missing(s, code)) {
          missing_code = code;
          continue;
        }
        any = true;
        if (s.has_choices) {
          if (const auto* v = s.choice(code); v && !v->is_null()) list.push_back(*v);
        } else if (s.type.item == base::integer) {
          list.emplace_back(std::stoll(code));
        } else {
          list.emplace_back(code);
        }
      }
      if (!missing_code.empty()) {
        if (any)
          fail(row, checkbox_column(f.name, missing_code), import_error_kind::inconsistent, std::nullopt, pointer,
               "the missing-data choice " + (plain(missing_code) ? missing_code : std::string()) +
                   " is checked together with other choices");
        note = "the missing-data choice " + (plain(missing_code) ? missing_code : std::string()) + " is checked";
        return std::nullopt;
      }
      return json::value(std::move(list));
    }
  };

  // Places a reader error at the value it came from.
  import_issue place(const read_error& e, const std::vector<origin>& origins, std::size_t case_row,
                     const std::string& case_id) const {
    const origin* best = nullptr;
    std::string best_pointer;
    for (const auto& o : origins)
      if (auto p = o.at.pointer(); is_pointer_prefix(p, e.path) && (!best || p.size() >= best_pointer.size())) {
        best = &o;
        best_pointer = std::move(p);
      }
    auto issue = issue_at(best ? best->row : case_row, best ? std::string(best->field) : std::string(),
                          import_error_kind::invalid, e.message, case_id);
    issue.read_kind = e.kind;
    issue.path = e.path;
    if (best && !best->note.empty()) issue.message += " (" + best->note + ")";
    else if (!best || best_pointer != e.path)
      if (e.kind == error_kind::missing_field) issue.message += " (no field of the mapping gives it)";
    return issue;
  }

  void run(const dictionary& dict) {
    if (!check_columns(dict)) return;
    result.rows_read = t.rows.size() + t.malformed;
    if (t.unplaced) {  // any record may be missing that row: none is complete for sure
      result.errors.push_back({in.records.name, std::nullopt, std::nullopt, "", "", "", import_error_kind::syntax,
                               std::nullopt, "no record is imported: " + std::to_string(t.unplaced) +
                                                 " malformed row(s) cannot be told which record they belong to"});
      return;
    }
    read_count.assign(t.header.size(), 0);
    unread_count.assign(t.header.size(), 0);
    list_rows.assign(map.lists.size(), 0);
    std::vector<std::vector<long>> list_form_columns;
    for (const auto& l : map.lists) list_form_columns.push_back(form_columns(l.form, dict));

    const auto in_events = [](const std::vector<std::string>& events, std::string_view e) {
      return events.empty() || std::find(events.begin(), events.end(), e) != events.end();
    };

    for (std::size_t record_index = 0; record_index < t.record_ids.size(); ++record_index) {
      const auto& id = t.record_ids[record_index];
      // A malformed row fails the record it names (its error is already reported).
      if (std::find(t.broken.begin(), t.broken.end(), id) != t.broken.end()) continue;
      ids = &t.rows_of[record_index];
      t.load(*ids, cells);
      used_row.assign(ids->size(), false);
      read_cell.assign(ids->size() * t.header.size(), false);
      std::vector<std::size_t> rows(ids->size());
      for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
      read_record(id, rows, list_form_columns, in_events);
      account();
    }
    // A list that found nothing in the whole export is a filter that matched nothing: said.
    for (std::size_t k = 0; k < map.lists.size(); ++k)
      if (list_rows[k] == 0 && !t.record_ids.empty())
        mapping_error(map.lists[k].where + "/form",
                      "no row of the records holds form " + map.lists[k].form +
                          (map.lists[k].events.empty() ? std::string() : " in the events named") +
                          ": nothing of it is read (remove the list, or check the form and events)");
    report_unused(dict);
  }

  template <class InEvents>
  void read_record(const std::string& id, const std::vector<std::size_t>& rows,
                   const std::vector<std::vector<long>>& list_form_columns, const InEvents& in_events) {
    {
      const auto before = result.errors.size();
      // Two rows for the same event, instrument and instance: REDCap never exports that.
      std::vector<bool> duplicate(rows.size(), false);
      for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
          if (cell(rows[i], ev) == cell(rows[j], ev) && cell(rows[i], ri) == cell(rows[j], ri) &&
              cell(rows[i], inst) == cell(rows[j], inst)) {
            const auto& first = t.rows[(*ids)[rows[j]]];
            const bool repeats = !cell(rows[i], ri).empty() || !cell(rows[i], inst).empty();
            result.errors.push_back(issue_at(
                rows[i], repeats ? "redcap_repeat_instance" : ev >= 0 ? "redcap_event_name" : map.record_id->name,
                import_error_kind::duplicate_row,
                std::string("a second row for the same ") + (ev >= 0 ? "event, " : "") +
                    (repeats ? "instrument and instance" : "record outside the repeating instruments") +
                    " (the first is " +
                    (first.line && options.lines ? "on line " + std::to_string(first.line)
                                                 : "data row " + std::to_string(first.number)) +
                    ")"));
            used_row[rows[i]] = true;
            duplicate[rows[i]] = true;
            break;
          }
      // The record's row of the case event(s).
      std::optional<std::size_t> case_row;
      for (const auto r : rows)
        if (!duplicate[r] && cell(r, ri).empty() && cell(r, inst).empty() && in_events(map.case_events, cell(r, ev))) {
          if (case_row) {
            result.errors.push_back(issue_at(r, "redcap_event_name", import_error_kind::duplicate_row,
                                             "a second row of the case events for this record; the case fields come "
                                             "from one row"));
            continue;
          }
          case_row = r;
        }
      const std::string record(id);
      if (!case_row) {
        auto e = issue_at(rows.front(), "", import_error_kind::missing_column,
                          map.case_events.empty()
                              ? "the record has no row outside the repeating instruments, the row that holds the case "
                                "fields"
                              : "the record has no row of the case event(s) (" + map.case_events.front() +
                                    (map.case_events.size() > 1 ? ", ..." : "") + "), which holds the case fields");
        e.line.reset();
        e.row.reset();
        e.event.clear();
        e.instance.reset();
        result.errors.push_back(std::move(e));
        for (const auto r : rows) used_row[r] = true;
        return;
      }
      used_row[*case_row] = true;
      // The case document, in one arena per record: its many small values are allocated in bulk.
      json::monotonic_resource arena(arena_buffer.data(), arena_buffer.size());
      json::object doc(&arena);
      doc["schema"] = case_schema_version;
      doc["case_id"] = record;
      origins.clear();
      origins.push_back({{"", 0, "/case_id"}, *case_row, map.record_id->name, ""});
      bool failed = false;
      maker make{*this, origins, failed, record};
      for (const auto& s : map.case_fields) {
        std::size_t row = *case_row;
        if (!s.events.empty()) {
          std::optional<std::size_t> found;
          for (const auto r : rows)
            if (cell(r, ri).empty() && in_events(s.events, cell(r, ev))) found = r;
          if (!found) {
            origins.push_back({{"", 0, s.target}, *case_row, s.field ? std::string_view(s.field->name) : std::string_view(),
                               "the record has no row of the field's event"});
            continue;
          }
          row = *found;
          used_row[row] = true;
        }
        make.make(s, doc, {}, row, 0);
      }
      const auto* id_value = doc.if_contains("case_id");
      std::string case_id = id_value && id_value->is_string() ? std::string(id_value->get_string()) : record;
      for (std::size_t k = 0; k < map.lists.size(); ++k) {
        const auto& l = map.lists[k];
        std::size_t n = 0;
        json::array* list = nullptr;
        const long status_col = column(l.form + "_complete");
        for (const auto r : rows) {
          // A repeating instrument's rows name it; a form that does not repeat (in this event) is
          // in the event's own row, when it holds any of the form's values.
          const bool mine = cell(r, ri) == l.form || (cell(r, ri).empty() && holds(r, list_form_columns[k]));
          if (!mine || !in_events(l.events, cell(r, ev))) continue;
          used_row[r] = true;
          mark(r, status_col);
          const auto status = cell(r, status_col);
          ++list_rows[k];
          if (!status.empty() && (status.size() != 1 || status[0] < '0' || status[0] > '2')) {
            auto e = issue_at(r, l.form + "_complete", import_error_kind::unknown_code,
                              "found " + shown(status) + " where the form status is 0, 1 or 2" +
                                  (numeric(status) ? "" : " (an export with labels? use REDCap's raw data export)"),
                              case_id);
            e.path = l.target;
            result.errors.push_back(std::move(e));
            continue;
          }
          if (!status.empty() && std::none_of(map.statuses.begin(), map.statuses.end(), [&](int s) {
                return status[0] == static_cast<char>('0' + s);
              })) {
            auto e = issue_at(r, l.form + "_complete", import_error_kind::incomplete,
                              "form " + l.form + " has status " + std::string(status) +
                                  " (0 incomplete, 1 unverified, 2 complete), which the mapping's statuses leave out",
                              case_id);
            result.unused.push_back(std::move(e));
            continue;
          }
          if (!list) list = &set_at_pointer(doc, l.target, json::array()).get_array();
          const place_ref element{l.target, n++, "", -1};
          origins.push_back({element, r, "", ""});
          auto& into = list->emplace_back(json::object()).get_object();
          const auto instance = instance_of(r).value_or(1);
          for (const auto& s : l.fields) make.make(s, into, element, r, instance);
        }
      }
      if (failed || result.errors.size() != before) {
        for (auto i = before; i < result.errors.size(); ++i)
          if (result.errors[i].case_id.empty()) result.errors[i].case_id = case_id;
        return;
      }
      auto read = read_case(json::serialize(doc), options.read, cat);  // every check a JSON case meets
      if (!read) {
        for (const auto& e : read.errors()) result.errors.push_back(place(e, origins, *case_row, case_id));
        return;
      }
      for (const auto& w : read.warnings()) {
        auto issue = place(w, origins, *case_row, case_id);
        issue.kind = import_error_kind::not_mapped;
        issue.message = "ignored (lax): " + issue.message;
        result.unused.push_back(std::move(issue));
      }
      result.cases.push_back(std::move(read).value());
    }
  }

  // After a record: its rows nothing read are listed; its cells counted per column, read or not.
  void account() {
    const std::size_t width = t.header.size();
    for (std::size_t r = 0; r < cells.size(); ++r) {
      if (!used_row[r]) {
        const auto form = cell(r, ri);
        result.unused.push_back(issue_at(r, "", import_error_kind::not_mapped,
                                         form.empty() ? "no part of the mapping reads this row (its event)"
                                                      : "no part of the mapping reads this row (repeating instrument " +
                                                            std::string(plain(form) ? form : "?") + ")"));
      }
      for (std::size_t c = 0; c < width && c < cells[r].size(); ++c) {
        if (read_cell[r * width + c]) {
          ++read_count[c];
          continue;
        }
        const auto s = cells[r][c].text;
        if (!s.empty() && !(s == "0" && t.header[c].find("___") != std::string::npos)) ++unread_count[c];
      }
    }
  }

  // Every column that nothing read is listed, so nothing in the export is lost unseen.
  void report_unused(const dictionary& dict) {
    for (std::size_t c = 0; c < t.header.size(); ++c) {
      if (used_col[c]) continue;
      const std::size_t filled = unread_count[c], read = read_count[c];
      if (read && !filled) continue;  // every value it holds was read
      std::string base_name = t.header[c];
      if (const auto cut = base_name.find("___"); cut != std::string::npos) base_name.resize(cut);
      const auto* f = dict.find(base_name);
      std::string message = "no part of the mapping reads it; ";
      if (f && f->identifier) message = "an identifier field (Identifier? = y): never read unless mapped; ";
      if (mapped_col[c] && !read) message = "mapped, but read in no row (its rows were left out, listed, or of records "
                                            "with errors); ";
      if (read) message = "read in " + std::to_string(read) + " row(s), but not in " + std::to_string(filled) +
                          " other row(s) that hold a value (rows left out, listed, or of records with errors)";
      else message += filled ? "it holds values in " + std::to_string(filled) + " of " + std::to_string(t.rows.size()) + " rows"
                             : "it is empty in every row";
      result.unused.push_back({in.records.name, std::nullopt, std::nullopt, t.header[c], "", "",
                               import_error_kind::not_mapped, std::nullopt, std::move(message)});
    }
  }
};

}  // namespace

import_result import_redcap(const redcap_input& input, const redcap_options& options, const catalog& cat) {
  import_result result;
  try {
    const auto dict = read_dictionary(input.dictionary, result.errors);
    if (!result.errors.empty()) return result;
    const auto map = read_mapping(input.mapping, dict, cat, result.errors);
    if (!result.errors.empty()) return result;
    records_table table;
    table.open(input.records, map.record_id->name, result.errors, options.read);
    if (!table.usable) return result;
    record_importer importer{input, options, cat, map, table, result};
    importer.run(dict);
  } catch (const std::bad_alloc&) {
    result.cases.clear();
    result.errors.push_back({input.records.name, std::nullopt, std::nullopt, "", "", "", import_error_kind::syntax,
                             std::nullopt, "out of memory"});
  }
  return result;
}

}  // namespace iptkit
