// Per-case outcomes at registry scale: 1,000,000 cases x 16 weekly PHQ-9 assessments in columns,
// on one and two threads. The columns are filled directly (a fixed LCG, no I/O), which is what a
// reader streaming JSON Lines into cohort_columns produces.
#include <iptkit/outcomes/outcomes.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>

namespace {

iptkit::cohort_columns make_columns(std::size_t cases, int per_case) {
  iptkit::cohort_columns k;
  k.instruments = {"phq9"};
  k.offset.reserve(cases + 1);
  k.offset.push_back(0);
  std::uint64_t state = 42;
  auto next = [&] { return (state = state * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
  const std::int32_t start = iptkit::day_number(iptkit::parse_date("2026-01-05").value());
  for (std::size_t i = 0; i < cases; ++i) {
    k.case_id.push_back("SYN-" + std::to_string(i));
    k.start_day.push_back(start);
    k.first_attended_day.push_back(start);
    k.last_acute_day.push_back(start + 7 * (per_case - 1));
    k.attended.push_back(per_case);
    k.cancelled.push_back(0);
    k.no_show.push_back(0);
    k.completer.push_back(1);
    k.relapse_instrument.push_back(-1);
    k.relapse_threshold.push_back(0);
    k.relapse_consecutive.push_back(0);
    const int baseline = 10 + static_cast<int>(next() % 15);
    const int drop = static_cast<int>(next() % (static_cast<std::uint64_t>(baseline) + 1));
    for (int a = 0; a < per_case; ++a) {
      k.instrument.push_back(0);
      k.day.push_back(start + 7 * a);
      k.total.push_back(baseline - drop * a / (per_case - 1));
    }
    k.offset.push_back(static_cast<std::uint32_t>(k.instrument.size()));
  }
  return k;
}

const iptkit::cohort_columns& million() {
  static const auto columns = make_columns(1'000'000, 16);
  return columns;
}

void outcomes_million_cases(benchmark::State& state) {
  const auto& columns = million();
  const auto threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto rows = iptkit::compute_outcomes(columns, iptkit::instrument_registry::builtin(), threads);
    benchmark::DoNotOptimize(rows.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * columns.size()));
  state.counters["assessments"] = static_cast<double>(columns.total.size());
}
BENCHMARK(outcomes_million_cases)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
