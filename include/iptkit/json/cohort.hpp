#pragma once
/// @file
/// @brief Cohorts: JSON Lines read as a stream (memory does not grow with the file) and JSON arrays.

#include <iptkit/json/read.hpp>
#include <cstddef>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iptkit {

/// @brief The three layouts a cohort input can have.
enum class cohort_shape {
  single,  ///< one case document
  array,   ///< a JSON array of case documents
  lines    ///< JSON Lines: one case document per line
};

/// @brief One case of a cohort input, read or not: where it was, and the case or its errors. Every
/// front end (the command line, the HTML report, Python's `InputError`) reports an unreadable
/// case with these fields.
struct cohort_entry {
  std::string source;             ///< the input's name as given (a path, `-`), "" for a text
  std::size_t line = 0;           ///< 1-based line of a JSON Lines input; 0 for any other shape
  std::size_t index = 0;          ///< 0-based position among the cases of the input
  result<case_record> value;      ///< the case, or its errors (each with its line and column)
  /// @brief The case's id; for a case that could not be read, its `case_id` when that is a
  /// well-formed identifier (readable_case_id()), so that reports can name it.
  std::optional<std::string> case_id;
  cohort_shape shape = cohort_shape::single;  ///< the layout of the input it came from
};

/// @brief The `case_id` of a document that may not be readable as a case, when it is a
/// well-formed identifier (1-64 letters, digits, `.`, `_`, `-`): any other value (a name typed
/// into the field, a megabyte of text, terminal escapes) is not returned, so that messages and
/// reports never echo it. nullopt too when `document` is not JSON or nests too deep.
std::optional<std::string> readable_case_id(std::string_view document);

/// @brief Reads a JSON Lines cohort one line at a time. Blank lines are skipped, a trailing `\r`
/// (CRLF files) is ignored, and a bad line yields its errors without stopping the stream. Each
/// line is a document held to `read_options`; a line longer than `max_document_bytes` is not
/// kept in memory and yields one `limit_exceeded` error.
class jsonl_reader {
 public:
  /// @brief Reads from `in`, which must outlive the reader, as must `cat`.
  explicit jsonl_reader(std::istream& in, read_options options = {}, const catalog& cat = catalog::builtin());
  /// @brief A temporary catalog would dangle: keep the catalog in a variable.
  jsonl_reader(std::istream& in, read_options options, const catalog&& cat) = delete;

  /// @brief The next case, or nullopt at the end of the input.
  std::optional<cohort_entry> next();

  /// @brief The text of the line the last next() read (without its line ending).
  [[nodiscard]] const std::string& current_line() const noexcept { return line_; }

 private:
  std::istream* in_;
  read_options options_;
  const catalog* catalog_;
  std::string line_;
  std::size_t line_number_ = 0;
  std::size_t index_ = 0;
};

/// @brief Reads a JSON array of case documents. Each element is read on its own (error paths are
/// relative to the case); the whole input fails only when it is not a JSON array at all.
result<std::vector<cohort_entry>> read_case_array(std::string_view json, const read_options& options = {},
                                                  const catalog& cat = catalog::builtin());

/// @brief The layout of an input, by its name's extension (`.jsonl`, `.ndjson`: lines) and
/// otherwise by content: `[` first is an array; a first line that is a whole JSON value with more
/// lines after it is JSON Lines; anything else (a pretty-printed document) is a single case.
cohort_shape detect_cohort_shape(std::string_view name, std::string_view text);

/// @brief The one reader of cohort inputs ("a cohort from a file or a text"), used by the command
/// line, the report, Python's `read_cases` / `iter_cases` and Dask: next() gives the cases one at
/// a time, each with its source, line, index and case id.
///
/// The shape is detect_cohort_shape()'s, from the name and the start of the input. JSON Lines is
/// streamed line by line (memory does not grow with the input; each line is held to
/// `max_document_bytes`). A JSON array or a single document is read whole, at most
/// `max_cohort_bytes` of it: a larger input is one failed entry (too_large_input()), never read
/// further.
class cohort_reader {
 public:
  /// @brief Reads the stream `in` (a file, standard input), which must outlive the reader, as must `cat`.
  cohort_reader(std::istream& in, std::string source, read_options options = {},
                const catalog& cat = catalog::builtin());
  /// @brief Reads a text held in memory, which must outlive the reader, as must `cat`.
  cohort_reader(std::string_view text, std::string source, read_options options = {},
                const catalog& cat = catalog::builtin());
  /// @brief A temporary catalog would dangle: keep the catalog in a variable.
  cohort_reader(std::istream& in, std::string source, read_options options, const catalog&& cat) = delete;
  /// @copydoc cohort_reader(std::istream&, std::string, read_options, const catalog&&)
  cohort_reader(std::string_view text, std::string source, read_options options, const catalog&& cat) = delete;
  cohort_reader(cohort_reader&&) noexcept;
  cohort_reader& operator=(cohort_reader&&) noexcept;
  ~cohort_reader();

  /// @brief The next case, or nullopt at the end of the input.
  std::optional<cohort_entry> next();

  /// @brief The input's layout, known after the first next().
  [[nodiscard]] std::optional<cohort_shape> shape() const noexcept { return shape_; }

 private:
  struct line_stream;
  void start();
  cohort_entry whole_input_failed(std::vector<read_error> errors);
  std::istream* in_ = nullptr;
  std::string_view text_;      // the input held in memory (in_ is null), or what was read whole
  std::string source_;
  read_options options_;
  const catalog* catalog_;     // outlives the reader (the caller's)
  std::optional<cohort_shape> shape_;
  std::string read_;           // an array or document read whole from in_
  std::unique_ptr<line_stream> lines_;      // JSON Lines: the line reader and what it reads
  std::vector<cohort_entry> entries_;       // an array's or a document's entries, handed out in turn
  std::size_t next_ = 0;
  bool whole_failed_ = false;               // the one entry is the whole input, not a case
};

/// @brief At most `limit` + 1 bytes of `in`: enough to tell that an input is larger than `limit`
/// without holding all of it (standard input may be endless).
std::string read_at_most(std::istream& in, std::size_t limit);

/// @brief The error of an input larger than `max_cohort_bytes` that is not read line by line.
read_error too_large_input(std::size_t limit);

/// @brief Every entry of a cohort input of any shape held in memory, through cohort_reader.
std::vector<cohort_entry> read_cohort(std::string_view name, std::string_view text,
                                      const read_options& options = {}, const catalog& cat = catalog::builtin());

/// @brief Reads a JSON Lines text in memory (see jsonl_reader).
std::vector<cohort_entry> read_case_lines(std::string_view jsonl, const read_options& options = {},
                                          const catalog& cat = catalog::builtin());

}  // namespace iptkit
