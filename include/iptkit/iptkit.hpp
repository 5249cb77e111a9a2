#pragma once
/// @file
/// @brief Umbrella header: the whole public API of iptkit.

#include <iptkit/version.hpp>
#include <iptkit/result.hpp>
#include <iptkit/print.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <iptkit/meta/pointer_order.hpp>
#include <iptkit/meta/type_name.hpp>
#include <iptkit/meta/type_traits.hpp>

#include <iptkit/model/assessment.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/model/concurrent_treatment.hpp>
#include <iptkit/model/contract.hpp>
#include <iptkit/model/date.hpp>
#include <iptkit/model/diagnosis.hpp>
#include <iptkit/model/focus.hpp>
#include <iptkit/model/formulation.hpp>
#include <iptkit/model/inventory.hpp>
#include <iptkit/model/maintenance.hpp>
#include <iptkit/model/protocol.hpp>
#include <iptkit/catalog.hpp>
#include <iptkit/model/protocol_registry.hpp>
#include <iptkit/model/registry.hpp>
#include <iptkit/model/relationship.hpp>
#include <iptkit/model/session.hpp>
#include <iptkit/model/trial.hpp>

#include <iptkit/measures/instrument.hpp>
#include <iptkit/measures/instrument_registry.hpp>
#include <iptkit/measures/scoring.hpp>

#include <iptkit/planning/plan.hpp>
#include <iptkit/planning/progress.hpp>

#include <iptkit/outcomes/case_outcome.hpp>
#include <iptkit/outcomes/cohort_columns.hpp>
#include <iptkit/outcomes/outcome_columns.hpp>
#include <iptkit/outcomes/outcome_options.hpp>
#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/outcomes/statistics.hpp>

#include <iptkit/stats/ancova.hpp>
#include <iptkit/stats/cox.hpp>
#include <iptkit/stats/icc.hpp>
#include <iptkit/stats/survival.hpp>

#include <iptkit/trials/analysis_set.hpp>
#include <iptkit/trials/consort.hpp>
#include <iptkit/trials/relapse_survival.hpp>

#include <iptkit/rules/finding.hpp>
#include <iptkit/rules/rule.hpp>
#include <iptkit/rules/rule_set.hpp>
#include <iptkit/rules/validate.hpp>

#include <iptkit/json/check.hpp>
#include <iptkit/json/cohort.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/json/read_error.hpp>
#include <iptkit/json/schema.hpp>
#include <iptkit/json/write.hpp>

#include <iptkit/synth/generator.hpp>

#include <iptkit/privacy/deid_random.hpp>
#include <iptkit/privacy/deidentify.hpp>
#include <iptkit/privacy/text_policy.hpp>

#include <iptkit/export/consort_svg.hpp>
#include <iptkit/export/fhir.hpp>
#include <iptkit/export/html_report.hpp>
#include <iptkit/export/svg.hpp>
#include <iptkit/export/tidy.hpp>

#include <iptkit/import/csv.hpp>
#include <iptkit/import/fhir.hpp>
#include <iptkit/import/import_issue.hpp>
#include <iptkit/import/redcap.hpp>
#include <iptkit/import/table_columns.hpp>
#include <iptkit/import/tables.hpp>
