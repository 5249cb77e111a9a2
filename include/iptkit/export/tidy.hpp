#pragma once
/// @file
/// @brief Tidy (long) tables of a cohort, one row per observation with `case_id` and `day` (days
/// since the contract start) on every row (interop-privacy.md "Tidy tables"; docs/interop.md lists
/// every column).

#include <iptkit/catalog.hpp>
#include <iptkit/export/csv_safety.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/outcomes/case_outcome.hpp>
#include <boost/describe.hpp>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace iptkit {


/// @brief One case: its contract, focus and course in a line.
struct case_row {
  std::size_t case_index = 0;                   ///< position of the case in the input
  std::string case_id;                          ///< the case's identifier
  int day = 0;                                  ///< 0: the contract start
  std::optional<iptkit::date> start_date;       ///< the contract start (omitted without dates)
  std::string adaptation;                       ///< protocol id
  std::optional<std::string> arm;               ///< trial arm
  std::optional<std::string> site;              ///< site
  std::optional<std::string> therapist_id;      ///< the case's therapist
  std::optional<std::string> group_id;          ///< the case's group (group formats)
  std::optional<int> age_at_intake;             ///< years
  int planned_sessions = 0;                     ///< planned acute sessions (latest renegotiation)
  session_frequency frequency{};                ///< contracted frequency
  therapy_format format{};                      ///< individual, group, ...
  therapy_modality modality{};                  ///< in person, video, telephone
  std::optional<problem_area> primary_focus;    ///< the formulation's first focus
  std::optional<problem_area> secondary_focus;  ///< its second focus
  std::size_t diagnoses = 0;                    ///< working diagnoses
  std::size_t relationships = 0;                ///< people in the inventory
  std::size_t sessions = 0;                     ///< sessions recorded (acute and maintenance)
  std::size_t sessions_attended = 0;            ///< attended acute sessions
  std::optional<int> last_session_day;          ///< day of the last session
  std::size_t assessments = 0;                  ///< assessments recorded
  bool maintenance = false;                     ///< a maintenance plan exists
  bool antidepressant = false;                  ///< a concurrent antidepressant is recorded
  friend bool operator==(const case_row&, const case_row&) = default;
};
BOOST_DESCRIBE_STRUCT(case_row, (),
                      (case_index, case_id, day, start_date, adaptation, arm, site, therapist_id,
                       group_id, age_at_intake,
                       planned_sessions, frequency, format, modality, primary_focus,
                       secondary_focus, diagnoses, relationships, sessions, sessions_attended,
                       last_session_day, assessments, maintenance, antidepressant))

/// @brief One session.
struct session_row {
  std::size_t case_index = 0;                   ///< position of the case in the input
  std::string case_id;                          ///< the case's identifier
  int day = 0;                                  ///< days since the contract start
  std::optional<iptkit::date> date;             ///< the session date (omitted without dates)
  int number = 1;                               ///< session number
  iptkit::phase phase{};                        ///< initial, middle, termination, maintenance
  iptkit::attendance attendance{};              ///< attended, cancelled, no_show
  std::optional<int> minutes;                   ///< actual length
  therapy_format format{};                      ///< the session's format (default: the contract's)
  therapy_modality modality{};                  ///< the session's modality (default: the contract's)
  std::vector<task> tasks;                      ///< tasks covered (`;`-joined in CSV)
  std::vector<problem_area> focus_areas;        ///< areas worked on (`;`-joined in CSV)
  std::size_t homework = 0;                     ///< between-session tasks set
  friend bool operator==(const session_row&, const session_row&) = default;
};
BOOST_DESCRIBE_STRUCT(session_row, (),
                      (case_index, case_id, day, date, number, phase, attendance, minutes, format,
                       modality, tasks, focus_areas, homework))

/// @brief One assessment: when, which instrument, its scored total, band and item scores.
struct assessment_row {
  std::size_t case_index = 0;         ///< position of the case in the input
  std::string case_id;                ///< the case's identifier
  std::optional<std::string> arm;     ///< the case's trial arm (for plots by arm)
  int day = 0;                        ///< days since the contract start (negative before it)
  std::optional<iptkit::date> date;   ///< the assessment date (omitted without dates)
  std::string instrument;             ///< instrument id
  std::optional<int> session;         ///< the session it belongs to
  std::optional<iptkit::rater> rater; ///< self or clinician
  std::optional<int> total;           ///< the scored total (score_total), when scorable
  std::optional<std::string> band;    ///< the total's severity band, when the instrument has bands
  std::vector<int> items;             ///< item scores: columns `item_1` .. `item_n`
  friend bool operator==(const assessment_row&, const assessment_row&) = default;
};
BOOST_DESCRIBE_STRUCT(assessment_row, (),
                      (case_index, case_id, arm, day, date, instrument, session, rater, total, band,
                       items))

/// @brief One person of the interpersonal inventory: structure only, no ids, labels or free text.
struct relationship_row {
  std::size_t case_index = 0;                ///< position of the case in the input
  std::string case_id;                       ///< the case's identifier
  std::optional<int> day;                    ///< day of the session that completed the inventory
  std::size_t person = 1;                    ///< 1-based position in the inventory
  relationship_kind kind{};                  ///< partner, parent, ...
  relationship_status status{};              ///< current, past, deceased, estranged
  int closeness = 1;                         ///< ring 1 (closest) .. 4
  std::optional<contact_frequency> contact;  ///< how often in contact
  std::optional<int> support;                ///< 0 .. 4
  std::optional<int> conflict;               ///< 0 .. 4
  std::size_t expectations = 0;              ///< expectations recorded
  std::size_t unmet_expectations = 0;        ///< of which unmet
  bool in_focus = false;                     ///< a formulation focus is about this person
  std::optional<bool> changed_near_onset;    ///< changed near the onset of symptoms
  std::optional<int> loss_day;               ///< day of a death or ending, relative to the start
  friend bool operator==(const relationship_row&, const relationship_row&) = default;
};
BOOST_DESCRIBE_STRUCT(relationship_row, (),
                      (case_index, case_id, day, person, kind, status, closeness, contact, support,
                       conflict, expectations, unmet_expectations, in_focus, changed_near_onset,
                       loss_day))

/// @brief One outcome row (outcomes.md) with the days of its baseline and endpoint and the case's
/// grouping fields, so that outcomes group by arm, site or protocol without a join.
struct outcome_row : case_outcome {
  std::optional<int> baseline_day;  ///< days from the contract start to the baseline
  std::optional<int> day;           ///< days from the contract start to the endpoint
  std::optional<std::string> arm;   ///< the case's trial arm
  std::optional<std::string> site;  ///< the case's site
  std::string adaptation;           ///< the case's protocol id
  friend bool operator==(const outcome_row&, const outcome_row&) = default;
};
BOOST_DESCRIBE_STRUCT(outcome_row, (case_outcome), (baseline_day, day, arm, site, adaptation))

/// @brief The cases table's complete columns (tidy_options::complete): what a case records that
/// the analysis columns only count or summarise. `*_json` cells hold the canonical JSON of the
/// field; `recorded_planned_sessions` is the contract's own count (`planned_sessions` is after
/// renegotiation).
struct case_extra {
  std::string schema;                                     ///< the format tag, `iptkit.case/1`
  int recorded_planned_sessions = 0;                      ///< `contract.planned_sessions`
  std::optional<int> session_minutes;                     ///< `contract.session_minutes`
  std::optional<std::string> renegotiations_json;         ///< `contract.renegotiations`
  std::optional<std::string> diagnoses_json;              ///< `diagnoses`
  bool inventory = false;                                 ///< an inventory is recorded
  std::optional<int> inventory_session;                   ///< `inventory.completed_session`
  std::optional<std::string> formulation_json;            ///< `formulation`
  std::optional<std::string> trial_json;                  ///< `trial`
  std::optional<std::string> risk_reviews_json;           ///< `risk_reviews`
  std::optional<std::string> discontinuation_json;        ///< `discontinuation`
  std::optional<std::string> adverse_events_json;         ///< `adverse_events`
  std::optional<std::string> concurrent_treatments_json;  ///< `concurrent_treatments`
  std::optional<std::string> maintenance_json;            ///< `maintenance`
  std::optional<std::string> notes;                       ///< `notes`
  friend bool operator==(const case_extra&, const case_extra&) = default;
};
BOOST_DESCRIBE_STRUCT(case_extra, (),
                      (schema, recorded_planned_sessions, session_minutes, renegotiations_json,
                       diagnoses_json, inventory, inventory_session, formulation_json, trial_json,
                       risk_reviews_json, discontinuation_json, adverse_events_json,
                       concurrent_treatments_json, maintenance_json, notes))

/// @brief The sessions table's complete columns: the session's own format and modality (the
/// analysis columns fall back to the contract's) and its homework.
struct session_extra {
  std::optional<therapy_format> recorded_format;      ///< `format` as recorded
  std::optional<therapy_modality> recorded_modality;  ///< `modality` as recorded
  std::optional<std::string> homework_json;           ///< `homework`
  std::optional<std::string> therapist_id;            ///< `therapist_id`: the session's own, when recorded
  friend bool operator==(const session_extra&, const session_extra&) = default;
};
BOOST_DESCRIBE_STRUCT(session_extra, (), (recorded_format, recorded_modality, homework_json, therapist_id))

/// @brief The assessments table's complete column: the total as recorded (`total` is the scored
/// total, the item sum when none was recorded).
struct assessment_extra {
  std::optional<int> recorded_total;  ///< `total` as recorded
  friend bool operator==(const assessment_extra&, const assessment_extra&) = default;
};
BOOST_DESCRIBE_STRUCT(assessment_extra, (), (recorded_total))

/// @brief The relationships table's complete columns: the identifiers, free text and dates the
/// analysis columns leave out.
struct relationship_extra {
  std::string id;                                     ///< `id`
  std::string label;                                  ///< `label`
  std::optional<iptkit::date> loss_date;              ///< `loss_date`
  std::optional<std::string> expectations_json;       ///< `expectations`
  std::optional<std::string> satisfying_json;         ///< `satisfying`
  std::optional<std::string> unsatisfying_json;       ///< `unsatisfying`
  std::optional<std::string> desired_changes_json;    ///< `desired_changes`
  friend bool operator==(const relationship_extra&, const relationship_extra&) = default;
};
BOOST_DESCRIBE_STRUCT(relationship_extra, (),
                      (id, label, loss_date, expectations_json, satisfying_json, unsatisfying_json,
                       desired_changes_json))

/// @brief The complete columns of the four input tables, row for row (empty unless
/// tidy_options::complete).
struct tidy_extra_columns {
  bool complete = false;                          ///< the tables carry their complete columns
  std::vector<case_extra> cases;                  ///< one per cases row
  std::vector<session_extra> sessions;            ///< one per sessions row
  std::vector<assessment_extra> assessments;      ///< one per assessments row
  std::vector<relationship_extra> relationships;  ///< one per relationships row
};

/// @brief What the tidy tables carry. Scoring, bands and outcomes use the catalog's instruments;
/// the check of each case, its protocols.
struct tidy_options {
  bool dates = true;            ///< false: calendar dates are left out (the `day` columns remain)
  std::size_t first_index = 0;  ///< the `case_index` of the first case (a cohort written in parts)
  /// @brief Also write the complete columns (case_extra ...): every recorded field, free text and
  /// identifiers included, so that import_tables() gives the cases back byte for byte.
  bool complete = false;
};

/// @brief The five tables of a cohort.
struct tidy_tables {
  std::vector<case_row> cases;                  ///< one row per case
  std::vector<session_row> sessions;            ///< one row per session
  std::vector<assessment_row> assessments;      ///< one row per assessment
  std::vector<relationship_row> relationships;  ///< one row per inventory relationship
  std::vector<outcome_row> outcomes;            ///< one row per case and instrument
  tidy_extra_columns extra;                     ///< the complete columns (tidy_options::complete)
};

/// @brief Appends the rows of one case's assessments, in document order, as make_tidy_tables()
/// does (`options.dates`; the rows' `case_index` is `case_index`).
void append_assessment_rows(const case_record& c, std::size_t case_index, std::vector<assessment_row>& out,
                            const tidy_options& options = {}, const catalog& cat = catalog::builtin());

/// @brief The five tables of `cases` (each case's index is its position plus `options.first_index`).
/// Throws decode_error (paths prefixed with `/<case_index>`) when a case is not well formed
/// (check()): a table holds nothing the case format cannot.
tidy_tables make_tidy_tables(std::span<const case_record* const> cases, const tidy_options& options = {},
                             const catalog& cat = catalog::builtin());

/// @brief make_tidy_tables() of a contiguous cohort.
tidy_tables make_tidy_tables(std::span<const case_record> cases, const tidy_options& options = {},
                             const catalog& cat = catalog::builtin());

namespace detail {
/// @brief Appends the rows (and, with `options.complete`, the complete columns) of one case that
/// is known to be well formed, as make_tidy_tables() does, without its outcome rows.
void append_case_tables(const case_record& c, std::size_t case_index, const tidy_options& options,
                        const catalog& cat, tidy_tables& out);
/// @brief Calls `f(column, text)` for each cell of row `index` of `table` whose column `wanted`
/// names (dates included, item columns left out), the text as a CSV reader gives it back.
void for_each_cell(const tidy_tables& t, std::string_view table, std::size_t index,
                   const std::function<bool(std::string_view)>& wanted,
                   const std::function<void(std::string_view, const std::string&)>& f);
}  // namespace detail

/// @brief The names of the five tables, in the order written: cases, sessions, assessments,
/// relationships, outcomes.
inline constexpr std::string_view tidy_table_names[] = {"cases", "sessions", "assessments",
                                                        "relationships", "outcomes"};

/// @brief The column of element `k` (1-based) of a list-of-integers member in a table:
/// `items` -> `item_3`.
std::string numbered_column(std::string_view member, std::size_t k);

/// @brief One table as CSV (RFC 4180, CRLF): a column per member (base members first), lists of
/// enums `;`-joined, `items` as `item_1` .. `item_n` (n: the longest list), dates as YYYY-MM-DD,
/// absent values empty, a present empty text `""`. Without `dates`, date columns are left out. The
/// complete columns follow when the tables have them. Text cells are spreadsheet-safe
/// (spreadsheet_safe(), which import_tables() undoes) unless `options.raw_cells`.
std::string tidy_csv(const tidy_tables& tables, std::string_view table, bool dates = true,
                     const csv_options& options = {});

}  // namespace iptkit
