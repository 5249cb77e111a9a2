// Cases from a REDCap records export. Each record's case is assembled as a case document from its
// rows, as the mapping says, and read by the case reader; every error the reader reports is
// placed back at the record, event, instance and field its value came from.
#include <iptkit/import/redcap.hpp>

#include "redcap_mapping.hpp"

#include <iptkit/import/csv.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/model/date.hpp>

#include <boost/json.hpp>
#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace iptkit {

namespace {

namespace json = boost::json;
using namespace redcap_detail;

// The API's flat JSON records as a table: one column per key, in the order keys first appear.
csv_table flat_json_table(const csv_source& in, std::vector<import_issue>& errors, const read_options& limits) {
  csv_table t;
  boost::system::error_code ec;
  json::parse_options po;
  po.max_depth = 8;
  if (in.text.size() > limits.max_cohort_bytes) {
    errors.push_back({in.name, std::nullopt, std::nullopt, "", "", "", import_error_kind::syntax, std::nullopt,
                      "the records are larger than the reader's limit"});
    return t;
  }
  const auto doc = json::parse(in.text, ec, {}, po);
  const auto* a = doc.if_array();
  if (ec || !a) {
    errors.push_back({in.name, std::nullopt, std::nullopt, "", "", "", import_error_kind::syntax, std::nullopt,
                      ec ? "not JSON (" + ec.message() + ")" : "expected a JSON array of records (the API's flat format)"});
    return t;
  }
  std::unordered_map<std::string, std::size_t> column;
  for (const auto& rec : *a) {
    const auto* o = rec.if_object();
    csv_row row;
    row.number = t.rows.size() + 1;
    if (!o) {
      errors.push_back({in.name, std::nullopt, row.number, "", "", "", import_error_kind::syntax, std::nullopt,
                        "expected a record (a JSON object)"});
      continue;
    }
    row.cells.resize(t.header.size());
    for (const auto& kv : *o) {
      auto [it, added] = column.emplace(std::string(kv.key()), t.header.size());
      if (added) {
        t.header.emplace_back(kv.key());
        for (auto& r : t.rows) r.cells.emplace_back();
        row.cells.emplace_back();
      }
      auto& cell = row.cells[it->second];
      const auto& v = kv.value();
      if (const auto* s = v.if_string()) cell.text = std::string(*s);
      else if (v.is_number()) cell.text = json::serialize(v);
      else if (!v.is_null())
        errors.push_back({in.name, std::nullopt, row.number, std::string(kv.key()), "", "", import_error_kind::syntax,
                          std::nullopt, "expected a text (the flat format has every value as text)"});
    }
    t.rows.push_back(std::move(row));
  }
  t.usable = true;
  return t;
}

// Where a value of the case came from, to place the reader's errors.
struct origin {
  std::string pointer;
  std::size_t row = 0;
  std::string field;  // "" for a whole list element
  std::string note;   // e.g. that the export has a missing-data code there
};

bool is_prefix(std::string_view prefix, std::string_view path) {
  return path.starts_with(prefix) && (path.size() == prefix.size() || path[prefix.size()] == '/');
}

// Sets the value at a JSON Pointer, making objects (and lists, for numeric tokens) on the way.
void set(json::value& root, std::string_view pointer, json::value v) {
  json::value* at = &root;
  while (!pointer.empty()) {
    pointer.remove_prefix(1);
    const auto slash = pointer.find('/');
    const auto key = pointer.substr(0, slash);
    std::size_t index = 0;
    const bool numeric = !key.empty() && std::from_chars(key.data(), key.data() + key.size(), index).ptr == key.data() + key.size();
    if (numeric && (at->is_array() || at->is_null())) {
      if (!at->is_array()) *at = json::array();
      auto& a = at->get_array();
      if (index > 1000) return;
      while (a.size() <= index) a.emplace_back(nullptr);
      at = &a[index];
    } else {
      if (!at->is_object()) *at = json::object();
      at = &at->get_object()[key];
    }
    pointer = slash == std::string_view::npos ? std::string_view() : pointer.substr(slash);
  }
  *at = std::move(v);
}

struct record_importer {
  const redcap_input& in;
  const redcap_options& options;
  const catalog& cat;
  const mapping& map;
  const csv_table& t;
  import_result& result;
  std::unordered_map<std::string_view, std::size_t> col;  // column name -> position
  long rec = -1, ev = -1, ri = -1, inst = -1;
  std::vector<bool> used_row;
  std::vector<bool> used_col;   // the record id and REDCap's own columns
  std::vector<bool> read_cell;  // row * columns + column: a value some part of the mapping read
  void mark(std::size_t row, long c) {
    if (c >= 0) read_cell[row * t.header.size() + static_cast<std::size_t>(c)] = true;
  }
  std::vector<std::string> repeating;  // forms that are repeating instruments in this export

  std::string_view cell(std::size_t row, long c) const {
    if (c < 0) return {};
    const auto& cells = t.rows[row].cells;
    return static_cast<std::size_t>(c) < cells.size() ? std::string_view(cells[static_cast<std::size_t>(c)].text)
                                                      : std::string_view();
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
    import_issue e{in.records.name, t.rows[row].line ? std::optional(t.rows[row].line) : std::nullopt,
                   t.rows[row].number, std::move(field), case_id, "", kind, std::nullopt, std::move(message)};
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
  bool check_columns() {
    const auto before = result.errors.size();
    for (std::size_t c = 0; c < t.header.size(); ++c) col.emplace(t.header[c], c);
    used_col.assign(t.header.size(), false);
    rec = column(map.record_id->name);
    ev = column("redcap_event_name");
    ri = column("redcap_repeat_instrument");
    inst = column("redcap_repeat_instance");
    if (rec < 0) mapping_error("/record_id", "the records have no column " + map.record_id->name + " (the record id)", map.record_id->name);
    for (const long c : {rec, ev, ri, inst})
      if (c >= 0) used_col[static_cast<std::size_t>(c)] = true;
    const auto need = [&](const source& s, const dict_field* f) {
      if (!f) return;
      if (f->is_checkbox()) {
        for (const auto& [code, label] : f->choices) {
          const auto name = checkbox_column(f->name, code);
          if (column(name) < 0) mapping_error(s.where, "the records have no column " + name + " (checkbox " + f->name + ", code " +
                                          (plain(code) ? code : "?") + "): export the field", f->name);
        }
      } else if (column(f->name) < 0) {
        mapping_error(s.where, "the records have no column " + f->name + ": export the field", f->name);
      }
    };
    std::vector<std::string> events;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const auto e = cell(r, ev);
      if (std::find(events.begin(), events.end(), e) == events.end()) events.emplace_back(e);
      const auto form = cell(r, ri);
      if (!form.empty() && std::find(repeating.begin(), repeating.end(), form) == repeating.end()) repeating.emplace_back(form);
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
    json::value& doc;
    std::vector<origin>& origins;
    bool& failed;
    const std::string& case_id;

    void fail(std::size_t row, const std::string& field, import_error_kind kind, std::optional<error_kind> rk,
              const std::string& pointer, std::string message) {
      auto e = self.issue_at(row, field, kind, std::move(message), case_id);
      e.read_kind = rk;
      e.path = pointer;
      self.result.errors.push_back(std::move(e));
      failed = true;
    }

    // A plain value of field `f` as case field type `kind`.
    std::optional<json::value> scalar(const source& s, const dict_field& f, base kind,
                                      const std::vector<std::string>& enums, std::size_t row,
                                      const std::string& pointer, std::string& note) {
      const long c = self.column(f.name);
      self.mark(row, c);
      const auto text = self.cell(row, c);
      if (text.empty()) return std::nullopt;
      if (self.map.is_missing(s, text)) {
        note = "the export has missing-data code " + std::string(plain(text) ? text : "(not shown)") + " there";
        return std::nullopt;
      }
      const auto shown = plain(text) ? std::string(text) : std::string("a text");
      if (f.is_choice()) {
        const bool yes_no = f.type == "yesno" || f.type == "truefalse";
        if (!(yes_no ? (text == "0" || text == "1") : f.has_code(text))) {
          fail(row, f.name, import_error_kind::unknown_code, std::nullopt, pointer,
               "code " + shown + " is not a choice of the field in the data dictionary");
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
            fail(row, f.name, import_error_kind::invalid, error_kind::bad_date, pointer,
                 "expected a date YYYY-MM-DD that exists, found " + shown);
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

    // Sets one mapped case field from row `row` (event `event`, instance `instance`).
    void make(const source& s, const std::string& prefix, std::size_t row, std::size_t instance) {
      const std::string pointer = prefix + s.target;
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
            fail(row, "redcap_event_name", import_error_kind::unknown_code, std::nullopt, pointer,
                 "the mapping's by_event for " + s.target + " has no value for this event");
            return;
          }
          break;
        }
        case source::kind::field:
          if (s.field->is_checkbox()) v = checkbox(s, row, pointer, note);
          else v = scalar(s, *s.field, s.type.kind, s.type.enums, row, pointer, note);
          break;
        case source::kind::fields: {
          json::array items;
          std::vector<std::pair<std::size_t, std::string>> gaps;
          for (std::size_t i = 0; i < s.fields.size(); ++i) {
            std::string item_note;
            const auto item_pointer = pointer + "/" + std::to_string(i);
            auto x = scalar(s, *s.fields[i], s.type.item, s.type.item_enums, row, item_pointer, item_note);
            origins.push_back({item_pointer, row, s.fields[i]->name, item_note});
            if (x) items.push_back(std::move(*x));
            else gaps.emplace_back(i, item_note);
          }
          if (items.empty()) break;  // no item at all: the list is absent
          for (const auto& [i, why] : gaps)
            fail(row, s.fields[i]->name, import_error_kind::invalid, error_kind::missing_field, pointer + "/" + std::to_string(i),
                 "missing while other fields of " + s.target + " are given (" +
                     (why.empty() ? std::string("the cell is empty") : why) + "); the list needs every one");
          if (gaps.empty()) v = json::value(std::move(items));
          break;
        }
      }
      origins.push_back({pointer, row, s.field ? s.field->name : std::string(), note});
      if (v) set(doc, pointer, std::move(*v));
    }

    std::optional<json::value> checkbox(const source& s, std::size_t row, const std::string& pointer, std::string& note) {
      const auto& f = *s.field;
      json::array list;
      std::string missing_code;
      bool any = false;
      for (const auto& [code, label] : f.choices) {
        const auto name = checkbox_column(f.name, code);
        const long c = self.column(name);
        self.mark(row, c);
        const auto text = self.cell(row, c);
        if (text.empty() || text == "0") continue;
        if (text != "1") {
          fail(row, name, import_error_kind::invalid, error_kind::wrong_type, pointer,
               "a checkbox column holds 1 or 0, found " + (plain(text) ? std::string(text) : std::string("a text")));
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
    for (const auto& o : origins)
      if (is_prefix(o.pointer, e.path) && (!best || o.pointer.size() > best->pointer.size())) best = &o;
    auto issue = issue_at(best ? best->row : case_row, best ? best->field : std::string(), import_error_kind::invalid,
                          e.message, case_id);
    issue.read_kind = e.kind;
    issue.path = e.path;
    if (best && !best->note.empty()) issue.message += " (" + best->note + ")";
    else if (!best || best->pointer != e.path)
      if (e.kind == error_kind::missing_field) issue.message += " (no field of the mapping gives it)";
    return issue;
  }

  void run(const dictionary& dict, std::size_t parse_errors) {
    if (!check_columns()) return;
    used_row.assign(t.rows.size(), false);
    read_cell.assign(t.rows.size() * t.header.size(), false);
    result.rows_read = t.rows.size() + t.malformed.size();
    // A malformed row fails the record it names (its error is already reported).
    std::vector<std::string> broken;
    if (rec >= 0)
      for (const auto& m : t.malformed) {
        const auto c = static_cast<std::size_t>(rec);
        if (c >= m.cells.size() || m.cells[c].text.empty()) continue;
        broken.push_back(m.cells[c].text);
        for (std::size_t e = 0; e < parse_errors; ++e)
          if (result.errors[e].line == m.line) result.errors[e].record = m.cells[c].text;
      }
    // Rows by record, in the order records first appear.
    std::vector<std::string_view> order;
    std::unordered_map<std::string_view, std::vector<std::size_t>> rows_of;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const auto id = cell(r, rec);
      if (id.empty()) {
        result.errors.push_back(issue_at(r, map.record_id->name, import_error_kind::invalid, "a row without a record id"));
        used_row[r] = true;
        continue;
      }
      auto& rows = rows_of[id];
      if (rows.empty()) order.push_back(id);
      rows.push_back(r);
    }
    std::vector<std::vector<long>> list_form_columns;
    for (const auto& l : map.lists) list_form_columns.push_back(form_columns(l.form, dict));

    const auto in_events = [](const std::vector<std::string>& events, std::string_view e) {
      return events.empty() || std::find(events.begin(), events.end(), e) != events.end();
    };

    for (const auto id : order) {
      const auto& rows = rows_of[id];
      if (std::find(broken.begin(), broken.end(), id) != broken.end()) {
        for (const auto r : rows) used_row[r] = true;
        continue;
      }
      const auto before = result.errors.size();
      // Two rows for the same event, instrument and instance: REDCap never exports that.
      for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
          if (cell(rows[i], ev) == cell(rows[j], ev) && cell(rows[i], ri) == cell(rows[j], ri) &&
              cell(rows[i], inst) == cell(rows[j], inst)) {
            result.errors.push_back(issue_at(rows[i], "redcap_repeat_instance", import_error_kind::duplicate_row,
                                             "a second row for the same event, instrument and instance (the first is "
                                             "data row " + std::to_string(t.rows[rows[j]].number) + ")"));
            used_row[rows[i]] = true;
            break;
          }
      // The record's row of the case event(s).
      std::optional<std::size_t> case_row;
      for (const auto r : rows)
        if (cell(r, ri).empty() && cell(r, inst).empty() && in_events(map.case_events, cell(r, ev))) {
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
                          "the record has no row of the case event(s) " +
                              (map.case_events.empty() ? std::string("") : map.case_events.front()) +
                              ", which holds the case fields");
        e.line.reset();
        e.row.reset();
        e.event.clear();
        e.instance.reset();
        result.errors.push_back(std::move(e));
        for (const auto r : rows) used_row[r] = true;
        continue;
      }
      used_row[*case_row] = true;
      json::value doc = json::object();
      doc.get_object()["schema"] = case_schema_version;
      doc.get_object()["case_id"] = record;
      std::vector<origin> origins{{"/case_id", *case_row, map.record_id->name, ""}};
      bool failed = false;
      maker make{*this, doc, origins, failed, record};
      for (const auto& s : map.case_fields) {
        std::size_t row = *case_row;
        if (!s.events.empty()) {
          std::optional<std::size_t> found;
          for (const auto r : rows)
            if (cell(r, ri).empty() && in_events(s.events, cell(r, ev))) found = r;
          if (!found) {
            origins.push_back({s.target, *case_row, s.field ? s.field->name : std::string(),
                               "the record has no row of the field's event"});
            continue;
          }
          row = *found;
          used_row[row] = true;
        }
        make.make(s, "", row, 0);
      }
      std::string case_id = doc.get_object()["case_id"].is_string() ? std::string(doc.get_object()["case_id"].get_string()) : record;
      for (std::size_t k = 0; k < map.lists.size(); ++k) {
        const auto& l = map.lists[k];
        std::size_t n = 0;
        const long status_col = column(l.form + "_complete");
        for (const auto r : rows) {
          // A repeating instrument's rows name it; a form that does not repeat (in this event) is
          // in the event's own row, when it holds any of the form's values.
          const bool mine = cell(r, ri) == l.form || (cell(r, ri).empty() && holds(r, list_form_columns[k]));
          if (!mine || !in_events(l.events, cell(r, ev))) continue;
          used_row[r] = true;
          mark(r, status_col);
          const auto status = cell(r, status_col);
          if (!status.empty() && std::none_of(map.statuses.begin(), map.statuses.end(), [&](int s) {
                return status.size() == 1 && status[0] == static_cast<char>('0' + s);
              })) {
            auto e = issue_at(r, l.form + "_complete", import_error_kind::incomplete,
                              "form " + l.form + " has status " + (plain(status) ? std::string(status) : "?") +
                                  " (0 incomplete, 1 unverified, 2 complete), which the mapping's statuses leave out",
                              case_id);
            result.unused.push_back(std::move(e));
            continue;
          }
          const std::string prefix = l.target + "/" + std::to_string(n++);
          origins.push_back({prefix, r, "", ""});
          set(doc, prefix, json::object());
          const auto instance = instance_of(r).value_or(1);
          for (const auto& s : l.fields) make.make(s, prefix, r, instance);
        }
      }
      if (failed || result.errors.size() != before) {
        for (auto i = before; i < result.errors.size(); ++i)
          if (result.errors[i].case_id.empty()) result.errors[i].case_id = case_id;
        continue;
      }
      auto read = read_case(json::serialize(doc), options.read, cat);
      if (!read) {
        for (const auto& e : read.errors()) result.errors.push_back(place(e, origins, *case_row, case_id));
        continue;
      }
      for (const auto& w : read.warnings()) {
        auto issue = place(w, origins, *case_row, case_id);
        issue.kind = import_error_kind::not_mapped;
        issue.message = "ignored (lax): " + issue.message;
        result.unused.push_back(std::move(issue));
      }
      result.cases.push_back(std::move(read).value());
    }
    report_unused(dict);
  }

  // Every column and row that nothing read is listed, so nothing in the export is lost unseen.
  void report_unused(const dictionary& dict) {
    for (std::size_t c = 0; c < t.header.size(); ++c) {
      if (used_col[c]) continue;
      std::size_t filled = 0, read = 0;
      for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto s = cell(r, static_cast<long>(c));
        const bool value = !s.empty() && !(s == "0" && t.header[c].find("___") != std::string::npos);
        if (read_cell[r * t.header.size() + c]) ++read;
        else if (value) ++filled;
      }
      if (read && !filled) continue;  // every value it holds was read
      std::string base_name = t.header[c];
      if (const auto cut = base_name.find("___"); cut != std::string::npos) base_name.resize(cut);
      const auto* f = dict.find(base_name);
      std::string message = "no part of the mapping reads it; ";
      if (f && f->identifier) message = "an identifier field (Identifier? = y): never read unless mapped; ";
      if (read) message = "read in " + std::to_string(read) + " rows, but not in " + std::to_string(filled) +
                          " other rows that hold a value (rows or forms left out: see them listed)";
      else message += filled ? "it holds values in " + std::to_string(filled) + " of " + std::to_string(t.rows.size()) + " rows"
                             : "it is empty in every row";
      result.unused.push_back({in.records.name, std::nullopt, std::nullopt, t.header[c], "", "",
                               import_error_kind::not_mapped, std::nullopt, std::move(message)});
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r)
      if (!used_row[r]) {
        const auto form = cell(r, ri);
        result.unused.push_back(issue_at(r, "", import_error_kind::not_mapped,
                                         form.empty() ? "no part of the mapping reads this row (its event)"
                                                      : "no part of the mapping reads this row (repeating instrument " +
                                                            std::string(plain(form) ? form : "?") + ")"));
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
    const std::string_view text = input.records.text;
    const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    const csv_table table = first != std::string_view::npos && text[first] == '['
                                ? flat_json_table(input.records, result.errors, options.read)
                                : parse_csv(text, input.records.name, result.errors);
    if (!table.usable) return result;
    record_importer{input, options, cat, map, table, result, {}, -1, -1, -1, -1, {}, {}, {}}.run(dict, result.errors.size());
  } catch (const std::bad_alloc&) {
    result.cases.clear();
    result.errors.push_back({input.records.name, std::nullopt, std::nullopt, "", "", "", import_error_kind::syntax,
                             std::nullopt, "out of memory"});
  }
  return result;
}

}  // namespace iptkit
