#pragma once
/// @file
/// @brief De-identification of cases for sharing: study codes, free text removed, dates shifted
/// (spec interop-privacy.md "De-identification"; what it does and does not do: docs/privacy.md).

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/privacy/deid_random.hpp>
#include <iptkit/privacy/text_policy.hpp>
#include <boost/describe.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace iptkit {

/// @brief What happens to the dates of a case.
enum class date_handling {
  shift,  ///< every date moves by one random per-case offset (-364 .. -1 days): intervals kept
  keep    ///< dates unchanged (for data that stays inside the covered entity)
};
BOOST_DESCRIBE_ENUM(date_handling, shift, keep)
IPTKIT_ENUM_PRINTING(date_handling)

/// @brief How to de-identify.
struct deidentify_options {
  date_handling dates = date_handling::shift;  ///< shift or keep dates
  std::string code_prefix = "S";               ///< study codes are this prefix + 8 random characters
  friend bool operator==(const deidentify_options&, const deidentify_options&) = default;
};
BOOST_DESCRIBE_STRUCT(deidentify_options, (), (dates, code_prefix))

/// @brief The text written where a required free-text field was (keeps the document valid).
inline constexpr std::string_view removed_text = "[removed]";

/// @brief The age every `age_at_intake` above 89 becomes (HIPAA Safe Harbor aggregates 90+).
inline constexpr int age_cap = 90;

/// @brief What deidentify() did at one place. Never the original value.
enum class deid_action {
  replaced_case_id,          ///< case_id -> random study code
  removed_text,              ///< optional free text cleared, or a list of free text emptied
  replaced_text,             ///< required free text -> "[removed]"
  replaced_label,            ///< relationship label -> `<kind> <n>`
  replaced_relationship_id,  ///< relationship id -> `<kind>_<n>`
  rewrote_reference,         ///< a reference to a relationship id -> the new id (`unlisted_<n>` if it named none)
  capped_age,                ///< age_at_intake above 89 -> 90
  shifted_date,              ///< date moved by the case's offset
  replaced_therapist_id,     ///< therapist id -> its study code in the run
  replaced_group_id          ///< group id -> its study code in the run
};
BOOST_DESCRIBE_ENUM(deid_action, replaced_case_id, removed_text, replaced_text, replaced_label,
                    replaced_relationship_id, rewrote_reference, capped_age, shifted_date,
                    replaced_therapist_id, replaced_group_id)
IPTKIT_ENUM_PRINTING(deid_action)

/// @brief One change: where (a JSON Pointer into the case) and what was done.
struct deid_change {
  std::string path;     ///< e.g. `/inventory/relationships/0/label`
  deid_action action{};  ///< what was done there
  friend bool operator==(const deid_change&, const deid_change&) = default;
};
BOOST_DESCRIBE_STRUCT(deid_change, (), (path, action))

/// @brief The shareable account of what was changed in one case: holds no original value and not
/// the date offset, so it can travel with the de-identified data.
struct deid_report {
  std::string study_code;            ///< the case's new case_id
  date_handling dates{};             ///< whether dates were shifted
  std::vector<deid_change> changes;  ///< in document order
  friend bool operator==(const deid_report&, const deid_report&) = default;
};
BOOST_DESCRIBE_STRUCT(deid_report, (), (study_code, dates, changes))

/// @brief One therapist or group id of a case and the code that replaced it.
struct deid_pseudonym {
  std::string field;     ///< `therapist_id` or `group_id`
  std::string code;      ///< the code in the output
  std::string original;  ///< the original id
  friend bool operator==(const deid_pseudonym&, const deid_pseudonym&) = default;
};
BOOST_DESCRIBE_STRUCT(deid_pseudonym, (), (field, code, original))

/// @brief The re-identification key of one case (45 CFR 164.514(c)): secret, kept apart from the
/// data, written only when asked for.
struct deid_mapping {
  std::string study_code;   ///< the code in the output
  std::string case_id;      ///< the original case_id
  int date_shift_days = 0;  ///< days added to every date (0 with date_handling::keep)
  std::vector<deid_pseudonym> pseudonyms;  ///< the case's therapist and group ids, each once
  friend bool operator==(const deid_mapping&, const deid_mapping&) = default;
};
BOOST_DESCRIBE_STRUCT(deid_mapping, (), (study_code, case_id, date_shift_days, pseudonyms))

/// @brief The result for one case: the de-identified case, its secret mapping and its report.
struct deidentified {
  case_record value;     ///< the shareable case (a valid `iptkit.case/1` document)
  deid_mapping mapping;  ///< secret: original id and date offset
  deid_report report;    ///< shareable: what changed, where
  friend bool operator==(const deidentified&, const deidentified&) = default;
};
BOOST_DESCRIBE_STRUCT(deidentified, (), (value, mapping, report))

/// @brief What is wrong with `options` (empty when they can be used): a prefix with characters a
/// case_id may not hold (`A-Z a-z 0-9 . _ -`) or longer than 56 (codes are at most 64).
std::vector<std::string> deidentify_option_errors(const deidentify_options& options);

/// @brief De-identifies one case (docs/privacy.md lists what happens to every field): case_id ->
/// a study code from `rng`; free text removed; relationship ids and labels -> kind and index, with
/// every reference rewritten; therapist and group ids -> codes from `rng`, the same for the same
/// id across every case de-identified with that `rng`; age above 89 -> 90; dates shifted by one
/// offset from `rng` (or kept).
/// The output validates with the same finding codes as the input.
/// @throws std::invalid_argument when deidentify_option_errors() is not empty.
deidentified deidentify(const case_record& c, deid_random& rng,
                        const deidentify_options& options = {});

/// @brief deidentify() for each case, in order, with one random source (codes unique across them).
/// @throws std::invalid_argument when deidentify_option_errors() is not empty.
std::vector<deidentified> deidentify(std::span<const case_record> cases, deid_random& rng,
                                     const deidentify_options& options = {});

}  // namespace iptkit
