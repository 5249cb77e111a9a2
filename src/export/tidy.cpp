// The tidy tables (docs/interop.md): rows built per case, CSV written generically from the rows'
// descriptions, so a column added to a row type appears in every output.
#include <iptkit/detail/case_pointers.hpp>
#include <iptkit/export/tidy.hpp>

#include <iptkit/json/check.hpp>
#include <iptkit/json/write.hpp>

#include <iptkit/export/csv.hpp>
#include <iptkit/measures/scoring.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <iptkit/outcomes/cohort_columns.hpp>
#include <iptkit/outcomes/outcomes.hpp>

#include <boost/mp11/algorithm.hpp>
#include <algorithm>
#include <optional>
#include <type_traits>

namespace iptkit {

namespace {

std::optional<date> dated(date d, bool dates) {
  return dates ? std::optional<date>(d) : std::nullopt;
}

int day_of(date d, std::int32_t start) { return day_number(d) - start; }

void append_case_rows(const case_record& c, std::size_t index, const tidy_options& o, const catalog& cat,
                      tidy_tables& t) {
  const auto start = day_number(c.contract.start_date);
  case_row row;
  row.case_index = index;
  row.case_id = c.case_id;
  row.start_date = dated(c.contract.start_date, o.dates);
  row.adaptation = c.adaptation;
  row.arm = c.arm;
  row.site = c.site;
  row.therapist_id = c.therapist_id;
  row.group_id = c.group_id;
  row.age_at_intake = c.age_at_intake;
  row.planned_sessions = planned_sessions(c.contract);
  row.frequency = c.contract.frequency;
  row.format = c.contract.format;
  row.modality = c.contract.modality;
  if (c.formulation && !c.formulation->focus.empty()) {
    row.primary_focus = area_of(c.formulation->focus[0]);
    if (c.formulation->focus.size() > 1) row.secondary_focus = area_of(c.formulation->focus[1]);
  }
  row.diagnoses = c.diagnoses.size();
  row.relationships = c.inventory ? c.inventory->relationships.size() : 0;
  row.sessions = c.sessions.size();
  row.assessments = c.assessments.size();
  row.maintenance = c.maintenance.has_value();
  row.antidepressant = std::any_of(c.concurrent_treatments.begin(), c.concurrent_treatments.end(),
                                   [](const auto& tr) { return tr.kind == treatment_kind::antidepressant; });

  std::optional<int> inventory_day;
  for (const auto& s : c.sessions) {
    if (is_acute(s.phase) && s.attendance == attendance::attended) ++row.sessions_attended;
    row.last_session_day = std::max(row.last_session_day.value_or(day_of(s.date, start)), day_of(s.date, start));
    if (c.inventory && c.inventory->completed_session == s.number) inventory_day = day_of(s.date, start);
    t.sessions.push_back({index, c.case_id, day_of(s.date, start), dated(s.date, o.dates), s.number, s.phase,
                          s.attendance, s.minutes, s.format.value_or(c.contract.format),
                          s.modality.value_or(c.contract.modality), s.tasks, s.focus_areas, s.homework.size()});
  }
  t.cases.push_back(std::move(row));

  append_assessment_rows(c, index, t.assessments, o, cat);

  if (c.inventory) {
    std::size_t person = 0;
    for (const auto& r : c.inventory->relationships) {
      relationship_row rr;
      rr.case_index = index;
      rr.case_id = c.case_id;
      rr.day = inventory_day;
      rr.person = ++person;
      rr.kind = r.kind;
      rr.status = r.status;
      rr.closeness = r.closeness;
      rr.contact = r.contact;
      rr.support = r.support;
      rr.conflict = r.conflict;
      rr.expectations = r.expectations.size();
      rr.unmet_expectations = static_cast<std::size_t>(std::count_if(
          r.expectations.begin(), r.expectations.end(),
          [](const expectation& e) { return e.status == expectation_status::unmet; }));
      if (c.formulation)
        for (const auto& f : c.formulation->focus)
          if (const auto* id = relationship_of(f); id && *id == r.id) rr.in_focus = true;
      rr.changed_near_onset = r.changed_near_onset;
      if (r.loss_date) rr.loss_day = day_of(*r.loss_date, start);
      t.relationships.push_back(std::move(rr));
    }
  }
}

template <class M>
constexpr bool is_date_column = std::is_same_v<M, date> || std::is_same_v<M, std::optional<date>>;

// One cell, quoted as needed, a text cell spreadsheet-safe unless `options.raw_cells`; an empty
// text that is present is written `""`, so that import tells it from an absent one.
template <class M>
void append_cell_text(std::string& out, const M& v, const csv_options& options) {
  const std::string* text = nullptr;
  if constexpr (std::is_same_v<M, std::string>) text = &v;
  if constexpr (std::is_same_v<M, std::optional<std::string>>) text = v ? &*v : nullptr;
  if (text && text->empty()) out += "\"\"";
  else if constexpr (csv_detail::is_text_v<M>) csv_detail::append_text_field(out, csv_detail::cell_text(v), options);
  else csv_detail::append_field(out, csv_detail::cell_text(v));
}

// One table's columns, written generically from the descriptions of Row and, when given, of its
// complete columns Extra (written after Row's).
template <class Row>
struct table_writer {
  const std::vector<Row>& rows;
  bool dates;
  csv_options options;
  std::vector<std::size_t> widths;  // of each list-of-integers column: its longest list

  table_writer(const std::vector<Row>& r, bool d, const csv_options& o) : rows(r), dates(d), options(o) {
    boost::mp11::mp_for_each<meta::members_with_bases_of<Row>>([&](auto D) {
      using M = std::remove_cvref_t<decltype(std::declval<Row&>().*D.pointer)>;
      if constexpr (std::is_same_v<M, std::vector<int>>) {
        std::size_t w = 0;
        for (const auto& row : rows) w = std::max(w, (row.*D.pointer).size());
        widths.push_back(w);
      }
    });
  }

  template <class T, class Cell>
  void header(Cell&& cell) const {
    std::size_t list = 0;
    boost::mp11::mp_for_each<meta::members_with_bases_of<T>>([&](auto D) {
      using M = std::remove_cvref_t<decltype(std::declval<T&>().*D.pointer)>;
      if constexpr (is_date_column<M>) {
        if (dates) cell(std::string_view(D.name));
      } else if constexpr (std::is_same_v<M, std::vector<int>>) {
        for (std::size_t k = 1; k <= widths[list]; ++k) cell(numbered_column(D.name, k));
        ++list;
      } else {
        cell(std::string_view(D.name));
      }
    });
  }

  template <class T>
  void cells(std::string& out, const T& r, bool& first) const {
    std::size_t list = 0;
    const auto sep = [&] {
      if (!first) out += ',';
      first = false;
    };
    boost::mp11::mp_for_each<meta::members_with_bases_of<T>>([&](auto D) {
      using M = std::remove_cvref_t<decltype(std::declval<T&>().*D.pointer)>;
      const M& v = r.*D.pointer;
      if constexpr (is_date_column<M>) {
        if (!dates) return;
        sep();
        append_cell_text(out, v, options);
      } else if constexpr (std::is_same_v<M, std::vector<int>>) {
        for (std::size_t k = 0; k < widths[list]; ++k) {
          sep();
          if (k < v.size()) csv_detail::append_scalar_text(out, v[k]);
        }
        ++list;
      } else {
        sep();
        append_cell_text(out, v, options);
      }
    });
  }
};

// Calls f(column, text) for each cell of `r` that `wanted` names, the item columns left out.
template <class T, class W, class F>
void row_texts(const T& r, W&& wanted, F&& f) {
  boost::mp11::mp_for_each<meta::members_with_bases_of<T>>([&](auto D) {
    using M = std::remove_cvref_t<decltype(std::declval<T&>().*D.pointer)>;
    if constexpr (!std::is_same_v<M, std::vector<int>>)
      if (wanted(std::string_view(D.name))) f(std::string_view(D.name), csv_detail::cell_text(r.*D.pointer));
  });
}

template <class Row, class Extra = Row>
std::string table_csv(const std::vector<Row>& rows, bool dates, const csv_options& options,
                      const std::vector<Extra>* extra = nullptr) {
  const table_writer<Row> w(rows, dates, options);
  std::string out;
  bool first = true;
  const auto cell = [&](std::string_view name) {
    if (!first) out += ',';
    first = false;
    csv_detail::append_field(out, name);
  };
  w.template header<Row>(cell);
  if (extra) w.template header<Extra>(cell);
  out += "\r\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    first = true;
    w.cells(out, rows[i], first);
    if (extra) w.cells(out, (*extra)[i], first);
    out += "\r\n";
  }
  return out;
}

template <class T>
std::optional<std::string> json_cell(const T& v) {
  if constexpr (meta::is_vector_v<T>) {
    if (v.empty()) return std::nullopt;
  }
  return to_json(v, {json_style::compact});
}

template <class T>
std::optional<std::string> json_cell(const std::optional<T>& v) {
  return v ? json_cell(*v) : std::nullopt;
}

void append_extra_columns(const case_record& c, tidy_extra_columns& x) {
  case_extra e;
  e.schema = c.schema;
  e.recorded_planned_sessions = c.contract.planned_sessions;
  e.session_minutes = c.contract.session_minutes;
  e.renegotiations_json = json_cell(c.contract.renegotiations);
  e.diagnoses_json = json_cell(c.diagnoses);
  e.inventory = c.inventory.has_value();
  if (c.inventory) e.inventory_session = c.inventory->completed_session;
  e.formulation_json = json_cell(c.formulation);
  e.trial_json = json_cell(c.trial);
  e.risk_reviews_json = json_cell(c.risk_reviews);
  e.discontinuation_json = json_cell(c.discontinuation);
  e.adverse_events_json = json_cell(c.adverse_events);
  e.concurrent_treatments_json = json_cell(c.concurrent_treatments);
  e.maintenance_json = json_cell(c.maintenance);
  e.notes = c.notes;
  x.cases.push_back(std::move(e));
  for (const auto& s : c.sessions) x.sessions.push_back({s.format, s.modality, json_cell(s.homework), s.therapist_id});
  for (const auto& a : c.assessments) x.assessments.push_back({a.total});
  if (c.inventory)
    for (const auto& r : c.inventory->relationships)
      x.relationships.push_back({r.id, r.label, r.loss_date, json_cell(r.expectations), json_cell(r.satisfying),
                                 json_cell(r.unsatisfying), json_cell(r.desired_changes)});
}

}  // namespace

void append_assessment_rows(const case_record& c, std::size_t case_index, std::vector<assessment_row>& out,
                            const tidy_options& options, const catalog& cat) {
  const bool dates = options.dates;
  const auto& instruments = cat.instruments;
  const auto start = day_number(c.contract.start_date);
  for (const auto& a : c.assessments) {
    const instrument* in = instruments.find(a.instrument);
    assessment_row row{case_index, c.case_id, c.arm, day_of(a.date, start), dated(a.date, dates),
                       a.instrument, a.session, a.rater, score_total(a, in), std::nullopt, a.items};
    if (row.total && in)
      if (const auto* b = band_of(*in, *row.total)) row.band = b->label;
    out.push_back(std::move(row));
  }
}

void detail::append_case_tables(const case_record& c, std::size_t case_index, const tidy_options& options,
                                const catalog& cat, tidy_tables& out) {
  append_case_rows(c, case_index, options, cat, out);
  out.extra.complete = options.complete;
  if (options.complete) append_extra_columns(c, out.extra);
}

void detail::for_each_cell(const tidy_tables& t, std::string_view table, std::size_t index,
                           const std::function<bool(std::string_view)>& wanted,
                           const std::function<void(std::string_view, const std::string&)>& f) {
  const auto visit = [&](const auto& rows, const auto& extra) {
    if (index >= rows.size()) return;
    row_texts(rows[index], wanted, f);
    if (index < extra.size()) row_texts(extra[index], wanted, f);
  };
  if (table == "cases") visit(t.cases, t.extra.cases);
  if (table == "sessions") visit(t.sessions, t.extra.sessions);
  if (table == "assessments") visit(t.assessments, t.extra.assessments);
  if (table == "relationships") visit(t.relationships, t.extra.relationships);
}

std::string numbered_column(std::string_view member, std::size_t k) {
  if (member.ends_with('s')) member.remove_suffix(1);
  return std::string(member) + "_" + std::to_string(k);
}

tidy_tables make_tidy_tables(std::span<const case_record* const> cases, const tidy_options& options,
                             const catalog& cat) {
  const std::size_t first_index = options.first_index;
  require_well_formed(cases, {}, first_index, cat);
  tidy_tables t;
  t.extra.complete = options.complete;
  t.cases.reserve(cases.size());
  cohort_columns columns;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    detail::append_case_tables(*cases[i], first_index + i, options, cat, t);
    columns.append(*cases[i], cat);
  }
  auto rows = compute_outcomes(columns, {}, cat);
  t.outcomes.reserve(rows.size());
  for (auto& r : rows) {
    const case_record& c = *cases[r.case_index];
    const auto start = day_number(c.contract.start_date);
    outcome_row o{std::move(r)};
    o.arm = c.arm;
    o.site = c.site;
    o.adaptation = c.adaptation;
    o.case_index += first_index;
    if (o.baseline_date) o.baseline_day = day_of(*o.baseline_date, start);
    if (o.endpoint_date) o.day = day_of(*o.endpoint_date, start);
    if (!options.dates)  // every date quantity, whichever there are
      for_each_quantity([](auto d, auto& v) {
        if constexpr (std::is_same_v<quantity_t<decltype(d)>, std::optional<date>>) v.reset();
      }, o);
    t.outcomes.push_back(std::move(o));
  }
  return t;
}

tidy_tables make_tidy_tables(std::span<const case_record> cases, const tidy_options& options, const catalog& cat) {
  return make_tidy_tables(detail::case_pointers(cases), options, cat);
}

std::string tidy_csv(const tidy_tables& tables, std::string_view table, bool dates, const csv_options& options) {
  const auto& x = tables.extra;
  const auto with = [&](const auto& rows, const auto& extra) {
    return x.complete && rows.size() == extra.size() ? &extra : nullptr;
  };
  const auto& o = options;
  if (table == "cases") return table_csv(tables.cases, dates, o, with(tables.cases, x.cases));
  if (table == "sessions") return table_csv(tables.sessions, dates, o, with(tables.sessions, x.sessions));
  if (table == "assessments") return table_csv(tables.assessments, dates, o, with(tables.assessments, x.assessments));
  if (table == "relationships") return table_csv(tables.relationships, dates, o, with(tables.relationships, x.relationships));
  if (table == "outcomes") return table_csv(tables.outcomes, dates, o);
  return {};
}

}  // namespace iptkit
