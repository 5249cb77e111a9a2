// Reads case documents, validates them against the IPT protocol and writes one self-contained
// HTML report (cohort summary, trajectories, findings, one section per case). Inputs that cannot
// be read are listed in the report rather than stopping it. Usage:
//   write_report OUT.html FILE.json|FILE.jsonl...
// A .json file holds one case or a JSON array of cases; a .jsonl file holds one case per line.
#include <iptkit/iptkit.hpp>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct inputs {
  std::vector<iptkit::case_record> cases;
  std::vector<iptkit::report_input_error> unreadable;
};

void add(inputs& in, const std::string& file, std::optional<std::size_t> line, std::size_t index,
         iptkit::result<iptkit::case_record> value) {
  if (value) in.cases.push_back(std::move(*value));
  else in.unreadable.push_back({file, line, index, value.errors()});
}

bool read_file(inputs& in, const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  if (path.ends_with(".jsonl")) {
    iptkit::jsonl_reader reader(file);
    while (auto entry = reader.next()) add(in, path, entry->line, entry->index, std::move(entry->value));
    return true;
  }
  std::stringstream text;
  text << file.rdbuf();
  const std::string json = text.str();
  // A JSON array is a cohort; anything else is read as one case document.
  const auto first = json.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && json[first] == '[') {
    auto entries = iptkit::read_case_array(json);
    if (!entries) {
      in.unreadable.push_back({path, std::nullopt, 0, entries.errors()});
      return true;
    }
    for (auto& e : *entries) add(in, path, std::nullopt, e.index, std::move(e.value));
    return true;
  }
  add(in, path, std::nullopt, 0, iptkit::read_case(json));
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: write_report OUT.html FILE.json|FILE.jsonl...\n";
    return 2;
  }
  inputs in;
  for (int i = 2; i < argc; ++i)
    if (!read_file(in, argv[i])) {
      std::cerr << argv[i] << ": cannot open\n";
      return 2;
    }
  const auto findings = iptkit::validate_cohort(in.cases);
  // No date here: the same inputs must give the same bytes (the caller may add one).
  iptkit::report_options options;
  options.generated_by = std::string("iptkit ") + iptkit::version_string + " (write_report)";
  const std::string html = iptkit::html_report(in.cases, findings, in.unreadable, options);
  std::ofstream out(argv[1], std::ios::binary);
  out << html;
  if (!out) {
    std::cerr << argv[1] << ": cannot write\n";
    return 2;
  }
  std::cout << in.cases.size() << " cases, " << in.unreadable.size() << " unreadable -> " << argv[1] << "\n";
  return 0;
}
