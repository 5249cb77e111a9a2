// Tables in and out (docs/import.md; issue goal "CSV import at least as fast as the CSV export of
// the same cohort"), one thread, on the default synthetic cohort:
//
//   tables/export_csv   make_tidy_tables(complete) and tidy_csv of the four input tables
//   tables/import_csv   import_tables() of those four texts: parse, build, read, check the derived
//                       columns, give the cases
//
// --cases=N (default 10,000; --small: 100).
#include "bench_common.hpp"

#include <iptkit/export/tidy.hpp>
#include <iptkit/import/tables.hpp>

namespace {

using namespace iptkit;

const std::vector<case_record>& cohort() {
  static const auto cases = bench::synthetic_cases(bench::cohort_size(10'000, 100));
  return cases;
}

tidy_csv_input texts_of(const tidy_tables& t) {
  return {{"cases.csv", tidy_csv(t, "cases")},
          {"sessions.csv", tidy_csv(t, "sessions")},
          {"assessments.csv", tidy_csv(t, "assessments")},
          {"relationships.csv", tidy_csv(t, "relationships")}};
}

std::size_t bytes_of(const tidy_csv_input& in) {
  return in.cases.text.size() + in.sessions.text.size() + in.assessments.text.size() + in.relationships.text.size();
}

void export_csv(benchmark::State& state) {
  const auto& cases = cohort();
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto in = texts_of(make_tidy_tables(cases, {.complete = true}));
    bytes = bytes_of(in);
    benchmark::DoNotOptimize(in.cases.text.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * cases.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void import_csv(benchmark::State& state) {
  const auto& cases = cohort();
  const auto in = texts_of(make_tidy_tables(cases, {.complete = true}));
  for (auto _ : state) {
    auto r = import_tables(in);
    if (!r.ok() || r.cases.size() != cases.size()) state.SkipWithError("the import lost cases");
    benchmark::DoNotOptimize(r.cases.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * cases.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes_of(in)));
}

}  // namespace

int main(int argc, char** argv) {
  return iptkit::bench::run(argc, argv, [] {
    using iptkit::bench::add;
    add("tables/export_csv", export_csv)->Unit(benchmark::kMillisecond);
    add("tables/import_csv", import_csv)->Unit(benchmark::kMillisecond);
  });
}
