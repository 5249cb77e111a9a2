// Per-case outcomes on cohort columns (outcomes.md). Each case is one short scan of its own
// assessment rows, giving string-free row values that are written straight into the output:
// case_outcome rows (compute_outcomes) or outcome_columns (compute_outcome_columns). The
// quantities are declared in outcome_quantities.hpp; here they are computed (compute_case,
// score_row, recover, paired), and copied into either output by walking their description.
#include <iptkit/outcomes/outcomes.hpp>

#include <iptkit/json/check.hpp>
#include <iptkit/detail/parallel.hpp>
#include <iptkit/meta/type_traits.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <optional>
#include <string>
#include <type_traits>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace iptkit {

namespace {

using cols = cohort_columns;

// z for a two-sided 95% interval; Jacobson & Truax (1991) use 1.96.
constexpr double rci_criterion = 1.96;

// The computation's form of a quantity: as in case_outcome, but without strings or calendar
// arithmetic per row. A date is a day number and a band an index into tables::bands.
template <class T>
struct compact {
  using type = T;
};
template <>
struct compact<std::optional<date>> {
  using type = std::optional<std::int32_t>;
};
template <>
struct compact<std::optional<std::string>> {
  using type = std::optional<std::int32_t>;
};
struct compact_form {
  template <class T>
  using of = typename compact<T>::type;
};

// One row's values: every quantity in compact form, and the row's key as indices.
struct row_values : basic_outcome_quantities<compact_form> {
  std::size_t case_index = 0;
  std::int32_t instrument = -1;  // index into the instrument names; -1: no scorable assessment
};

// What every case shares, looked up once: the instrument in force for each instrument index of
// the columns, the band labels (numbered across instruments), and which indices are PHQ-9/GAD-7.
struct tables {
  std::vector<const instrument*> spec;      // nullptr: not in the catalog
  std::vector<std::int32_t> band_base;      // index of the first band of each instrument
  std::vector<const std::string*> bands;    // every band label
  std::vector<std::uint8_t> is_phq, is_gad;
  std::int32_t paired = 0;                  // the index of `phq9+gad7` (after the cohort's own)

  tables(const cols& k, const instrument_registry& registry) {
    const std::size_t n = k.instruments.size();
    spec.resize(n);
    band_base.resize(n);
    is_phq.resize(n);
    is_gad.resize(n);
    for (std::size_t j = 0; j < n; ++j) {
      spec[j] = registry.find(k.instruments[j]);
      band_base[j] = static_cast<std::int32_t>(bands.size());
      if (spec[j])
        for (const auto& b : spec[j]->bands) bands.push_back(&b.label);
      is_phq[j] = k.instruments[j] == "phq9";
      is_gad[j] = k.instruments[j] == "gad7";
    }
    paired = static_cast<std::int32_t>(n);
  }

  std::optional<std::int32_t> band(std::int32_t inst, const instrument& in, int total) const {
    if (const auto* b = band_of(in, total))
      return band_base[static_cast<std::size_t>(inst)] + static_cast<std::int32_t>(b - in.bands.data());
    return std::nullopt;
  }
};

// Fills the baseline/endpoint quantities of one instrument's row.
void score_row(row_values& o, const instrument& in, const tables& t) {
  const int b = *o.baseline, e = *o.endpoint;
  o.baseline_band = t.band(o.instrument, in, b);
  o.endpoint_band = t.band(o.instrument, in, e);
  o.change = e - b;
  if (b == 0) {
    o.percent_change_reason = not_computed::baseline_zero;
  } else {
    o.percent_change = 100.0 * (e - b) / b;
  }
  if (in.direction != score_direction::higher_is_worse) o.response_reason = not_computed::not_higher_is_worse;
  else if (b == 0) o.response_reason = not_computed::baseline_zero;
  else o.response = 2 * e <= b;  // a reduction of at least 50%
  if (in.remission) o.remission = at_or_better(in, e, *in.remission);
  else o.remission_reason = not_computed::no_remission_cutoff;

  // Improvement is a fall for higher-is-worse scales and a rise otherwise.
  const int better = in.direction == score_direction::higher_is_worse ? b - e : e - b;
  if (in.reliable_change) {
    o.reliable_improvement = better >= *in.reliable_change;
    o.reliable_deterioration = -better >= *in.reliable_change;
  } else if (in.jacobson_truax && in.jacobson_truax->sd > 0 && in.jacobson_truax->reliability < 1) {
    const double s_diff =
        in.jacobson_truax->sd * std::sqrt(2.0) * std::sqrt(1.0 - in.jacobson_truax->reliability);
    o.rci = (e - b) / s_diff;
    const double better_rci = in.direction == score_direction::higher_is_worse ? -*o.rci : *o.rci;
    o.reliable_improvement = better_rci > rci_criterion;
    o.reliable_deterioration = better_rci < -rci_criterion;
  } else {
    o.reliable_change_reason = not_computed::no_reliable_change_definition;
  }

  if (in.caseness) {
    o.baseline_caseness = at_or_worse(in, b, *in.caseness);
    o.endpoint_caseness = at_or_worse(in, e, *in.caseness);
  } else {
    o.caseness_reason = not_computed::no_caseness_cutoff;
  }
}

// Recovery from caseness and reliable improvement (shared by single and paired rows). The NHS
// Talking Therapies denominator: cases that finished a course of treatment (at least 2 attended
// sessions) and were at caseness at baseline; every other case is outside it, with its reason.
void recover(row_values& o) {
  if (!o.finished_treatment) {
    o.recovery_reason = not_computed::not_finished_treatment;
    return;
  }
  if (!o.baseline_caseness) {
    o.recovery_reason = o.caseness_reason ? o.caseness_reason : o.status;
    return;
  }
  if (!*o.baseline_caseness) {
    o.recovery_reason = not_computed::not_case_at_baseline;
    return;
  }
  if (!o.endpoint_caseness) {
    o.recovery_reason = o.status ? o.status : o.caseness_reason;
    return;
  }
  o.recovery = !*o.endpoint_caseness;
  if (o.reliable_improvement) o.reliable_recovery = *o.recovery && *o.reliable_improvement;
  else o.recovery_reason = o.reliable_change_reason;  // recovery known, reliable recovery not
}

// The NHS Talking Therapies paired PHQ-9 + GAD-7 definitions.
row_values paired(const row_values& phq, const row_values& gad, std::int32_t instrument) {
  row_values o;
  o.case_index = phq.case_index;
  o.instrument = instrument;
  o.sessions_attended = phq.sessions_attended;  // per case: the same on every row
  o.sessions_cancelled = phq.sessions_cancelled;
  o.sessions_no_show = phq.sessions_no_show;
  o.completer = phq.completer;
  o.finished_treatment = phq.finished_treatment;
  o.status = phq.status ? phq.status : gad.status;
  if (!o.status) {
    // The built-in PHQ-9 and GAD-7 always have both; a registered override may lack a caseness
    // cutoff or a reliable-change definition, and then its reason is the pair's.
    if (phq.baseline_caseness && gad.baseline_caseness && phq.endpoint_caseness && gad.endpoint_caseness) {
      o.baseline_caseness = *phq.baseline_caseness || *gad.baseline_caseness;
      o.endpoint_caseness = *phq.endpoint_caseness || *gad.endpoint_caseness;
    } else {
      o.caseness_reason = phq.caseness_reason ? phq.caseness_reason : gad.caseness_reason;
    }
    if (phq.reliable_improvement && gad.reliable_improvement) {
      const bool improved = *phq.reliable_improvement || *gad.reliable_improvement;
      const bool worse = *phq.reliable_deterioration || *gad.reliable_deterioration;
      o.reliable_improvement = improved && !worse;
      o.reliable_deterioration = worse && !improved;
    } else {
      o.reliable_change_reason = phq.reliable_change_reason ? phq.reliable_change_reason : gad.reliable_change_reason;
    }
  } else {
    o.caseness_reason = o.reliable_change_reason = o.status;
  }
  o.percent_change_reason = o.response_reason = o.remission_reason = o.relapse_reason =
      not_computed::not_in_paired_definition;
  recover(o);
  return o;
}

// `day` plus `months` calendar months; a day the month lacks becomes its last (31 January plus
// one month is the last day of February).
std::int32_t add_months(std::int32_t day, int months) {
  date d = from_day_number(day) + std::chrono::months{months};
  if (!d.ok()) d = std::chrono::year_month_day_last(d.year(), std::chrono::month_day_last(d.month()));
  return day_number(d);
}

// The rows of instrument `inst` with a total, in date order (ties in document order).
void dated_rows(const cols& k, std::uint32_t from, std::uint32_t to, std::int32_t inst,
                std::vector<std::uint32_t>& out) {
  out.clear();
  for (std::uint32_t q = from; q < to; ++q)
    if (k.instrument[q] == inst && k.total[q] != cols::no_total) out.push_back(q);
  std::stable_sort(out.begin(), out.end(), [&](std::uint32_t a, std::uint32_t b) { return k.day[a] < k.day[b]; });
}

// The episode's course after the baseline and the maintenance relapse rule (outcomes.md "Episode
// course"; Frank et al. 1991, Rush et al. 2006): remission, remission sustained for the recovery
// period, and what the rule's first firing was. One pass over the instrument's rows in date
// order; a row that fires the rule is judged on the course before it, and the course stops there.
void episode_course(row_values& o, const cols& k, std::size_t i, const instrument* in, std::int32_t baseline_day,
                    std::int32_t last, int recovery_months, const std::vector<std::uint32_t>& rows) {
  const bool rule = k.relapse_instrument[i] == o.instrument;
  const bool judged = in && in->remission && baseline_day != cols::no_day;  // remission can be told
  std::int32_t run = 0, remission_start = cols::no_day, last_after = cols::no_day;
  bool any_after = false;
  for (const std::uint32_t q : rows) {
    const std::int32_t day = k.day[q];
    const int total = k.total[q];
    if (rule && last != cols::no_day && day > last) {
      any_after = true;
      last_after = day;
      const bool worse = in ? at_or_worse(*in, total, k.relapse_threshold[i]) : total >= k.relapse_threshold[i];
      run = worse ? run + 1 : 0;
      if (run == k.relapse_consecutive[i]) {
        o.relapse_rule_fired = true;
        o.relapse_date = day;
        o.relapse_days = day - last;
        o.relapse_censored = false;
        if (judged)
          o.relapse_kind = !o.remission_date                ? relapse_kind::no_remission
                           : o.sustained_remission_date     ? relapse_kind::recurrence
                                                            : relapse_kind::relapse;
        break;
      }
    }
    if (!judged || day <= baseline_day) continue;
    if (at_or_better(*in, total, *in->remission)) {
      if (remission_start == cols::no_day) remission_start = day;
      if (!o.remission_date) o.remission_date = day;
      if (!o.sustained_remission_date) {
        const std::int32_t sustained = add_months(remission_start, recovery_months);
        if (day >= sustained) o.sustained_remission_date = sustained;
      }
    } else {
      remission_start = cols::no_day;  // the remission broke: a later one starts its period afresh
    }
  }
  if (!rule) {
    o.relapse_reason = k.relapse_instrument[i] < 0 ? not_computed::no_relapse_rule : not_computed::other_instrument;
  } else if (!any_after) {
    o.relapse_reason = not_computed::no_maintenance_assessments;
  } else if (!o.relapse_rule_fired) {
    o.relapse_rule_fired = false;
    o.relapse_days = last_after - last;  // censored at the last assessment
    o.relapse_censored = true;
  } else if (!judged) {
    // Fired, but whether it was a relapse or a recurrence cannot be told.
    o.relapse_reason = !in ? not_computed::unknown_instrument
                       : !in->remission ? not_computed::no_remission_cutoff
                                        : o.status;
  }
}

// The instruments of case i with a scorable assessment, in order of first appearance.
struct instrument_list {
  std::vector<std::int32_t> ids;
  void collect(const cols& k, std::size_t i) {
    ids.clear();
    std::uint64_t seen = 0;  // indices below 64; a registry rarely holds more
    for (std::uint32_t r = k.offset[i]; r < k.offset[i + 1]; ++r) {
      if (k.total[r] == cols::no_total) continue;
      const std::int32_t inst = k.instrument[r];
      if (inst < 64) {
        if (seen & (std::uint64_t{1} << inst)) continue;
        seen |= std::uint64_t{1} << inst;
      } else if (std::find(ids.begin(), ids.end(), inst) != ids.end()) {
        continue;
      }
      ids.push_back(inst);
    }
  }
};

// Rows case i produces: one per instrument (one when it has none), plus the paired row when it
// has both PHQ-9 and GAD-7.
std::size_t row_count(const instrument_list& list, const tables& t) {
  bool phq = false, gad = false;
  for (const std::int32_t inst : list.ids) {
    phq = phq || t.is_phq[static_cast<std::size_t>(inst)];
    gad = gad || t.is_gad[static_cast<std::size_t>(inst)];
  }
  return std::max<std::size_t>(1, list.ids.size()) + (phq && gad);
}

// The rows of case i (row_count() of them), in order.
void compute_case(const cols& k, std::size_t i, const tables& t, int recovery_months, const instrument_list& list,
                  std::vector<row_values>& rows, std::vector<std::uint32_t>& scratch) {
  rows.clear();
  const std::uint32_t from = k.offset[i], to = k.offset[i + 1];
  const std::int32_t intake_from = k.start_day[i] - 28;  // intake window (rule C006)
  const std::int32_t first = k.first_attended_day[i], last = k.last_acute_day[i];

  row_values base;
  base.case_index = i;
  base.sessions_attended = k.attended[i];
  base.sessions_cancelled = k.cancelled[i];
  base.sessions_no_show = k.no_show[i];
  base.completer = k.completer[i] != 0;
  base.finished_treatment = k.attended[i] >= 2;

  for (const std::int32_t inst : list.ids) {
    row_values& o = rows.emplace_back(base);
    o.instrument = inst;
    const instrument* in = t.spec[static_cast<std::size_t>(inst)];
    // Baseline: the earliest in the intake window up to the first attended session.
    std::int32_t b_row = -1, e_row = -1;
    if (first != cols::no_day)
      for (std::uint32_t q = from; q < to; ++q)
        if (k.instrument[q] == inst && k.total[q] != cols::no_total && k.day[q] >= intake_from &&
            k.day[q] <= first && (b_row < 0 || k.day[q] < k.day[static_cast<std::uint32_t>(b_row)]))
          b_row = static_cast<std::int32_t>(q);
    // Endpoint: the latest after the baseline up to the last acute session + 14 days (LOCF).
    if (b_row >= 0 && last != cols::no_day)
      for (std::uint32_t q = from; q < to; ++q)
        if (k.instrument[q] == inst && k.total[q] != cols::no_total &&
            k.day[q] > k.day[static_cast<std::uint32_t>(b_row)] && k.day[q] <= last + 14 &&
            (e_row < 0 || k.day[q] >= k.day[static_cast<std::uint32_t>(e_row)]))
          e_row = static_cast<std::int32_t>(q);

    if (!in) o.status = not_computed::unknown_instrument;
    else if (b_row < 0) o.status = not_computed::no_baseline;
    else if (e_row < 0) o.status = not_computed::no_endpoint;
    if (b_row >= 0) {
      o.baseline = k.total[static_cast<std::uint32_t>(b_row)];
      o.baseline_date = k.day[static_cast<std::uint32_t>(b_row)];
    }
    if (e_row >= 0) {
      o.endpoint = k.total[static_cast<std::uint32_t>(e_row)];
      o.endpoint_date = k.day[static_cast<std::uint32_t>(e_row)];
    }
    if (!o.status) {
      score_row(o, *in, t);
    } else {
      o.percent_change_reason = o.response_reason = o.remission_reason = o.reliable_change_reason =
          o.caseness_reason = o.status;
      if (in && o.baseline) o.baseline_band = t.band(inst, *in, *o.baseline);
      if (in && o.baseline && in->caseness) o.baseline_caseness = at_or_worse(*in, *o.baseline, *in->caseness);
    }
    recover(o);

    dated_rows(k, from, to, inst, scratch);
    episode_course(o, k, i, in, b_row >= 0 ? k.day[static_cast<std::uint32_t>(b_row)] : cols::no_day, last,
                   recovery_months, scratch);
  }

  if (rows.empty()) {
    row_values& o = rows.emplace_back(base);
    o.status = o.percent_change_reason = o.response_reason = o.remission_reason =
        o.reliable_change_reason = o.caseness_reason = o.recovery_reason = o.relapse_reason =
            not_computed::no_assessments;
    return;
  }
  const row_values *phq = nullptr, *gad = nullptr;
  for (const auto& r : rows) {
    if (!phq && t.is_phq[static_cast<std::size_t>(r.instrument)]) phq = &r;
    if (!gad && t.is_gad[static_cast<std::size_t>(r.instrument)]) gad = &r;
  }
  if (phq && gad) {
    const row_values p = paired(*phq, *gad, t.paired);  // before the push may move the rows
    rows.push_back(p);
  }
}

// Computes every case's rows on `threads` threads and hands each to write(row number, values).
// A first pass counts the rows of each block of cases, so that each block knows where its rows
// start and the threads never share a row. prepare(total rows) runs in between, on the calling
// thread. (Contiguous blocks rather than chunks taken in turn: each thread then maps the pages of
// its own part of the output, away from the other's.)
template <class Prepare, class Write>
void compute_all(const cols& k, const tables& t, const outcome_options& options, Prepare&& prepare, Write&& write) {
  const unsigned threads = options.threads;
  if (options.recovery_period_months < 1 || options.recovery_period_months > 120)
    throw std::invalid_argument("outcome_options::recovery_period_months: expected 1-120 months; found " +
                                std::to_string(options.recovery_period_months));
  const std::size_t n = k.size();
  std::vector<std::size_t> first_row(detail::threads_for(n, threads) + 1, 0);
  detail::for_indexed_blocks(n, threads, [&](unsigned block, std::size_t begin, std::size_t end) {
    instrument_list list;
    std::size_t rows = 0;
    for (std::size_t i = begin; i < end; ++i) {
      list.collect(k, i);
      rows += row_count(list, t);
    }
    first_row[block + 1] = rows;
  });
  for (std::size_t b = 1; b < first_row.size(); ++b) first_row[b] += first_row[b - 1];
  prepare(first_row.back());
  detail::for_indexed_blocks(n, threads, [&](unsigned block, std::size_t begin, std::size_t end) {
    instrument_list list;
    std::vector<row_values> rows;
    std::vector<std::uint32_t> scratch;
    std::size_t r = first_row[block];
    for (std::size_t i = begin; i < end; ++i) {
      list.collect(k, i);
      compute_case(k, i, t, options.recovery_period_months, list, rows, scratch);
      for (const auto& v : rows) write(r++, v);
    }
  });
}

// Has the pages of [p, p + bytes) mapped by `threads` threads, each its own share, before they
// are written: a fresh allocation of hundreds of megabytes otherwise takes its page faults one
// by one on the thread that constructs it. Linux (MADV_POPULATE_WRITE, 5.14); elsewhere, or when
// the kernel declines, nothing happens and the pages are mapped when first written.
void prefault(void* p, std::size_t bytes, unsigned threads) {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
  constexpr std::size_t page = 4096, chunk = std::size_t{4} << 20;
  const auto first = (reinterpret_cast<std::uintptr_t>(p) + page - 1) & ~std::uintptr_t{page - 1};
  const auto last = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~std::uintptr_t{page - 1};
  if (last <= first || last - first < chunk) return;
  const std::size_t chunks = (last - first + chunk - 1) / chunk;
  detail::for_blocks(chunks, threads, [&](std::size_t begin, std::size_t end) {
    const std::uintptr_t from = first + begin * chunk, to = std::min<std::uintptr_t>(last, first + end * chunk);
    ::madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE);  // a hint: errors ignored
  });
#else
  (void)p, (void)bytes, (void)threads;
#endif
}

// The conversions between the forms of a quantity of row type T, one per kind of row type: the
// computation's value to a row's (strings and dates made here only) and to a column cell, and a
// cell back to a row's value.
template <class T>
T to_row(const typename compact<T>::type& v, const tables& t) {
  if constexpr (std::is_same_v<T, std::optional<date>>) {
    if (!v) return std::nullopt;
    return from_day_number(*v);
  } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
    if (!v) return std::nullopt;
    return *t.bands[static_cast<std::size_t>(*v)];
  } else {
    return v;
  }
}

template <class T>
typename outcome_cell<T>::type to_cell(const typename compact<T>::type& v) {
  using cell = outcome_cell<T>;
  if constexpr (meta::is_optional_v<T>) return v ? static_cast<typename cell::type>(*v) : cell::missing;
  else return static_cast<typename cell::type>(v);
}

template <class T>
T from_cell(typename outcome_cell<T>::type c, const std::vector<std::string>& bands) {
  if constexpr (meta::is_optional_v<T>) {
    using V = typename T::value_type;
    if (outcome_cell<T>::is_missing(c)) return std::nullopt;
    if constexpr (std::is_same_v<V, date>) return from_day_number(c);
    else if constexpr (std::is_same_v<V, std::string>) return bands[static_cast<std::size_t>(c)];
    else if constexpr (std::is_same_v<V, bool>) return c != 0;
    else return static_cast<V>(c);
  } else if constexpr (std::is_same_v<T, bool>) {
    return c != 0;
  } else {
    return static_cast<T>(c);
  }
}

}  // namespace

std::vector<case_outcome> compute_outcomes(const cohort_columns& columns, const outcome_options& options,
                                           const catalog& cat) {
  const unsigned threads = options.threads;
  const tables t(columns, cat.instruments);
  const std::string paired_id(paired_instrument);
  std::vector<case_outcome> out;
  compute_all(
      columns, t, options,
      [&](std::size_t total) {
        out.reserve(total);
        prefault(out.data(), total * sizeof(case_outcome), threads);
        out.resize(total);
      },
      [&](std::size_t r, const row_values& v) {
        case_outcome& o = out[r];
        o.case_index = v.case_index;
        o.case_id = columns.case_id[v.case_index];
        if (v.instrument >= 0)
          o.instrument = v.instrument == t.paired ? paired_id : columns.instruments[static_cast<std::size_t>(v.instrument)];
        for_each_quantity([&](auto d, auto& x, const auto& y) { x = to_row<quantity_t<decltype(d)>>(y, t); }, o, v);
      });
  return out;
}

outcome_columns compute_outcome_columns(const cohort_columns& columns, const outcome_options& options,
                                        const catalog& cat) {
  const tables t(columns, cat.instruments);
  outcome_columns out;
  out.instruments = columns.instruments;
  out.instruments.emplace_back(paired_instrument);
  for (const auto* label : t.bands) out.bands.push_back(*label);
  compute_all(
      columns, t, options,
      [&](std::size_t total) {
        // Uninitialised: each thread touches its own rows first.
        out.case_index.resize(total);
        out.instrument.resize(total);
        for_each_quantity([&](auto, auto& column) { column.resize(total); }, out);
      },
      [&](std::size_t r, const row_values& v) {
        out.case_index[r] = static_cast<std::uint32_t>(v.case_index);
        out.instrument[r] = v.instrument;
        for_each_quantity([&](auto d, auto& column, const auto& x) { column[r] = to_cell<quantity_t<decltype(d)>>(x); },
                          out, v);
      });
  return out;
}

case_outcome outcome_columns::row(std::size_t r, const cohort_columns& cohort) const {
  case_outcome o;
  o.case_index = case_index[r];
  o.case_id = cohort.case_id[case_index[r]];
  if (instrument[r] != no_index) o.instrument = instruments[static_cast<std::size_t>(instrument[r])];
  for_each_quantity([&](auto d, auto& x, const auto& column) { x = from_cell<quantity_t<decltype(d)>>(column[r], bands); },
                    o, *this);
  return o;
}

std::vector<case_outcome> outcomes(std::span<const case_record> cases, const outcome_options& options,
                                   const catalog& cat) {
  require_well_formed(cases, {}, 0, cat);
  return compute_outcomes(to_columns(cases, options, cat), options, cat);
}

std::vector<case_outcome> outcomes(const case_record& c, const outcome_options& options, const catalog& cat) {
  return outcomes(std::span<const case_record>(&c, 1), options, cat);
}

}  // namespace iptkit
