#pragma once
/// @file
/// @brief Assessments from FHIR R4 QuestionnaireResponses (PHQ-9, GAD-7 and any instrument of the
/// catalog with LOINC codes): a single resource, a Bundle, or NDJSON (docs/import.md).

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/catalog.hpp>
#include <iptkit/import/import_issue.hpp>
#include <iptkit/import/tables.hpp>
#include <iptkit/json/read_options.hpp>
#include <iptkit/model/assessment.hpp>
#include <iptkit/model/case_record.hpp>
#include <boost/describe.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief Where the imported assessments go.
enum class fhir_attach {
  assessments_only,  ///< one assessment_record per response; no cases needed
  to_cases           ///< appended to the case whose case_id is the response's subject
};
BOOST_DESCRIBE_ENUM(fhir_attach, assessments_only, to_cases)
IPTKIT_ENUM_PRINTING(fhir_attach)

/// @brief How a FHIR import runs.
struct fhir_import_options {
  fhir_attach attach = fhir_attach::assessments_only;  ///< where the assessments go
  /// @brief The cases responses are attached to (fhir_attach::to_cases only; otherwise ignored).
  std::vector<case_record> cases;
  /// @brief Limits of the JSON parser (per document or NDJSON line) and of the case reader every
  /// updated case goes through; `redact` keeps values out of the parser's messages.
  read_options read;
};

/// @brief One imported response: the assessment, whose it is, and where it came from.
struct assessment_record {
  std::string case_id;                ///< the response's subject (the case it belongs to)
  assessment value;                   ///< instrument, date (`authored`), items and the stated total
  std::string source;                 ///< the input's name
  std::optional<std::size_t> line;    ///< the NDJSON line; none for a document
  std::size_t row = 0;                ///< 1-based number of the resource in its input
  std::string resource_id;            ///< the QuestionnaireResponse's `id`, when it is a valid FHIR id
  std::string path;                   ///< JSON Pointer of the assessment in its case (to_cases); "" otherwise
  friend bool operator==(const assessment_record&, const assessment_record&) = default;
};
BOOST_DESCRIBE_STRUCT(assessment_record, (), (case_id, value, source, line, row, resource_id, path))

/// @brief What a FHIR import made, and everything it found.
struct fhir_import_result {
  /// @brief fhir_attach::to_cases: every given case that reads without errors once its responses
  /// are appended, in the given order (those without responses unchanged); empty otherwise.
  std::vector<case_record> cases;
  /// @brief Every imported response, in input order (to_cases: those attached to a case in `cases`).
  std::vector<assessment_record> assessments;
  std::vector<import_issue> errors;  ///< every problem; a response with any is not imported
  std::vector<import_issue> unused;  ///< resources, items and responses read but not imported
  std::size_t resources_read = 0;    ///< resources looked at, imported or not (a Bundle counts as its entries)
  /// @brief True when nothing went wrong.
  [[nodiscard]] bool ok() const noexcept { return errors.empty(); }
  friend bool operator==(const fhir_import_result&, const fhir_import_result&) = default;
};
BOOST_DESCRIBE_STRUCT(fhir_import_result, (), (cases, assessments, errors, unused, resources_read))

/// @brief Reads the QuestionnaireResponses of `inputs` (each a name and its text: one resource, a
/// Bundle, or NDJSON, told apart as the cohort reader does) into assessments.
///
/// The instrument is the catalog's whose `loinc_panel` the response's `questionnaire` names, else
/// the one all recognised item linkIds belong to (`item_loinc` and `loinc`, with or without a
/// leading `/`). Answers score from `valueInteger`, a Coding's `ordinalValue` or `itemWeight`
/// extension, or the LOINC answers LA6568-5 .. LA6571-9 (0-3). A stated total must equal the
/// item sum (kind `inconsistent`). The date is `authored`'s calendar date. Responses whose status
/// is not `completed` or `amended` are listed as unused (kind `incomplete`), as are items no
/// instrument scores (kind `not_mapped`). With fhir_attach::to_cases each response's subject must
/// be a given case (kind `unmatched_row`); the updated cases are written and read again by the
/// case reader. Never throws on any input; docs/import.md lists every kind of issue.
fhir_import_result import_questionnaire_responses(const std::vector<csv_source>& inputs,
                                                  const fhir_import_options& options = {},
                                                  const catalog& cat = catalog::builtin());

}  // namespace iptkit
