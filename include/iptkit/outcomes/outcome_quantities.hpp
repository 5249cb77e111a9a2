#pragma once
/// @file
/// @brief Every per-case outcome quantity (outcomes.md "Per-case outcomes"), declared once.
/// The rows (case_outcome), the columns (outcome_columns), the computation's own values, the
/// numpy/pandas frame and the CSV are all derived from this one description: adding a quantity
/// means declaring it here and computing it in src/outcomes/outcomes.cpp, nothing else.

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/model/date.hpp>
#include <boost/describe.hpp>
#include <boost/mp11/algorithm.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace iptkit {

/// @brief Why a quantity is missing.
enum class not_computed : std::uint8_t {
  no_assessments,                 ///< the case has no scorable assessment at all
  unknown_instrument,             ///< the instrument is not in the catalog
  no_baseline,                    ///< no assessment from 28 days before the start to the first attended session
  no_endpoint,                    ///< no assessment after the baseline up to the last acute session + 14 days
  baseline_zero,                  ///< percent change and response need a baseline above 0
  not_higher_is_worse,            ///< response is defined for scales where higher is worse
  no_caseness_cutoff,             ///< the instrument has no caseness cut-off
  no_remission_cutoff,            ///< the instrument has no remission cut-off
  no_reliable_change_definition,  ///< neither a points threshold nor Jacobson-Truax parameters
  not_case_at_baseline,           ///< recovery is defined for cases at caseness at baseline
  no_relapse_rule,                ///< no maintenance plan with a relapse rule
  other_instrument,               ///< the relapse rule uses another instrument
  no_maintenance_assessments,     ///< no assessment of the rule's instrument after the acute course
  not_in_paired_definition,       ///< the paired row defines caseness, reliable change and recovery only
  not_finished_treatment          ///< recovery is defined for cases that attended at least 2 sessions
};
BOOST_DESCRIBE_ENUM(not_computed, no_assessments, unknown_instrument, no_baseline, no_endpoint,
                    baseline_zero, not_higher_is_worse, no_caseness_cutoff, no_remission_cutoff,
                    no_reliable_change_definition, not_case_at_baseline, no_relapse_rule,
                    other_instrument, no_maintenance_assessments, not_in_paired_definition,
                    not_finished_treatment)
IPTKIT_ENUM_PRINTING(not_computed)

/// @brief What the relapse rule's firing was, by the episode's course before it (Frank et al.
/// 1991): a return of the episode before remission was sustained for the recovery period
/// (relapse), a new episode after it (recurrence), or the episode going on (no remission).
enum class relapse_kind : std::uint8_t {
  relapse,       ///< fired after a remission, before it was sustained for the recovery period
  recurrence,    ///< fired after a sustained remission (recovery from the episode)
  no_remission   ///< fired with no remission before it: the episode continued
};
BOOST_DESCRIBE_ENUM(relapse_kind, relapse, recurrence, no_remission)
IPTKIT_ENUM_PRINTING(relapse_kind)

/// @brief The form in which case_outcome holds a quantity: its row type itself.
struct outcome_row_form {
  /// @brief A quantity of row type T is held as T.
  template <class T>
  using of = T;
};

/// @brief Every per-case quantity of an outcome row, each held as `Form::of<its row type>`.
/// The row types are those of case_outcome; other forms hold the same quantities compactly
/// (outcome_columns: one column each; the computation: day numbers and band indices). Strings
/// among the quantities are band labels (columns hold an index into their `bands`). Described
/// inside the class because it is a template; generic code walks it with for_each_quantity().
template <class Form>
struct basic_outcome_quantities {
  /// @brief How this form holds a quantity of row type T.
  template <class T>
  using of = typename Form::template of<T>;
  /// @brief This type, for generic code given a type derived from it.
  using quantities = basic_outcome_quantities;

  of<std::optional<not_computed>> status;                  ///< why baseline/endpoint quantities are missing
  of<std::optional<int>> baseline;                         ///< baseline total
  of<std::optional<date>> baseline_date;                   ///< its date
  of<std::optional<std::string>> baseline_band;            ///< its severity band
  of<std::optional<int>> endpoint;                         ///< endpoint total (LOCF within the acute course)
  of<std::optional<date>> endpoint_date;                   ///< its date
  of<std::optional<std::string>> endpoint_band;            ///< its severity band
  of<std::optional<int>> change;                           ///< endpoint - baseline
  of<std::optional<double>> percent_change;                ///< 100 x change / baseline
  of<std::optional<not_computed>> percent_change_reason;   ///< why percent_change is missing
  of<std::optional<bool>> response;                        ///< endpoint <= 0.5 x baseline
  of<std::optional<not_computed>> response_reason;         ///< why response is missing
  of<std::optional<bool>> remission;                       ///< endpoint at or below the remission cut-off
  of<std::optional<not_computed>> remission_reason;        ///< why remission is missing
  of<std::optional<double>> rci;                           ///< Jacobson-Truax reliable change index
  of<std::optional<bool>> reliable_improvement;            ///< change reliably better
  of<std::optional<bool>> reliable_deterioration;          ///< change reliably worse
  of<std::optional<not_computed>> reliable_change_reason;  ///< why reliable change is missing
  of<std::optional<bool>> baseline_caseness;               ///< at caseness at baseline
  of<std::optional<bool>> endpoint_caseness;               ///< at caseness at endpoint
  of<std::optional<not_computed>> caseness_reason;         ///< why caseness is missing
  of<std::optional<bool>> recovery;                        ///< finished treatment, a case at baseline, not at endpoint
  of<std::optional<bool>> reliable_recovery;               ///< recovery and reliable improvement
  of<std::optional<not_computed>> recovery_reason;         ///< why recovery is missing
  of<std::optional<date>> remission_date;                  ///< first assessment after the baseline at or below the remission cut-off
  of<std::optional<date>> sustained_remission_date;        ///< when a remission had held for the recovery period
  of<std::optional<bool>> relapse_rule_fired;              ///< the maintenance relapse rule fired
  of<std::optional<date>> relapse_date;                    ///< the date it first fired
  of<std::optional<iptkit::relapse_kind>> relapse_kind;    ///< relapse, recurrence or no remission
  of<std::optional<int>> relapse_days;                     ///< days from the last acute session to the firing, or to the last assessment
  of<std::optional<bool>> relapse_censored;                ///< the rule never fired: relapse_days ends at the last assessment
  of<std::optional<not_computed>> relapse_reason;          ///< why the relapse quantities are missing
  of<int> sessions_attended{};                             ///< attended acute sessions
  of<int> sessions_cancelled{};                            ///< cancelled acute sessions
  of<int> sessions_no_show{};                              ///< missed acute sessions
  of<bool> completer{};                                    ///< attended a termination-phase session
  of<bool> finished_treatment{};                           ///< at least 2 attended acute sessions

  friend bool operator==(const basic_outcome_quantities&, const basic_outcome_quantities&) = default;

  BOOST_DESCRIBE_CLASS(basic_outcome_quantities, (),
                       (status, baseline, baseline_date, baseline_band, endpoint, endpoint_date,
                        endpoint_band, change, percent_change, percent_change_reason, response,
                        response_reason, remission, remission_reason, rci, reliable_improvement,
                        reliable_deterioration, reliable_change_reason, baseline_caseness,
                        endpoint_caseness, caseness_reason, recovery, reliable_recovery,
                        recovery_reason, remission_date, sustained_remission_date, relapse_rule_fired,
                        relapse_date, relapse_kind, relapse_days, relapse_censored, relapse_reason,
                        sessions_attended, sessions_cancelled, sessions_no_show, completer,
                        finished_treatment),
                       (), ())
};

/// @brief The quantities as case_outcome holds them.
using outcome_quantities = basic_outcome_quantities<outcome_row_form>;

/// @brief The row type (in outcome_quantities) of the quantity a descriptor from
/// for_each_quantity() names.
template <class D>
using quantity_t = std::remove_cvref_t<decltype(std::declval<outcome_quantities&>().*D::pointer)>;

namespace detail {

/// @brief The descriptors of the quantities of Q (a basic_outcome_quantities, or derived from one).
template <class Q>
using quantity_members =
    boost::describe::describe_members<typename std::remove_cvref_t<Q>::quantities, boost::describe::mod_public>;

// Always inlined (as is the walk below): out of line, the caller's closure would live in memory,
// and every store to a char-sized column could alias it and force it to be read again.
template <std::size_t I, class F, class... Q>
[[gnu::always_inline]] constexpr void quantity_at(F& f, Q&... q) {
  f(boost::mp11::mp_at_c<quantity_members<outcome_quantities>, I>{},
    (q.*boost::mp11::mp_at_c<quantity_members<Q>, I>::pointer)...);
}

template <class F, std::size_t... I, class... Q>
[[gnu::always_inline]] constexpr void each_quantity(std::index_sequence<I...>, F& f, Q&... q) {
  (quantity_at<I>(f, q...), ...);
}

}  // namespace detail

/// @brief Calls `f(D, q.x...)` for every quantity x in declaration order. D is x's descriptor in
/// outcome_quantities (`D::name`; quantity_t<D> is its row type); each q is a
/// basic_outcome_quantities of any form, or derived from one, and gives its own x. The walk is
/// unrolled and inlined at compile time: per-row code costs what a hand-written member list did.
template <class F, class... Q>
[[gnu::always_inline]] constexpr void for_each_quantity(F&& f, Q&&... q) {
  constexpr std::size_t n = boost::mp11::mp_size<detail::quantity_members<outcome_quantities>>::value;
  detail::each_quantity(std::make_index_sequence<n>{}, f, q...);
}

}  // namespace iptkit
