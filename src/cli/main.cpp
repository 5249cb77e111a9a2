// The iptkit command line: validate, outcomes, summary, report, convert, plan, progress, schema,
// synth, consort, relapse, ancova, icc. Exit codes: 0 done, 1 structural errors or error findings, 2 usage or I/O error.
#include "cli.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <csignal>
#include <iostream>

namespace {

using namespace iptkit::cli;

// --format's text, read as a string so that a bad value gets a plain message.
std::string format_text = "text";

// Which shared options a verb takes: only those it uses.
namespace takes {
constexpr unsigned cases = 1, protocols = 2, formats = 4, threads = 8, instruments = 16, recovery = 32;
constexpr unsigned report_formats = 64;  // text or json only
constexpr unsigned progress = 128;       // a progress line: the verbs that go through many cases
constexpr unsigned csv_cells = 256;       // writes CSV: --raw-cells
constexpr unsigned csv_import = 512;      // reads the tidy CSV tables: --raw-cells
constexpr unsigned set = 1024;            // an analysis set: --set
constexpr unsigned missing = 2048;        // binary outcomes under itt: --missing
constexpr unsigned analysis = set | missing;
constexpr unsigned flow_formats = 4096;   // text, json or svg (consort)
constexpr unsigned registries = protocols | instruments;
}

void add_common(CLI::App& verb, common_options& o, unsigned what) {
  if (what & takes::protocols)
    verb.add_option("--protocols", o.protocols_file, "JSON file of protocols that add to or override the built-in adaptations");
  if (what & takes::instruments)
    verb.add_option("--instruments", o.instruments_file, "JSON file of instruments that add to or override the built-in ones");
  if (what & takes::cases)
    verb.add_flag("--lax", o.lax, "Unknown fields are ignored (validate lists them) instead of being errors");
  if (what & takes::cases)
    verb.add_flag("--redact", o.redact, "Messages quote no value from the cases, only where and what kind of problem");
  verb.add_flag("-q,--quiet", o.quiet, "No progress line (unless --progress) and no summary line; problems are still reported");
  if (what & takes::progress) {
    auto* on = verb.add_flag_callback("--progress", [&o] { o.progress = progress_mode::on; },
                                      "Show the progress line of a long run even when standard error is not a terminal");
    verb.add_flag_callback("--no-progress", [&o] { o.progress = progress_mode::off; },
                           "Never show the progress line")
        ->excludes(on);
  }
  if (what & takes::threads)
    verb.add_option("--threads", o.threads, "Worker threads for validation and outcomes")->check(CLI::Range(1u, 256u));
  if (what & takes::recovery)
    verb.add_option("--recovery-months", o.recovery_months,
                    "Months a remission must hold before a relapse-rule firing counts as a recurrence, not a relapse (default 4)")
        ->check(CLI::Range(1, 120));
  if (what & takes::formats)
    verb.add_option("--format", format_text, "Output: text for people, json or csv for programs")
        ->check(CLI::IsMember({"text", "json", "csv"}));
  if (what & takes::csv_cells)
    verb.add_flag("--raw-cells", o.raw_cells,
                  "csv: write text cells as they are; by default a cell that starts with = + - @ tab or CR gets a "
                  "leading ' so that spreadsheets do not run it as a formula");
  if (what & takes::csv_import)
    verb.add_flag("--raw-cells", o.raw_cells,
                  "Take cells as written (tables written with --raw-cells); by default one leading ' before = + - @ "
                  "tab, CR or ' is removed, undoing what convert --to csv adds");
  if (what & takes::report_formats)
    verb.add_option("--format", format_text, "The report: text for people, json for programs")
        ->check(CLI::IsMember({"text", "json"}));
  if (what & takes::set)
    verb.add_option("--set", o.analysis_set,
                    "Analysis set: completers (default: every case, outcomes where baseline and endpoint were observed), "
                    "itt (every randomised case in its allocated arm) or per_protocol")
        ->check(CLI::IsMember({"completers", "itt", "per_protocol"}));
  if (what & takes::missing)
    verb.add_option_function<std::string>(
            "--missing",
            [&o](const std::string& v) {
              o.missing = v;
              o.missing_given = true;
            },
            "itt: a missing endpoint counts as no response and no remission (non_response, the default), is left "
            "out of the denominator (left_out), or a discontinued case fails too (discontinued_non_response)")
        ->check(CLI::IsMember({"non_response", "left_out", "discontinued_non_response"}));
  if (what & takes::flow_formats)
    verb.add_option("--format", format_text, "text for people, json for programs, svg for the diagram")
        ->check(CLI::IsMember({"text", "json", "svg"}));
}

iptkit::group_by grouping(const std::string& by) {
  if (by.empty()) return iptkit::group_by::none;
  auto g = iptkit::meta::enum_from_name<iptkit::group_by>(by);
  if (!g) throw fatal("--by: expected arm, adaptation, site or none; found \"" + by + "\"");
  return *g;
}

}  // namespace

int main(int argc, char** argv) {
  // Past a file-size limit (ulimit -f) a write then fails with EFBIG and is reported like a full
  // disk, and the temporary file is removed, instead of the signal killing the program mid-write.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"iptkit: Interpersonal Psychotherapy (IPT) case documents - validate, report, convert, plan"};
  app.set_version_flag("--version", std::string("iptkit ") + iptkit::version_string);
  app.require_subcommand(1);
  app.failure_message(CLI::FailureMessage::simple);

  common_options o;
  std::vector<std::string> files;
  std::string by, out, to, adaptation, start, frequency, as_of, file;
  std::vector<std::string> skip, focus;
  std::optional<int> sessions;
  std::size_t cases = 100;
  std::uint64_t seed = 1;

  auto* validate = app.add_subcommand("validate", "Structural errors and protocol findings of case documents");
  validate->add_option("FILE", files, "Case files: .json (one case or an array), .jsonl, or - for standard input")->required();
  add_common(*validate, o, takes::cases | takes::registries | takes::formats | takes::threads | takes::progress | takes::csv_cells);

  auto* outcomes = app.add_subcommand("outcomes", "Per-case outcomes: one row per case and instrument");
  outcomes->add_option("FILE", files, "Case files")->required();
  add_common(*outcomes, o, takes::cases | takes::registries | takes::formats | takes::threads | takes::recovery | takes::progress | takes::csv_cells);

  auto* summary = app.add_subcommand("summary", "Cohort statistics, optionally by arm, adaptation or site");
  summary->add_option("FILE", files, "Case files")->required();
  summary->add_option("--by", by, "Group by arm, adaptation, site or none");
  add_common(*summary, o, takes::cases | takes::registries | takes::formats | takes::threads | takes::recovery | takes::progress | takes::csv_cells | takes::analysis);

  auto* report = app.add_subcommand("report", "One self-contained HTML report of a cohort");
  report->add_option("FILE", files, "Case files")->required();
  report->add_option("-o,--output", out, "The HTML file to write")->required();
  report->add_option("--by", by, "Group by arm (default), adaptation, site or none");
  add_common(*report, o, takes::cases | takes::registries | takes::threads | takes::recovery | takes::progress | takes::analysis);

  bool no_dates = false;
  auto* convert = app.add_subcommand("convert", "Between the document forms (JSON, JSON Lines), to tidy CSV tables and to FHIR R4");
  convert->add_option("FILE", files, "Case files")->required();
  convert->add_option("--to", to, "json, jsonl, csv (the five tidy tables) or fhir (R4 Bundles)")->required()->check(CLI::IsMember({"json", "jsonl", "csv", "fhir"}));
  convert->add_option("-o,--output", out, "The file to write (- for standard output); for csv a folder; for fhir a folder or a .ndjson file")->required();
  convert->add_flag("--no-dates", no_dates, "csv: leave calendar dates out (the day columns remain)");
  bool complete = false;
  convert->add_flag("--complete", complete,
                    "csv: also the columns `import tables` needs to give the cases back byte for byte (identifiers and free text included)");
  add_common(*convert, o, takes::cases | takes::registries | takes::progress | takes::csv_cells);

  std::string mapping, deid_report;
  bool keep_dates = false, shift_dates = false;
  auto* deidentify = app.add_subcommand("deidentify", "Shareable cases: study codes, free text removed, dates shifted");
  deidentify->add_option("FILE", files, "Case files")->required();
  deidentify->add_option("-o,--output", out, "The cases to write: .json, .jsonl or - (JSON Lines)")->required();
  deidentify->add_option("--mapping", mapping, "Also write study code -> case id and date offset here (created owner-only, never overwritten)");
  deidentify->add_option("--report", deid_report, "Write what was changed, per case, as JSON");
  auto* shift_flag = deidentify->add_flag("--shift-dates", shift_dates, "Shift every date of a case by one random offset (default)");
  deidentify->add_flag("--keep-dates", keep_dates, "Keep the dates as they are")->excludes(shift_flag);
  add_common(*deidentify, o, takes::cases | takes::protocols | takes::progress);

  bool keep_unknown = false, partial = false;
  auto* import = app.add_subcommand("import", "Cases from where trial data lives: tidy tables, REDCap, FHIR");
  import->require_subcommand(1);
  auto* import_tables = import->add_subcommand(
      "tables", "Cases from the tidy tables DIR/cases.csv, sessions.csv, assessments.csv, relationships.csv");
  import_tables->add_option("DIR", file, "The folder of the tables (as `convert --to csv --complete` writes it)")->required();
  import_tables->add_option("-o,--output", out, "The cases to write: .jsonl or - (JSON Lines), .json (an array)")->required();
  import_tables->add_flag("--keep-unknown-columns", keep_unknown, "Columns iptkit does not know are listed as unused instead of being errors");
  import_tables->add_flag("--partial", partial, "Write the cases that imported even when others have errors (exit code 1 still)");
  import_tables->footer(
      "Examples:\n"
      "  iptkit convert cohort.jsonl --to csv --complete -o tables/\n"
      "  iptkit import tables tables/ -o cohort.jsonl\n"
      "  iptkit import tables tables/ -o - --format json 2> report.json | iptkit validate -");
  add_common(*import_tables, o, takes::cases | takes::registries | takes::report_formats | takes::csv_import);
  std::string dictionary;
  auto* import_redcap = import->add_subcommand(
      "redcap", "Cases from a REDCap project: its records export, data dictionary and a mapping file");
  import_redcap->add_option("RECORDS", file, "The records: the CSV export (raw codes) or the API's flat JSON records")->required();
  import_redcap->add_option("--dictionary", dictionary, "The project's data dictionary (CSV)")->required();
  import_redcap->add_option("--mapping", mapping, "The mapping file (JSON, docs/schema/redcap-mapping.schema.json)")->required();
  import_redcap->add_option("-o,--output", out, "The cases to write: .jsonl or - (JSON Lines), .json (an array)")->required();
  import_redcap->add_flag("--partial", partial, "Write the cases that imported even when others have errors (exit code 1 still)");
  import_redcap->footer(
      "Examples:\n"
      "  iptkit import redcap examples/redcap/records.csv --dictionary examples/redcap/dictionary.csv \\\n"
      "      --mapping examples/redcap/mapping.json -o cohort.jsonl\n"
      "  iptkit import redcap records.json --dictionary dictionary.csv --mapping mapping.json -o - --format json 2> report.json");
  add_common(*import_redcap, o, takes::cases | takes::registries | takes::report_formats);
  std::string attach_to;
  auto* import_fhir = import->add_subcommand(
      "fhir", "Assessments from FHIR R4 QuestionnaireResponses (PHQ-9, GAD-7 by LOINC): resources, Bundles, NDJSON");
  import_fhir->add_option("FILE", files, "QuestionnaireResponse files: one resource, a Bundle, or NDJSON")->required();
  import_fhir->add_option("--cases", attach_to, "Attach each response to the case its subject names, from this cohort "
                                                "(.json or .jsonl), and write the updated cases");
  import_fhir->add_option("-o,--output", out, "Without --cases: the assessment records; with it: the cases. .jsonl or - "
                                              "(JSON Lines), .json (an array)")->required();
  import_fhir->add_flag("--partial", partial, "Write what imported even when other responses have errors (exit code 1 still)");
  import_fhir->footer(
      "Examples:\n"
      "  iptkit import fhir responses.ndjson -o phq9.jsonl\n"
      "  iptkit import fhir bundle.json --cases cohort.jsonl -o cohort-with-phq9.jsonl --format json 2> report.json");
  add_common(*import_fhir, o, takes::cases | takes::registries | takes::report_formats | takes::progress);

  auto* plan = app.add_subcommand("plan", "The dated session schedule of an adaptation");
  plan->add_option("--adaptation", adaptation, "Protocol id, e.g. ipt, ipt_g, ipt_brief")->required();
  plan->add_option("--start", start, "First session, YYYY-MM-DD")->required();
  plan->add_option("--sessions", sessions, "Planned sessions (default: the protocol's minimum)");
  plan->add_option("--frequency", frequency, "twice_weekly, weekly, every_2_weeks or monthly");
  plan->add_option("--skip", skip, "Dates with no session (holidays); later sessions move");
  plan->add_option("--focus", focus, "Problem areas whose goals the middle sessions carry");
  add_common(*plan, o, takes::protocols | takes::formats | takes::csv_cells);

  auto* progress = app.add_subcommand("progress", "Where a course in progress stands on a date");
  progress->add_option("FILE", file, "One case")->required();
  progress->add_option("--as-of", as_of, "The date, YYYY-MM-DD")->required();
  add_common(*progress, o, takes::cases | takes::registries | takes::formats);

  auto* schema = app.add_subcommand("schema", "Print the JSON Schema of the case document");
  add_common(*schema, o, takes::protocols);

  auto* consort_verb = app.add_subcommand("consort", "The CONSORT 2010 flow of a trial: counts and case ids per box, or its diagram");
  consort_verb->add_option("FILE", files, "Case files")->required();
  iptkit::consort_svg_options diagram;
  consort_verb->add_option("--width", diagram.width, "svg: width in px (default 640; raised to what the arms need)")
      ->check(CLI::Range(200, 20000));
  consort_verb->add_option("--title", diagram.title, "svg: a heading drawn above the diagram, also its accessible name");
  consort_verb->footer(
      "Examples:\n"
      "  iptkit consort trial.jsonl\n"
      "  iptkit consort trial.jsonl --format svg --title \"Trial flow\" > consort.svg");
  add_common(*consort_verb, o, takes::cases | takes::registries | takes::flow_formats | takes::progress);
  std::string consort_set = "itt";
  consort_verb->add_option("--set", consort_set,
                           "Who the Analysed boxes count: itt (default: every randomised case) or per_protocol (the "
                           "cases are validated; the excluded are counted by reason)")
      ->check(CLI::IsMember({"itt", "per_protocol"}));

  auto* relapse = app.add_subcommand("relapse", "Time to relapse or recurrence in maintenance per group: Kaplan-Meier, medians, log-rank");
  relapse->add_option("FILE", files, "Case files")->required();
  relapse->add_option("--by", by, "Group by arm (default), adaptation, site or none");
  std::string ties = "efron";
  relapse->add_option("--ties", ties, "Cox model ties: efron (default) or breslow")
      ->check(CLI::IsMember({"efron", "breslow"}));
  add_common(*relapse, o, takes::cases | takes::registries | takes::formats | takes::threads | takes::recovery | takes::progress | takes::csv_cells | takes::set);

  std::string instrument = "phq9", reference, cluster = "therapist";
  bool stratified = false;
  auto* ancova_verb = app.add_subcommand("ancova", "The endpoint on the arm adjusted for baseline (and stratum), by OLS");
  ancova_verb->add_option("FILE", files, "Case files")->required();
  ancova_verb->add_option("--instrument", instrument, "The instrument (default phq9)");
  ancova_verb->add_flag("--stratum", stratified, "Adjust for trial.stratum too");
  ancova_verb->add_option("--reference", reference, "The reference arm (default: the first in sorted order)");
  add_common(*ancova_verb, o, takes::cases | takes::registries | takes::report_formats | takes::threads | takes::progress | takes::set);

  auto* icc_verb = app.add_subcommand("icc", "The ICC of change scores by therapist or group, design effect, cluster-adjusted differences");
  icc_verb->add_option("FILE", files, "Case files")->required();
  icc_verb->add_option("--instrument", instrument, "The instrument (default phq9)");
  icc_verb->add_option("--cluster", cluster, "therapist (therapist_id, default) or group (group_id)")
      ->check(CLI::IsMember({"therapist", "group"}));
  add_common(*icc_verb, o, takes::cases | takes::registries | takes::report_formats | takes::threads | takes::progress | takes::set);

  auto* synth = app.add_subcommand("synth", "Write a synthetic cohort as JSON Lines");
  synth->add_option("--cases", cases, "How many cases")->check(CLI::Range(std::size_t{1}, std::size_t{100'000'000}));
  synth->add_option("--seed", seed, "Same seed, same cohort");
  synth->add_option("-o,--output", out, "The .jsonl file to write (- for standard output)")->required();
  bool synth_trial_record = false;
  synth->add_flag("--trial", synth_trial_record,
                  "Add the randomised-trial record: screening failures, randomisation, therapists, groups, "
                  "discontinuations, follow-up visits, adverse events");
  add_common(*synth, o, takes::progress);

  // A first word that is neither an option nor a verb is a mistyped verb: say so plainly.
  const auto verbs = app.get_subcommands({});
  if (argc > 1 && argv[1][0] != '-' &&
      std::none_of(verbs.begin(), verbs.end(), [&](const CLI::App* v) { return v->get_name() == argv[1]; })) {
    std::string names;
    for (const auto* v : verbs) names += (names.empty() ? "" : ", ") + v->get_name();
    std::cerr << "iptkit: unknown verb \"" << argv[1] << "\"; expected one of " << names << "\n";
    return usage_or_io;
  }
  try {
    app.parse(argc, argv);
    for (const CLI::App* v = &app; !v->get_subcommands().empty();) {  // "import fhir": the words used
      v = v->get_subcommands().front();
      o.verb += (o.verb.empty() ? "" : " ") + v->get_name();
    }
    o.format = format_text == "json" ? output_format::json
               : format_text == "csv" ? output_format::csv : output_format::text;
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "iptkit: " << e.what() << " (see iptkit --help)\n";
    return usage_or_io;
  }

  try {
    if (o.raw_cells && !*import_tables && !(*convert && to == "csv") && o.format != output_format::csv)
      throw fatal("--raw-cells: only with CSV output (--format csv, convert --to csv)");
    if (*validate) return run_validate(files, o);
    if (*outcomes) return run_outcomes(files, o);
    if (*summary) return run_summary(files, grouping(by), o);
    if (*report) return run_report(files, out, by.empty() ? iptkit::group_by::arm : grouping(by), o);
    if (*deidentify) return run_deidentify(files, out, mapping, deid_report, keep_dates, o);
    if (*convert) return run_convert(files, to, out, !no_dates, complete, o);
    if (*import_tables) return run_import_tables(file, out, keep_unknown, partial, o);
    if (*import_redcap) return run_import_redcap(file, dictionary, mapping, out, partial, o);
    if (*import_fhir) return run_import_fhir(files, attach_to, out, partial, o);
    if (*plan) return run_plan(adaptation, start, sessions, frequency, skip, focus, o);
    if (*progress) return run_progress(file, as_of, o);
    if (*schema) return run_schema(o);
    if (*synth) return run_synth(cases, seed, synth_trial_record, out, o);
    if (*consort_verb) {
      if (format_text != "svg" && (consort_verb->count("--width") || consort_verb->count("--title")))
        throw fatal("--width and --title: only with --format svg");
      o.analysis_set = consort_set;
      return run_consort(files, format_text == "svg" ? std::optional(diagram) : std::nullopt, o);
    }
    if (*relapse)
      return run_relapse(files, by.empty() ? iptkit::group_by::arm : grouping(by),
                         ties == "breslow" ? iptkit::stats::cox_ties::breslow : iptkit::stats::cox_ties::efron, o);
    if (*ancova_verb) return run_ancova(files, instrument, stratified, reference, o);
    if (*icc_verb) return run_icc(files, instrument, cluster, o);
  } catch (const fatal& e) {
    std::cerr << "iptkit: " << e.what() << "\n";
    return usage_or_io;
  } catch (const std::exception& e) {
    std::cerr << "iptkit: " << e.what() << "\n";
    return usage_or_io;
  }
  return usage_or_io;
}
