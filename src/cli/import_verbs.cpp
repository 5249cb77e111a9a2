// import: cases from where trial data lives (docs/import.md). The report goes to standard error,
// as text or JSON; the cases to the output, all or nothing unless --partial.
#include "cli.hpp"

#include <iptkit/import/redcap.hpp>
#include <iptkit/import/tables.hpp>
#include <iptkit/rules/validate.hpp>

#include <boost/json.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace iptkit::cli {

namespace {

// The table DIR/<name>.csv, or an unnamed source when the file is not there.
csv_source table_file(const std::string& dir, std::string_view name) {
  const auto path = std::filesystem::path(dir) / (std::string(name) + ".csv");
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  std::ifstream in(path, std::ios::binary);
  if (!in) throw fatal(path.string() + ": cannot be read");
  auto text = read_all(in);
  if (in.bad()) throw fatal(path.string() + ": cannot be read");
  return {path.string(), std::move(text)};
}

// The report on standard error: the import's errors, what it did not use, then the protocol
// findings of the cases it made (as `validate` gives them). The exit code, as validate's: 1 when
// anything is an error.
int report(const import_result& r, std::size_t cases_written, const common_options& o, const catalog& reg) {
  const auto findings = validate_cohort(r.cases, validating(o), reg);
  std::size_t error_findings = 0, total_findings = 0;
  for (const auto& fs : findings) {
    total_findings += fs.size();
    error_findings += std::count_if(fs.begin(), fs.end(), [](const finding& f) { return f.severity == severity::error; });
  }
  const int code = r.ok() && error_findings == 0 ? ok : problems;
  if (o.format == output_format::json) {
    boost::json::array finds;
    for (std::size_t i = 0; i < findings.size(); ++i)
      for (const auto& f : findings[i])
        finds.push_back(boost::json::object{{"case_id", r.cases[i].case_id}, {"code", f.code}, {"severity", meta::enum_name(f.severity)},
                         {"path", f.path}, {"message", f.message}});
    std::cerr << "{\"cases_imported\":" << r.cases.size() << ",\"cases_written\":" << cases_written
              << ",\"rows_read\":" << r.rows_read << ",\"errors\":" << to_json(r.errors, {json_style::compact})
              << ",\"unused\":" << to_json(r.unused, {json_style::compact})
              << ",\"findings\":" << boost::json::serialize(finds) << "}\n";
    return code;
  }
  for (const auto& e : r.errors) std::cerr << to_string(e) << "\n";
  for (const auto& e : r.unused) std::cerr << "not used: " << to_string(e) << "\n";
  for (std::size_t i = 0; i < findings.size(); ++i)
    for (const auto& f : findings[i]) std::cerr << "case " << r.cases[i].case_id << ": " << to_string(f) << "\n";
  if (!o.quiet)
    std::cerr << r.cases.size() << " case(s) imported from " << r.rows_read << " row(s)"
              << (r.errors.empty() ? "" : "; " + std::to_string(r.errors.size()) + " error(s)")
              << (r.unused.empty() ? "" : "; " + std::to_string(r.unused.size()) + " part(s) not used")
              << (total_findings ? "; " + std::to_string(total_findings) + " finding(s)" : "") << "; " << cases_written
              << " written\n";
  return code;
}

// A whole input file, or fatal.
csv_source input_file(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw fatal(std::string(what) + ": " + path + ": cannot be read");
  auto text = read_all(in);
  if (in.bad()) throw fatal(std::string(what) + ": " + path + ": cannot be read");
  return {path, std::move(text)};
}

void check_cases_output(const std::string& out) {
  const auto ext = std::filesystem::path(out).extension();
  if (out != "-" && ext != ".jsonl" && ext != ".ndjson" && ext != ".json")
    throw fatal("-o: " + out + ": name the cases file .jsonl (JSON Lines), .json (an array) or - (standard output)");
}

}  // namespace

int run_import_tables(const std::string& dir, const std::string& out, bool keep_unknown_columns, bool partial,
                      const common_options& o) {
  if (o.format == output_format::csv) throw fatal("--format: the import report is text or json");
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) throw fatal(dir + ": not a folder of tables");
  // Every other CSV file of the folder is a table nobody reads: said, never skipped unseen.
  std::string strays;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const auto name = entry.path().filename().string();
    if (entry.path().extension() != ".csv" && entry.path().extension() != ".CSV") continue;
    if (name == "cases.csv" || name == "sessions.csv" || name == "assessments.csv" || name == "relationships.csv" ||
        name == "outcomes.csv")
      continue;
    strays += (strays.empty() ? "" : ", ") + name;
  }
  if (!strays.empty())
    throw fatal(dir + ": " + strays +
                ": not a table iptkit reads (the tables are cases.csv, sessions.csv, assessments.csv and "
                "relationships.csv, named exactly so); rename or move it");
  check_cases_output(out);
  tidy_csv_input in{table_file(dir, "cases"), table_file(dir, "sessions"), table_file(dir, "assessments"),
                    table_file(dir, "relationships")};
  if (in.cases.name.empty()) throw fatal(dir + ": no cases.csv (the one table every import needs)");
  const std::vector<std::string> inputs{in.cases.name, in.sessions.name, in.assessments.name, in.relationships.name};
  check_outputs(inputs, std::span(&out, 1));
  const auto reg = load_catalog(o);
  import_options options;
  options.keep_unknown_columns = keep_unknown_columns;
  options.read = reading(o);
  const auto r = import_tables(in, options, reg);
  if (!o.quiet && o.format == output_format::text && std::filesystem::exists(std::filesystem::path(dir) / "outcomes.csv", ec))
    std::cerr << "outcomes.csv is derived from the cases and is not read\n";
  std::size_t written = 0;
  if (r.ok() || partial) {
    write_output(out, cases_text(r.cases, lines_output(out), false, reg), {inputs});
    written = r.cases.size();
  }
  return report(r, written, o, reg);
}

int run_import_redcap(const std::string& records, const std::string& dictionary, const std::string& mapping,
                      const std::string& out, bool partial, const common_options& o) {
  if (o.format == output_format::csv) throw fatal("--format: the import report is text or json");
  check_cases_output(out);
  redcap_input in{input_file(dictionary, "--dictionary"), input_file(records, "RECORDS"), input_file(mapping, "--mapping")};
  const std::vector<std::string> inputs{records, dictionary, mapping};
  check_outputs(inputs, std::span(&out, 1));
  const auto reg = load_catalog(o);
  redcap_options options;
  options.read = reading(o);
  const auto r = import_redcap(in, options, reg);
  std::size_t written = 0;
  if (r.ok() || partial) {
    write_output(out, cases_text(r.cases, lines_output(out), false, reg), {inputs});
    written = r.cases.size();
  }
  return report(r, written, o, reg);
}

}  // namespace iptkit::cli
