// Per-case outcomes (docs/outcomes.md), one thread, and how their cost grows with the cohort.
//
//   outcomes/compute_outcomes/N         compute_outcomes() (rows) on cohort_columns of N cases x 16
//                                       weekly PHQ-9 assessments (the registry-scale case of goal 5
//                                       at N = 1,000,000): the columns are filled directly from a
//                                       fixed LCG, as a reader streaming JSON Lines into
//                                       cohort_columns leaves them
//   outcomes/compute_outcome_columns/N  compute_outcome_columns() (columns) on the same, when the
//                                       library has it
//   outcomes/synthetic_cases/N          outcomes() of N synthetic cases (docs/synthetic.md):
//                                       to_columns() from the case records, then compute_outcomes()
//
// N runs over 1k, 10k, 100k and 1M (up to --cases=N / IPTKIT_BENCH_CASES; synthetic cases stop at
// 100k: a million synthetic case records take several GB). --small: 1,000 cases, one iteration.
#include "bench_common.hpp"

#include <iptkit/outcomes/outcomes.hpp>

#include <memory>

#if __has_include(<iptkit/outcomes/outcome_columns.hpp>)
#define IPTKIT_BENCH_OUTCOME_COLUMNS 1
#endif

namespace {

using namespace iptkit;

// One set of columns alive at a time (a million cases take about 300 MB).
const cohort_columns& columns_of(std::size_t n) {
  static std::size_t size = 0;
  static std::unique_ptr<cohort_columns> columns;
  if (!columns || size != n) {
    columns.reset();
    columns = std::make_unique<cohort_columns>(bench::phq9_columns(n, 16));
    size = n;
  }
  return *columns;
}

const std::vector<case_record>& cases_of(std::size_t n) {
  static std::size_t size = 0;
  static std::vector<case_record> cases;
  if (size != n) {
    cases = {};
    cases = bench::synthetic_cases(n);
    size = n;
  }
  return cases;
}

void from_columns(benchmark::State& state) {
  const auto& columns = columns_of(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto rows = compute_outcomes(columns, {.threads = 1});
    benchmark::DoNotOptimize(rows.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * columns.size()));
  state.counters["assessments"] = static_cast<double>(columns.total.size());
}

#ifdef IPTKIT_BENCH_OUTCOME_COLUMNS
void to_outcome_columns(benchmark::State& state) {
  const auto& columns = columns_of(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto out = compute_outcome_columns(columns, {.threads = 1});
    benchmark::DoNotOptimize(out.case_index.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * columns.size()));
}
#endif

void from_cases(benchmark::State& state) {
  const auto& cases = cases_of(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto rows = outcomes(cases, {.threads = 1});
    benchmark::DoNotOptimize(rows.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * cases.size()));
}

std::vector<std::int64_t> sizes(std::size_t cap) {
  std::vector<std::int64_t> out;
  for (std::size_t n = 1000; n <= cap; n *= 10) out.push_back(static_cast<std::int64_t>(n));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  return iptkit::bench::run(argc, argv, [] {
    using iptkit::bench::add;
    const std::size_t cap = iptkit::bench::cohort_size(1'000'000, 1000);
    auto* c = add("outcomes/compute_outcomes", from_columns)->Unit(benchmark::kMillisecond);
    for (auto n : sizes(cap)) c->Arg(n);
#ifdef IPTKIT_BENCH_OUTCOME_COLUMNS
    auto* k = add("outcomes/compute_outcome_columns", to_outcome_columns)->Unit(benchmark::kMillisecond);
    for (auto n : sizes(cap)) k->Arg(n);
#endif
    auto* s = add("outcomes/synthetic_cases", from_cases)->Unit(benchmark::kMillisecond);
    for (auto n : sizes(std::min<std::size_t>(cap, 100'000))) s->Arg(n);
  });
}
