#pragma once
/// @file
/// @brief Cohorts: JSON Lines read as a stream (memory does not grow with the file) and JSON arrays.

#include <iptkit/json/read.hpp>
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iptkit {

/// @brief One case of a cohort: where it was, and the case or its errors.
struct cohort_entry {
  std::size_t line = 0;           ///< 1-based line of a JSON Lines input; 0 for a JSON array
  std::size_t index = 0;          ///< 0-based position among the cases of the input
  result<case_record> value;      ///< the case, or its errors (each carrying `line` for JSON Lines)
  /// @brief The case's id; for a case that could not be read, its `case_id` when that is a
  /// well-formed identifier (readable_case_id()), so that reports can name it.
  std::optional<std::string> case_id;
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
  /// @brief Reads from `in`, which must outlive the reader.
  explicit jsonl_reader(std::istream& in, read_options options = {});

  /// @brief The next case, or nullopt at the end of the input.
  std::optional<cohort_entry> next();

  /// @brief The text of the line the last next() read (without its line ending).
  [[nodiscard]] const std::string& current_line() const noexcept { return line_; }

 private:
  std::istream* in_;
  read_options options_;
  std::string line_;
  std::size_t line_number_ = 0;
  std::size_t index_ = 0;
};

/// @brief Reads a JSON array of case documents. Each element is read on its own (error paths are
/// relative to the case); the whole input fails only when it is not a JSON array at all.
result<std::vector<cohort_entry>> read_case_array(std::string_view json,
                                                  const read_options& options = {});

/// @brief The three layouts a cohort input can have.
enum class cohort_shape {
  single,  ///< one case document
  array,   ///< a JSON array of case documents
  lines    ///< JSON Lines: one case document per line
};

/// @brief The layout of an input, by its name's extension (`.jsonl`, `.ndjson`: lines) and
/// otherwise by content: `[` first is an array; a first line that is a whole JSON value with more
/// lines after it is JSON Lines; anything else (a pretty-printed document) is a single case.
cohort_shape detect_cohort_shape(std::string_view name, std::string_view text);

/// @brief Reads a cohort input of any shape held in memory: every case, or its errors, in order.
/// An array input that is not an array at all, or a text larger than `max_cohort_bytes`, gives
/// one failed entry.
std::vector<cohort_entry> read_cohort(std::string_view name, std::string_view text,
                                      const read_options& options = {});

/// @brief Reads a JSON Lines text in memory (see jsonl_reader).
std::vector<cohort_entry> read_case_lines(std::string_view jsonl, const read_options& options = {});

}  // namespace iptkit
