// Cases from the tidy tables. Each case is assembled as a case document from its rows and read by
// the case reader, so an imported case meets exactly the checks a JSON case meets; every error
// the reader reports is placed back at the table, line and column its value came from.
#include <iptkit/import/tables.hpp>

#include "case_document.hpp"

#include <iptkit/export/csv_safety.hpp>
#include <iptkit/export/tidy.hpp>
#include <iptkit/import/csv.hpp>
#include <iptkit/json/read.hpp>

#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>
#include <algorithm>
#include <array>
#include <span>
#include <charconv>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

namespace iptkit {

namespace {

namespace json = boost::json;

enum class cell_type { text, integer, boolean, list, json_text };

// A recorded column: the field it makes (a JSON Pointer from the case, or from the row's list
// element), its type, and the column that takes its place when the table has both (`planned_sessions`
// is derived when `recorded_planned_sessions` is there).
struct column_spec {
  std::string_view name;
  std::string_view pointer;
  cell_type type;
  bool required = false;
  std::string_view unless = {};
};

constexpr column_spec case_columns[] = {
    {"schema", "/schema", cell_type::text},
    {"adaptation", "/adaptation", cell_type::text, true},
    {"arm", "/arm", cell_type::text},
    {"site", "/site", cell_type::text},
    {"therapist_id", "/therapist_id", cell_type::text},
    {"group_id", "/group_id", cell_type::text},
    {"age_at_intake", "/age_at_intake", cell_type::integer},
    {"diagnoses_json", "/diagnoses", cell_type::json_text},
    {"recorded_planned_sessions", "/contract/planned_sessions", cell_type::integer},
    {"planned_sessions", "/contract/planned_sessions", cell_type::integer, true, "recorded_planned_sessions"},
    {"frequency", "/contract/frequency", cell_type::text, true},
    {"start_date", "/contract/start_date", cell_type::text, true},
    {"format", "/contract/format", cell_type::text, true},
    {"modality", "/contract/modality", cell_type::text, true},
    {"session_minutes", "/contract/session_minutes", cell_type::integer},
    {"renegotiations_json", "/contract/renegotiations", cell_type::json_text},
    {"inventory_session", "/inventory/completed_session", cell_type::integer},
    {"formulation_json", "/formulation", cell_type::json_text},
    {"trial_json", "/trial", cell_type::json_text},
    {"risk_reviews_json", "/risk_reviews", cell_type::json_text},
    {"discontinuation_json", "/discontinuation", cell_type::json_text},
    {"adverse_events_json", "/adverse_events", cell_type::json_text},
    {"concurrent_treatments_json", "/concurrent_treatments", cell_type::json_text},
    {"maintenance_json", "/maintenance", cell_type::json_text},
    {"notes", "/notes", cell_type::text},
};

constexpr column_spec session_columns[] = {
    {"number", "/number", cell_type::integer, true},
    {"date", "/date", cell_type::text, true},
    {"phase", "/phase", cell_type::text, true},
    {"attendance", "/attendance", cell_type::text, true},
    {"minutes", "/minutes", cell_type::integer},
    {"recorded_format", "/format", cell_type::text},
    {"format", "/format", cell_type::text, false, "recorded_format"},
    {"recorded_modality", "/modality", cell_type::text},
    {"modality", "/modality", cell_type::text, false, "recorded_modality"},
    {"tasks", "/tasks", cell_type::list},
    {"focus_areas", "/focus_areas", cell_type::list},
    {"homework_json", "/homework", cell_type::json_text},
    {"therapist_id", "/therapist_id", cell_type::text},
};

constexpr column_spec assessment_columns[] = {
    {"instrument", "/instrument", cell_type::text, true},
    {"date", "/date", cell_type::text, true},
    {"session", "/session", cell_type::integer},
    {"rater", "/rater", cell_type::text},
    {"recorded_total", "/total", cell_type::integer},
    {"total", "/total", cell_type::integer, false, "recorded_total"},
};

constexpr column_spec relationship_columns[] = {
    {"id", "/id", cell_type::text, true},
    {"label", "/label", cell_type::text, true},
    {"kind", "/kind", cell_type::text, true},
    {"status", "/status", cell_type::text, true},
    {"closeness", "/closeness", cell_type::integer, true},
    {"contact", "/contact", cell_type::text},
    {"support", "/support", cell_type::integer},
    {"conflict", "/conflict", cell_type::integer},
    {"expectations_json", "/expectations", cell_type::json_text},
    {"satisfying_json", "/satisfying", cell_type::json_text},
    {"unsatisfying_json", "/unsatisfying", cell_type::json_text},
    {"desired_changes_json", "/desired_changes", cell_type::json_text},
    {"changed_near_onset", "/changed_near_onset", cell_type::boolean},
    {"loss_date", "/loss_date", cell_type::text},
};

// `item_<k>`, k >= 1: the k-th item score of an assessment.
std::optional<std::size_t> item_number(std::string_view name) {
  if (!name.starts_with("item_")) return std::nullopt;
  name.remove_prefix(5);
  std::size_t k = 0;
  const auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), k);
  if (ec != std::errc() || end != name.data() + name.size() || k == 0 || name.starts_with('0')) return std::nullopt;
  return k;
}

// A column that only complete tables have (tidy_options::complete).
bool is_complete_only(std::string_view table, std::string_view column) {
  bool found = false;
  const auto look = [&](auto extra) {
    boost::mp11::mp_for_each<boost::describe::describe_members<decltype(extra), boost::describe::mod_public>>(
        [&](auto D) { found = found || column == D.name; });
  };
  if (table == "cases") look(case_extra{});
  if (table == "sessions") look(session_extra{});
  if (table == "assessments") look(assessment_extra{});
  if (table == "relationships") look(relationship_extra{});
  return found;
}

std::string unmatched_message(std::string_view id, const std::unordered_map<std::string_view, std::size_t>& cases) {
  std::string_view trimmed = id;
  while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t')) trimmed.remove_prefix(1);
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) trimmed.remove_suffix(1);
  if (id.empty()) return "the row has no case_id";
  if (trimmed != id && cases.count(trimmed))
    return "no row of the cases table has this case_id, which has spaces at its ends (the cases table has it without)";
  // An identifier as the case format has it is safe to quote.
  if (iptkit::json::detail::satisfies(meta::identifier{1, 64}, id))
    return "no row of the cases table has case_id " + std::string(id);
  return "no row of the cases table has this case_id";
}



// A text that is safe to quote in a message: a number, an enum spelling, a date, a boolean.
bool plain(std::string_view s) {
  return !s.empty() && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || ch == '_' || ch == '-' || ch == '.' || ch == ';';
  });
}

// One table of the input: parsed, its recorded columns resolved against its header, and which
// columns are derived (checked) or unknown.
struct table_input {
  const csv_source* source = nullptr;
  std::string_view table;  // cases, sessions, ...
  std::span<const column_spec> specs;
  csv_table csv;
  long case_id = -1;
  std::vector<std::pair<const column_spec*, long>> recorded;  // spec, column (-1: not in the header)
  std::vector<std::pair<std::size_t, std::size_t>> items;     // (k, column)
  std::vector<long> derived;                                  // columns checked against the case
  // The input column of a derived column `name`, or -1.
  long derived_column(std::string_view name) const {
    for (const long c : derived)
      if (csv.header[static_cast<std::size_t>(c)] == name) return c;
    return -1;
  }
  std::unordered_map<std::string, std::vector<std::size_t>> rows_of;  // case_id -> rows
};

struct importer {
  const import_options& options;
  const catalog& cat;
  import_result& result;
  std::set<std::string, std::less<>> broken;  // cases with a malformed row: reported, never imported
  std::array<unsigned char, 32768> arena_buffer{};
  std::size_t unplaced = 0;                   // malformed rows whose case_id cannot be read

  void file_error(const table_input& t, import_error_kind kind, std::string field, std::string message) {
    result.errors.push_back({t.source->name, std::nullopt, std::nullopt, std::move(field), "", "", kind, std::nullopt,
                             std::move(message)});
  }

  // Parses a table and sorts its columns; false when the table cannot be used at all.
  bool open(table_input& t, const csv_source& src, std::string_view table, std::span<const column_spec> specs,
            const std::set<std::string, std::less<>>& export_columns) {
    t.source = &src;
    t.table = table;
    t.specs = specs;
    if (src.name.empty()) return true;
    const auto parsed_from = result.errors.size();
    t.csv = parse_csv(src.text, src.name, result.errors);
    if (!t.csv.usable) return false;
    if (!options.raw_cells)  // what the writer's spreadsheet safety added (export/csv_safety.hpp)
      for (auto* rows : {&t.csv.rows, &t.csv.malformed})
        for (auto& row : *rows)
          for (auto& cell : row.cells)
            if (spreadsheet_value(cell.text).size() != cell.text.size()) cell.text.erase(0, 1);
    const auto before = result.errors.size();  // a malformed row fails its case, not the table
    result.rows_read += t.csv.rows.size();
    t.case_id = t.csv.column("case_id");
    if (t.case_id < 0) file_error(t, import_error_kind::missing_column, "case_id", "every table needs a `case_id` column");
    for (const auto& spec : specs) {
      const long col = t.csv.column(spec.name);
      if (!spec.unless.empty() && t.csv.column(spec.unless) >= 0) continue;  // derived here
      const bool replaced = std::any_of(specs.begin(), specs.end(), [&](const column_spec& o) { return o.unless == spec.name; });
      if (col < 0 && replaced) continue;  // the column in its place is read instead
      if (col < 0 && spec.required)
        file_error(t, import_error_kind::missing_column, std::string(spec.name),
                   spec.pointer.ends_with("date")
                       ? "the table has no `" + std::string(spec.name) +
                             "` column: tables written without dates cannot be imported (days alone do not give "
                             "calendar dates)"
                       : "the table has no `" + std::string(spec.name) + "` column, which every case needs" +
                             (is_complete_only(table, spec.name) ? " (`convert --to csv --complete` writes it)" : ""));
      t.recorded.emplace_back(&spec, col);
    }
    for (std::size_t c = 0; c < t.csv.header.size(); ++c) {
      const auto& name = t.csv.header[c];
      if (name == "case_id") continue;
      const bool is_recorded = std::any_of(t.recorded.begin(), t.recorded.end(), [&](const auto& r) {
        return r.second == static_cast<long>(c);
      });
      if (is_recorded) continue;
      if (table == "assessments") {
        if (const auto k = item_number(name)) {
          t.items.emplace_back(*k, c);
          continue;
        }
      }
      if (table == "cases" && name == "inventory") continue;  // read with the inventory
      if (export_columns.count(name)) {
        if (name != "case_index") t.derived.push_back(static_cast<long>(c));
        continue;
      }
      import_issue issue{src.name, std::nullopt, std::nullopt, name, "", "", import_error_kind::unknown_column, std::nullopt,
                         "not a column of the " + std::string(table) + " table"};
      if (options.keep_unknown_columns) {
        issue.message += "; kept out of the cases";
        result.unused.push_back(std::move(issue));
      } else {
        issue.message += " (--keep-unknown-columns, import_options::keep_unknown_columns, imports without it)";
        result.errors.push_back(std::move(issue));
      }
    }
    std::sort(t.items.begin(), t.items.end());
    for (std::size_t i = 0; i < t.items.size(); ++i)
      if (t.items[i].first != i + 1) {
        file_error(t, import_error_kind::missing_column, "item_" + std::to_string(i + 1),
                   "item columns must run item_1 .. item_n without a gap");
        break;
      }
    if (t.case_id >= 0)
      for (const auto& m : t.csv.malformed) {
        const auto col = static_cast<std::size_t>(t.case_id);
        if (col >= m.cells.size() || m.cells[col].text.empty()) {
          ++unplaced;
          continue;
        }
        broken.insert(m.cells[col].text);
        for (std::size_t e = parsed_from; e < before; ++e)
          if (result.errors[e].line == m.line && result.errors[e].case_id.empty()) result.errors[e].case_id = m.cells[col].text;
      }
    if (t.case_id >= 0)
      for (std::size_t r = 0; r < t.csv.rows.size(); ++r)
        t.rows_of[t.csv.rows[r].cells[static_cast<std::size_t>(t.case_id)].text].push_back(r);
    return result.errors.size() == before;
  }

  // The JSON value of a cell; nullopt for an absent one. A cell that is not of its type goes in
  // as text, for the reader to report as a wrong type.
  std::optional<json::value> value_of(const csv_cell& cell, cell_type type, const table_input& t,
                                      const csv_row& row, std::string_view field, const std::string& case_id,
                                      const std::string& pointer, bool& failed) {
    if (cell.absent()) return std::nullopt;
    const std::string& s = cell.text;
    switch (type) {
      case cell_type::text: return json::value(s);
      case cell_type::integer: {
        std::int64_t v = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec == std::errc() && end == s.data() + s.size()) return json::value(v);
        return json::value(s);
      }
      case cell_type::boolean:
        if (s == "true") return json::value(true);
        if (s == "false") return json::value(false);
        return json::value(s);
      case cell_type::list: {
        json::array a;
        if (!s.empty())
          for (std::size_t from = 0;;) {
            const auto to = s.find(';', from);
            a.emplace_back(std::string_view(s).substr(from, to == std::string::npos ? std::string::npos : to - from));
            if (to == std::string::npos) break;
            from = to + 1;
          }
        return json::value(std::move(a));
      }
      case cell_type::json_text: {
        boost::system::error_code ec;
        json::parse_options po;
        po.max_depth = 64;
        auto v = json::parse(s, ec, {}, po);
        if (!ec) return v;
        result.errors.push_back({t.source->name, row.line, row.number, std::string(field), case_id, pointer,
                                 import_error_kind::syntax, std::nullopt, "the cell is not JSON"});
        failed = true;
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // Fills `into` from one row's recorded columns.
  void fill(json::object& into, const table_input& t, const csv_row& row, const std::string& prefix,
            const std::string& case_id, bool& failed) {
    for (const auto& [spec, col] : t.recorded) {
      if (col < 0) continue;
      if (auto v = value_of(row.cells[static_cast<std::size_t>(col)], spec->type, t, row, spec->name, case_id,
                            prefix + std::string(spec->pointer), failed))
        import_detail::set_at_pointer(into, spec->pointer, std::move(*v));
    }
    if (!t.items.empty()) {
      json::array items;
      std::size_t present = 0;
      for (const auto& [k, col] : t.items)
        if (!row.cells[col].absent()) present = k;
      for (std::size_t i = 0; i < present; ++i) {
        const auto& cell = row.cells[t.items[i].second];
        const std::string field = t.csv.header[t.items[i].second];
        if (cell.absent()) {
          result.errors.push_back({t.source->name, row.line, row.number, field, case_id, prefix + "/items/" + std::to_string(i),
                                   import_error_kind::invalid, error_kind::missing_field,
                                   "an item score is missing before a later one"});
          failed = true;
          continue;
        }
        items.push_back(*value_of(cell, cell_type::integer, t, row, field, case_id, {}, failed));
      }
      if (present) into["items"] = std::move(items);
    }
  }

  // The issue of a reader error: its table and row from the path (`/sessions/3/...` is the fourth
  // sessions row of the case), its column from the recorded column whose field the path is in.
  import_issue place(const read_error& e, const std::string& case_id, const std::array<table_input*, 4>& tables,
                     const std::array<std::vector<std::size_t>, 4>& rows) const {
    std::string_view rest = e.path;
    std::size_t k = 0, i = 0;
    for (const auto& [table, list] : {std::pair<std::size_t, std::string_view>{1, "/sessions/"},
                                      {2, "/assessments/"}, {3, "/inventory/relationships/"}}) {
      if (!rest.starts_with(list)) continue;
      const auto digits = rest.substr(list.size());
      std::size_t n = 0;
      const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
      if (ec != std::errc() || n >= rows[table].size()) break;
      k = table;
      i = n;
      rest = std::string_view(end, static_cast<std::size_t>(digits.data() + digits.size() - end));
      break;
    }
    const table_input& t = *tables[k];
    const csv_row& row = t.csv.rows[rows[k][i]];
    std::string field;
    std::size_t best = 0;
    for (const auto& [spec, col] : t.recorded)
      if (import_detail::is_pointer_prefix(spec->pointer, rest) && spec->pointer.size() > best) {
        best = spec->pointer.size();
        field = spec->name;
      }
    if (k == 0 && rest == "/case_id") field = "case_id";
    if (k == 2 && rest.starts_with("/items/")) {
      std::size_t n = 0;
      const auto digits = rest.substr(7);
      if (std::from_chars(digits.data(), digits.data() + digits.size(), n).ec == std::errc())
        field = numbered_column("items", n + 1);
    }
    return {t.source->name, row.line, row.number, std::move(field), case_id, e.path,
            import_error_kind::invalid, e.kind, e.message};
  }

  // Compares each derived column the input has with the value the case gives.
  bool check_derived(const case_record& c, const std::array<table_input*, 4>& tables,
                     const std::array<std::vector<std::size_t>, 4>& rows) {
    if (std::all_of(tables.begin(), tables.end(), [](const table_input* t) { return t->derived.empty(); })) return true;
    tidy_tables made;  // the analysis columns only: every derived column is one of them
    detail::append_case_tables(c, 0, {.dates = true}, cat, made);
    bool ok = true;
    for (std::size_t k = 0; k < tables.size(); ++k) {
      const table_input& t = *tables[k];
      if (t.derived.empty()) continue;
      for (std::size_t i = 0; i < rows[k].size(); ++i) {
        const csv_row& row = t.csv.rows[rows[k][i]];
        detail::for_each_cell(
            made, t.table, i, [&](std::string_view name) { return t.derived_column(name) >= 0; },
            [&](std::string_view name, const std::string& want) {
              const auto& found = row.cells[static_cast<std::size_t>(t.derived_column(name))].text;
              if (found == want) return;
              const auto shown = [](const std::string& v) {
                return plain(v) ? v : v.empty() ? std::string("an empty cell") : std::string("another value");
              };
              result.errors.push_back({t.source->name, row.line, row.number, std::string(name), c.case_id, "",
                                       import_error_kind::inconsistent, std::nullopt,
                                       "a derived column: the recorded columns give " + shown(want) +
                                           ", the table has " + shown(found) +
                                           " (leave derived columns out, or correct them)"});
              ok = false;
            });
      }
    }
    return ok;
  }

  void run(const tidy_csv_input& in) {
    std::set<std::string, std::less<>> names[4];
    {
      tidy_tables empty;
      empty.extra.complete = true;
      std::vector<import_issue> ignored;
      for (std::size_t k = 0; k < 4; ++k)
        for (auto& h : parse_csv(tidy_csv(empty, tidy_table_names[k], true), "", ignored).header)
          names[k].insert(std::move(h));
    }
    if (in.cases.name.empty()) {
      result.errors.push_back({"", std::nullopt, std::nullopt, "", "", "", import_error_kind::missing_column, std::nullopt,
                               "no cases table: it is the one table every import needs"});
      return;
    }
    table_input cases, sessions, assessments, relationships;
    bool usable = open(cases, in.cases, "cases", case_columns, names[0]);
    usable = open(sessions, in.sessions, "sessions", session_columns, names[1]) && usable;
    usable = open(assessments, in.assessments, "assessments", assessment_columns, names[2]) && usable;
    usable = open(relationships, in.relationships, "relationships", relationship_columns, names[3]) && usable;
    if (!usable) return;
    if (unplaced) {  // any case may be missing that row: none is complete for sure
      result.errors.push_back({"", std::nullopt, std::nullopt, "", "", "", import_error_kind::syntax, std::nullopt,
                               "no case is imported: " + std::to_string(unplaced) +
                                   " malformed row(s) cannot be told which case they belong to (see above)"});
      return;
    }
    const long inventory_col = cases.csv.column("inventory");

    // Rows whose case is not in the cases table.
    std::unordered_map<std::string_view, std::size_t> seen;
    std::set<std::string_view> repeated;
    for (std::size_t r = 0; r < cases.csv.rows.size(); ++r) {
      const std::string_view id = cases.csv.rows[r].cells[static_cast<std::size_t>(cases.case_id)].text;
      if (!seen.emplace(id, r).second) repeated.insert(id);
    }
    for (const table_input* t : {&sessions, &assessments, &relationships})
      for (const auto& [id, rows] : t->rows_of)
        if (!seen.count(id) && !broken.count(id))
          for (auto r : rows)
            result.errors.push_back({t->source->name, t->csv.rows[r].line, t->csv.rows[r].number, "case_id", "", "",
                                     import_error_kind::unmatched_row, std::nullopt, unmatched_message(id, seen)});

    const std::array<table_input*, 4> tables{&cases, &sessions, &assessments, &relationships};
    for (std::size_t r = 0; r < cases.csv.rows.size(); ++r) {
      const csv_row& row = cases.csv.rows[r];
      const std::string& id = row.cells[static_cast<std::size_t>(cases.case_id)].text;
      if (broken.count(id)) continue;  // its malformed row is reported with its id
      if (repeated.count(id)) {
        const auto first = seen.at(id);
        result.errors.push_back({cases.source->name, row.line, row.number, "case_id", id, "", import_error_kind::duplicate_row,
                                 std::nullopt,
                                 first == r ? "more rows of the cases table have this case_id; the case is left out"
                                            : "a second row for this case_id (the first is on line " +
                                                  std::to_string(cases.csv.rows[first].line) + ")"});
        continue;
      }
      const auto before = result.errors.size();
      bool failed = false;
      // The case document, in one arena per case: its many small values are allocated in bulk.
      json::monotonic_resource arena(arena_buffer.data(), arena_buffer.size());
      json::object doc(&arena);
      doc["schema"] = case_schema_version;
      doc["case_id"] = id;
      fill(doc, cases, row, "", id, failed);
      std::array<std::vector<std::size_t>, 4> rows;
      const auto list_of = [&](table_input& t, std::size_t k, std::string_view pointer, json::object& parent,
                               std::string_view key) {
        const auto it = t.rows_of.find(id);
        if (it == t.rows_of.end()) return;
        rows[k] = it->second;
        json::array list(doc.storage());
        for (std::size_t i = 0; i < it->second.size(); ++i) {
          json::object element(doc.storage());
          fill(element, t, t.csv.rows[it->second[i]], std::string(pointer) + "/" + std::to_string(i), id, failed);
          list.push_back(std::move(element));
        }
        parent[key] = std::move(list);
      };
      rows[0] = {r};
      list_of(sessions, 1, "/sessions", doc, "sessions");
      list_of(assessments, 2, "/assessments", doc, "assessments");
      const bool has_people = relationships.rows_of.count(id) > 0;
      bool inventory = has_people || doc.contains("inventory");
      if (inventory_col >= 0) {
        const auto& cell = row.cells[static_cast<std::size_t>(inventory_col)];
        if (cell.text == "true") {
          inventory = true;
        } else if (cell.text == "false" || cell.absent()) {
          if (inventory)
            result.errors.push_back({cases.source->name, row.line, row.number, "inventory", id, "/inventory",
                                     import_error_kind::inconsistent, std::nullopt,
                                     "says no inventory is recorded, but the case has relationships or an "
                                     "inventory_session"});
        } else {
          result.errors.push_back({cases.source->name, row.line, row.number, "inventory", id, "/inventory",
                                   import_error_kind::invalid, error_kind::wrong_type, "expected true or false"});
        }
      }
      if (inventory) {
        auto& inv = doc["inventory"];
        if (!inv.is_object()) inv = json::object();
        if (has_people) list_of(relationships, 3, "/inventory/relationships", inv.as_object(), "relationships");
        else inv.as_object()["relationships"] = json::array();
      }
      if (failed || result.errors.size() != before) continue;
      auto read = read_case(json::serialize(doc), options.read, cat);
      if (!read) {
        for (const auto& e : read.errors()) result.errors.push_back(place(e, id, tables, rows));
        continue;
      }
      for (const auto& w : read.warnings()) {  // --lax: fields no case keeps, listed as unused
        auto issue = place(w, id, tables, rows);
        issue.kind = import_error_kind::unknown_column;
        issue.message = "ignored (lax): " + issue.message;
        result.unused.push_back(std::move(issue));
      }
      if (!check_derived(read.value(), tables, rows)) continue;
      result.cases.push_back(std::move(read).value());
    }
  }
};

}  // namespace

import_result import_tables(const tidy_csv_input& input, const import_options& options, const catalog& cat) {
  import_result result;
  importer{options, cat, result}.run(input);
  // In the order of the tables, then of their lines (a case's errors are found table by table).
  const auto rank = [&](const import_issue& e) {
    const std::string* names[] = {&input.cases.name, &input.sessions.name, &input.assessments.name,
                                  &input.relationships.name};
    for (std::size_t k = 0; k < 4; ++k)
      if (!names[k]->empty() && e.source == *names[k]) return std::pair(k, e.line.value_or(0));
    return std::pair(std::size_t{4}, e.line.value_or(0));
  };
  for (auto* list : {&result.errors, &result.unused})
    std::stable_sort(list->begin(), list->end(),
                     [&](const import_issue& a, const import_issue& b) { return rank(a) < rank(b); });
  return result;
}

}  // namespace iptkit
