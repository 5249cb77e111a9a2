// Per-case outcomes on cohort columns (outcomes.md). Each case is one short scan of its own
// assessment rows, giving string-free row values that are written straight into the output:
// case_outcome rows (compute_outcomes) or outcome_columns (compute_outcome_columns).
#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/detail/parallel.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace iptkit {

namespace {

using cols = cohort_columns;

// z for a two-sided 95% interval; Jacobson & Truax (1991) use 1.96.
constexpr double rci_criterion = 1.96;

// One row's quantities without strings: the instrument and the bands are indices (tables below).
// The members mirror case_outcome; days are day numbers.
struct row_values {
  std::size_t case_index = 0;
  std::int32_t instrument = -1;  // index into the instrument names; -1: no scorable assessment
  std::optional<not_computed> status;
  std::optional<int> baseline;
  std::optional<std::int32_t> baseline_day;
  std::int32_t baseline_band = -1;
  std::optional<int> endpoint;
  std::optional<std::int32_t> endpoint_day;
  std::int32_t endpoint_band = -1;
  std::optional<int> change;
  std::optional<double> percent_change;
  std::optional<not_computed> percent_change_reason;
  std::optional<bool> response;
  std::optional<not_computed> response_reason;
  std::optional<bool> remission;
  std::optional<not_computed> remission_reason;
  std::optional<double> rci;
  std::optional<bool> reliable_improvement;
  std::optional<bool> reliable_deterioration;
  std::optional<not_computed> reliable_change_reason;
  std::optional<bool> baseline_caseness;
  std::optional<bool> endpoint_caseness;
  std::optional<not_computed> caseness_reason;
  std::optional<bool> recovery;
  std::optional<bool> reliable_recovery;
  std::optional<not_computed> recovery_reason;
  std::optional<bool> relapsed;
  std::optional<std::int32_t> relapse_day;
  std::optional<iptkit::relapse_kind> relapse_kind;
  std::optional<not_computed> relapse_reason;
  int sessions_attended = 0;
  int sessions_cancelled = 0;
  int sessions_no_show = 0;
  bool completer = false;
  bool finished_treatment = false;
};

// What every case shares, looked up once: the instrument in force for each instrument index of
// the columns, the band labels (numbered across instruments), and which indices are PHQ-9/GAD-7.
struct tables {
  std::vector<const instrument*> spec;      // nullptr: neither built in nor registered
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

  std::int32_t band(std::int32_t inst, const instrument& in, int total) const {
    if (const auto* b = band_of(in, total))
      return band_base[static_cast<std::size_t>(inst)] + static_cast<std::int32_t>(b - in.bands.data());
    return -1;
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

// Recovery from caseness and reliable improvement (shared by single and paired rows).
void recover(row_values& o) {
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
void compute_case(const cols& k, std::size_t i, const tables& t, const instrument_list& list,
                  std::vector<row_values>& rows) {
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
      o.baseline_day = k.day[static_cast<std::uint32_t>(b_row)];
    }
    if (e_row >= 0) {
      o.endpoint = k.total[static_cast<std::uint32_t>(e_row)];
      o.endpoint_day = k.day[static_cast<std::uint32_t>(e_row)];
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

    // Maintenance: the relapse rule over assessments after the last acute session.
    if (k.relapse_instrument[i] < 0) {
      o.relapse_reason = not_computed::no_relapse_rule;
    } else if (k.relapse_instrument[i] != inst) {
      o.relapse_reason = not_computed::other_instrument;
    } else {
      // Rows after the acute course in date order (stable), by repeated minimum: few rows per case.
      std::int32_t run = 0, previous_day = cols::no_day;
      std::uint32_t previous_row = 0;
      bool any = false;
      for (;;) {
        std::int32_t next = -1;
        for (std::uint32_t q = from; q < to; ++q) {
          if (k.instrument[q] != inst || k.total[q] == cols::no_total || k.day[q] <= last) continue;
          const bool after_previous = previous_day == cols::no_day || k.day[q] > previous_day ||
                                      (k.day[q] == previous_day && q > previous_row);
          if (after_previous && (next < 0 || k.day[q] < k.day[static_cast<std::uint32_t>(next)]))
            next = static_cast<std::int32_t>(q);
        }
        if (next < 0) break;
        any = true;
        const auto q = static_cast<std::uint32_t>(next);
        previous_day = k.day[q];
        previous_row = q;
        const bool worse = in ? at_or_worse(*in, k.total[q], k.relapse_threshold[i])
                              : k.total[q] >= k.relapse_threshold[i];
        run = worse ? run + 1 : 0;
        if (run == k.relapse_consecutive[i]) {
          o.relapsed = true;
          o.relapse_day = k.day[q];
          o.relapse_kind = o.remission.value_or(false) ? relapse_kind::recurrence : relapse_kind::relapse;
          break;
        }
      }
      if (!any) o.relapse_reason = not_computed::no_maintenance_assessments;
      else if (!o.relapsed) o.relapsed = false;
    }
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
void compute_all(const cols& k, const tables& t, unsigned threads, Prepare&& prepare, Write&& write) {
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
    std::size_t r = first_row[block];
    for (std::size_t i = begin; i < end; ++i) {
      list.collect(k, i);
      compute_case(k, i, t, list, rows);
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

std::optional<date> as_date(const std::optional<std::int32_t>& day) {
  if (!day) return std::nullopt;
  return from_day_number(*day);
}

template <class T>
std::uint8_t code(const std::optional<T>& v) {
  return v ? static_cast<std::uint8_t>(*v) : outcome_columns::no_reason;
}

std::int8_t flag(const std::optional<bool>& v) {
  return v ? static_cast<std::int8_t>(*v) : outcome_columns::no_flag;
}

}  // namespace

std::vector<case_outcome> compute_outcomes(const cohort_columns& columns,
                                           const instrument_registry& instruments, unsigned threads) {
  const tables t(columns, instruments);
  const std::string paired_id(paired_instrument);
  std::vector<case_outcome> out;
  compute_all(
      columns, t, threads,
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
        o.status = v.status;
        o.baseline = v.baseline;
        o.baseline_date = as_date(v.baseline_day);
        if (v.baseline_band >= 0) o.baseline_band = *t.bands[static_cast<std::size_t>(v.baseline_band)];
        o.endpoint = v.endpoint;
        o.endpoint_date = as_date(v.endpoint_day);
        if (v.endpoint_band >= 0) o.endpoint_band = *t.bands[static_cast<std::size_t>(v.endpoint_band)];
        o.change = v.change;
        o.percent_change = v.percent_change;
        o.percent_change_reason = v.percent_change_reason;
        o.response = v.response;
        o.response_reason = v.response_reason;
        o.remission = v.remission;
        o.remission_reason = v.remission_reason;
        o.rci = v.rci;
        o.reliable_improvement = v.reliable_improvement;
        o.reliable_deterioration = v.reliable_deterioration;
        o.reliable_change_reason = v.reliable_change_reason;
        o.baseline_caseness = v.baseline_caseness;
        o.endpoint_caseness = v.endpoint_caseness;
        o.caseness_reason = v.caseness_reason;
        o.recovery = v.recovery;
        o.reliable_recovery = v.reliable_recovery;
        o.recovery_reason = v.recovery_reason;
        o.relapsed = v.relapsed;
        o.relapse_date = as_date(v.relapse_day);
        o.relapse_kind = v.relapse_kind;
        o.relapse_reason = v.relapse_reason;
        o.sessions_attended = v.sessions_attended;
        o.sessions_cancelled = v.sessions_cancelled;
        o.sessions_no_show = v.sessions_no_show;
        o.completer = v.completer;
        o.finished_treatment = v.finished_treatment;
      });
  return out;
}

outcome_columns compute_outcome_columns(const cohort_columns& columns,
                                        const instrument_registry& instruments, unsigned threads) {
  const tables t(columns, instruments);
  outcome_columns out;
  out.instruments = columns.instruments;
  out.instruments.emplace_back(paired_instrument);
  for (const auto* label : t.bands) out.bands.push_back(*label);
  constexpr std::int32_t no_day = cols::no_day, no_value = outcome_columns::no_value;
  compute_all(
      columns, t, threads,
      [&](std::size_t total) {
        // Uninitialised: each thread touches its own rows first.
        out.case_index.resize(total);
        out.instrument.resize(total);
        out.status.resize(total);
        out.baseline.resize(total);
        out.baseline_day.resize(total);
        out.baseline_band.resize(total);
        out.endpoint.resize(total);
        out.endpoint_day.resize(total);
        out.endpoint_band.resize(total);
        out.change.resize(total);
        out.percent_change.resize(total);
        out.percent_change_reason.resize(total);
        out.response.resize(total);
        out.response_reason.resize(total);
        out.remission.resize(total);
        out.remission_reason.resize(total);
        out.rci.resize(total);
        out.reliable_improvement.resize(total);
        out.reliable_deterioration.resize(total);
        out.reliable_change_reason.resize(total);
        out.baseline_caseness.resize(total);
        out.endpoint_caseness.resize(total);
        out.caseness_reason.resize(total);
        out.recovery.resize(total);
        out.reliable_recovery.resize(total);
        out.recovery_reason.resize(total);
        out.relapsed.resize(total);
        out.relapse_day.resize(total);
        out.relapse_kind.resize(total);
        out.relapse_reason.resize(total);
        out.sessions_attended.resize(total);
        out.sessions_cancelled.resize(total);
        out.sessions_no_show.resize(total);
        out.completer.resize(total);
        out.finished_treatment.resize(total);
      },
      [&](std::size_t r, const row_values& v) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        out.case_index[r] = static_cast<std::uint32_t>(v.case_index);
        out.instrument[r] = v.instrument;
        out.status[r] = code(v.status);
        out.baseline[r] = v.baseline.value_or(no_value);
        out.baseline_day[r] = v.baseline_day.value_or(no_day);
        out.baseline_band[r] = v.baseline_band;
        out.endpoint[r] = v.endpoint.value_or(no_value);
        out.endpoint_day[r] = v.endpoint_day.value_or(no_day);
        out.endpoint_band[r] = v.endpoint_band;
        out.change[r] = v.change.value_or(no_value);
        out.percent_change[r] = v.percent_change.value_or(nan);
        out.percent_change_reason[r] = code(v.percent_change_reason);
        out.response[r] = flag(v.response);
        out.response_reason[r] = code(v.response_reason);
        out.remission[r] = flag(v.remission);
        out.remission_reason[r] = code(v.remission_reason);
        out.rci[r] = v.rci.value_or(nan);
        out.reliable_improvement[r] = flag(v.reliable_improvement);
        out.reliable_deterioration[r] = flag(v.reliable_deterioration);
        out.reliable_change_reason[r] = code(v.reliable_change_reason);
        out.baseline_caseness[r] = flag(v.baseline_caseness);
        out.endpoint_caseness[r] = flag(v.endpoint_caseness);
        out.caseness_reason[r] = code(v.caseness_reason);
        out.recovery[r] = flag(v.recovery);
        out.reliable_recovery[r] = flag(v.reliable_recovery);
        out.recovery_reason[r] = code(v.recovery_reason);
        out.relapsed[r] = flag(v.relapsed);
        out.relapse_day[r] = v.relapse_day.value_or(no_day);
        out.relapse_kind[r] = code(v.relapse_kind);
        out.relapse_reason[r] = code(v.relapse_reason);
        out.sessions_attended[r] = v.sessions_attended;
        out.sessions_cancelled[r] = v.sessions_cancelled;
        out.sessions_no_show[r] = v.sessions_no_show;
        out.completer[r] = v.completer;
        out.finished_treatment[r] = v.finished_treatment;
      });
  return out;
}

case_outcome outcome_columns::row(std::size_t r, const cohort_columns& cohort) const {
  const auto day = [](std::int32_t d) -> std::optional<date> {
    if (d == cohort_columns::no_day) return std::nullopt;
    return from_day_number(d);
  };
  const auto number = [](std::int32_t v) -> std::optional<int> {
    if (v == no_value) return std::nullopt;
    return v;
  };
  const auto real = [](double v) -> std::optional<double> {
    if (std::isnan(v)) return std::nullopt;
    return v;
  };
  const auto yes_no = [](std::int8_t v) -> std::optional<bool> {
    if (v == no_flag) return std::nullopt;
    return v != 0;
  };
  const auto reason = [](std::uint8_t v) -> std::optional<not_computed> {
    if (v == no_reason) return std::nullopt;
    return static_cast<not_computed>(v);
  };
  const auto label = [&](std::int32_t b) -> std::optional<std::string> {
    if (b == no_index) return std::nullopt;
    return bands[static_cast<std::size_t>(b)];
  };
  case_outcome o;
  o.case_index = case_index[r];
  o.case_id = cohort.case_id[case_index[r]];
  if (instrument[r] != no_index) o.instrument = instruments[static_cast<std::size_t>(instrument[r])];
  o.status = reason(status[r]);
  o.baseline = number(baseline[r]);
  o.baseline_date = day(baseline_day[r]);
  o.baseline_band = label(baseline_band[r]);
  o.endpoint = number(endpoint[r]);
  o.endpoint_date = day(endpoint_day[r]);
  o.endpoint_band = label(endpoint_band[r]);
  o.change = number(change[r]);
  o.percent_change = real(percent_change[r]);
  o.percent_change_reason = reason(percent_change_reason[r]);
  o.response = yes_no(response[r]);
  o.response_reason = reason(response_reason[r]);
  o.remission = yes_no(remission[r]);
  o.remission_reason = reason(remission_reason[r]);
  o.rci = real(rci[r]);
  o.reliable_improvement = yes_no(reliable_improvement[r]);
  o.reliable_deterioration = yes_no(reliable_deterioration[r]);
  o.reliable_change_reason = reason(reliable_change_reason[r]);
  o.baseline_caseness = yes_no(baseline_caseness[r]);
  o.endpoint_caseness = yes_no(endpoint_caseness[r]);
  o.caseness_reason = reason(caseness_reason[r]);
  o.recovery = yes_no(recovery[r]);
  o.reliable_recovery = yes_no(reliable_recovery[r]);
  o.recovery_reason = reason(recovery_reason[r]);
  o.relapsed = yes_no(relapsed[r]);
  o.relapse_date = day(relapse_day[r]);
  if (relapse_kind[r] != no_reason) o.relapse_kind = static_cast<iptkit::relapse_kind>(relapse_kind[r]);
  o.relapse_reason = reason(relapse_reason[r]);
  o.sessions_attended = sessions_attended[r];
  o.sessions_cancelled = sessions_cancelled[r];
  o.sessions_no_show = sessions_no_show[r];
  o.completer = completer[r] != 0;
  o.finished_treatment = finished_treatment[r] != 0;
  return o;
}

std::vector<case_outcome> outcomes(std::span<const case_record> cases,
                                   const instrument_registry& instruments, unsigned threads) {
  return compute_outcomes(to_columns(cases, instruments, threads), instruments, threads);
}

std::vector<case_outcome> outcomes(const case_record& c, const instrument_registry& instruments) {
  return outcomes(std::span<const case_record>(&c, 1), instruments);
}

}  // namespace iptkit
