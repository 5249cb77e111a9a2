#pragma once
// The REDCap mapping as the importer holds it, read and checked against the data dictionary and
// the case format's own schema before any record is read (redcap_mapping.cpp).

#include <iptkit/catalog.hpp>
#include <iptkit/import/import_issue.hpp>
#include <iptkit/import/tables.hpp>

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace iptkit::redcap_detail {

/// @brief One field of the data dictionary.
struct dict_field {
  std::string name, form, type, validation;
  std::vector<std::pair<std::string, std::string>> choices;  // code, label (radio, dropdown, checkbox)
  bool identifier = false;
  [[nodiscard]] bool is_checkbox() const noexcept { return type == "checkbox"; }
  [[nodiscard]] bool is_choice() const noexcept {
    return type == "radio" || type == "dropdown" || type == "checkbox" || type == "yesno" || type == "truefalse";
  }
  [[nodiscard]] bool is_date() const noexcept { return validation.starts_with("date"); }
  [[nodiscard]] bool has_code(std::string_view code) const noexcept {
    for (const auto& [c, l] : choices)
      if (c == code) return true;
    return false;
  }
};

/// @brief The data dictionary.
struct dictionary {
  std::vector<dict_field> fields;
  std::unordered_map<std::string, std::size_t> index;
  [[nodiscard]] const dict_field* find(std::string_view name) const {
    const auto it = index.find(std::string(name));
    return it == index.end() ? nullptr : &fields[it->second];
  }
  [[nodiscard]] bool has_form(std::string_view form) const {
    for (const auto& f : fields)
      if (f.form == form) return true;
    return false;
  }
};

/// @brief The column name REDCap gives one choice of a checkbox field: `field___code`, the code
/// lower-cased and every character but a letter or digit made `_` (so -99 gives `field____99`).
std::string checkbox_column(std::string_view field, std::string_view code);

/// @brief What a case field takes, from the case format's schema.
enum class base { string, integer, number, boolean, date, array, object, unknown };
struct target_type {
  base kind = base::unknown;
  std::vector<std::string> enums;       // allowed spellings of a string
  base item = base::unknown;            // of an array
  std::vector<std::string> item_enums;  // of an array of strings
};

/// @brief Where one case field comes from.
struct source {
  enum class kind { field, fields, value, instance, by_event } from = kind::field;
  std::string target;       // JSON Pointer in the case (or in the list element)
  std::string where;        // JSON Pointer of this entry in the mapping file
  target_type type;
  const dict_field* field = nullptr;            // field
  std::vector<const dict_field*> fields;        // fields
  boost::json::value value;                     // value
  std::vector<std::pair<std::string, boost::json::value>> by_event;
  bool has_choices = false;
  std::vector<std::pair<std::string, boost::json::value>> choices;  // code -> value (null: missing)
  std::vector<std::string> missing;             // the field's own missing codes
  std::vector<std::string> events;              // case fields: the events to read it from
  [[nodiscard]] const boost::json::value* choice(std::string_view code) const {
    for (const auto& [c, v] : choices)
      if (c == code) return &v;
    return nullptr;
  }
};

/// @brief A list of the case (sessions, assessments, ...): one element per form instance.
struct list_spec {
  std::string target, where, form;
  std::vector<std::string> events;
  std::vector<source> fields;
};

/// @brief The whole mapping.
struct mapping {
  const dict_field* record_id = nullptr;
  std::vector<std::string> missing_codes;
  std::vector<int> statuses{0, 1, 2};
  std::vector<std::string> case_events;
  std::vector<source> case_fields;
  std::vector<list_spec> lists;
  [[nodiscard]] bool is_missing(const source& s, std::string_view text) const {
    for (const auto& c : s.missing)
      if (c == text) return true;
    for (const auto& c : missing_codes)
      if (c == text) return true;
    return false;
  }
};

/// @brief Reads the data dictionary; problems go to `errors`.
dictionary read_dictionary(const csv_source& in, std::vector<import_issue>& errors);

/// @brief Reads the mapping and checks it against the dictionary and the case format; problems
/// go to `errors` (kind `mapping`). The mapping is usable only when none were added.
mapping read_mapping(const csv_source& in, const dictionary& dict, const catalog& cat,
                     std::vector<import_issue>& errors);

/// @brief A name from the mapping or the dictionary that is safe to quote: letters, digits, `_-.:`.
bool plain(std::string_view s) noexcept;

/// @brief A cell's text that may be quoted in a message: a number, a code or a date (digits and
/// `-+./:`), never a word, which could be about a patient.
bool numeric(std::string_view s) noexcept;

/// @brief `line L, column C` of byte `at` of `text`.
std::string text_position(std::string_view text, std::size_t at);

}  // namespace iptkit::redcap_detail
