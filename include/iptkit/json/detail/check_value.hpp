#pragma once
/// @file
/// @brief Internal: the reader's rules applied to a value built in code. For any described value
/// `v`, the errors found are the ones the DOM reader (read_value.hpp) reports for the canonical
/// JSON of `v` written without a check: same paths, kinds and messages, because every message
/// comes from the reader's own functions, fed with what the writer would have written.
///
/// Two instantiations of one walk: `Report = false` is a predicate that stops at the first
/// problem and builds no path or message (the writers' fast path); `Report = true` runs only when
/// the predicate failed, and collects every error with its JSON Pointer.

#include <iptkit/json/detail/read_fast.hpp>
#include <iptkit/json/detail/read_value.hpp>
#include <iptkit/json/detail/write_value.hpp>
#include <iptkit/json/read_options.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <iptkit/meta/pointer_order.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <iptkit/model/date.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace iptkit::json::detail {

/// @brief True when `s` is well-formed UTF-8 (RFC 3629: no overlongs, surrogates or values past
/// U+10FFFF), which is what the parser accepts inside a JSON string.
bool is_utf8(std::string_view s) noexcept;

/// @brief True when every byte of `s` is ASCII (then it is UTF-8): one OR per eight bytes, no
/// branch per byte, so that the usual short clinical string costs a few instructions inline.
inline bool is_ascii(std::string_view s) noexcept {
  const char* p = s.data();
  const std::size_t n = s.size();
  std::uint64_t seen = 0;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    seen |= w;
  }
  for (; i < n; ++i) seen |= static_cast<unsigned char>(p[i]);
  return !(seen & 0x8080808080808080ULL);
}

/// @brief True when the writer's text for `d` reads back as `d` (a real calendar date with a
/// four-digit year): otherwise the reader reports `bad_date`.
inline bool is_writable_date(date d) noexcept {
  const int y = static_cast<int>(d.year());
  return d.ok() && y >= 0 && y <= 9999;
}

/// @brief True when the reader accepts the written form of a fixed-width scalar: a finite number,
/// a writable date, an enumerator of its enum; any integer or boolean.
template <class T>
bool scalar_ok(const T& v) noexcept {
  if constexpr (std::is_floating_point_v<T>) return std::isfinite(v);
  else if constexpr (std::is_same_v<T, date>) return is_writable_date(v);
  else if constexpr (meta::is_described_enum_v<T>) return meta::enum_position(v) >= 0;
  else return true;
}

/// @brief The walk (see the file comment). `c` is null when `Report` is false.
template <bool Report>
class value_checker {
 public:
  /// @brief Checks against `options` (limits, protocols, redaction); `c` collects the errors.
  value_checker(const read_options& options, const protocol_registry& protocols, read_context* c)
      : options_(options), protocols_(&protocols), c_(c) {}

  /// @brief The error that would stop the parse of the written text (a limit, bytes that are not
  /// UTF-8): when set, it is the only error the reader reports.
  [[nodiscard]] const std::optional<read_error>& stop() const noexcept { return stop_; }
  /// @brief At least the size of the compact written text: when it is within
  /// `max_document_bytes`, the document-size limit cannot bind and the text need not be written.
  [[nodiscard]] std::size_t size_bound() const noexcept { return bound_; }

  /// @brief False when `v` holds something the reader would reject (as read_value() returns).
  template <class T>
  bool value(const T& v, std::size_t depth) {
    if (stopped()) return false;
    bound_ += 32;  // a scalar (or the brackets and commas of a list or object)
    if constexpr (std::is_same_v<T, bool> || meta::is_integer_v<T>) {
      return true;
    } else if constexpr (std::is_floating_point_v<T>) {
      if (scalar_ok(v)) return true;
      if constexpr (Report) {
        T ignored{};
        read_value(boost::json::value(static_cast<double>(v)), ignored, *c_);
      }
      return false;
    } else if constexpr (std::is_same_v<T, std::string>) {
      return string(v);
    } else if constexpr (std::is_same_v<T, date>) {
      if (scalar_ok(v)) return true;
      if constexpr (Report) {
        date ignored{};
        read_date(boost::json::value(format_date(v)), ignored, *c_);  // the text the writer writes
      }
      return false;
    } else if constexpr (meta::is_described_enum_v<T>) {
      if (scalar_ok(v)) return true;
      if constexpr (Report) {
        T ignored{};
        read_enum(boost::json::value(""), ignored, *c_);  // the writer writes "" (enum_name())
      }
      return false;
    } else if constexpr (meta::is_optional_v<T>) {
      return !v || value(*v, depth);
    } else if constexpr (meta::is_vector_v<T>) {
      if (!enter(depth + 1)) return false;
      using E = typename T::value_type;
      if constexpr (!Report && fast::scalar_bound<E>() > 0) {
        // A list of numbers or enumerators: nothing in it opens a container or has a path to keep.
        if (v.size() > options_.max_list_length) return fail();
        bound_ += 33 * v.size();
        bool ok = true;
        for (const E& e : v) ok &= scalar_ok(e);
        return ok;
      }
      bool ok = true;
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (i == options_.max_list_length) [[unlikely]]
          return halt([&] {
            return "expected a list of at most " + std::to_string(options_.max_list_length) + " elements; found more";
          });
        bound_ += 1;
        // The parser stops before an element's pointer is set: a list or object too deep is
        // reported at the list.
        if (opens_container(v[i]) && !enter(depth + 2)) return false;
        token index(c_, i);
        ok = value(v[i], depth + 1) && ok;
        if (stopped()) return false;
      }
      return ok;
    } else if constexpr (meta::is_variant_v<T>) {
      if (!enter(depth + 1)) return false;
      if (!key_fits(meta::variant_tag<T>::key.size())) return false;
      return std::visit([&](const auto& alternative) { return members(alternative, depth + 1, 1); }, v);
    } else if constexpr (meta::is_described_struct_v<T>) {
      if (!enter(depth + 1)) return false;
      return members(v, depth + 1, 0);
    } else {
      static_assert(sizeof(T) == 0, "iptkit: no check for this type; describe it");
    }
  }

 private:
  // A pointer token for the guard's lifetime; nothing at all when not reporting.
  struct token {
    template <class Key>
    token(read_context* c, Key key) {
      if constexpr (Report) guard.emplace(*c, key);
    }
    std::optional<path_token> guard;
  };

  [[nodiscard]] bool stopped() const noexcept { return stop_.has_value(); }

  // True when the written value is a list or an object.
  template <class T>
  static bool opens_container(const T& v) {
    if constexpr (meta::is_optional_v<T>) return v && opens_container(*v);
    else return meta::is_vector_v<T> || meta::is_variant_v<T> || meta::is_described_struct_v<T>;
  }

  // A key longer than max_string_bytes stops the parse at its object's pointer.
  bool key_fits(std::size_t length) {
    if (length <= options_.max_string_bytes) [[likely]] return true;
    return halt([&] {
      return "expected keys of at most " + std::to_string(options_.max_string_bytes) + " bytes; found a longer one";
    });
  }

  // The error that stops the parse of the written text, at the current path; false. The message
  // is made only when reporting, and the whole of it is kept off the fast path.
  template <class Message>
  [[gnu::cold, gnu::noinline]] bool halt(Message message, error_kind kind = error_kind::limit_exceeded) {
    if constexpr (Report) stop_ = read_error{c_->path, kind, message(), std::nullopt};
    else stop_ = read_error{};
    return false;
  }
  // The predicate's stop (no message): only when not reporting.
  [[gnu::cold, gnu::noinline]] bool fail() {
    static_assert(!Report);
    stop_ = read_error{};
    return false;
  }

  // Opens a list or an object at nesting level `depth` (the document is level 1).
  bool enter(std::size_t depth) {
    if (depth <= effective_max_depth(options_)) [[likely]] return true;
    return halt([&] {
      return "expected at most " + std::to_string(effective_max_depth(options_)) + " levels of nesting; found more";
    });
  }

  bool string(const std::string& s) {
    bound_ += 6 * s.size();  // every byte escaped as \u00XX at worst
    if (s.size() > options_.max_string_bytes) [[unlikely]]
      return halt([&] {
        return "expected a string of at most " + std::to_string(options_.max_string_bytes) +
               " bytes; found a longer one";
      });
    if (is_ascii(s) || is_utf8(s)) [[likely]] return true;
    return halt(
        [] {
          return std::string(
              "expected valid JSON; found bytes that are not UTF-8 in a string (JSON must be UTF-8: RFC 8259, "
              "section 8.1)");
        },
        error_kind::syntax);
  }

  // The members of a described struct, as read_object_members() reads their written form:
  // omitted members are absent, each present one is read and then held to its constraints, and
  // the object's own rules come last. `keys` counts keys already written (a variant's tag).
  template <class T>
  bool members(const T& v, std::size_t depth, std::size_t keys) {
    bool ok = true;
    boost::mp11::mp_for_each<meta::members_of<T>>([&](auto D) {
      if (stopped()) return;
      const auto& m = v.*D.pointer;
      if (is_omitted(m)) return;  // an empty optional or list; members that are neither are always written
      if (++keys > options_.max_list_length) [[unlikely]] {
        halt([&] {
          return "expected an object of at most " + std::to_string(options_.max_list_length) + " members; found more";
        });
        return;
      }
      constexpr std::size_t name_length = std::char_traits<char>::length(decltype(D)::name);
      bound_ += name_length + 4;
      if (!key_fits(name_length)) return;
      token name(c_, std::string_view(D.name));
      if (!value(m, depth)) {
        ok = false;
        return;
      }
      meta::for_each_constraint<T, decltype(D)::pointer>([&](const auto& constraint) {
        if constexpr (Report) ok = apply_constraint(constraint, m, *c_) && ok;
        else ok = ok && satisfies_constraint(constraint, m, protocols_);
      });
    });
    if (stopped()) return false;
    std::apply(
        [&](const auto&... rule) {
          if constexpr (Report) {
            static const boost::json::object none;  // no key was given that the value lacks
            ((ok = check_object(rule, none, v, *c_) && ok), ...);
          } else {
            ((ok = ok && satisfies_object(rule, v)), ...);
          }
        },
        meta::object_rules<T>);
    return ok;
  }

  const read_options& options_;
  const protocol_registry* protocols_;
  read_context* c_;
  std::optional<read_error> stop_;
  std::size_t bound_ = 0;
};

/// @brief The hooks of the checking writer (fast::put_value): is_well_formed()'s verdict reached
/// while the text is written, so that a case is walked once on its way out. It may fail a value
/// is_well_formed() passes (the pretty text is longer than the compact one the limit is about),
/// never the other way round.
class write_check {
 public:
  static constexpr bool active = true;

  /// @brief Checks against `options` and `protocols`, as is_well_formed() does.
  write_check(const read_options& options, const protocol_registry& protocols) noexcept
      : options_(options), protocols_(&protocols) {}

  /// @brief False once anything written would be rejected by the reader.
  [[nodiscard]] bool ok() const noexcept { return ok_; }

  /// @brief A fixed-width scalar.
  template <class T>
  void scalar(const T& v) noexcept {
    if (!scalar_ok(v)) ok_ = false;
  }
  /// @brief A string; `ascii` when the writer saw only ASCII bytes in it.
  void string(std::string_view s, bool ascii) noexcept {
    if (s.size() > options_.max_string_bytes || (!ascii && !is_utf8(s))) ok_ = false;
  }
  /// @brief A key of `length` bytes.
  void key(std::size_t length) noexcept {
    if (length > options_.max_string_bytes) ok_ = false;
  }
  /// @brief An object opened at indent `depth` (nesting level `depth` + 1).
  void open(int depth) noexcept {
    if (static_cast<std::size_t>(depth) + 1 > effective_max_depth(options_)) ok_ = false;
  }
  /// @brief A list of `size` elements opened at indent `depth`.
  void list(int depth, std::size_t size) noexcept {
    open(depth);
    if (size > options_.max_list_length) ok_ = false;
  }
  /// @brief A member `D` of a `T` that was written: its constraints.
  template <class T, class D, class M>
  void member(const M& m) {
    meta::for_each_constraint<T, D::pointer>([&](const auto& constraint) {
      if (!satisfies_constraint(constraint, m, protocols_)) ok_ = false;
    });
  }
  /// @brief An object that was written with `keys` keys: the count and the object's rules.
  template <class T>
  void object(const T& v, std::size_t keys) {
    if (keys > options_.max_list_length) ok_ = false;
    std::apply([&](const auto&... rule) { ((satisfies_object(rule, v) ? void() : void(ok_ = false)), ...); },
               meta::object_rules<T>);
  }

 private:
  const read_options& options_;
  const protocol_registry* protocols_;
  bool ok_ = true;
};

/// @brief Appends the canonical JSON of `v` to `out` and returns true when `v` is well formed;
/// otherwise leaves `out` as it was and returns false (check_errors() then says why).
template <class T>
bool write_if_well_formed(std::string& out, const T& v, bool pretty, const read_options& options,
                          const protocol_registry& protocols) {
  const std::size_t mark = out.size();
  write_check ck(options, protocols);
  write_document(out, v, pretty, ck);
  if (ck.ok() && out.size() - mark <= options.max_document_bytes) return true;
  out.resize(mark);
  return false;
}

/// @brief True when `v` has nothing the reader would reject (no allocation, stops early). False
/// also when the written text might exceed `max_document_bytes`: check_errors() then measures it.
template <class T>
bool is_well_formed(const T& v, const read_options& options, const protocol_registry& protocols) {
  value_checker<false> walk(options, protocols, nullptr);
  return walk.value(v, 0) && !walk.stop() && walk.size_bound() <= options.max_document_bytes;
}

/// @brief Every error the reader would report for the compact canonical JSON of `v`, in the
/// reader's order (empty when `v` is well formed).
template <class T>
std::vector<read_error> check_errors(const T& v, const read_options& options,
                                     const protocol_registry& protocols) {
  if (is_well_formed(v, options, protocols)) return {};
  read_context c;
  c.lax = options.lax;
  c.protocols = &protocols;
  c.redact = options.redact;
  value_checker<true> walk(options, protocols, &c);
  walk.value(v, 0);
  if (walk.size_bound() > options.max_document_bytes) {
    // The reader refuses a text this large before anything else: measure the text itself.
    std::string text;
    write_document(text, v, false);
    if (text.size() > options.max_document_bytes) return {too_large(text.size(), options.max_document_bytes)};
  }
  if (walk.stop()) return {*walk.stop()};
  std::stable_sort(c.errors.begin(), c.errors.end(), [](const read_error& a, const read_error& b) {
    return meta::order_key<T>(a.path) < meta::order_key<T>(b.path);
  });
  return std::move(c.errors);
}

}  // namespace iptkit::json::detail
