// How the cost of reading grows with the cohort: jsonl_reader over a JSON Lines file of N
// synthetic cases (docs/synthetic.md, seed 4, the bytes `iptkit synth --cases N --seed 4` writes),
// streamed from disk (page cache) into typed cases with every structural check, one case at a time
// (memory stays flat), for N = 1k, 10k, 100k, 1M.
//
//   read/jsonl_file/N     items/s = cases per second, bytes/s = file bytes per second
//
// The files are made once and kept in $IPTKIT_BENCH_DATA (default /tmp/iptkit-bench-data); a
// million cases take about 4.8 GB. --cases=N (IPTKIT_BENCH_CASES) sets the largest N; --small
// reads 1,000 cases once.
#include "bench_common.hpp"

#include <iptkit/json/cohort.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace {

using namespace iptkit;
namespace fs = std::filesystem;

std::string data_dir() {
  const char* e = std::getenv("IPTKIT_BENCH_DATA");
  return e && *e ? e : "/tmp/iptkit-bench-data";
}

// The cohort file of n cases, written on first use (streamed: memory does not grow with n).
std::string cohort_file(std::size_t n) {
  const fs::path dir = data_dir();
  fs::create_directories(dir);
  const fs::path path = dir / ("synth-" + std::to_string(n) + "-seed4.jsonl");
  if (fs::exists(path)) return path.string();
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    synth_options o;
    o.cases = n;
    o.seed = 4;
    std::string line;
    synthesize(o, [&](case_record&& c) {
      line.clear();
      write_case(line, c, {json_style::compact});
      line += '\n';
      out.write(line.data(), static_cast<std::streamsize>(line.size()));
    });
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  fs::rename(tmp, path);
  return path.string();
}

void read_file(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto path = cohort_file(n);
  const auto bytes = fs::file_size(path);
  for (auto _ : state) {
    std::ifstream in(path, std::ios::binary);
    jsonl_reader reader(in);
    std::size_t read = 0;
    while (auto entry = reader.next()) {
      if (!entry->value) {
        state.SkipWithError("a synthetic case did not read");
        break;
      }
      ++read;
    }
    if (read != n) state.SkipWithError("wrong number of cases");
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

}  // namespace

int main(int argc, char** argv) {
  return iptkit::bench::run(argc, argv, [] {
    const std::size_t cap = iptkit::bench::cohort_size(1'000'000, 1000);
    auto* b = iptkit::bench::add("read/jsonl_file", read_file)->Unit(benchmark::kMillisecond);
    for (std::size_t n = 1000; n <= cap; n *= 10) b->Arg(static_cast<std::int64_t>(n));
  });
}
