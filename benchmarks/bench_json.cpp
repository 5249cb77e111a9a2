// JSON read and write throughput on the example cohort, with Boost.JSON's own DOM parse and
// serialize measured on the same bytes in the same program (the peers of docs/performance.md).
#include <iptkit/json/cohort.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/json/write.hpp>

#include <benchmark/benchmark.h>
#include <boost/json.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> cohort_lines() {
  std::ifstream in(std::string(IPTKIT_SOURCE_DIR) + "/examples/data/cohort.jsonl");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

std::size_t total_bytes(const std::vector<std::string>& lines) {
  std::size_t n = 0;
  for (const auto& l : lines) n += l.size();
  return n;
}

void peer_boost_json_parse(benchmark::State& state) {
  const auto lines = cohort_lines();
  for (auto _ : state)
    for (const auto& l : lines) benchmark::DoNotOptimize(boost::json::parse(l));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes(lines)));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * lines.size()));
}
BENCHMARK(peer_boost_json_parse);

void read_case_typed(benchmark::State& state) {
  const auto lines = cohort_lines();
  for (auto _ : state)
    for (const auto& l : lines) benchmark::DoNotOptimize(iptkit::read_case(l));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes(lines)));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * lines.size()));
}
BENCHMARK(read_case_typed);

void peer_boost_json_serialize(benchmark::State& state) {
  std::vector<boost::json::value> dom;
  for (const auto& l : cohort_lines()) dom.push_back(boost::json::parse(l));
  std::size_t bytes = 0;
  for (auto _ : state)
    for (const auto& v : dom) {
      auto s = boost::json::serialize(v);
      bytes += s.size();
      benchmark::DoNotOptimize(s);
    }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * dom.size()));
}
BENCHMARK(peer_boost_json_serialize);

void write_case_canonical(benchmark::State& state) {
  std::vector<iptkit::case_record> cases;
  for (const auto& l : cohort_lines()) cases.push_back(iptkit::read_case(l).value());
  std::size_t bytes = 0;
  std::string out;
  for (auto _ : state)
    for (const auto& c : cases) {
      out.clear();
      iptkit::write_case(out, c, {iptkit::json_style::compact});
      bytes += out.size();
      benchmark::DoNotOptimize(out.data());
    }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * cases.size()));
}
BENCHMARK(write_case_canonical);

}  // namespace

BENCHMARK_MAIN();
