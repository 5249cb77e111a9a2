#pragma once
// What every benchmark program shares: the cohort size from the command line or the environment,
// synthetic JSON Lines cohorts, and registration that runs each benchmark once in a smoke run.
//
//   --cases=N             cases in the program's main cohort (also IPTKIT_BENCH_CASES=N)
//   --small               tiny sizes, one iteration per benchmark: a smoke test, never a figure
//                         (also IPTKIT_BENCH_SMALL=1); used by ctest (benchmarks_smoke) and
//                         benchmarks/run_all.sh --small
//
// Every other argument goes to Google Benchmark (--benchmark_filter, --benchmark_format=json,
// --benchmark_out=FILE, --benchmark_repetitions ...). Debian 12 ships libbenchmark 1.7.1, whose
// --benchmark_min_time takes plain seconds ("0.5", not "0.5s"); a smoke run does not need it.
#include <iptkit/json/write.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/outcomes/cohort_columns.hpp>
#include <iptkit/synth/generator.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iptkit::bench {

/// @brief The size settings of one program run.
struct settings {
  bool small = false;          ///< smoke run: tiny sizes, one iteration each
  std::size_t cases = 0;       ///< main cohort size; 0 = the program's default
};

inline settings& current() {
  static settings s;
  return s;
}

/// @brief Reads --small and --cases=N (and the environment), removing them from argv.
inline void parse_arguments(int& argc, char** argv) {
  auto& s = current();
  if (const char* e = std::getenv("IPTKIT_BENCH_SMALL"); e && *e && std::string_view(e) != "0") s.small = true;
  if (const char* e = std::getenv("IPTKIT_BENCH_CASES"); e && *e) s.cases = std::strtoull(e, nullptr, 10);
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--small") {
      s.small = true;
    } else if (a.rfind("--cases=", 0) == 0) {
      s.cases = std::strtoull(argv[i] + 8, nullptr, 10);
    } else {
      argv[out++] = argv[i];
    }
  }
  argc = out;
}

/// @brief The main cohort size: --cases, else `small_default` in a smoke run, else `full_default`.
inline std::size_t cohort_size(std::size_t full_default, std::size_t small_default) {
  const auto& s = current();
  if (s.cases) return s.cases;
  return s.small ? small_default : full_default;
}

/// @brief Registers a benchmark; in a smoke run it runs exactly one iteration.
template <class F>
benchmark::internal::Benchmark* add(const std::string& name, F&& body) {
  auto* b = benchmark::RegisterBenchmark(name.c_str(), std::forward<F>(body));
  if (current().small) b->Iterations(1);
  return b;
}

/// @brief The default synthetic cohort (docs/synthetic.md) of `cases` cases.
inline std::vector<case_record> synthetic_cases(std::size_t cases, std::uint64_t seed = 4) {
  synth_options o;
  o.cases = cases;
  o.seed = seed;
  return synthesize(o);
}

/// @brief The cases as compact canonical JSON, one document per element (JSON Lines without the
/// newlines).
inline std::vector<std::string> to_lines(const std::vector<case_record>& cases) {
  std::vector<std::string> lines;
  lines.reserve(cases.size());
  for (const auto& c : cases) lines.push_back(write_case(c, {json_style::compact}));
  return lines;
}

/// @brief The lines joined as a JSON Lines text (each followed by a newline).
inline std::string join_lines(const std::vector<std::string>& lines) {
  std::string text;
  std::size_t n = 0;
  for (const auto& l : lines) n += l.size() + 1;
  text.reserve(n);
  for (const auto& l : lines) (text += l) += '\n';
  return text;
}

inline std::size_t total_bytes(const std::vector<std::string>& lines) {
  std::size_t n = 0;
  for (const auto& l : lines) n += l.size();
  return n;
}

/// @brief Cohort columns of `cases` cases x `per_case` weekly PHQ-9 assessments, filled directly
/// from a fixed LCG (no I/O): what a reader streaming JSON Lines into cohort_columns leaves.
inline cohort_columns phq9_columns(std::size_t cases, int per_case) {
  cohort_columns k;
  k.instruments = {"phq9"};
  k.offset.reserve(cases + 1);
  k.offset.push_back(0);
  std::uint64_t state = 42;
  auto next = [&] { return (state = state * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
  const std::int32_t start = day_number(parse_date("2026-01-05").value());
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

/// @brief The usual main: our flags, then Google Benchmark's.
inline int run(int argc, char** argv, const std::function<void()>& register_all) {
  parse_arguments(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  register_all();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace iptkit::bench
