#include <iptkit/import/table_columns.hpp>

#include <iptkit/json/detail/read_fast.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/model/maintenance.hpp>
#include <iptkit/model/session.hpp>

#include <string>
#include <bit>
#include <functional>
#include <utility>

namespace iptkit {

namespace {

constexpr auto no_day = cohort_columns::no_day;
constexpr std::uint8_t missing_code = 254;  // a phase or attendance that is missing (255: unknown)
// The dates the case format can hold (years 0000-9999): outcomes add windows to them.
const std::int32_t first_day = day_number(std::chrono::year{0} / 1 / 1);
const std::int32_t last_day = day_number(std::chrono::year{9999} / 12 / 31);
bool in_range(std::int32_t day) { return day >= first_day && day <= last_day; }
const std::string out_of_range = "expected a date from 0000-01-01 to 9999-12-31, found one outside";
// The case format's own bounds of a relapse rule's threshold and run length (maintenance.hpp).
constexpr auto threshold_rule = std::get<0>(std::get<1>(meta::field_rules<relapse_rule>).constraints);
constexpr auto consecutive_rule = std::get<0>(std::get<2>(meta::field_rules<relapse_rule>).constraints);

// Collects issues up to a limit, then counts the rest; the count becomes one last issue.
struct issues {
  std::vector<import_issue>& out;
  std::size_t max;
  std::size_t more = 0;

  void add(std::string_view table, std::optional<std::size_t> row, std::string_view field, std::string case_id,
           import_error_kind kind, std::string message) {
    if (out.size() >= max) {
      ++more;
      return;
    }
    import_issue e;
    e.source = table;
    e.row = row;
    e.field = field;
    e.case_id = std::move(case_id);
    e.kind = kind;
    e.message = std::move(message);
    out.push_back(std::move(e));
  }
  void close() {
    if (more)
      out.push_back({.kind = import_error_kind::invalid,
                     .message = std::to_string(more) + " more problems not listed (limit " + std::to_string(max) + ")"});
  }
};

// Every column of one table has the table's length; `n` is the first column's.
bool same_lengths(issues& log, std::string_view table, std::size_t n,
                  std::initializer_list<std::pair<std::string_view, std::size_t>> columns) {
  bool ok = true;
  for (const auto& [name, size] : columns)
    if (size != n) {
      log.add(table, std::nullopt, name, {}, import_error_kind::missing_column,
              "expected " + std::to_string(n) + " values (one per row), found " + std::to_string(size));
      ok = false;
    }
  return ok;
}

template <class E>
bool valid_enum(std::uint8_t v) {
  return v < meta::enum_size<E>;
}

// Instrument ids in the order append() registers them (a case's relapse rule, then its
// assessments, case by case), without those no row uses: outcome rows follow this order.
void first_appearance_order(cohort_columns& c) {
  const std::size_t k = c.instruments.size();
  std::vector<std::int32_t> to(k, -1);
  std::int32_t next = 0;
  const auto see = [&](std::int32_t i) {
    if (i >= 0 && to[static_cast<std::size_t>(i)] < 0) to[static_cast<std::size_t>(i)] = next++;
  };
  for (std::size_t i = 0; i + 1 < c.offset.size() && static_cast<std::size_t>(next) < k; ++i) {
    see(c.relapse_instrument[i]);
    for (auto a = c.offset[i]; a < c.offset[i + 1] && static_cast<std::size_t>(next) < k; ++a) see(c.instrument[a]);
  }
  bool same = static_cast<std::size_t>(next) == k;
  for (std::size_t i = 0; i < k && same; ++i) same = to[i] == static_cast<std::int32_t>(i);
  if (same) return;
  std::vector<std::string> ids(static_cast<std::size_t>(next));
  for (std::size_t i = 0; i < k; ++i)
    if (to[i] >= 0) ids[static_cast<std::size_t>(to[i])] = std::move(c.instruments[i]);
  c.instruments = std::move(ids);
  for (auto& i : c.instrument) i = to[static_cast<std::size_t>(i)];
  for (auto& i : c.relapse_instrument)
    if (i >= 0) i = to[static_cast<std::size_t>(i)];
}

}  // namespace

case_lookup::case_lookup(const std::vector<std::string>& case_id) : ids_(&case_id) {
  const std::size_t size = std::bit_ceil(std::max<std::size_t>(16, case_id.size() * 2));
  slots_.assign(size, -1);
  mask_ = size - 1;
  const std::hash<std::string_view> hash;
  for (std::size_t i = 0; i < case_id.size(); ++i) {
    for (std::size_t h = hash(case_id[i]) & mask_;; h = (h + 1) & mask_) {
      if (slots_[h] < 0) {
        slots_[h] = static_cast<std::int32_t>(i);
        break;
      }
      if (case_id[static_cast<std::size_t>(slots_[h])] == case_id[i]) {
        duplicates_.push_back(i);
        break;
      }
    }
  }
}

std::int32_t case_lookup::find(std::string_view id) const noexcept {
  for (std::size_t h = std::hash<std::string_view>{}(id) & mask_;; h = (h + 1) & mask_) {
    const auto at = slots_[h];
    if (at < 0 || (*ids_)[static_cast<std::size_t>(at)] == id) return at;
  }
}

cohort_columns_result import_cohort_columns(table_columns in, const catalog& cat, std::size_t max_errors) {
  cohort_columns_result r;
  issues log{r.errors, max_errors == 0 ? 1 : max_errors};
  const auto& cases = in.cases;
  const auto& ses = in.sessions;
  const auto& as = in.assessments;
  const std::size_t n = cases.case_id.size();
  const auto n_instruments = static_cast<std::int32_t>(in.instruments.size());

  bool shaped = same_lengths(log, "cases", n, {{"start_date", cases.start_day.size()}});
  if (!cases.relapse_instrument.empty() || !cases.relapse_threshold.empty() || !cases.relapse_consecutive.empty())
    shaped &= same_lengths(log, "cases", n,
                           {{"relapse_instrument", cases.relapse_instrument.size()},
                            {"relapse_threshold", cases.relapse_threshold.size()},
                            {"relapse_consecutive", cases.relapse_consecutive.size()}});
  shaped &= same_lengths(log, "sessions", ses.case_position.size(),
                         {{"date", ses.day.size()}, {"phase", ses.phase.size()}, {"attendance", ses.attendance.size()}});
  shaped &= same_lengths(log, "assessments", as.case_position.size(),
                         {{"instrument", as.instrument.size()}, {"date", as.day.size()}, {"total", as.total.size()}});
  if (!shaped) {
    log.close();
    return r;
  }

  // The catalog's definition of each instrument id (none: an id the catalog does not know).
  std::vector<const instrument*> spec(in.instruments.size());
  std::string known;
  for (const auto& i : cat.instruments.entries()) known += (known.empty() ? "" : ", ") + i.id;
  for (std::size_t k = 0; k < spec.size(); ++k) spec[k] = cat.instruments.find(in.instruments[k]);
  std::vector<std::uint8_t> reported(spec.size(), 0);
  const auto unknown = [&](std::string_view table, std::size_t row, std::string_view field, std::int32_t k,
                           const std::string& id) {
    if (reported[static_cast<std::size_t>(k)]++) return;  // once per id, at its first row
    log.add(table, row + 1, field, id, import_error_kind::unknown_code,
            "not an instrument of the catalog (known: " + known + "); add its definition to the catalog");
  };

  // The cases table.
  {
    const case_lookup ids(cases.case_id);
    for (const auto i : ids.duplicates())
      log.add("cases", i + 1, "case_id", cases.case_id[i], import_error_kind::duplicate_row, "a second row for this case");
    for (std::size_t i = 0; i < n; ++i) {
      const auto& id = cases.case_id[i];
      if (!json::detail::satisfies(meta::identifier{1, 64}, id))
        log.add("cases", i + 1, "case_id", {}, import_error_kind::invalid,
                "expected 1-64 characters of A-Z a-z 0-9 . _ - (the case format's case_id)");
      if (cases.start_day[i] == no_day)
        log.add("cases", i + 1, "start_date", id, import_error_kind::invalid, "expected the contract start date, found none");
      else if (!in_range(cases.start_day[i]))
        log.add("cases", i + 1, "start_date", id, import_error_kind::invalid, out_of_range);
      if (!cases.relapse_instrument.empty()) {
        const auto k = cases.relapse_instrument[i];
        if (k < -1 || k >= n_instruments)
          log.add("cases", i + 1, "relapse_instrument", id, import_error_kind::invalid,
                  "expected an instrument index below " + std::to_string(n_instruments) + " or -1, found " +
                      std::to_string(k));
        else if (k >= 0 && !spec[static_cast<std::size_t>(k)])
          unknown("cases", i, "maintenance_json", k, id);
        else if (k >= 0 && !json::detail::satisfies(threshold_rule, cases.relapse_threshold[i]))
          log.add("cases", i + 1, "relapse_threshold", id, import_error_kind::invalid,
                  "expected a threshold from " + std::to_string(threshold_rule.min) + " to " +
                      std::to_string(threshold_rule.max) + ", found " + std::to_string(cases.relapse_threshold[i]));
        else if (k >= 0 && !json::detail::satisfies(consecutive_rule, cases.relapse_consecutive[i]))
          log.add("cases", i + 1, "relapse_consecutive", id, import_error_kind::invalid,
                  "expected a run length of at least " + std::to_string(consecutive_rule.min) + ", found " +
                      std::to_string(cases.relapse_consecutive[i]));
      }
    }
  }
  const auto case_of = [&](std::string_view table, std::size_t row, std::int32_t position) {
    if (position >= 0 && static_cast<std::size_t>(position) < n) return true;
    log.add(table, row + 1, "case_id", {}, import_error_kind::unmatched_row, "the row's case is not in the cases table");
    return false;
  };
  const auto id_of = [&](std::int32_t position) { return cases.case_id[static_cast<std::size_t>(position)]; };

  // The sessions, folded per case in row order (as cohort_columns::append walks a case's sessions).
  auto& out = r.columns;
  out.first_attended_day.assign(n, no_day);
  out.last_acute_day.assign(n, no_day);
  out.attended.assign(n, 0);
  out.cancelled.assign(n, 0);
  out.no_show.assign(n, 0);
  out.completer.assign(n, 0);
  std::vector<std::int32_t> previous_day(n, no_day);
  for (std::size_t s = 0; s < ses.case_position.size(); ++s) {
    const auto c = ses.case_position[s];
    if (!case_of("sessions", s, c)) continue;
    const auto i = static_cast<std::size_t>(c);
    bool ok = true;
    if (ses.day[s] == no_day) {
      log.add("sessions", s + 1, "date", id_of(c), import_error_kind::invalid, "expected the session date, found none");
      ok = false;
    } else if (!in_range(ses.day[s])) {
      log.add("sessions", s + 1, "date", id_of(c), import_error_kind::invalid, out_of_range);
      ok = false;
    } else if (ses.day[s] < previous_day[i]) {
      log.add("sessions", s + 1, "date", id_of(c), import_error_kind::invalid,
              "expected a case's sessions in date order, found one dated before the case's previous session: the "
              "endpoint window follows the last acute session, so the order would decide the outcome (sort the "
              "sessions by date, or correct the case's session dates)");
      ok = false;
    } else {
      previous_day[i] = ses.day[s];
    }
    if (!valid_enum<phase>(ses.phase[s])) {
      log.add("sessions", s + 1, "phase", id_of(c), import_error_kind::invalid,
              std::string("expected one of initial, middle, termination, maintenance; found ") +
                  (ses.phase[s] == missing_code ? "none" : "another value"));
      ok = false;
    }
    if (!valid_enum<attendance>(ses.attendance[s])) {
      log.add("sessions", s + 1, "attendance", id_of(c), import_error_kind::invalid,
              std::string("expected one of attended, cancelled, no_show; found ") +
                  (ses.attendance[s] == missing_code ? "none" : "another value"));
      ok = false;
    }
    if (!ok) continue;
    const auto p = static_cast<phase>(ses.phase[s]);
    const auto a = static_cast<attendance>(ses.attendance[s]);
    const bool came = a == attendance::attended;
    if (came && out.first_attended_day[i] == no_day) out.first_attended_day[i] = ses.day[s];
    if (!is_acute(p)) continue;
    out.last_acute_day[i] = ses.day[s];
    out.attended[i] += came;
    out.cancelled[i] += a == attendance::cancelled;
    out.no_show[i] += a == attendance::no_show;
    out.completer[i] = out.completer[i] || (came && p == phase::termination);
  }

  // The assessments: checked, then placed in case blocks (a counting sort that keeps row order
  // within a case; rows already in case order are copied as they are).
  const std::size_t rows = as.case_position.size();
  std::vector<std::uint32_t> count(n + 1, 0);
  bool in_order = true;
  std::int32_t previous = 0;
  for (std::size_t a = 0; a < rows; ++a) {
    const auto c = as.case_position[a];
    if (!case_of("assessments", a, c)) continue;
    ++count[static_cast<std::size_t>(c) + 1];
    in_order = in_order && c >= previous;
    previous = c;
    if (as.day[a] == no_day)
      log.add("assessments", a + 1, "date", id_of(c), import_error_kind::invalid,
              "expected the assessment date, found none");
    else if (!in_range(as.day[a]))
      log.add("assessments", a + 1, "date", id_of(c), import_error_kind::invalid, out_of_range);
    const auto k = as.instrument[a];
    if (k < 0 || k >= n_instruments) {
      log.add("assessments", a + 1, "instrument", id_of(c), import_error_kind::invalid,
              "expected an instrument index below " + std::to_string(n_instruments) + ", found " + std::to_string(k));
      continue;
    }
    const instrument* in_force = spec[static_cast<std::size_t>(k)];
    if (!in_force) {
      unknown("assessments", a, "instrument", k, id_of(c));
      continue;
    }
    const auto t = as.total[a];
    if (t != cohort_columns::no_total && (t < in_force->total_min || t > in_force->total_max))
      log.add("assessments", a + 1, "total", id_of(c), import_error_kind::invalid,
              "expected a " + in_force->id + " total from " + std::to_string(in_force->total_min) + " to " +
                  std::to_string(in_force->total_max) + ", found " + std::to_string(t));
  }
  log.close();
  if (!r.errors.empty()) {
    r.columns = {};
    return r;
  }

  out.offset.resize(n + 1);
  for (std::size_t i = 0; i < n; ++i) count[i + 1] += count[i];
  std::copy(count.begin(), count.end(), out.offset.begin());
  if (in_order) {
    out.instrument.assign(as.instrument.begin(), as.instrument.end());
    out.day.assign(as.day.begin(), as.day.end());
    out.total.assign(as.total.begin(), as.total.end());
  } else {
    out.instrument.resize(rows);
    out.day.resize(rows);
    out.total.resize(rows);
    for (std::size_t a = 0; a < rows; ++a) {
      const std::uint32_t to = count[static_cast<std::size_t>(as.case_position[a])]++;
      out.instrument[to] = as.instrument[a];
      out.day[to] = as.day[a];
      out.total[to] = as.total[a];
    }
  }
  out.start_day.assign(cases.start_day.begin(), cases.start_day.end());
  if (cases.relapse_instrument.empty()) {
    out.relapse_instrument.assign(n, -1);
    out.relapse_threshold.assign(n, 0);
    out.relapse_consecutive.assign(n, 0);
  } else {
    out.relapse_instrument.assign(cases.relapse_instrument.begin(), cases.relapse_instrument.end());
    out.relapse_threshold.assign(cases.relapse_threshold.begin(), cases.relapse_threshold.end());
    out.relapse_consecutive.assign(cases.relapse_consecutive.begin(), cases.relapse_consecutive.end());
    for (std::size_t i = 0; i < n; ++i)
      if (out.relapse_instrument[i] < 0) out.relapse_threshold[i] = out.relapse_consecutive[i] = 0;
  }
  out.instruments = std::move(in.instruments);
  first_appearance_order(out);
  out.case_id = std::move(in.cases.case_id);
  return r;
}

}  // namespace iptkit
