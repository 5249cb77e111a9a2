// Internal to the iptkit command line: what the verbs share.
#pragma once

#include <iptkit/iptkit.hpp>

#include <cstdio>
#include <functional>
#include <memory>
#include <istream>
#include <ostream>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace iptkit::cli {

/// Exit codes (docs/cli.md): 0 done; 1 structural errors or error findings; 2 usage or I/O error.
enum exit_code : int { ok = 0, problems = 1, usage_or_io = 2 };

/// A usage or I/O error: one clear line on stderr, exit 2.
struct fatal : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class output_format { text, json, csv };

/// Whether a long run shows a progress line: by default only when standard error is a terminal.
enum class progress_mode { automatic, on, off };

/// Options every verb takes.
struct common_options {
  std::string protocols_file;
  std::string instruments_file;
  bool lax = false;
  bool redact = false;  // messages name no value from the cases (docs/privacy.md)
  bool quiet = false;
  unsigned threads = 1;
  int recovery_months = 4;  // outcome_options::recovery_period_months
  output_format format = output_format::text;
  progress_mode progress = progress_mode::automatic;  // --progress / --no-progress
  std::string verb;                                   // "validate", "import fhir": names the progress line
  bool raw_cells = false;  // CSV text cells as they are, not spreadsheet-safe (docs/interop.md)
  std::string analysis_set = "completers";  // --set: completers, itt or per_protocol
  std::string missing = "non_response";     // --missing: ITT binary outcomes with a missing endpoint
  bool missing_given = false;               // --missing was given (refused outside itt)
};

/// The catalog in force: built-ins plus the --protocols and --instruments files given.
catalog load_catalog(const common_options& o);

/// Everything left in the stream.
std::string read_all(std::istream& in);

/// The reader's options: --lax and --redact.
read_options reading(const common_options& o);

/// One case of the input, read or not: the library's cohort entry (source as given, "-" for
/// standard input).
using input_case = cohort_entry;

/// "file:line", "file [index]" or "file": where a case came from, for messages.
std::string where(const input_case& c);

/// Reads every FILE (.json: one case or an array; .jsonl: one case per line; "-": standard
/// input, detected by content) and hands each case to `sink` as it is read. Throws fatal when a
/// file cannot be opened or read.
void read_inputs(const std::vector<std::string>& files, const read_options& options, const catalog& cat,
                 const std::function<void(input_case&&)>& sink);

/// Throws fatal, as read_inputs() would on reaching it, for the first FILE that is a folder or
/// cannot be opened: a verb that streams its output checks first, so that a bad argument still
/// leaves standard output empty.
void check_inputs(const std::vector<std::string>& files);

/// Text written in pieces and read back once at the end, kept in memory up to a few megabytes
/// and beyond that in an unnamed temporary file, so that memory stays flat however long it gets.
class spool {
 public:
  spool() = default;
  ~spool();
  spool(const spool&) = delete;
  spool& operator=(const spool&) = delete;
  void append(std::string_view text);
  /// Writes everything appended, in order, to `out`.
  void write_to(std::ostream& out);

 private:
  void spill();
  std::string buffer_;
  std::FILE* file_ = nullptr;
};

/// All cases of the inputs: the good ones, and the unreadable ones with their errors.
struct loaded_cohort {
  std::vector<case_record> cases;
  std::vector<input_case> unreadable;
  std::size_t total = 0;
};
loaded_cohort load_cohort(const std::vector<std::string>& files, const read_options& options, const catalog& cat,
                          const common_options& common);

/// How an output_file treats what is already at its path.
struct output_rules {
  /// The inputs of the verb: writing to any of them (the same file by any name) is refused.
  std::span<const std::string> inputs;
  /// Created owner-only (0600) and never over an existing file: the commit fails instead.
  bool private_new = false;
};

/// A file written through a temporary file in the same folder, flushed to disk (fsync) and renamed
/// into place on commit(), so that a failed or interrupted write leaves the old file as it was
/// (the temporary is removed unless the process is killed). "-" is standard output; a device or
/// pipe (/dev/null, a FIFO) is written in place; a symbolic link is followed and its target
/// replaced. Throws fatal, naming the path and the system's reason, when it cannot write.
class output_file {
 public:
  explicit output_file(const std::string& path, output_rules rules = {});
  ~output_file();
  output_file(const output_file&) = delete;
  output_file& operator=(const output_file&) = delete;
  std::ostream& stream();
  void commit();

 private:
  class fd_buffer;
  [[noreturn]] void fail(int error);
  std::string path_, target_, temp_;
  int fd_ = -1;
  bool private_new_ = false;
  std::unique_ptr<fd_buffer> buffer_;
  std::unique_ptr<std::ostream> file_;
  bool committed_ = false;
};

/// Throws fatal when an output is one of the inputs (compared as files: hard links, `./x` and `x`
/// are the same) or when two outputs are the same file: no verb writes over its input.
void check_outputs(std::span<const std::string> inputs, std::span<const std::string> outputs);

/// Creates the folder `dir` (and its parents) that outputs are written into; fatal when it cannot.
void make_output_folder(const std::string& dir);

/// True when `out` takes one JSON value per line: standard output or a .jsonl / .ndjson name.
bool lines_output(std::string_view out);

/// Cases in canonical form: JSON Lines (`lines`), else one pretty object (`single`), else a pretty
/// array (also an empty one).
std::string cases_text(const std::vector<case_record>& cases, bool lines, bool single, const catalog& cat);

/// Writes `content` to `path` as output_file does.
void write_output(const std::string& path, const std::string& content, output_rules rules = {});

/// True when the stream is a terminal (colour and progress only then).
bool is_terminal(int fd);

/// The progress line on stderr of a long run (docs/cli.md, "Progress"): `iptkit VERB: 12,345 of
/// 100,000 cases validated (12%), 3.1 s`, rewritten in place, first shown once the run has taken
/// two seconds (IPTKIT_PROGRESS_DELAY_MS, for tests, changes that) and finished with a newline.
/// Shown when stderr is a terminal and --quiet is not given, or always with --progress, never
/// with --no-progress.
class progress_meter {
 public:
  /// `what` follows the count ("cases validated"); `total`, when known, gives the percentage.
  progress_meter(const common_options& o, std::string what, std::optional<std::size_t> total = std::nullopt);
  progress_meter(const progress_meter&) = delete;
  progress_meter& operator=(const progress_meter&) = delete;
  /// Ends a line left open by an exception, so that the error message starts on a line of its own.
  ~progress_meter();
  /// `done` items so far; redraws at most five times a second.
  void tick(std::size_t done);
  /// Erases the line before output to the same terminal; the next tick draws it again.
  void clear();
  /// Writes the final count and ends the line, if the line was shown.
  void finish();

 private:
  [[nodiscard]] long long elapsed_ms() const;
  void draw(std::size_t done, long long now_ms);
  bool enabled_;
  std::string prefix_;  // "iptkit validate: "
  std::string what_;
  std::optional<std::size_t> total_;
  long long start_ms_;
  long long delay_ms_ = 2000;
  long long drawn_ms_ = -1;  // when the line was last drawn; -1: not on the screen now
  std::size_t done_ = 0;
  std::size_t width_ = 0;  // of the line on the screen, to blank what a shorter line leaves
  bool shown_ = false;
  bool finished_ = false;
};

/// ANSI colour when stdout is a terminal, nothing otherwise.
struct palette {
  bool on = false;
  std::string red(std::string_view s) const { return wrap("31", s); }
  std::string yellow(std::string_view s) const { return wrap("33", s); }
  std::string magenta(std::string_view s) const { return wrap("35", s); }
  std::string green(std::string_view s) const { return wrap("32", s); }
  std::string bold(std::string_view s) const { return wrap("1", s); }

 private:
  std::string wrap(const char* code, std::string_view s) const {
    return on ? "\x1b[" + std::string(code) + "m" + std::string(s) + "\x1b[0m" : std::string(s);
  }
};

/// Unreadable cases on stderr, one line each with the first error (json/csv output stays clean).
/// These are problems, so --quiet does not silence them.
void report_unreadable(const std::vector<input_case>& unreadable);

/// Left-aligned text table with a header row; columns padded to their widest cell.
std::string text_table(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows);

/// How the common options validate (--redact, --threads).
validation_options validating(const common_options& o);

/// Verbs. Each returns the exit code.
int run_validate(const std::vector<std::string>& files, const common_options& o);
int run_outcomes(const std::vector<std::string>& files, const common_options& o);
int run_summary(const std::vector<std::string>& files, group_by by, const common_options& o);
int run_report(const std::vector<std::string>& files, const std::string& out, group_by by,
               const common_options& o);
int run_convert(const std::vector<std::string>& files, const std::string& to, const std::string& out,
                bool dates, bool complete, const common_options& o);
/// `import tables DIR`: cases from the tidy tables DIR/cases.csv ... (docs/import.md).
int run_import_tables(const std::string& dir, const std::string& out, bool keep_unknown_columns, bool partial,
                      const common_options& o);
/// `import redcap RECORDS --dictionary D --mapping M`: cases from a REDCap project (docs/import.md).
int run_import_redcap(const std::string& records, const std::string& dictionary, const std::string& mapping,
                      const std::string& out, bool partial, const common_options& o);
/// `import fhir FILE...`: assessments from FHIR QuestionnaireResponses, as records or attached to
/// the cases of `--cases` (docs/import.md).
int run_import_fhir(const std::vector<std::string>& files, const std::string& cases_file, const std::string& out,
                    bool partial, const common_options& o);
int run_deidentify(const std::vector<std::string>& files, const std::string& out, const std::string& mapping,
                   const std::string& report, bool keep_dates, const common_options& o);
int run_plan(const std::string& adaptation, const std::string& start, std::optional<int> sessions,
             const std::string& frequency, const std::vector<std::string>& skip,
             const std::vector<std::string>& focus, const common_options& o);
int run_progress(const std::string& file, const std::string& as_of, const common_options& o);
int run_schema(const common_options& o);
int run_synth(std::size_t cases, std::uint64_t seed, bool trial, const std::string& out, const common_options& o);
/// `consort FILE...`: the CONSORT 2010 flow of a trial's case records (docs/trials.md), as text or
/// JSON by `o.format`, or as the SVG diagram when `diagram` is given (`--format svg`).
int run_consort(const std::vector<std::string>& files, const std::optional<consort_svg_options>& diagram,
                const common_options& o);

/// The analysis set of --set for `cases` (per_protocol validates them); a set that would be
/// silently empty is a usage error.
analysis_population population_of(const std::vector<case_record>& cases, const common_options& o, const catalog& reg);

/// `relapse FILE...`: time to relapse or recurrence per group (Kaplan-Meier, log-rank).
int run_relapse(const std::vector<std::string>& files, group_by by, stats::cox_ties ties, const common_options& o);

/// `ancova FILE...`: the endpoint of an instrument on the arm, adjusted for baseline (and stratum).
int run_ancova(const std::vector<std::string>& files, const std::string& instrument, bool stratified,
               const std::string& reference, const common_options& o);

/// `icc FILE...`: the ICC of change scores by therapist or group, the design effect and
/// cluster-adjusted arm differences.
int run_icc(const std::vector<std::string>& files, const std::string& instrument, const std::string& cluster,
            const common_options& o);

}  // namespace iptkit::cli
