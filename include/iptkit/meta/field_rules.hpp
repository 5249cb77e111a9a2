#pragma once
/// @file
/// @brief Constraints on described fields, declared as data next to each model type.
///
/// The JSON reader checks them, the schema generator emits them, and docs quote them, so the three
/// can never disagree. A model header declares, right after BOOST_DESCRIBE_STRUCT:
/// @code
/// template <> inline constexpr auto meta::field_rules<relationship> = std::tuple{
///     meta::field(&relationship::closeness, meta::in_range{1, 4})};
/// @endcode

#include <cstdint>
#include <limits>
#include <string_view>
#include <tuple>

namespace iptkit::meta {

/// @brief An integer between `min` and `max` inclusive.
struct in_range {
  std::int64_t min;  ///< smallest allowed value
  std::int64_t max;  ///< largest allowed value
};

/// @brief A real number between `min` and `max` inclusive.
struct real_range {
  double min;  ///< smallest allowed value
  double max;  ///< largest allowed value
};

/// @brief An integer of at least `min` (no upper bound beyond the C++ type's).
constexpr in_range at_least(std::int64_t min) noexcept {
  return {min, std::numeric_limits<std::int64_t>::max()};
}

/// @brief The highest session number or session count a document may give: far beyond any course
/// of IPT (acute and years of maintenance), and small enough that a schedule stays small and
/// session arithmetic cannot overflow, whatever a document claims.
inline constexpr std::int64_t session_limit = 1000;

/// @brief A session number or count from `min` to session_limit.
constexpr in_range session_count(std::int64_t min) noexcept { return {min, session_limit}; }

/// @brief The largest magnitude of a score or a score threshold: far beyond any instrument, and
/// small enough that sums and differences of scores cannot overflow an `int`.
inline constexpr std::int64_t score_limit = 1'000'000;

/// @brief A score or a score threshold from `min` to score_limit.
constexpr in_range score(std::int64_t min = -score_limit) noexcept { return {min, score_limit}; }

/// @brief A string of `min_length`..`max_length` characters from `A-Z a-z 0-9 . _ -`.
struct identifier {
  std::size_t min_length;  ///< fewest characters
  std::size_t max_length;  ///< most characters
};

/// @brief A string that must not be empty.
struct non_empty {};

/// @brief A format tag that must equal `value` exactly (reported as `unsupported_schema`).
struct schema_version {
  std::string_view value;  ///< the one version this reader understands
};

/// @brief A string naming a protocol of the registry in force (adaptation ids).
struct registered_protocol {};

/// @brief A non-optional field that may be absent; it then keeps its default member initializer.
struct has_default {};

/// @brief In a list of structs, the member `Member` must be unique (reported as `duplicate_id`).
template <auto Member>
struct unique_by {
  static constexpr auto member = Member;  ///< pointer to the element member that is the key
};

/// @brief Constraints attached to one member of `Class`.
template <class Member, class... Constraints>
struct field_rule {
  Member member;                            ///< pointer to the constrained data member
  std::tuple<Constraints...> constraints;   ///< what it must satisfy
};

/// @brief Attaches constraints to a member: `field(&T::m, in_range{1, 4})`.
template <class Member, class... Constraints>
constexpr field_rule<Member, Constraints...> field(Member member, Constraints... c) noexcept {
  return {member, std::tuple<Constraints...>{c...}};
}

/// @brief At least one of two members must be present (an optional engaged, a list non-empty).
template <class A, class B>
struct one_of_required {
  A first;   ///< pointer to the first member
  B second;  ///< pointer to the second member (named in the error when both are absent)
};
/// @brief Deduces the member pointer types (clang before 17 has no CTAD for aggregates).
template <class A, class B>
one_of_required(A, B) -> one_of_required<A, B>;

/// @brief The integer member `upper` must not be below the integer member `lower` (e.g. a
/// protocol's max_sessions against its min_sessions). JSON Schema cannot say this; the reader does.
template <class A, class B>
struct not_below {
  A lower;  ///< pointer to the lower bound's member
  B upper;  ///< pointer to the upper bound's member (named in the error)
};
/// @brief Deduces the member pointer types (clang before 17 has no CTAD for aggregates).
template <class A, class B>
not_below(A, B) -> not_below<A, B>;

/// @brief Per-field constraints of a described type (none unless specialised).
template <class T>
inline constexpr std::tuple<> field_rules{};

/// @brief Whole-object constraints of a described type (none unless specialised).
template <class T>
inline constexpr std::tuple<> object_rules{};

/// @brief For a variant of described structs: the JSON key whose value selects the alternative.
/// Each alternative declares `static constexpr auto tag = <enumerator>;`.
template <class Variant>
struct variant_tag;

/// @brief Calls `f(constraint)` for every constraint declared on member `Pointer` of `T`.
template <class T, auto Pointer, class F>
constexpr void for_each_constraint(F&& f) {
  std::apply(
      [&](const auto&... rule) {
        (
            [&](const auto& r) {
              if constexpr (std::is_same_v<std::remove_cvref_t<decltype(r.member)>,
                                           decltype(Pointer)>) {
                if (r.member == Pointer) std::apply([&](const auto&... c) { (f(c), ...); }, r.constraints);
              }
            }(rule),
            ...);
      },
      field_rules<T>);
}

/// @brief True when member `Pointer` of `T` carries a constraint of type `C`.
template <class T, auto Pointer, class C>
constexpr bool has_constraint() {
  bool found = false;
  for_each_constraint<T, Pointer>([&](const auto& c) {
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(c)>, C>) found = true;
  });
  return found;
}

}  // namespace iptkit::meta
