#pragma once
/// @file
/// @brief A case as one FHIR R4 Bundle (`type: collection`), mapped as interop-privacy.md says.
///
/// The Bundle holds a Patient (id from `case_id`, nothing else), a Condition per diagnosis, one
/// CarePlan for the acute course, a Goal per formulation focus, a RelatedPerson per inventory
/// relationship, a Practitioner per therapist of an attended session, an Encounter per attended
/// session and an Observation per assessment; with a trial record, a ResearchStudy and a
/// ResearchSubject; an AdverseEvent per adverse event (and a Procedure for the course when one's
/// relation to it was judged). No free text of the case is written (no labels, notes, summaries,
/// homework, expectation or event text): the Goals and RelatedPersons name the relationship kind
/// only. docs/interop.md lists every element.

#include <iptkit/json/write.hpp>
#include <iptkit/catalog.hpp>
#include <iptkit/model/case_record.hpp>

#include <string>
#include <string_view>

namespace iptkit {

/// @brief The layout of the FHIR export. Instruments (LOINC codes, names, bands) and protocols
/// (the CarePlan title) come from the catalog, the last argument.
struct fhir_options {
  json_style style = json_style::pretty;  ///< pretty (ends in "\n") or one line
};

/// @brief The FHIR R4 Bundle of a case as JSON text. Every reference is a `urn:uuid:` that is the
/// `fullUrl` of an entry of the same Bundle; the UUIDs are name-based (RFC 4122 version 5) on the
/// case id and the resource's id, and resource ids are `<case>-<type>-<n>`, so the same case
/// gives the same bytes. Throws decode_error with the errors of check() when the case is not
/// well formed, or of unknown_instruments() when an assessment names an instrument the catalog
/// does not define; never throws otherwise (but on allocation failure).
std::string fhir_bundle(const case_record& c, const fhir_options& options = {},
                        const catalog& cat = catalog::builtin());

/// @brief Helpers of the FHIR export, exposed for tests; not a stable API.
namespace fhir_detail {

/// @brief The FHIR id of a case's resource: the case token, then `-` and `suffix` when not
/// empty. The token is `case_id` when it is a valid FHIR id (`[A-Za-z0-9-.]`) of at most 40
/// characters, else its first 31 characters with every other character as `-`, then `-` and
/// the first 8 hex digits of name_uuid(case_id) (so distinct case ids stay distinct). At most 64
/// characters while `suffix` has at most 23.
std::string resource_id(std::string_view case_id, std::string_view suffix = {});

/// @brief The name-based (version 5, SHA-1) UUID of `name` in iptkit's FHIR namespace, lower case.
std::string name_uuid(std::string_view name);

}  // namespace fhir_detail

}  // namespace iptkit
