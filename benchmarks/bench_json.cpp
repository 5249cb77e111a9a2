// Goals 1-3 of docs/performance.md: reading a JSON Lines cohort into typed cases (with every
// structural check; then with every protocol rule too) and writing canonical JSON, each measured
// in the same program run, on the same bytes, as its Boost.JSON peer.
//
// The cohort is synthetic (docs/synthetic.md, seed 4): 2,000 cases by default (about 9.8 MB of
// compact JSON Lines), --cases=N or IPTKIT_BENCH_CASES=N to change it, --small for a smoke run.
//
//   json/peer_boost_json_parse     boost::json::parse of every line: a DOM only, no checks
//   json/read_jsonl_reader         goal 1: jsonl_reader over the cohort text: typed cases, every
//                                  structural check, line numbers
//   json/read_case_per_line        read_case() of every line (the same work without the stream)
//   json/read_validate             goal 2: jsonl_reader, then validate() of each case (every rule)
//   json/peer_boost_json_serialize boost::json::serialize of the DOMs of the same documents, built
//                                  beforehand
//   json/write_case_compact        goal 3: write_case() of the typed cases, compact (JSON Lines)
//   json/write_case_unchecked      the same without the check of each case (write_options::unchecked)
//   json/check_case                is_well_formed() of each case alone: the check validate() and
//                                  outcomes() make of cases built in code
//
// Bytes per second count the compact documents (without newlines) for every reader and the
// output for every writer, so that the ratio of two throughputs is the ratio of their times.
#include "bench_common.hpp"

#include <iptkit/json/check.hpp>
#include <iptkit/json/cohort.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/json/write.hpp>
#include <iptkit/rules/validate.hpp>

#include <boost/json.hpp>

#include <sstream>

namespace {

using namespace iptkit;

struct cohort {
  std::vector<case_record> cases;
  std::vector<std::string> lines;
  std::string text;
  std::size_t bytes = 0;
};

const cohort& data() {
  static const cohort c = [] {
    cohort out;
    out.cases = bench::synthetic_cases(bench::cohort_size(2000, 10));
    out.lines = bench::to_lines(out.cases);
    out.text = bench::join_lines(out.lines);
    out.bytes = bench::total_bytes(out.lines);
    return out;
  }();
  return c;
}

void count(benchmark::State& state, std::size_t bytes, std::size_t items) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * items));
}

void peer_boost_json_parse(benchmark::State& state) {
  const auto& d = data();
  for (auto _ : state)
    for (const auto& l : d.lines) benchmark::DoNotOptimize(boost::json::parse(l));
  count(state, d.bytes, d.lines.size());
}

// Reads the whole cohort text with jsonl_reader; `each` sees every case.
template <class Each>
bool read_all(std::istringstream& in, const std::string& text, Each&& each) {
  in.clear();
  in.str(text);
  jsonl_reader reader(in);
  bool ok = true;
  while (auto entry = reader.next()) {
    if (!entry->value) ok = false;
    else each(*entry->value);
  }
  return ok;
}

void read_jsonl_reader(benchmark::State& state) {
  const auto& d = data();
  std::istringstream in;
  for (auto _ : state)
    if (!read_all(in, d.text, [](const case_record& c) { benchmark::DoNotOptimize(c.sessions.data()); }))
      state.SkipWithError("a synthetic case did not read");
  count(state, d.bytes, d.lines.size());
}

void read_case_per_line(benchmark::State& state) {
  const auto& d = data();
  for (auto _ : state)
    for (const auto& l : d.lines) {
      auto r = read_case(l);
      benchmark::DoNotOptimize(r);
    }
  count(state, d.bytes, d.lines.size());
}

void read_validate(benchmark::State& state) {
  const auto& d = data();
  std::istringstream in;
  std::size_t findings = 0;
  for (auto _ : state)
    if (!read_all(in, d.text, [&](const case_record& c) { findings += validate(c).size(); }))
      state.SkipWithError("a synthetic case did not read");
  count(state, d.bytes, d.lines.size());
  state.counters["findings_per_case"] = benchmark::Counter(
      static_cast<double>(findings) / static_cast<double>(d.lines.size() * std::max<std::int64_t>(1, state.iterations())));
}

void peer_boost_json_serialize(benchmark::State& state) {
  const auto& d = data();
  std::vector<boost::json::value> dom;
  dom.reserve(d.lines.size());
  for (const auto& l : d.lines) dom.push_back(boost::json::parse(l));
  std::size_t bytes = 0;
  for (auto _ : state)
    for (const auto& v : dom) {
      auto s = boost::json::serialize(v);
      bytes += s.size();
      benchmark::DoNotOptimize(s.data());
    }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * dom.size()));
}

void write_each_case(benchmark::State& state, const write_options& options) {
  const auto& d = data();
  std::size_t bytes = 0;
  for (auto _ : state)
    for (const auto& c : d.cases) {
      auto s = write_case(c, options);
      bytes += s.size();
      benchmark::DoNotOptimize(s.data());
    }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * d.cases.size()));
}

void write_case_compact(benchmark::State& state) { write_each_case(state, {json_style::compact}); }

void write_case_unchecked(benchmark::State& state) {
  write_each_case(state, {.style = json_style::compact, .unchecked = true});
}

void check_case(benchmark::State& state) {
  const auto& d = data();
  for (auto _ : state)
    for (const auto& c : d.cases) benchmark::DoNotOptimize(is_well_formed(c));
  count(state, d.bytes, d.cases.size());
}

}  // namespace

int main(int argc, char** argv) {
  return iptkit::bench::run(argc, argv, [] {
    using iptkit::bench::add;
    const auto& d = data();  // built before timing starts
    benchmark::AddCustomContext("cases", std::to_string(d.cases.size()));
    benchmark::AddCustomContext("cohort_bytes", std::to_string(d.bytes));
    // Each peer next to what it is compared with; milliseconds for readability.
    add("json/peer_boost_json_parse", peer_boost_json_parse)->Unit(benchmark::kMillisecond);
    add("json/read_jsonl_reader", read_jsonl_reader)->Unit(benchmark::kMillisecond);
    add("json/read_case_per_line", read_case_per_line)->Unit(benchmark::kMillisecond);
    add("json/read_validate", read_validate)->Unit(benchmark::kMillisecond);
    add("json/peer_boost_json_serialize", peer_boost_json_serialize)->Unit(benchmark::kMillisecond);
    add("json/write_case_compact", write_case_compact)->Unit(benchmark::kMillisecond);
    add("json/write_case_unchecked", write_case_unchecked)->Unit(benchmark::kMillisecond);
    add("json/check_case", check_case)->Unit(benchmark::kMillisecond);
  });
}
