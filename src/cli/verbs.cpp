// The verbs that read cases: validate, outcomes, summary, report, convert.
#include "cli.hpp"

#include <iptkit/export/csv.hpp>
#include <iptkit/export/fhir.hpp>
#include <iptkit/export/html_report.hpp>
#include <iptkit/export/tidy.hpp>

#include <boost/json.hpp>
#include <filesystem>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace iptkit::cli {

validation_options validating(const common_options& o) {
  validation_options v;
  v.redact = o.redact;
  v.threads = o.threads;
  return v;
}

void report_unreadable(const std::vector<input_case>& unreadable) {
  for (const auto& c : unreadable) {
    const auto& first = c.value.errors().front();
    std::cerr << where(c) << (c.case_id ? " " + *c.case_id : std::string()) << ": "
              << c.value.errors().size() << " structural error(s), first: "
              << to_string(first) << "\n";
  }
}

namespace {

// A case's JSON Lines line (0 in cohort_entry for other shapes).
std::optional<std::size_t> line_of(const input_case& c) {
  return c.line ? std::optional(c.line) : std::nullopt;
}

boost::json::value located(const std::optional<std::size_t>& n) {
  return n ? boost::json::value(*n) : boost::json::value(nullptr);
}

std::string number_or_empty(const std::optional<std::size_t>& n) { return n ? std::to_string(*n) : std::string(); }

std::string percent(const proportion& p) {
  if (!p.rate) return "-";
  char buf[64];
  const auto whole = [](double fraction) { return static_cast<long>(std::floor(100 * fraction + 0.5)); };
  std::snprintf(buf, sizeof buf, "%ld%% [%ld-%ld] %zu/%zu", whole(*p.rate), whole(*p.lower), whole(*p.upper), p.k, p.n);
  return buf;
}

std::string number(const std::optional<double>& v, const char* format = "%.1f") {
  if (!v) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, format, *v);
  return buf;
}

template <class T>
std::string optional_text(const std::optional<T>& v) {
  if (!v) return "-";
  if constexpr (std::is_same_v<T, bool>) return *v ? "yes" : "no";
  else if constexpr (std::is_same_v<T, int>) return std::to_string(*v);
  else return std::string(meta::enum_name(*v));
}

}  // namespace

int run_validate(const std::vector<std::string>& files, const common_options& o) {
  const auto reg = load_catalog(o);
  const auto options = reading(o);
  const auto v = validating(o);
  const palette colour{o.format == output_format::text && is_terminal(1) &&
                       !(std::getenv("NO_COLOR") && *std::getenv("NO_COLOR"))};
  check_inputs(files);  // output is streamed: a bad argument must fail before any of it

  std::size_t cases = 0, valid = 0, errors = 0, warnings = 0, alerts = 0;
  output_file out("-");
  std::string text;  // this batch's text or CSV lines
  spool json_cases;  // the JSON array's elements, comma-separated (the summary goes first)
  // `line` and `column`: where the row's error is; for a finding, the line of its case.
  if (o.format == output_format::csv) text = "file,line,column,index,case_id,kind,code,severity,path,message\r\n";
  const csv_options cells{.raw_cells = o.raw_cells};
  progress_meter meter(o, "cases validated");
  const bool shared_screen = is_terminal(1) && is_terminal(2);

  // Cases are read, validated (--threads share each batch) and reported in batches, then
  // dropped: memory stays flat however long the input is.
  const std::size_t batch_size = std::max<std::size_t>(512, std::size_t{128} * o.threads);
  std::vector<input_case> batch;
  std::vector<case_record> good;
  const auto flush = [&] {
    good.clear();
    for (auto& c : batch)
      if (c.value) good.push_back(std::move(*c.value));  // only its errors and warnings are used below
    const auto found = validate_cohort(good, v, reg);
    std::size_t next = 0;
    for (auto& c : batch) {
      static const std::vector<finding> none;
      const auto& fs = c.value ? found[next++] : none;
      ++cases;
      const bool has_error_finding =
          std::any_of(fs.begin(), fs.end(), [](const finding& f) { return f.severity == severity::error; });
      const bool ok = c.value && !has_error_finding;
      valid += ok;
      errors += c.value ? std::count_if(fs.begin(), fs.end(), [](const finding& f) { return f.severity == severity::error; })
                        : c.value.errors().size();
      warnings += std::count_if(fs.begin(), fs.end(), [](const finding& f) { return f.severity == severity::warning; }) +
                  c.value.warnings().size();  // unknown fields ignored by --lax
      alerts += std::count_if(fs.begin(), fs.end(), [](const finding& f) { return f.severity == severity::alert; });
      const std::string id = c.case_id.value_or("");
      switch (o.format) {
        case output_format::json: {
          boost::json::array errs, finds;
          for (const auto& e : c.value.errors())
            errs.push_back({{"path", e.path}, {"kind", meta::enum_name(e.kind)}, {"message", e.message},
                            {"line", located(e.line)}, {"column", located(e.column)}});
          for (const auto& f : fs)
            finds.push_back({{"code", f.code}, {"severity", meta::enum_name(f.severity)}, {"path", f.path}, {"message", f.message}});
          boost::json::object entry{{"file", c.source}};
          entry["line"] = located(line_of(c));
          entry["index"] = c.index;
          entry["case_id"] = c.case_id ? boost::json::value(*c.case_id) : boost::json::value(nullptr);
          entry["errors"] = std::move(errs);
          entry["findings"] = std::move(finds);
          if (cases > 1) json_cases.append(",");
          json_cases.append(boost::json::serialize(entry));
          break;
        }
        case output_format::csv: {
          const auto prefix = [&](std::optional<std::size_t> line, std::optional<std::size_t> column) {
            std::string p;
            csv_detail::append_text_field(p, c.source, cells);
            for (const std::string& cell : {number_or_empty(line), number_or_empty(column), std::to_string(c.index)}) {
              p += ',';  // appended one by one: `"," + std::string` trips GCC 12's -Wrestrict at -O3
              p += cell;
            }
            p += ',';
            csv_detail::append_text_field(p, id, cells);
            return p;
          };
          for (const auto& e : c.value.errors()) {
            text += prefix(e.line ? e.line : line_of(c), e.column) + ",error," + std::string(meta::enum_name(e.kind)) + ",error,";
            csv_detail::append_text_field(text, e.path, cells);
            text += ',';
            csv_detail::append_text_field(text, e.message, cells);
            text += "\r\n";
          }
          for (const auto& f : fs) {
            text += prefix(line_of(c), std::nullopt) + ",finding,";
            csv_detail::append_text_field(text, f.code, cells);  // a user rule's code is any text
            text += ',';  // appended piece by piece: GCC 12 -O3 reports -Wrestrict for "," + std::string
            text += meta::enum_name(f.severity);
            text += ',';
            csv_detail::append_text_field(text, f.path, cells);
            text += ',';
            csv_detail::append_text_field(text, f.message, cells);
            text += "\r\n";
          }
          break;
        }
        case output_format::text: {
          const std::string label = where(c) + (id.empty() ? "" : " " + id);
          if (!c.value) {
            text += label + ": " + colour.red("not readable") + ", " + std::to_string(c.value.errors().size()) + " structural error(s)\n";
            for (const auto& e : c.value.errors()) text += "  " + to_string(e) + "\n";
            break;
          }
          const auto& ignored = c.value.warnings();
          if (fs.empty() && ignored.empty()) {
            if (!o.quiet) text += label + ": " + colour.green("valid") + "\n";
            break;
          }
          text += label + ": " + (has_error_finding ? colour.red("not valid") : colour.green("valid")) +
                  (fs.empty() ? "" : ", " + std::to_string(fs.size()) + " finding(s)") +
                  (ignored.empty() ? "" : ", " + std::to_string(ignored.size()) + " unknown field(s) ignored") + "\n";
          for (const auto& w : ignored)
            text += "  " + colour.yellow("ignored") + " " + w.path + ": " + w.message + "\n";
          for (const auto& f : fs) {
            const std::string sev(meta::enum_name(f.severity));
            const auto tint = f.severity == severity::error ? colour.red(sev)
                              : f.severity == severity::alert ? colour.magenta(sev) : colour.yellow(sev);
            text += "  " + f.code + " " + tint + " " + (f.path.empty() ? std::string("(case)") : f.path) + ": " + f.message + "\n";
          }
          break;
        }
      }
      meter.tick(cases);
    }
    batch.clear();
    if (shared_screen) meter.clear();  // the progress line is drawn again below the new lines
    out.stream() << text;  // text and CSV go out as they are made
    if (shared_screen) out.stream().flush();
    text.clear();
  };
  read_inputs(files, options, reg, [&](input_case&& c) {
    batch.push_back(std::move(c));
    if (batch.size() >= batch_size) flush();
  });
  flush();
  meter.finish();

  const std::string line = std::to_string(cases) + " case(s): " + std::to_string(valid) + " valid, " +
                           std::to_string(errors) + " error(s), " + std::to_string(warnings) + " warning(s), " +
                           std::to_string(alerts) + " alert(s)";
  switch (o.format) {
    case output_format::json: {
      const boost::json::object summary{{"cases", cases}, {"valid", valid}, {"errors", errors},
                                        {"warnings", warnings}, {"alerts", alerts}};
      out.stream() << "{\"summary\":" << boost::json::serialize(summary) << ",\"cases\":[";
      json_cases.write_to(out.stream());
      out.stream() << "]}\n";
      break;
    }
    case output_format::csv: break;
    case output_format::text: if (!o.quiet) out.stream() << line << "\n"; break;
  }
  out.commit();
  if (o.format != output_format::text && !o.quiet) std::cerr << line << "\n";
  return valid == cases ? ok : problems;
}

int run_outcomes(const std::vector<std::string>& files, const common_options& o) {
  const auto reg = load_catalog(o);
  auto cohort = load_cohort(files, reading(o), reg, o);
  report_unreadable(cohort.unreadable);
  const auto rows = outcomes(cohort.cases, {.threads = o.threads, .recovery_period_months = o.recovery_months}, reg);
  switch (o.format) {
    case output_format::json: write_output("-", to_json(rows)); break;
    case output_format::csv: write_output("-", to_csv<case_outcome>(rows, {.raw_cells = o.raw_cells})); break;
    case output_format::text: {
      std::vector<std::vector<std::string>> table;
      for (const auto& r : rows)
        table.push_back({r.case_id, r.instrument.empty() ? "-" : r.instrument, optional_text(r.baseline),
                         optional_text(r.endpoint), optional_text(r.change), optional_text(r.response),
                         optional_text(r.remission), optional_text(r.reliable_improvement),
                         optional_text(r.recovery), r.status ? optional_text(r.status) : std::string("")});
      write_output("-", text_table({"case", "instrument", "baseline", "endpoint", "change", "response",
                                    "remission", "reliable", "recovery", "not computed"}, table));
      break;
    }
  }
  if (!o.quiet)
    std::cerr << cohort.total << " case(s), " << cohort.unreadable.size() << " not readable; " << rows.size()
              << " outcome row(s)\n";
  return cohort.unreadable.empty() ? ok : problems;
}

namespace {

// --missing changes only intention-to-treat rates: given with another set it would do nothing.
void refuse_missing_outside_itt(const common_options& o) {
  if (o.missing_given && o.analysis_set != "itt")
    throw fatal("--missing applies to --set itt only (under " + o.analysis_set +
                " every statistic uses the cases where it was observed)");
}

}  // namespace

analysis_population population_of(const std::vector<case_record>& cases, const common_options& o, const catalog& reg) {
  const auto set = *meta::enum_from_name<analysis_set>(o.analysis_set);  // CLI11 checked the spelling
  refuse_missing_outside_itt(o);
  std::vector<std::uint8_t> deviations;
  if (set == analysis_set::per_protocol) deviations = major_deviations(validate_cohort(cases, {.threads = o.threads}, reg));
  if (auto errors = analysis_set_errors(cases, set, deviations); !errors.empty()) throw fatal(errors.front());
  return select_analysis_set(cases, set, deviations);
}

int run_summary(const std::vector<std::string>& files, group_by by, const common_options& o) {
  const auto reg = load_catalog(o);
  auto cohort = load_cohort(files, reading(o), reg, o);
  report_unreadable(cohort.unreadable);
  const auto rows = outcomes(cohort.cases, {.threads = o.threads, .recovery_period_months = o.recovery_months}, reg);
  const auto population = population_of(cohort.cases, o, reg);
  const auto set = population.set;
  const auto summary = summarize(rows, population, group_labels(cohort.cases, by), by,
                                 *meta::enum_from_name<missing_outcome>(o.missing));
  switch (o.format) {
    case output_format::json: write_output("-", to_json(summary)); break;
    case output_format::csv: write_output("-", to_csv<group_summary>(summary.groups, {.raw_cells = o.raw_cells})); break;
    case output_format::text: {
      std::vector<std::vector<std::string>> table;
      for (const auto& g : summary.groups) {
        const auto mean_sd_text = [](const mean_sd& m) {
          return number(m.mean) + (m.sd ? " (" + number(m.sd) + ")" : "");
        };
        const bool paired = g.instrument == paired_instrument;  // no baseline or endpoint of its own
        table.push_back({g.group, g.instrument,
                         std::to_string(g.cases) + "/" + (paired ? std::string("-") : std::to_string(g.with_baseline_and_endpoint)),
                         mean_sd_text(g.baseline), mean_sd_text(g.endpoint), mean_sd_text(g.change),
                         percent(g.response), percent(g.remission), percent(g.recovery),
                         g.d_z.g ? number(g.d_z.g, "%.2f") + " [" + number(g.d_z.lower, "%.2f") + ", " + number(g.d_z.upper, "%.2f") + "]" : "-"});
      }
      std::string out = text_table({by == group_by::none ? std::string("group") : std::string(meta::enum_name(by)),
                                    "instrument", "n/both", "baseline",
                                    "endpoint", "change", "response", "remission", "recovery", "g (d_z)"},
                                   table);
      for (const auto& c : summary.comparisons)
        if (c.hedges_g.g)
          out += "\n" + c.group_a + " vs " + c.group_b + " on " + c.instrument + ": Hedges' g on change " +
                 number(c.hedges_g.g, "%.2f") + " [" + number(c.hedges_g.lower, "%.2f") + ", " +
                 number(c.hedges_g.upper, "%.2f") + "], n " + std::to_string(c.hedges_g.n);
      if (!summary.comparisons.empty()) out += "\n";
      const auto unscored = std::count_if(rows.begin(), rows.end(), [&](const case_outcome& r) {
        return r.instrument.empty() && population.member[r.case_index];
      });
      if (unscored && set != analysis_set::itt)
        out += "\n" + std::to_string(unscored) + " case(s) have no scorable assessment and are not in the table.\n";
      out += "\n";
      for (const auto& note : summary.notes) {
        out += note;
        out += '\n';
      }
      out += "\nn/both: cases / cases with baseline and endpoint. Rates: % [Wilson 95% interval] k/n.\n"
             "change = endpoint - baseline (negative is better).\n";
      write_output("-", out);
      break;
    }
  }
  if (!o.quiet) std::cerr << cohort.cases.size() << " case(s) summarised, " << cohort.unreadable.size() << " not readable\n";
  return cohort.unreadable.empty() ? ok : problems;
}

int run_report(const std::vector<std::string>& files, const std::string& out, group_by by,
               const common_options& o) {
  check_outputs(files, std::span(&out, 1));
  const auto reg = load_catalog(o);
  auto cohort = load_cohort(files, reading(o), reg, o);
  report_unreadable(cohort.unreadable);
  const auto findings = validate_cohort(cohort.cases, validating(o), reg);
  std::vector<report_input_error> unreadable;
  for (const auto& c : cohort.unreadable) unreadable.push_back({c.source, line_of(c), c.index, c.value.errors()});
  report_options options;
  options.by = by;
  options.generated_by = std::string("iptkit ") + version_string;
  options.recovery_period_months = o.recovery_months;
  refuse_missing_outside_itt(o);
  options.analysis_set = *meta::enum_from_name<analysis_set>(o.analysis_set);  // CLI11 checked the spelling
  options.missing_endpoints = *meta::enum_from_name<missing_outcome>(o.missing);
  if (auto errors = analysis_set_errors(cohort.cases, options.analysis_set, major_deviations(findings)); !errors.empty())
    throw fatal(errors.front());
  write_output(out, html_report(cohort.cases, findings, unreadable, options, reg), {files});
  const bool error_findings = std::any_of(findings.begin(), findings.end(), [](const auto& fs) {
    return std::any_of(fs.begin(), fs.end(), [](const finding& f) { return f.severity == severity::error; });
  });
  if (!o.quiet)
    std::cerr << "report of " << cohort.cases.size() << " case(s) written to " << out
              << (cohort.unreadable.empty() ? "" : "; " + std::to_string(cohort.unreadable.size()) + " not readable (listed in it)")
              << "\n";
  return cohort.unreadable.empty() && !error_findings ? ok : problems;
}

namespace {

// The five tidy tables as DIR/<table>.csv, each written atomically.
std::vector<std::string> tidy_csv_paths(const std::string& dir) {
  std::vector<std::string> paths;
  for (auto name : tidy_table_names) paths.push_back((std::filesystem::path(dir) / (std::string(name) + ".csv")).string());
  return paths;
}

void write_tidy_csv(const std::vector<case_record>& cases, const std::string& dir, bool dates, bool complete,
                    const csv_options& cells, const catalog& reg, const std::vector<std::string>& inputs) {
  make_output_folder(dir);
  const auto tables = make_tidy_tables(cases, {.dates = dates, .complete = complete}, reg);
  const auto paths = tidy_csv_paths(dir);
  for (std::size_t i = 0; i < paths.size(); ++i)
    write_output(paths[i], tidy_csv(tables, tidy_table_names[i], dates, cells), {inputs});
}

// FHIR Bundles: one per line (NDJSON, FHIR bulk-data style) to standard output or a .ndjson/.jsonl
// file, else one pretty file per case in the folder OUT.
std::size_t write_fhir(const std::vector<case_record>& cases, const std::string& out, const catalog& reg,
                       const std::vector<std::string>& inputs) {
  fhir_options options{json_style::compact};
  if (lines_output(out)) {
    output_file file(out, {inputs});
    for (const auto& c : cases) file.stream() << fhir_bundle(c, options, reg) << '\n';
    file.commit();
    return cases.size();
  }
  make_output_folder(out);
  options.style = json_style::pretty;
  for (const auto& c : cases)
    write_output((std::filesystem::path(out) / (fhir_detail::resource_id(c.case_id) + ".json")).string(),
                 fhir_bundle(c, options, reg), {inputs});
  return cases.size();
}

}  // namespace

int run_convert(const std::vector<std::string>& files, const std::string& to, const std::string& out,
                bool dates, bool complete, const common_options& o) {
  if (complete && to != "csv") throw fatal("--complete: only for --to csv (the tidy tables)");
  // Before reading: a refused output must not cost a read of the whole cohort.
  if (to == "csv") {
    if (out == "-") throw fatal("--to csv writes five files: give a folder with -o, not -");
    check_outputs(files, tidy_csv_paths(out));
  } else {
    check_outputs(files, std::span(&out, 1));
  }
  const auto reg = load_catalog(o);
  auto cohort = load_cohort(files, reading(o), reg, o);
  report_unreadable(cohort.unreadable);
  if (to == "csv") {
    write_tidy_csv(cohort.cases, out, dates, complete, {.raw_cells = o.raw_cells}, reg, files);
    if (!o.quiet)
      std::cerr << "tidy tables of " << cohort.cases.size() << " case(s) written to " << out << "/{"
                << "cases,sessions,assessments,relationships,outcomes}.csv"
                << (cohort.unreadable.empty() ? "" : ", " + std::to_string(cohort.unreadable.size()) + " not readable (left out)")
                << "\n";
    return cohort.unreadable.empty() ? ok : problems;
  }
  if (to == "fhir") {
    // Refused before anything is written: a Bundle codes each score by its instrument.
    std::size_t unknown = 0;
    for (const auto& c : cohort.cases)
      for (const auto& e : unknown_instruments(c, reg)) {
        std::cerr << "iptkit: case " << c.case_id << " " << e.path << ": " << e.message << "\n";
        ++unknown;
      }
    if (unknown > 0) {
      std::cerr << "iptkit: no FHIR Bundle written: " << unknown
                << " assessment(s) of an instrument the catalog does not define (add it with --instruments)\n";
      return problems;
    }
    const auto n = write_fhir(cohort.cases, out, reg, files);
    if (!o.quiet)
      std::cerr << n << " FHIR Bundle(s) written to " << out
                << (cohort.unreadable.empty() ? "" : ", " + std::to_string(cohort.unreadable.size()) + " not readable (left out)")
                << "\n";
    return cohort.unreadable.empty() ? ok : problems;
  }
  // One object only for one input case; otherwise always an array (also an empty one).
  write_output(out,
               cases_text(cohort.cases, to == "jsonl", cohort.total == 1 && cohort.cases.size() == 1, reg),
               {files});
  if (!o.quiet)
    std::cerr << cohort.cases.size() << " case(s) written to " << out << (cohort.unreadable.empty() ? "" : ", ")
              << (cohort.unreadable.empty() ? "" : std::to_string(cohort.unreadable.size()) + " not readable (left out)")
              << "\n";
  return cohort.unreadable.empty() ? ok : problems;
}

}  // namespace iptkit::cli
