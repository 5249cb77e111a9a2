// deidentify: cases made shareable (docs/privacy.md). Nothing of the input's text reaches standard
// error here: unreadable cases are reported by place and error kind only, never by value or path.
#include "cli.hpp"

#include <iptkit/privacy/deidentify.hpp>

#include <filesystem>
#include <iostream>
#include <map>

namespace iptkit::cli {

namespace {

void report_unreadable_redacted(const std::vector<input_case>& unreadable) {
  for (const auto& c : unreadable) {
    std::cerr << where(c) << ": not de-identified: " << c.value.errors().size() << " structural error(s) (";
    for (std::size_t i = 0; i < c.value.errors().size() && i < 3; ++i)
      std::cerr << (i ? ", " : "") << meta::enum_name(c.value.errors()[i].kind);
    std::cerr << (c.value.errors().size() > 3 ? ", ..." : "") << "); run `iptkit validate` on it privately\n";
  }
}

}  // namespace

int run_deidentify(const std::vector<std::string>& files, const std::string& out, const std::string& mapping,
                   const std::string& report, bool keep_dates, const common_options& o) {
  deidentify_options options;
  options.dates = keep_dates ? date_handling::keep : date_handling::shift;
  if (!mapping.empty() && std::filesystem::exists(std::filesystem::symlink_status(mapping)))
    throw fatal(mapping + ": already exists; the mapping is never overwritten");
  const std::string outputs[] = {out, mapping, report};
  check_outputs(files, outputs);
  const auto reg = load_catalog(o);
  auto cohort = load_cohort(files, reading(o), reg, o);
  report_unreadable_redacted(cohort.unreadable);

  deid_random rng;
  const auto done = deidentify(cohort.cases, rng, options);

  std::vector<case_record> shareable;
  shareable.reserve(done.size());
  for (const auto& d : done) shareable.push_back(d.value);
  const std::string text = cases_text(shareable, lines_output(out), done.size() == 1 && cohort.total == 1,
                                     reg);

  // The key first: when it cannot be written, nothing de-identified is left without it.
  if (!mapping.empty()) {
    std::string lines;
    for (const auto& d : done) lines += to_json(d.mapping, {json_style::compact}) + "\n";
    // The re-identification key (45 CFR 164.514(c)): owner-only and never over an existing file,
    // so a second run cannot silently replace the key of the first.
    write_output(mapping, lines, {files, true});
  }
  write_output(out, text, {files});
  std::map<std::string_view, std::size_t> counts;
  if (!report.empty()) {
    std::vector<deid_report> reports;
    for (const auto& d : done) reports.push_back(d.report);
    write_output(report, to_json(reports), {files});
  }
  for (const auto& d : done)
    for (const auto& c : d.report.changes) ++counts[meta::enum_name(c.action)];
  if (!o.quiet) {
    std::cerr << done.size() << " case(s) de-identified to " << out << " (dates "
              << (keep_dates ? "kept" : "shifted by one random offset per case") << ")";
    for (const auto& [action, n] : counts) std::cerr << "; " << action << " " << n;
    std::cerr << (mapping.empty() ? "; no mapping kept" : "; mapping written to " + mapping + " (owner-only)")
              << (cohort.unreadable.empty() ? "" : "; " + std::to_string(cohort.unreadable.size()) + " not readable (left out)")
              << "\n";
  }
  return cohort.unreadable.empty() ? ok : problems;
}

}  // namespace iptkit::cli
