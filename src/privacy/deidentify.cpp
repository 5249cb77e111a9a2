#include <iptkit/privacy/deidentify.hpp>

#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/pointer_order.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <iptkit/model/date.hpp>
#include <boost/mp11/algorithm.hpp>
#include <algorithm>
#include <array>
#include <map>
#include <stdexcept>
#include <type_traits>
#include <variant>

namespace iptkit {

namespace {

constexpr std::size_t max_prefix = 56;  // + 8 code characters = the 64 a case_id may hold

bool id_char(char ch) noexcept {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
         ch == '.' || ch == '_' || ch == '-';
}

std::string kind_spelling(relationship_kind kind) {
  const auto name = meta::enum_name(kind);
  return name.empty() ? std::string("relationship") : std::string(name);
}

/// Walks a case through its description and applies the text policies and the date shift.
/// Dates are found by type, so a date field added to the model later is shifted too; text
/// members go by text_policy_of, which the guard in text_policy.hpp keeps complete.
class walker {
 public:
  walker(std::string study_code, std::optional<int> shift, deid_random& rng, deid_mapping& mapping,
         std::vector<deid_change>& changes)
      : study_code_(std::move(study_code)), shift_(shift), rng_(rng), mapping_(mapping), changes_(changes) {}

  /// New ids for the inventory, numbered per kind in inventory order (the labels use the same
  /// numbers). A repeated id keeps its first relationship's new id, so F011 still fires.
  void number_relationships(const case_record& c) {
    if (!c.inventory) return;
    std::array<int, meta::enum_size<relationship_kind>> seen{};
    for (const auto& r : c.inventory->relationships) {
      const int n = ++seen[static_cast<std::size_t>(r.kind) % seen.size()];
      ids_.try_emplace(r.id, kind_spelling(r.kind) + "_" + std::to_string(n));
    }
  }

  template <class T>
  void walk_struct(T& v) {
    boost::mp11::mp_for_each<meta::members_of<T>>([&](auto D) {
      auto& m = v.*D.pointer;
      using M = std::remove_cvref_t<decltype(m)>;
      const std::size_t mark = path_.size();
      path_ += '/';
      path_ += D.name;
      if constexpr (holds_text<M>()) {
        constexpr text_policy policy = text_policy_of<decltype(D)::pointer>;
        static_assert(policy != text_policy::unclassified,
                      "iptkit: classify this text member in privacy/text_policy.hpp");
        apply<policy>(v, m);
      } else {
        walk_value(m);
      }
      path_.resize(mark);
    });
  }

 private:
  template <class M>
  void walk_value(M& m) {
    if constexpr (std::is_same_v<M, date>) {
      // A date without a valid year and month is not a date sys_days can move; the reader never
      // makes one.
      if (shift_ && m.year().ok() && m.month().ok()) {
        m = add_days(m, *shift_);
        record(deid_action::shifted_date);
      }
    } else if constexpr (meta::is_optional_v<M>) {
      if (m) walk_value(*m);
    } else if constexpr (meta::is_vector_v<M>) {
      for (std::size_t i = 0; i < m.size(); ++i) {
        const std::size_t mark = path_.size();
        path_ += '/';
        path_ += std::to_string(i);
        walk_value(m[i]);
        path_.resize(mark);
      }
    } else if constexpr (meta::is_variant_v<M>) {
      std::visit([&](auto& alt) { walk_struct(alt); }, m);
    } else if constexpr (meta::is_described_struct_v<M>) {
      walk_struct(m);
    }
    // Numbers, booleans and enums carry no text and no date; age is capped by deidentify().
  }

  template <text_policy Policy, class T, class M>
  void apply([[maybe_unused]] const T& owner, M& m) {
    if constexpr (Policy == text_policy::keep) {
      return;
    } else if constexpr (Policy == text_policy::remove) {
      if constexpr (std::is_same_v<M, std::string>) {
        m = removed_text;  // required by the case format: a placeholder keeps the document valid
        record(deid_action::replaced_text);
      } else {
        static_assert(meta::is_optional_v<M> || meta::is_vector_v<M>, "unsupported text shape");
        bool present = false;
        if constexpr (meta::is_optional_v<M>) present = m.has_value();
        else present = !m.empty();
        if (present) {
          m = M{};
          record(deid_action::removed_text);
        }
      }
    } else if constexpr (Policy == text_policy::relationship_label) {
      static_assert(std::is_same_v<T, relationship> && std::is_same_v<M, std::string>,
                    "a relationship label is relationship::label");
      const auto k = static_cast<std::size_t>(owner.kind) % labels_seen_.size();
      m = kind_spelling(owner.kind) + " " + std::to_string(++labels_seen_[k]);
      record(deid_action::replaced_label);
    } else {
      each_string(m, [&](std::string& s) {
        if constexpr (Policy == text_policy::case_id) {
          s = study_code_;
          record(deid_action::replaced_case_id);
        } else if constexpr (Policy == text_policy::therapist_id || Policy == text_policy::group_id) {
          constexpr bool therapist = Policy == text_policy::therapist_id;
          const std::string code = rng_.pseudonym(therapist ? "T" : "G", s);
          const deid_pseudonym entry{therapist ? "therapist_id" : "group_id", code, s};
          auto& known = mapping_.pseudonyms;
          if (std::find(known.begin(), known.end(), entry) == known.end()) known.push_back(entry);
          s = code;
          record(therapist ? deid_action::replaced_therapist_id : deid_action::replaced_group_id);
        } else if constexpr (Policy == text_policy::relationship_id) {
          s = reference(s);  // number_relationships() gave every inventory id a new one
          record(deid_action::replaced_relationship_id);
        } else {
          static_assert(Policy == text_policy::relationship_ref, "unhandled text_policy");
          s = reference(s);
          record(deid_action::rewrote_reference);
        }
      });
    }
  }

  /// Calls f on the string, the optional's string, or each list element (with its index in the path).
  template <class M, class F>
  void each_string(M& m, F&& f) {
    if constexpr (std::is_same_v<M, std::string>) {
      f(m);
    } else if constexpr (meta::is_optional_v<M>) {
      if (m) each_string(*m, f);
    } else if constexpr (meta::is_vector_v<M>) {
      for (std::size_t i = 0; i < m.size(); ++i) {
        const std::size_t mark = path_.size();
        path_ += '/';
        path_ += std::to_string(i);
        each_string(m[i], f);
        path_.resize(mark);
      }
    } else {
      static_assert(sizeof(M) == 0, "unsupported text shape");
    }
  }

  /// The new id a reference points at; one naming no relationship gets `unlisted_<n>` (the same
  /// n for the same text), so it still names nothing and F006 still fires.
  std::string reference(const std::string& old) {
    if (const auto it = ids_.find(old); it != ids_.end()) return it->second;
    return unlisted_.try_emplace(old, "unlisted_" + std::to_string(unlisted_.size() + 1))
        .first->second;
  }

  void record(deid_action action) { changes_.push_back({path_, action}); }

  std::string study_code_;
  std::optional<int> shift_;
  deid_random& rng_;
  deid_mapping& mapping_;
  std::vector<deid_change>& changes_;
  std::string path_;
  std::map<std::string, std::string> ids_;       // original id -> `<kind>_<n>`
  std::map<std::string, std::string> unlisted_;  // dangling reference -> `unlisted_<n>`
  std::array<int, meta::enum_size<relationship_kind>> labels_seen_{};
};

}  // namespace

std::vector<std::string> deidentify_option_errors(const deidentify_options& options) {
  std::vector<std::string> errors;
  const auto& p = options.code_prefix;
  if (!std::all_of(p.begin(), p.end(), id_char))
    errors.push_back("code_prefix may hold only A-Z a-z 0-9 . _ - (a study code is a case_id)");
  if (p.size() > max_prefix)
    errors.push_back("code_prefix is longer than " + std::to_string(max_prefix) +
                     " characters (a study code is at most 64)");
  return errors;
}

deidentified deidentify(const case_record& c, deid_random& rng, const deidentify_options& options) {
  if (const auto errors = deidentify_option_errors(options); !errors.empty()) {
    std::string message = "iptkit::deidentify: invalid options:";
    for (const auto& e : errors) message += " " + e + ";";
    throw std::invalid_argument(message);
  }
  deidentified out{c, {}, {}};
  // Both draws happen whatever the options, so a seed gives the same codes with shift or keep.
  out.mapping.study_code = rng.study_code(options.code_prefix);
  out.mapping.case_id = c.case_id;
  const int offset = rng.date_offset();
  const bool shift = options.dates == date_handling::shift;
  out.mapping.date_shift_days = shift ? offset : 0;
  out.report.study_code = out.mapping.study_code;
  out.report.dates = options.dates;

  auto& changes = out.report.changes;
  walker w(out.mapping.study_code, shift ? std::optional<int>(offset) : std::nullopt, rng, out.mapping, changes);
  w.number_relationships(c);
  w.walk_struct(out.value);
  if (out.value.age_at_intake && *out.value.age_at_intake > age_cap) {  // 90 itself stays
    out.value.age_at_intake = age_cap;
    changes.push_back({"/age_at_intake", deid_action::capped_age});
  }
  std::stable_sort(changes.begin(), changes.end(), [](const deid_change& a, const deid_change& b) {
    return meta::order_key<case_record>(a.path) < meta::order_key<case_record>(b.path);
  });
  return out;
}

std::vector<deidentified> deidentify(std::span<const case_record> cases, deid_random& rng,
                                     const deidentify_options& options) {
  std::vector<deidentified> out;
  out.reserve(cases.size());
  for (const auto& c : cases) out.push_back(deidentify(c, rng, options));
  return out;
}

}  // namespace iptkit
