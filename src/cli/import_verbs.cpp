// import: cases from where trial data lives (docs/import.md). The report goes to standard error,
// as text or JSON; the cases to the output, all or nothing unless --partial.
#include "cli.hpp"

#include <iptkit/import/fhir.hpp>
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

// A whole input file, or fatal (naming the option or argument `what` it came from, if any).
csv_source input_file(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  const auto unreadable = [&] { return fatal((what.empty() ? "" : std::string(what) + ": ") + path + ": cannot be read"); };
  if (!in) throw unreadable();
  auto text = read_all(in);
  if (in.bad()) throw unreadable();
  return {path, std::move(text)};
}

// The table DIR/<name>.csv, or an unnamed source when the file is not there.
csv_source table_file(const std::string& dir, std::string_view name) {
  const auto path = std::filesystem::path(dir) / (std::string(name) + ".csv");
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  return input_file(path.string(), "");
}

// The report on standard error: the import's errors, what it did not use, then the protocol
// findings of the cases it made (as `validate` gives them), then the counts (`counts`: name and
// value, in the JSON report; the text report says `summary`). The exit code, as validate's: 1
// when anything is an error.
int report(const std::vector<case_record>& cases, const std::vector<import_issue>& errors,
           const std::vector<import_issue>& unused, const std::vector<std::pair<std::string, std::size_t>>& counts,
           const std::string& summary, const common_options& o, const catalog& reg) {
  const auto findings = validate_cohort(cases, validating(o), reg);
  std::size_t error_findings = 0, total_findings = 0;
  for (const auto& fs : findings) {
    total_findings += fs.size();
    error_findings += std::count_if(fs.begin(), fs.end(), [](const finding& f) { return f.severity == severity::error; });
  }
  const int code = errors.empty() && error_findings == 0 ? ok : problems;
  if (o.format == output_format::json) {
    boost::json::array finds;
    for (std::size_t i = 0; i < findings.size(); ++i)
      for (const auto& f : findings[i])
        finds.push_back(boost::json::object{{"case_id", cases[i].case_id}, {"code", f.code},
                                            {"severity", meta::enum_name(f.severity)}, {"path", f.path},
                                            {"message", f.message}});
    std::cerr << "{";
    for (const auto& [name, n] : counts) std::cerr << "\"" << name << "\":" << n << ",";
    std::cerr << "\"errors\":" << to_json(errors, {json_style::compact})
              << ",\"unused\":" << to_json(unused, {json_style::compact})
              << ",\"findings\":" << boost::json::serialize(finds) << "}\n";
    return code;
  }
  for (const auto& e : errors) std::cerr << to_string(e) << "\n";
  for (const auto& e : unused) std::cerr << "not used: " << to_string(e) << "\n";
  for (std::size_t i = 0; i < findings.size(); ++i)
    for (const auto& f : findings[i]) std::cerr << "case " << cases[i].case_id << ": " << to_string(f) << "\n";
  if (!o.quiet)
    std::cerr << summary << (errors.empty() ? "" : "; " + std::to_string(errors.size()) + " error(s)")
              << (unused.empty() ? "" : "; " + std::to_string(unused.size()) + " part(s) not used")
              << (total_findings ? "; " + std::to_string(total_findings) + " finding(s)" : "") << "\n";
  return code;
}

int report(const import_result& r, std::size_t cases_written, const common_options& o, const catalog& reg) {
  return report(r.cases, r.errors, r.unused,
                {{"cases_imported", r.cases.size()}, {"cases_written", cases_written}, {"rows_read", r.rows_read}},
                std::to_string(r.cases.size()) + " case(s) imported from " + std::to_string(r.rows_read) +
                    " row(s); " + std::to_string(cases_written) + " written",
                o, reg);
}

// What every import verb refuses before reading anything: a report format it has not, an output
// that is not a cases file.
void check_import_output(const std::string& out, const common_options& o) {
  if (o.format == output_format::csv) throw fatal("--format: the import report is text or json");
  const auto ext = std::filesystem::path(out).extension();
  if (out != "-" && ext != ".jsonl" && ext != ".ndjson" && ext != ".json")
    throw fatal("-o: " + out + ": name the cases file .jsonl (JSON Lines), .json (an array) or - (standard output)");
}

}  // namespace

int run_import_tables(const std::string& dir, const std::string& out, bool keep_unknown_columns, bool partial,
                      const common_options& o) {
  check_import_output(out, o);
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
  tidy_csv_input in{table_file(dir, "cases"), table_file(dir, "sessions"), table_file(dir, "assessments"),
                    table_file(dir, "relationships")};
  if (in.cases.name.empty()) throw fatal(dir + ": no cases.csv (the one table every import needs)");
  const std::vector<std::string> inputs{in.cases.name, in.sessions.name, in.assessments.name, in.relationships.name};
  check_outputs(inputs, std::span(&out, 1));
  const auto reg = load_catalog(o);
  import_options options;
  options.keep_unknown_columns = keep_unknown_columns;
  options.raw_cells = o.raw_cells;
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
  check_import_output(out, o);
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

int run_import_fhir(const std::vector<std::string>& files, const std::string& cases_file, const std::string& out,
                    bool partial, const common_options& o) {
  check_import_output(out, o);
  std::vector<std::string> inputs = files;
  if (!cases_file.empty()) inputs.push_back(cases_file);
  check_outputs(inputs, std::span(&out, 1));
  std::vector<csv_source> sources;
  for (const auto& f : files) sources.push_back(input_file(f, "FILE"));
  const auto reg = load_catalog(o);
  fhir_import_options options;
  options.read = reading(o);
  if (!cases_file.empty()) {
    auto cohort = load_cohort({cases_file}, reading(o), reg, o);
    if (!cohort.unreadable.empty())
      throw fatal("--cases: " + cases_file + ": " + std::to_string(cohort.unreadable.size()) +
                  " case(s) cannot be read (iptkit validate lists why): attach to readable cases only");
    options.attach = fhir_attach::to_cases;
    options.cases = std::move(cohort.cases);
  }
  const auto r = import_questionnaire_responses(sources, options, reg);
  std::size_t written = 0;
  if (r.ok() || partial) {
    if (options.attach == fhir_attach::to_cases) {
      write_output(out, cases_text(r.cases, lines_output(out), false, reg), {inputs});
      written = r.cases.size();
    } else {
      const bool lines = lines_output(out);
      std::string text = lines ? "" : "[";
      for (std::size_t i = 0; i < r.assessments.size(); ++i) {
        if (!lines && i > 0) text += ',';  // appended one by one: GCC 12's -Wrestrict at -O3
        text += to_json(r.assessments[i], {json_style::compact});
        if (lines) text += '\n';
      }
      if (!lines) text += "]\n";
      write_output(out, text, {inputs});
      written = r.assessments.size();
    }
  }
  const bool attach = options.attach == fhir_attach::to_cases;
  return report(r.cases, r.errors, r.unused,
                {{"assessments_imported", r.assessments.size()},
                 {attach ? "cases_written" : "assessments_written", written},
                 {"resources_read", r.resources_read}},
                std::to_string(r.assessments.size()) + " assessment(s) imported from " +
                    std::to_string(r.resources_read) + " resource(s); " + std::to_string(written) +
                    (attach ? " case(s)" : " assessment record(s)") + " written",
                o, reg);
}

}  // namespace iptkit::cli
