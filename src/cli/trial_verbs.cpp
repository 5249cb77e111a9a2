// `consort`: the CONSORT flow of a trial's case records (docs/trials.md), as text, JSON or SVG.
#include "cli.hpp"

#include <iptkit/export/consort_svg.hpp>
#include <iptkit/json/write.hpp>
#include <iptkit/trials/consort.hpp>

#include <iostream>

namespace iptkit::cli {

namespace {

std::string count(const consort_box& b) { return std::to_string(b.n); }

// "bipolar disorder 2; age over 65 1", patients per reason in order of first appearance.
std::string reasons_text(const std::vector<consort_reason>& reasons) {
  std::string out;
  for (const auto& r : reasons) {
    if (!out.empty()) out += "; ";
    out += r.reason;
    out += ' ';
    out += std::to_string(r.patients.n);
  }
  return out;
}

std::string flow_text(const consort_flow& f) {
  std::string out = "CONSORT flow (analysed: ";
  out += f.analysis_set;
  out += ")\n\n";
  out += text_table({"enrolment", "n"}, {{"assessed for eligibility", count(f.assessed)},
                                         {"  excluded", count(f.excluded)},
                                         {"    not meeting inclusion criteria", count(f.not_eligible)},
                                         {"    declined to participate", count(f.declined)},
                                         {"randomised", count(f.randomised)}});
  if (!f.exclusion_reasons.empty()) {
    out += "\nexclusion reasons (patients): ";
    out += reasons_text(f.exclusion_reasons);
    out += " (reasons: ";
    out += std::to_string(f.exclusion_reasons_given);
    out += ", patients: ";
    out += count(f.excluded);
    out += ")\n";
  }
  if (!f.arms.empty()) {
    std::vector<std::string> header{"arm"};
    std::vector<std::vector<std::string>> rows{{"allocated"}, {"received allocated"}, {"did not receive"},
                                               {"lost to follow-up"}, {"discontinued"}, {"analysed"},
                                               {"excluded from analysis"}};
    for (const auto& a : f.arms) {
      header.push_back(a.arm);
      const consort_box* boxes[] = {&a.allocated, &a.received_allocated, &a.did_not_receive, &a.lost_to_follow_up,
                                    &a.discontinued, &a.analysed, &a.excluded_from_analysis};
      for (std::size_t i = 0; i < rows.size(); ++i) rows[i].push_back(count(*boxes[i]));
    }
    out += "\n";
    out += text_table(header, rows);
    for (const auto& a : f.arms)
      if (!a.discontinued_reasons.empty()) {
        out += "\n";
        out += a.arm;
        out += ", discontinued or lost to follow-up, by reason: ";
        out += reasons_text(a.discontinued_reasons);
      }
    for (const auto& a : f.arms)
      if (!a.excluded_reasons.empty()) {
        out += "\n";
        out += a.arm;
        out += ", excluded from analysis by reason: ";
        out += reasons_text(a.excluded_reasons);
      }
    out += "\n";
  }
  for (const auto& n : f.notes) {
    out += "\nnote: ";
    out += n;
  }
  if (!f.notes.empty()) out += "\n";
  return out;
}

}  // namespace

int run_consort(const std::vector<std::string>& files, const std::optional<consort_svg_options>& diagram,
                const common_options& o) {
  const auto reg = load_catalog(o);
  auto cohort = load_cohort(files, reading(o), reg, o);
  report_unreadable(cohort.unreadable);
  // Intention to treat needs no validation and takes a file where nobody is randomised yet.
  const auto flow = o.analysis_set == "itt" ? consort(cohort.cases)
                                            : consort(cohort.cases, population_of(cohort.cases, o, reg));
  if (diagram) {
    std::string svg = consort_svg(flow, *diagram);
    svg += '\n';
    write_output("-", svg);
    // The diagram has no room for them: what the counts assume goes to standard error instead.
    if (!o.quiet)
      for (const auto& n : flow.notes) std::cerr << "note: " << n << "\n";
  } else {
    write_output("-", o.format == output_format::json ? to_json(flow) : flow_text(flow));
  }
  if (!o.quiet)
    std::cerr << "CONSORT flow of " << cohort.cases.size() << " record(s), " << cohort.unreadable.size()
              << " not readable\n";
  // A record that could not be read is missing from every box: the counts are not the trial's.
  return cohort.unreadable.empty() ? ok : problems;
}

}  // namespace iptkit::cli
