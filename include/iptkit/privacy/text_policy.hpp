#pragma once
/// @file
/// @brief What de-identification does with each text member of the case model, and the guard
/// that makes a text member nobody has classified a compile error instead of a silent leak.

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/meta/type_name.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <iptkit/model/case_record.hpp>
#include <boost/describe.hpp>
#include <boost/mp11/algorithm.hpp>
#include <cstddef>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace iptkit {

/// @brief How deidentify() treats one text member (`std::string`, or an optional or list of it).
enum class text_policy {
  unclassified,        ///< nobody decided: deidentify() does not compile (see text_policy_of)
  keep,                ///< study metadata kept on purpose (format tag, adaptation, arm, site, codes, instrument ids)
  remove,              ///< free text: an optional is cleared, a list emptied, a required string becomes "[removed]"
  case_id,             ///< replaced by a random study code
  relationship_id,     ///< replaced by `<kind>_<n>` (the n-th relationship of that kind)
  relationship_label,  ///< replaced by `<kind> <n>`, e.g. `partner 1`
  relationship_ref,    ///< names a relationship id: rewritten to that relationship's new id
  therapist_id,        ///< replaced by a study code, the same one for the same therapist in a run
  group_id             ///< replaced by a study code, the same one for the same group in a run
};
BOOST_DESCRIBE_ENUM(text_policy, unclassified, keep, remove, case_id, relationship_id,
                    relationship_label, relationship_ref, therapist_id, group_id)
IPTKIT_ENUM_PRINTING(text_policy)

/// @brief The policy of the data member `Member`. Every text member of case_record has a
/// specialisation below; a new one starts `unclassified` and breaks the build until it gets one.
template <auto Member>
inline constexpr text_policy text_policy_of = text_policy::unclassified;

/// @cond policy_table
// Study metadata stays: analyses group by it and it names no person. Codes and instrument ids
// are vocabularies, not free text. Everything a clinician types about a person goes.
template <> inline constexpr text_policy text_policy_of<&case_record::schema> = text_policy::keep;
template <> inline constexpr text_policy text_policy_of<&case_record::case_id> = text_policy::case_id;
template <> inline constexpr text_policy text_policy_of<&case_record::adaptation> = text_policy::keep;
template <> inline constexpr text_policy text_policy_of<&case_record::arm> = text_policy::keep;
template <> inline constexpr text_policy text_policy_of<&case_record::site> = text_policy::keep;
template <> inline constexpr text_policy text_policy_of<&case_record::notes> = text_policy::remove;
// Trial labels are the trial's vocabulary (arms, sites, strata, exclusion reasons), kept as arm
// and site are; therapists and groups are people and cohorts: pseudonymised consistently, so
// clustering by therapist or group still works on the shared data.
template <> inline constexpr text_policy text_policy_of<&trial_record::allocation> = text_policy::keep;
template <> inline constexpr text_policy text_policy_of<&trial_record::site> = text_policy::keep;
template <> inline constexpr text_policy text_policy_of<&trial_record::stratum> = text_policy::keep;
template <> inline constexpr text_policy text_policy_of<&trial_record::exclusion_reasons> = text_policy::keep;
template <> inline constexpr text_policy text_policy_of<&trial_record::arm_change_reason> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&case_record::therapist_id> = text_policy::therapist_id;
template <> inline constexpr text_policy text_policy_of<&case_record::group_id> = text_policy::group_id;
template <> inline constexpr text_policy text_policy_of<&session::therapist_id> = text_policy::therapist_id;
template <> inline constexpr text_policy text_policy_of<&discontinuation::notes> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&adverse_event::description> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&diagnosis::code> = text_policy::keep;
template <> inline constexpr text_policy text_policy_of<&diagnosis::label> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&renegotiation::reason> = text_policy::remove;
// Ids are often names ("john"): renamed, and every reference follows so the links survive.
template <> inline constexpr text_policy text_policy_of<&relationship::id> = text_policy::relationship_id;
template <> inline constexpr text_policy text_policy_of<&relationship::label> = text_policy::relationship_label;
template <> inline constexpr text_policy text_policy_of<&relationship::satisfying> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&relationship::unsatisfying> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&relationship::desired_changes> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&expectation::text> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&formulation::summary> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&grief_focus::relationship> = text_policy::relationship_ref;
template <> inline constexpr text_policy text_policy_of<&role_dispute_focus::relationship> = text_policy::relationship_ref;
template <> inline constexpr text_policy text_policy_of<&role_transition_focus::old_role> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&role_transition_focus::new_role> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&affective_focus::self_representation> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&affective_focus::other_representation> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&affective_focus::affect> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&affective_focus::defensive_function> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&affective_focus::relationships> = text_policy::relationship_ref;
template <> inline constexpr text_policy text_policy_of<&interpersonal_schema::wish> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&interpersonal_schema::self_image> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&interpersonal_schema::other_response> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&interpersonal_schema::self_response> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&interpersonal_schema::relationships> = text_policy::relationship_ref;
template <> inline constexpr text_policy text_policy_of<&homework::text> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&risk_review::notes> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&assessment::instrument> = text_policy::keep;
template <> inline constexpr text_policy text_policy_of<&concurrent_treatment::name> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&maintenance_plan::warning_signs> = text_policy::remove;
template <> inline constexpr text_policy text_policy_of<&maintenance_plan::skills> = text_policy::remove;
// Relationship ids by the case format; one that names no relationship (often a name or a phone
// number) becomes `unlisted_<n>`, so the content goes and finding F006 still fires.
template <> inline constexpr text_policy text_policy_of<&maintenance_plan::support_contacts> = text_policy::relationship_ref;
template <> inline constexpr text_policy text_policy_of<&relapse_rule::instrument> = text_policy::keep;
/// @endcond

/// @brief True for a member type that holds text: `std::string`, or optionals and lists of it.
template <class M>
constexpr bool holds_text() {
  if constexpr (std::is_same_v<M, std::string>) return true;
  else if constexpr (meta::is_optional_v<M> || meta::is_vector_v<M>)
    return holds_text<typename M::value_type>();
  else return false;
}

namespace detail {

template <class T, class Visit>
constexpr void for_each_text_member(Visit&& visit);

/// @brief Recurses from a member type into the described structs it contains.
template <class M, class Visit>
constexpr void for_each_text_member_in(Visit&& visit) {
  if constexpr (meta::is_optional_v<M> || meta::is_vector_v<M>) {
    for_each_text_member_in<typename M::value_type>(visit);
  } else if constexpr (meta::is_variant_v<M>) {
    [&]<class... Ts>(std::type_identity<std::variant<Ts...>>) {
      (for_each_text_member_in<Ts>(visit), ...);
    }(std::type_identity<M>{});
  } else if constexpr (meta::is_described_struct_v<M>) {
    for_each_text_member<M>(visit);
  }
}

/// @brief Calls `visit(type_identity<Owner>, descriptor)` for every text member reachable from T.
template <class T, class Visit>
constexpr void for_each_text_member(Visit&& visit) {
  boost::mp11::mp_for_each<meta::members_of<T>>([&](auto D) {
    using M = std::remove_cvref_t<decltype(std::declval<T&>().*D.pointer)>;
    if constexpr (holds_text<M>()) visit(std::type_identity<T>{}, D);
    else for_each_text_member_in<M>(visit);
  });
}

}  // namespace detail

/// @brief How many text members reachable from T have no policy (0 for case_record: the guard).
template <class T>
constexpr std::size_t unclassified_text_count() {
  std::size_t n = 0;
  detail::for_each_text_member<T>([&](auto, auto D) {
    if (text_policy_of<decltype(D)::pointer> == text_policy::unclassified) ++n;
  });
  return n;
}

/// @brief `owner::member` for every text member reachable from T that has no policy, to name
/// them in a test failure.
template <class T>
std::vector<std::string> unclassified_text_members() {
  std::vector<std::string> names;
  detail::for_each_text_member<T>([&]<class Owner>(std::type_identity<Owner>, auto D) {
    if (text_policy_of<decltype(D)::pointer> == text_policy::unclassified)
      names.push_back(meta::short_type_name<Owner>() + "::" + D.name);
  });
  return names;
}

// The guard: deidentify() keeps nothing it was not told to keep.
static_assert(unclassified_text_count<case_record>() == 0,
              "iptkit: a text member of case_record has no text_policy_of specialisation "
              "(include/iptkit/privacy/text_policy.hpp); decide what de-identification does with it");

}  // namespace iptkit
