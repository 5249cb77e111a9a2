// Per-case outcomes and cohort statistics of a JSON Lines cohort, as JSON: one outcome row per line
// to ROWS, the summary to SUMMARY. Usage:
//   outcomes_report COHORT.jsonl ROWS.jsonl SUMMARY.json [none|arm|adaptation|site]
#include <iptkit/iptkit.hpp>
#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/outcomes/statistics.hpp>

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: outcomes_report COHORT.jsonl ROWS.jsonl SUMMARY.json [none|arm|adaptation|site]\n";
    return 2;
  }
  const auto by = iptkit::meta::enum_from_name<iptkit::group_by>(argc > 4 ? argv[4] : "arm");
  if (!by) {
    std::cerr << "unknown grouping\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << argv[1] << ": cannot open\n";
    return 2;
  }
  std::vector<iptkit::case_record> cases;
  iptkit::jsonl_reader reader(in);
  while (auto entry = reader.next()) {
    if (!entry->value) {
      std::cerr << argv[1] << ":" << entry->line << ": " << iptkit::to_string(entry->value.errors()[0]) << "\n";
      return 1;
    }
    cases.push_back(std::move(*entry->value));
  }
  const auto rows = iptkit::outcomes(cases);
  std::ofstream rows_out(argv[2], std::ios::binary);
  for (const auto& r : rows) rows_out << iptkit::to_json(r, {iptkit::json_style::compact}) << "\n";
  const auto summary = iptkit::summarize(rows, iptkit::group_labels(cases, *by), *by);
  std::ofstream(argv[3], std::ios::binary) << iptkit::to_json(summary);
  std::cout << cases.size() << " cases, " << rows.size() << " outcome rows, " << summary.groups.size()
            << " group summaries\n";
}
