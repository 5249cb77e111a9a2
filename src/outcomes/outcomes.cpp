// Per-case outcomes on cohort columns (outcomes.md). Each case is one short scan of its own
// assessment rows; rows are written straight into the output.
#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/detail/parallel.hpp>

#include <algorithm>
#include <cmath>

namespace iptkit {

namespace {

using cols = cohort_columns;

// z for a two-sided 95% interval; Jacobson & Truax (1991) use 1.96.
constexpr double rci_criterion = 1.96;

std::optional<std::string> band_label(const instrument& in, int total) {
  if (const auto* b = band_of(in, total)) return b->label;
  return std::nullopt;
}

// Fills the baseline/endpoint quantities of one instrument's row.
void score_row(case_outcome& o, const instrument& in) {
  const int b = *o.baseline, e = *o.endpoint;
  o.baseline_band = band_label(in, b);
  o.endpoint_band = band_label(in, e);
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
void recover(case_outcome& o) {
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
case_outcome paired(const case_outcome& phq, const case_outcome& gad) {
  case_outcome o;
  o.case_index = phq.case_index;
  o.case_id = phq.case_id;
  o.instrument = std::string(paired_instrument);
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
  bool has(std::int32_t inst) const { return std::find(ids.begin(), ids.end(), inst) != ids.end(); }
};

// Rows case i produces: one per instrument (one when it has none), plus the paired row.
std::size_t row_count(const instrument_list& list, std::int32_t phq, std::int32_t gad) {
  return std::max<std::size_t>(1, list.ids.size()) + (phq >= 0 && gad >= 0 && list.has(phq) && list.has(gad));
}

// Writes case i's rows to dest (row_count() of them).
void compute_case(const cols& k, std::size_t i, const instrument_registry& registry,
                  const instrument_list& list, case_outcome* dest) {
  const std::uint32_t from = k.offset[i], to = k.offset[i + 1];
  case_outcome* const first_row = dest;
  const std::int32_t intake_from = k.start_day[i] - 28;  // intake window (rule C006)
  const std::int32_t first = k.first_attended_day[i], last = k.last_acute_day[i];

  case_outcome base;
  base.case_index = i;
  base.case_id = k.case_id[i];
  base.sessions_attended = k.attended[i];
  base.sessions_cancelled = k.cancelled[i];
  base.sessions_no_show = k.no_show[i];
  base.completer = k.completer[i] != 0;
  base.finished_treatment = k.attended[i] >= 2;

  for (const std::int32_t inst : list.ids) {

    case_outcome o = base;
    o.instrument = k.instruments[static_cast<std::size_t>(inst)];
    const instrument* in = registry.find(o.instrument);
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
      o.baseline_date = from_day_number(k.day[static_cast<std::uint32_t>(b_row)]);
    }
    if (e_row >= 0) {
      o.endpoint = k.total[static_cast<std::uint32_t>(e_row)];
      o.endpoint_date = from_day_number(k.day[static_cast<std::uint32_t>(e_row)]);
    }
    if (!o.status) {
      score_row(o, *in);
    } else {
      o.percent_change_reason = o.response_reason = o.remission_reason = o.reliable_change_reason =
          o.caseness_reason = o.status;
      if (in && o.baseline) o.baseline_band = band_label(*in, *o.baseline);
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
          o.relapse_date = from_day_number(k.day[q]);
          o.relapse_kind = o.remission.value_or(false) ? relapse_kind::recurrence : relapse_kind::relapse;
          break;
        }
      }
      if (!any) o.relapse_reason = not_computed::no_maintenance_assessments;
      else if (!o.relapsed) o.relapsed = false;
    }
    *dest++ = std::move(o);
  }

  if (dest == first_row) {
    case_outcome o = base;
    o.status = o.percent_change_reason = o.response_reason = o.remission_reason =
        o.reliable_change_reason = o.caseness_reason = o.recovery_reason = o.relapse_reason =
            not_computed::no_assessments;
    *dest = std::move(o);
    return;
  }
  const auto row = [&](std::string_view id) -> const case_outcome* {
    for (case_outcome* r = first_row; r < dest; ++r)
      if (r->instrument == id) return r;
    return nullptr;
  };
  const auto* phq = row("phq9");
  const auto* gad = row("gad7");
  if (phq && gad) *dest = paired(*phq, *gad);
}

}  // namespace

std::vector<case_outcome> compute_outcomes(const cohort_columns& columns,
                                           const instrument_registry& instruments, unsigned threads) {
  const std::size_t n = columns.size();
  const auto index_of = [&](std::string_view id) {
    auto it = std::find(columns.instruments.begin(), columns.instruments.end(), id);
    return it == columns.instruments.end() ? -1 : static_cast<std::int32_t>(it - columns.instruments.begin());
  };
  const std::int32_t phq = index_of("phq9"), gad = index_of("gad7");

  // Two passes over contiguous blocks: count each case's rows, then write them in place, so the
  // output is allocated once and threads never share a slot.
  std::vector<std::size_t> start(n + 1, 0);
  detail::for_blocks(n, threads, [&](std::size_t begin, std::size_t end) {
    instrument_list list;
    for (std::size_t i = begin; i < end; ++i) {
      list.collect(columns, i);
      start[i + 1] = row_count(list, phq, gad);
    }
  });
  for (std::size_t i = 0; i < n; ++i) start[i + 1] += start[i];
  std::vector<case_outcome> out(start[n]);
  detail::for_blocks(n, threads, [&](std::size_t begin, std::size_t end) {
    instrument_list list;
    for (std::size_t i = begin; i < end; ++i) {
      list.collect(columns, i);
      compute_case(columns, i, instruments, list, out.data() + start[i]);
    }
  });
  return out;
}

std::vector<case_outcome> outcomes(std::span<const case_record> cases,
                                   const instrument_registry& instruments, unsigned threads) {
  return compute_outcomes(to_columns(cases, instruments), instruments, threads);
}

std::vector<case_outcome> outcomes(const case_record& c, const instrument_registry& instruments) {
  return outcomes(std::span<const case_record>(&c, 1), instruments);
}

}  // namespace iptkit
