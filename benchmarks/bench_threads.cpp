// Goal 7 of docs/performance.md: cohort validation and outcomes with 2 threads against the same
// work with 1 thread, wall-clock time (UseRealTime), same data, same program run.
//
//   threads/validate_cohort/T          validate_cohort() of a synthetic cohort (docs/synthetic.md,
//                                      20,000 cases by default: --cases=N / IPTKIT_BENCH_CASES)
//   threads/compute_outcomes/T         compute_outcomes() (rows) on 1,000,000 cases x 16 PHQ-9 in
//                                      cohort_columns
//   threads/compute_outcome_columns/T  compute_outcome_columns() (columns) on the same, when the
//                                      library has it (include/iptkit/outcomes/outcome_columns.hpp)
//   threads/outcomes_synthetic/T       outcomes() of the synthetic cohort (to_columns() is serial)
//
// --small: 20 synthetic cases and 1,000 cases of columns, one iteration each. With repetitions,
// a "min" statistic (the fastest repetition) is reported besides mean, median and stddev.
#include "bench_common.hpp"

#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/rules/validate.hpp>

#include <algorithm>

#if __has_include(<iptkit/outcomes/outcome_columns.hpp>)
#define IPTKIT_BENCH_OUTCOME_COLUMNS 1
#endif

namespace {

using namespace iptkit;

const std::vector<case_record>& cohort() {
  static const auto cases = bench::synthetic_cases(bench::cohort_size(20'000, 20));
  return cases;
}

const cohort_columns& columns() {
  static const auto k = bench::phq9_columns(bench::current().small ? 1000 : 1'000'000, 16);
  return k;
}

void validate_threads(benchmark::State& state) {
  const auto& cases = cohort();
  const auto threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto found = validate_cohort(cases, {.threads = threads});
    benchmark::DoNotOptimize(found.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * cases.size()));
}

void outcomes_columns_threads(benchmark::State& state) {
  const auto& k = columns();
  const auto threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto rows = compute_outcomes(k, {.threads = threads});
    benchmark::DoNotOptimize(rows.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * k.size()));
}

#ifdef IPTKIT_BENCH_OUTCOME_COLUMNS
void outcome_columns_threads(benchmark::State& state) {
  const auto& k = columns();
  const auto threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto out = compute_outcome_columns(k, {.threads = threads});
    benchmark::DoNotOptimize(out.case_index.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * k.size()));
}
#endif

void outcomes_cases_threads(benchmark::State& state) {
  const auto& cases = cohort();
  const auto threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto rows = outcomes(cases, {.threads = threads});
    benchmark::DoNotOptimize(rows.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * cases.size()));
}

// The fastest repetition: on a machine shared with other work, the run in which the second core
// was free. Reported next to Google Benchmark's mean, median and standard deviation.
double fastest(const std::vector<double>& v) { return v.empty() ? 0.0 : *std::min_element(v.begin(), v.end()); }

template <class F>
void add_threads(const std::string& name, F&& body) {
  iptkit::bench::add(name, std::forward<F>(body))
      ->Arg(1)
      ->Arg(2)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond)
      ->ComputeStatistics("min", fastest);
}

}  // namespace

int main(int argc, char** argv) {
  return iptkit::bench::run(argc, argv, [] {
    benchmark::AddCustomContext("cases", std::to_string(cohort().size()));
    benchmark::AddCustomContext("column_cases", std::to_string(columns().size()));
    add_threads("threads/validate_cohort", validate_threads);
    add_threads("threads/compute_outcomes", outcomes_columns_threads);
#ifdef IPTKIT_BENCH_OUTCOME_COLUMNS
    add_threads("threads/compute_outcome_columns", outcome_columns_threads);
#endif
    add_threads("threads/outcomes_synthetic", outcomes_cases_threads);
  });
}
