#pragma once
/// @file
/// @brief Internal: the one-pass reader. It fills a described type straight from the events of
/// `boost::json::basic_parser` (no DOM), driven by tables built from the Boost.Describe metadata.
///
/// It reports no errors. On the first thing a valid document cannot contain (a syntax error, an
/// unknown or repeated key, a wrong type, a bad enum or date, a failed constraint, a missing
/// required field, a variant whose tag is not its object's first key, a number out of range, the
/// depth limit) it gives up, and read_json() reads the text again with the DOM + walk reader,
/// which produces the complete error list. A document it accepts is one the DOM reader accepts with
/// the same value; tests/test_read_fast.cpp checks both directions.

#include <iptkit/json/detail/read_value.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <iptkit/model/date.hpp>
#include <iptkit/model/protocol_registry.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace iptkit::json::detail {

class fast_reader;

// ---- constraints as predicates (shared with the DOM reader's checks, so the two agree) --------

/// @brief True when the value satisfies the constraint (the DOM reader reports it otherwise).
inline bool satisfies(const meta::in_range& r, std::int64_t value) noexcept {
  return value >= r.min && value <= r.max;
}
/// @copydoc satisfies(const meta::in_range&, std::int64_t)
inline bool satisfies(const meta::real_range& r, double value) noexcept {
  return value >= r.min && value <= r.max;
}
/// @copydoc satisfies(const meta::in_range&, std::int64_t)
bool satisfies(const meta::identifier& r, std::string_view value) noexcept;
/// @copydoc satisfies(const meta::in_range&, std::int64_t)
inline bool satisfies(const meta::non_empty&, std::string_view value) noexcept { return !value.empty(); }
/// @copydoc satisfies(const meta::in_range&, std::int64_t)
inline bool satisfies(const meta::schema_version& r, std::string_view value) noexcept {
  return value == r.value;
}
/// @brief True when `value` names a protocol of `protocols` (nullptr: the built-in registry).
inline bool satisfies(const meta::registered_protocol&, std::string_view value,
                      const protocol_registry* protocols) {
  return or_builtin(protocols).find(value) != nullptr;
}
/// @brief True when no two elements share the key member.
template <auto Member, class S>
bool satisfies(const meta::unique_by<Member>&, const std::vector<S>& list) {
  if (list.size() <= 32) {
    for (std::size_t i = 1; i < list.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (list[i].*Member == list[j].*Member) return false;
    return true;
  }
  std::vector<std::string_view> keys;
  keys.reserve(list.size());
  for (const auto& e : list) keys.emplace_back(e.*Member);
  std::sort(keys.begin(), keys.end());
  return std::adjacent_find(keys.begin(), keys.end()) == keys.end();
}

/// @brief One field constraint on a member's value, as the DOM reader applies it (absent
/// optionals pass, `in_range` on a non-integer and `has_default` always pass).
template <class C, class V>
bool satisfies_constraint(const C& constraint, const V& value, const protocol_registry* protocols) {
  if constexpr (meta::is_optional_v<V>) {
    return !value || satisfies_constraint(constraint, *value, protocols);
  } else if constexpr (std::is_same_v<C, meta::in_range>) {
    if constexpr (meta::is_integer_v<V>) return satisfies(constraint, static_cast<std::int64_t>(value));
    else return true;
  } else if constexpr (std::is_same_v<C, meta::real_range>) {
    return satisfies(constraint, static_cast<double>(value));
  } else if constexpr (std::is_same_v<C, meta::has_default>) {
    return true;
  } else if constexpr (std::is_same_v<C, meta::registered_protocol>) {
    return satisfies(constraint, value, protocols);
  } else {
    return satisfies(constraint, value);
  }
}

/// @brief Whole-object rules (the DOM reader's check_object) on a complete, valid object.
template <class T, class A, class B>
bool satisfies_object(const meta::one_of_required<A, B>& r, const T& o) {
  const auto present = [](const auto& m) {
    if constexpr (meta::is_vector_v<std::remove_cvref_t<decltype(m)>>) return !m.empty();
    else return m.has_value();
  };
  return present(o.*r.first) || present(o.*r.second);
}
template <class T, class A, class B>
bool satisfies_object(const meta::not_below<A, B>& r, const T& o) {
  return o.*r.upper >= o.*r.lower;
}

// ---- names ---------------------------------------------------------------------------------------

/// @brief Equal strings, compared in words (possibly overlapping) rather than bytes or through a
/// memcmp call: keys and enum spellings are short. Reads only within both strings.
inline bool same_text(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  const auto word = [](const char* s) {
    std::uint64_t w;
    std::memcpy(&w, s, sizeof w);
    return w;
  };
  const auto half = [](const char* s) {
    std::uint32_t w;
    std::memcpy(&w, s, sizeof w);
    return w;
  };
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8)
      if (word(p + i) != word(q + i)) return false;
    return word(p + n - 8) == word(q + n - 8);
  }
  if (n >= 4) return half(p) == half(q) && half(p + n - 4) == half(q + n - 4);
  return n == 0 || (p[0] == q[0] && p[n / 2] == q[n / 2] && p[n - 1] == q[n - 1]);
}

template <class E>
struct enum_entry {
  std::string_view name;
  E value;
};

template <class E>
constexpr auto make_enum_table() {
  std::array<enum_entry<E>, meta::enum_size<E>> out{};
  std::size_t i = 0;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>(
      [&](auto D) { out[i++] = {meta::spelling(D.name), D.value}; });
  return out;
}

/// @brief The spellings of a described enum, in declaration order.
template <class E>
inline constexpr auto enum_table = make_enum_table<E>();

/// @brief meta::enum_from_name, with the first and last characters compared before the rest.
template <class E>
bool enum_lookup(std::string_view s, E& out) noexcept {
  if (s.empty()) return false;
  for (const auto& e : enum_table<E>) {
    if (e.name.size() == s.size() && e.name[0] == s[0] && e.name.back() == s.back() && same_text(e.name, s)) {
      out = e.value;
      return true;
    }
  }
  return false;
}

// ---- what each C++ type does with each JSON token ----------------------------------------------

/// @brief How one C++ type takes each kind of JSON token; a null entry (or false) gives up.
/// `string` gets a string in one or more parts (`first`, `last`): parts arrive only around
/// escapes.
struct value_ops {
  bool (*object_begin)(fast_reader&, void* target);
  bool (*array_begin)(fast_reader&, void* target);
  bool (*string)(fast_reader&, void* target, std::string_view text, bool first, bool last);
  bool (*int64)(void* target, std::int64_t);
  bool (*uint64)(void* target, std::uint64_t);
  bool (*real)(void* target, double);
  bool (*boolean)(void* target, bool);
  bool (*null)(void* target);
};

/// @brief One member of a described struct: its JSON name, where it is, how it reads.
struct member_entry {
  std::string_view name;
  void* (*address)(void* object);
  const value_ops* ops;
};

/// @brief A described struct: its members in declaration order (the canonical writer's order,
/// which lookups try first), which of them are required, and its constraint check.
struct struct_table {
  const member_entry* members;
  std::uint32_t size;
  std::uint64_t required;  ///< bit i: member i must be given (and not null)
  /// @brief Field constraints of the members with a value (bit i of `valued`) and object rules;
  /// nullptr when the type has none.
  bool (*check)(const fast_reader&, const void* object, std::uint64_t valued);
};

/// @brief A variant of described structs told apart by a tag key (meta::variant_tag).
struct variant_table {
  std::string_view key;
  /// @brief Selects the alternative named `tag` and makes the top frame fill it.
  bool (*select)(fast_reader&, void* variant, std::string_view tag);
};

/// @brief The state of one parse: a stack of frames, each knowing the C++ object it fills.
/// The SAX callbacks (src/json/read_fast.cpp) are what basic_parser drives.
class fast_reader {
 public:
  /// @brief Limits of the DOM reader's handler, so that the fast path accepts no more than it.
  static constexpr std::size_t max_object_size = boost::json::object::max_size();
  static constexpr std::size_t max_array_size = boost::json::array::max_size();
  static constexpr std::size_t max_key_size = boost::json::string::max_size();
  static constexpr std::size_t max_string_size = boost::json::string::max_size();

  fast_reader(void* root, const value_ops& root_ops, const read_options& options, text_kind kind,
              const protocol_registry* protocols) noexcept
      : root_(root), root_ops_(&root_ops), protocols_(protocols),
        max_string_(options.max_string_bytes), max_list_(options.max_list_length),
        cases_unlimited_(kind == text_kind::cohort_array) {}

  /// @brief The registry `registered_protocol` fields are checked against (nullptr: built-in).
  [[nodiscard]] const protocol_registry* protocols() const noexcept { return protocols_; }

  /// @brief The whole text of a string that may come in parts: `text` itself when it came in
  /// one piece, else the parts gathered so far (complete when `last`).
  std::string_view gather(std::string_view text, bool first, bool last) {
    if (first && last) return text;
    if (first) scratch_.assign(text.data(), text.size());
    else scratch_.append(text.data(), text.size());
    return scratch_;
  }

  /// @brief Starts filling a described struct.
  bool push_object(void* object, const struct_table& table) noexcept {
    if (depth_ == frames_.size()) return false;
    frames_[depth_++] = frame{frame_kind::object, object, &table, nullptr, nullptr, nullptr};
    return true;
  }
  /// @brief Starts filling a vector whose elements `emplace` appends.
  bool push_array(void* vector, const value_ops& element, void* (*emplace)(void*)) noexcept {
    if (depth_ == frames_.size()) return false;
    frames_[depth_++] = frame{frame_kind::array, vector, nullptr, &element, emplace, nullptr};
    return true;
  }
  /// @brief Starts filling a vector of scalars: elements are gathered in the reader and handed to
  /// `append` (as an array of `size`-byte elements) when the buffer is full and at the end.
  bool push_staged_array(void* vector, const value_ops& element, std::size_t size,
                         void (*append)(void*, const void*, std::size_t)) noexcept {
    if (depth_ == frames_.size()) return false;
    frames_[depth_++] = frame{frame_kind::array, vector, nullptr, &element, nullptr, nullptr, append, size};
    staged_ = 0;
    return true;
  }
  /// @brief Starts filling a tagged variant: its first key must be the tag.
  bool push_variant(void* variant, const variant_table& table) noexcept {
    if (depth_ == frames_.size()) return false;
    frames_[depth_++] = frame{frame_kind::variant, variant, nullptr, nullptr, nullptr, &table};
    return true;
  }
  /// @brief Selects the alternative of the variant being filled whose tag is spelled `tag`.
  bool select_variant(void* variant, std::string_view tag);
  /// @brief Turns the top (variant) frame into the frame of its selected alternative.
  void become_object(void* object, const struct_table& table) noexcept {
    frames_[depth_ - 1] = frame{frame_kind::object, object, &table, nullptr, nullptr, nullptr};
  }

  // The basic_parser handler interface (defined in src/json/read_fast.cpp).
  bool on_document_begin(boost::json::error_code&) { return true; }
  bool on_document_end(boost::json::error_code&) { return true; }
  bool on_object_begin(boost::json::error_code&);
  bool on_object_end(std::size_t, boost::json::error_code&);
  bool on_array_begin(boost::json::error_code&);
  bool on_array_end(std::size_t, boost::json::error_code&);
  bool on_key_part(std::string_view, std::size_t, boost::json::error_code&);
  bool on_key(std::string_view, std::size_t, boost::json::error_code&);
  bool on_string_part(std::string_view, std::size_t, boost::json::error_code&);
  bool on_string(std::string_view, std::size_t, boost::json::error_code&);
  bool on_number_part(std::string_view, boost::json::error_code&) { return true; }
  bool on_int64(std::int64_t, std::string_view, boost::json::error_code&);
  bool on_uint64(std::uint64_t, std::string_view, boost::json::error_code&);
  bool on_double(double, std::string_view, boost::json::error_code&);
  bool on_bool(bool, boost::json::error_code&);
  bool on_null(boost::json::error_code&);
  bool on_comment_part(std::string_view, boost::json::error_code&) { return false; }
  bool on_comment(std::string_view, boost::json::error_code&) { return false; }

 private:
  enum class frame_kind : std::uint8_t { object, array, variant };
  struct frame {
    frame_kind kind;
    void* target;                      // the struct, vector or variant being filled
    const struct_table* table;         // object
    const value_ops* element;          // array
    void* (*emplace)(void*);           // array
    const variant_table* variant;      // variant (until its tag selects an alternative)
    void (*append)(void*, const void*, std::size_t) = nullptr;  // staged array
    std::size_t element_size = 0;      // staged array
    std::uint64_t seen = 0;            // object: members given (null included)
    std::uint64_t valued = 0;          // object: members given a value (not null)
    std::uint32_t hint = 0;            // object: where the next key is looked for first
    std::size_t count = 0;             // elements or keys so far
  };
  struct slot {
    void* target;
    const value_ops* ops;
  };

  bool next_slot(slot& s);
  bool key(std::string_view k) noexcept;
  // Within read_options' limits: anything beyond goes to the DOM reader, which reports it.
  [[nodiscard]] bool fits(std::size_t string_bytes) const noexcept { return string_bytes <= max_string_; }

  // Deeper than any described type nests; a deeper document is invalid (or left to the DOM path).
  std::array<frame, 32> frames_;
  std::size_t depth_ = 0;
  void* root_;
  const value_ops* root_ops_;
  bool root_taken_ = false;
  const protocol_registry* protocols_;
  std::size_t max_string_;
  std::size_t max_list_;
  bool cases_unlimited_;       // the root is a cohort's array of cases (max_cohort_bytes only)
  slot member_{};              // the member the last key selected
  bool member_required_ = false;
  std::uint64_t member_bit_ = 0;
  slot string_{};              // the target of a string arriving in parts
  bool in_string_ = false;
  alignas(8) std::byte stage_[512];  // the elements of the scalar list being read
  std::size_t staged_ = 0;     // bytes used in stage_
  std::string key_;            // a key arriving in parts
  std::string scratch_;        // an enum or date arriving in parts
};

/// @brief Parses `text` (a text of `kind`) into `root` through `root_ops`; false (with `root`
/// partly filled) at the first thing a valid document within the limits of `options` cannot
/// contain.
bool read_fast(std::string_view text, const read_options& options, text_kind kind, void* root,
               const value_ops& root_ops, const protocol_registry* protocols);

// ---- the tables, generated from the descriptions ------------------------------------------------

template <class T>
constexpr value_ops make_ops();

/// @brief The kinds of JSON value a C++ type accepts (what its value_ops handle).
enum token_kinds : unsigned {
  object_token = 1, array_token = 2, string_token = 4, integer_token = 8, real_token = 16,
  bool_token = 32, null_token = 64
};

template <class T>
constexpr unsigned tokens_of() {
  if constexpr (std::is_same_v<T, bool>) return bool_token;
  else if constexpr (meta::is_integer_v<T>) return integer_token;
  else if constexpr (std::is_floating_point_v<T>) return integer_token | real_token;
  else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, date> ||
                     meta::is_described_enum_v<T>) return string_token;
  else if constexpr (meta::is_optional_v<T>) return tokens_of<typename T::value_type>() | null_token;
  else if constexpr (meta::is_vector_v<T>) return array_token | null_token;
  else return object_token;  // variants and described structs
}

/// @brief Element types of lists gathered in the reader's buffer: scalars that a token sets whole.
template <class T>
inline constexpr bool stageable_v =
    (meta::is_integer_v<T> || std::is_floating_point_v<T> || meta::is_described_enum_v<T> ||
     std::is_same_v<T, date>) && sizeof(T) <= 8 && alignof(T) <= 8 && std::is_trivially_copyable_v<T>;

/// @brief The token handlers of T (one constant per type, no initialisation at run time).
template <class T>
inline constexpr value_ops ops_of = make_ops<T>();

template <class T, auto Pointer>
void* member_address(void* object) {
  return &(static_cast<T*>(object)->*Pointer);
}

template <class T>
constexpr auto make_members() {
  using L = meta::members_of<T>;
  std::array<member_entry, boost::mp11::mp_size<L>::value> out{};
  std::size_t i = 0;
  boost::mp11::mp_for_each<L>([&](auto D) {
    using M = std::remove_cvref_t<decltype(std::declval<T&>().*D.pointer)>;
    out[i++] = member_entry{D.name, &member_address<T, decltype(D)::pointer>, &ops_of<M>};
  });
  return out;
}

template <class T>
inline constexpr auto members_table = make_members<T>();

template <class T>
constexpr std::uint64_t required_mask() {
  std::uint64_t mask = 0;
  std::size_t i = 0;
  boost::mp11::mp_for_each<meta::members_of<T>>([&](auto D) {
    if (is_required<T, decltype(D)>()) mask |= std::uint64_t{1} << i;  // the DOM reader's rule
    ++i;
  });
  return mask;
}

template <class T>
constexpr bool has_checks() {
  return std::tuple_size_v<std::remove_cvref_t<decltype(meta::field_rules<T>)>> != 0 ||
         std::tuple_size_v<std::remove_cvref_t<decltype(meta::object_rules<T>)>> != 0;
}

template <class T>
bool check_struct(const fast_reader& r, const void* object, std::uint64_t valued) {
  const T& o = *static_cast<const T*>(object);
  bool ok = true;
  std::size_t i = 0;
  boost::mp11::mp_for_each<meta::members_of<T>>([&](auto D) {
    if (ok && (valued >> i & 1))
      meta::for_each_constraint<T, decltype(D)::pointer>([&](const auto& constraint) {
        ok = ok && satisfies_constraint(constraint, o.*D.pointer, r.protocols());
      });
    ++i;
  });
  if (ok)
    std::apply([&](const auto&... rule) { ok = (satisfies_object(rule, o) && ...); },
               meta::object_rules<T>);
  return ok;
}

/// @brief The member table of a described struct.
template <class T>
inline constexpr struct_table struct_table_of = {
    members_table<T>.data(), static_cast<std::uint32_t>(members_table<T>.size()), required_mask<T>(),
    has_checks<T>() ? &check_struct<T> : nullptr};

template <class V, std::size_t... I>
bool select_alternative(fast_reader& r, void* target, std::string_view text,
                        std::index_sequence<I...>) {
  using tag_type = std::remove_cvref_t<decltype(std::variant_alternative_t<0, V>::tag)>;
  tag_type tag{};
  if (!enum_lookup(text, tag)) return false;
  auto& v = *static_cast<V*>(target);
  bool matched = false;
  (
      [&] {
        using A = std::variant_alternative_t<I, V>;
        if (!matched && A::tag == tag) {
          matched = true;
          r.become_object(&v.template emplace<I>(), struct_table_of<A>);
        }
      }(),
      ...);
  return matched;
}

/// @brief The tag table of a variant of described structs.
template <class V>
inline constexpr variant_table variant_table_of = {
    meta::variant_tag<V>::key, [](fast_reader& r, void* target, std::string_view text) {
      return select_alternative<V>(r, target, text,
                                   std::make_index_sequence<std::variant_size_v<V>>{});
    }};

template <class T>
constexpr value_ops make_ops() {
  value_ops ops{};
  if constexpr (std::is_same_v<T, bool>) {
    ops.boolean = [](void* t, bool b) { *static_cast<T*>(t) = b; return true; };
  } else if constexpr (meta::is_integer_v<T>) {
    ops.int64 = [](void* t, std::int64_t i) {
      if (!std::in_range<T>(i)) return false;
      *static_cast<T*>(t) = static_cast<T>(i);
      return true;
    };
    ops.uint64 = [](void* t, std::uint64_t u) {
      if (!std::in_range<T>(u)) return false;
      *static_cast<T*>(t) = static_cast<T>(u);
      return true;
    };
  } else if constexpr (std::is_floating_point_v<T>) {
    ops.int64 = [](void* t, std::int64_t i) { *static_cast<T*>(t) = static_cast<T>(i); return true; };
    ops.uint64 = [](void* t, std::uint64_t u) { *static_cast<T*>(t) = static_cast<T>(u); return true; };
    ops.real = [](void* t, double d) {
      if (!std::isfinite(d)) return false;  // 1e400: the DOM reader says it overflows
      *static_cast<T*>(t) = static_cast<T>(d);
      return true;
    };
  } else if constexpr (std::is_same_v<T, std::string>) {
    ops.string = [](fast_reader&, void* t, std::string_view s, bool first, bool) {
      auto& out = *static_cast<std::string*>(t);
      if (first) out.assign(s.data(), s.size());
      else out.append(s.data(), s.size());
      return true;
    };
  } else if constexpr (std::is_same_v<T, date>) {
    ops.string = [](fast_reader& r, void* t, std::string_view s, bool first, bool last) {
      s = r.gather(s, first, last);
      if (!last) return true;
      const auto d = parse_date(s);
      if (!d) return false;
      *static_cast<date*>(t) = *d;
      return true;
    };
  } else if constexpr (meta::is_described_enum_v<T>) {
    ops.string = [](fast_reader& r, void* t, std::string_view s, bool first, bool last) {
      s = r.gather(s, first, last);
      return !last || enum_lookup(s, *static_cast<T*>(t));
    };
  } else if constexpr (meta::is_optional_v<T>) {
    // A value engages the optional (value-initialised, as the DOM reader's `inner{}`) and goes on
    // to the inner type; null resets it.
    using U = typename T::value_type;
    constexpr unsigned inner = tokens_of<U>();
    if constexpr (inner & object_token)
      ops.object_begin = [](fast_reader& r, void* t) {
        return ops_of<U>.object_begin(r, &static_cast<T*>(t)->emplace());
      };
    if constexpr (inner & array_token)
      ops.array_begin = [](fast_reader& r, void* t) {
        return ops_of<U>.array_begin(r, &static_cast<T*>(t)->emplace());
      };
    if constexpr (inner & string_token)
      ops.string = [](fast_reader& r, void* t, std::string_view s, bool first, bool last) {
        auto& o = *static_cast<T*>(t);
        if (first) o.emplace();
        return ops_of<U>.string(r, &*o, s, first, last);
      };
    if constexpr (inner & integer_token) {
      ops.int64 = [](void* t, std::int64_t i) { return ops_of<U>.int64(&static_cast<T*>(t)->emplace(), i); };
      ops.uint64 = [](void* t, std::uint64_t u) { return ops_of<U>.uint64(&static_cast<T*>(t)->emplace(), u); };
    }
    if constexpr (inner & real_token)
      ops.real = [](void* t, double d) { return ops_of<U>.real(&static_cast<T*>(t)->emplace(), d); };
    if constexpr (inner & bool_token)
      ops.boolean = [](void* t, bool b) { return ops_of<U>.boolean(&static_cast<T*>(t)->emplace(), b); };
    ops.null = [](void* t) { static_cast<T*>(t)->reset(); return true; };
  } else if constexpr (meta::is_vector_v<T>) {
    using U = typename T::value_type;
    static_assert(!std::is_same_v<U, bool>, "iptkit: std::vector<bool> is not readable");
    if constexpr (stageable_v<U>) {
      // Scalars are gathered in the reader and appended at the end: one allocation per list.
      ops.array_begin = [](fast_reader& r, void* t) {
        static_cast<T*>(t)->clear();
        return r.push_staged_array(t, ops_of<U>, sizeof(U), [](void* v, const void* data, std::size_t n) {
          const U* first = static_cast<const U*>(data);
          auto& vec = *static_cast<T*>(v);
          vec.insert(vec.end(), first, first + n);
        });
      };
    } else {
      // Other elements (objects, strings, lists) are filled in place, value-initialised first.
      ops.array_begin = [](fast_reader& r, void* t) {
        static_cast<T*>(t)->clear();
        return r.push_array(t, ops_of<U>, [](void* v) -> void* { return &static_cast<T*>(v)->emplace_back(); });
      };
    }
    ops.null = [](void* t) { static_cast<T*>(t)->clear(); return true; };
  } else if constexpr (meta::is_variant_v<T>) {
    ops.object_begin = [](fast_reader& r, void* t) { return r.push_variant(t, variant_table_of<T>); };
  } else if constexpr (meta::is_described_struct_v<T>) {
    static_assert(boost::mp11::mp_size<meta::members_of<T>>::value <= 64,
                  "iptkit: the one-pass reader handles structs of at most 64 members");
    ops.object_begin = [](fast_reader& r, void* t) { return r.push_object(t, struct_table_of<T>); };
  } else {
    static_assert(sizeof(T) == 0, "iptkit: no JSON reading for this type; describe it");
  }
  return ops;
}

/// @brief Reads `text` into `out` in one pass; false when the document is anything but valid
/// (then `out` is partly filled and the DOM reader must say why).
template <class T>
bool read_fast(std::string_view text, const read_options& options, text_kind kind, T& out,
               const protocol_registry* protocols) {
  return read_fast(text, options, kind, &out, ops_of<T>, protocols);
}

}  // namespace iptkit::json::detail
