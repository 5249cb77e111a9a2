#pragma once
/// @file
/// @brief The catalog: everything a case may name (protocols, instruments) and the rules it is
/// held to, passed as one value to every entry point.

#include <iptkit/json/read_error.hpp>
#include <iptkit/measures/instrument_registry.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/model/protocol_registry.hpp>
#include <iptkit/rules/rule_set.hpp>

#include <optional>
#include <vector>

namespace iptkit {

/// @brief The protocols (adaptations), instruments and rules in force. Every entry point takes
/// one as its last argument, defaulting to catalog::builtin(), so a trial's own manual is passed
/// the same way to reading, validation, outcomes, planning, progress, FHIR, the report and the
/// schema (what needs none of the three, such as summarize() of computed outcome rows or
/// deidentify(), takes none). A value: each registry starts from its built-ins, so `catalog{.protocols = mine}`
/// changes the protocols only. A case naming an adaptation or instrument the catalog does not
/// hold gets an error or a finding that names it; nothing falls back to the built-ins.
struct catalog {
  protocol_registry protocols = protocol_registry::with_builtins();      ///< adaptations by id
  instrument_registry instruments = instrument_registry::with_builtins();  ///< measures by id
  rule_set rules = rule_set::with_builtins();                            ///< rules, on/off, severities

  /// @brief The shared, immutable catalog of built-ins (the default argument everywhere).
  static const catalog& builtin();
};

/// @brief One `bad_enum` error at `/assessments/<i>/instrument` for each assessment (dated on or
/// before `through`, when given) whose instrument `cat` does not define, naming the ones it does.
/// What interprets a score (progress(), the FHIR Bundle, a trajectory chart) refuses such a case
/// with these errors rather than show a total without its instrument's bands and cut-offs.
std::vector<read_error> unknown_instruments(const case_record& c, const catalog& cat,
                                            std::optional<date> through = std::nullopt);

}  // namespace iptkit
