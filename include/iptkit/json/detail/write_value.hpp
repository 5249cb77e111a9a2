#pragma once
/// @file
/// @brief Internal: the generic canonical writer, driven by the Describe metadata.
///
/// The writer works straight on the output string through a raw cursor (out_buffer): each member
/// reserves the room it can need at most (its `"name":` literal, precomputed at compile time, plus
/// the widest text of a scalar value), then writes without further checks. The layout is a
/// template parameter, so compact output carries no indentation logic at all. Enum spellings are
/// precomputed quoted literals; strings are copied eight bytes at a time until a byte needs
/// escaping; integers and doubles go through std::to_chars into the buffer.

#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <iptkit/model/date.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>
#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

namespace iptkit::json::detail {

/// @brief Appends `s` as a JSON string literal (RFC 8259 escaping; UTF-8 passes through).
void write_string(std::string& out, std::string_view s);

/// @brief A write cursor over the end of a std::string. reserve(n) guarantees n writable bytes at
/// `p`; the string is trimmed to what was written when the buffer ends (also on an exception).
class out_buffer {
 public:
  explicit out_buffer(std::string& s) noexcept : p(s.data() + s.size()), end(p), s_(s) {}
  out_buffer(const out_buffer&) = delete;
  out_buffer& operator=(const out_buffer&) = delete;
  ~out_buffer() {
    assert(p <= end && "iptkit: the writer wrote past the room it reserved");
    s_.resize(static_cast<std::size_t>(p - s_.data()));
  }

  /// @brief At least `n` bytes may be written at `p` after this.
  void reserve(std::size_t n) {
    if (static_cast<std::size_t>(end - p) < n) grow(n);
  }

  char* p;    ///< where the next byte goes
  char* end;  ///< end of the writable room

 private:
  // Grows the string (its size is the writable room; the tail is cut off at the end).
  void grow(std::size_t n) {
    assert(p <= end && "iptkit: the writer wrote past the room it reserved");
    const auto used = static_cast<std::size_t>(p - s_.data());
    std::size_t target = used + n + 1024;
    if (target < s_.capacity()) target = std::min(s_.capacity(), used + n + 8192);
    s_.resize(target);
    p = s_.data() + used;
    end = s_.data() + s_.size();
  }
  std::string& s_;
};

/// @brief Output buffer plus layout state (the interface of the schema generator).
struct writer {
  std::string& out;   ///< where the text goes
  bool pretty;        ///< layout
  int depth = 0;      ///< current indent level

  void newline() {
    if (!pretty) return;
    out += '\n';
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
  }
  void key(std::string_view k) {
    write_string(out, k);
    out += pretty ? ": " : ":";
  }
};

template <class T>
void write_value(writer& w, const T& v);

/// @brief True when a member is left out of canonical output: an empty optional or list.
template <class M>
bool is_omitted(const M& m) {
  if constexpr (meta::is_optional_v<M>) return !m.has_value();
  else if constexpr (meta::is_vector_v<M>) return m.empty();
  else return false;
}

namespace fast {

/// @brief `"name":` (compact) or `"name": ` (pretty) of a described member, built at compile time.
/// Member names are C++ identifiers: nothing in them needs escaping.
template <class D, bool Pretty>
struct key_literal {
  static constexpr std::size_t length = std::char_traits<char>::length(D::name);
  static constexpr std::size_t size = length + 3 + (Pretty ? 1 : 0);
  static constexpr std::array<char, size> text = [] {
    std::array<char, size> a{};
    a[0] = '"';
    for (std::size_t i = 0; i < length; ++i) a[i + 1] = D::name[i];
    a[length + 1] = '"';
    a[length + 2] = ':';
    if constexpr (Pretty) a[length + 3] = ' ';
    return a;
  }();
};

/// @brief The quoted spellings of a described enum, indexed by value when the enumerators are
/// 0, 1, 2 ... in declaration order (every enum of the model), else found by search.
template <class E>
struct enum_literals {
  using list = boost::describe::describe_enumerators<E>;
  static constexpr std::size_t count = boost::mp11::mp_size<list>::value;
  static constexpr std::size_t width = [] {
    std::size_t w = 0;
    boost::mp11::mp_for_each<list>([&](auto D) { w = std::max(w, meta::spelling(D.name).size()); });
    return w + 2;
  }();
  static constexpr bool dense = [] {
    bool ok = true;
    long long i = 0;
    boost::mp11::mp_for_each<list>([&](auto D) {
      ok = ok && static_cast<long long>(D.value) == i;
      ++i;
    });
    return ok;
  }();
  struct entry {
    std::array<char, width> text{};
    std::size_t size = 0;
  };
  static constexpr std::array<entry, count> table = [] {
    std::array<entry, count> t{};
    std::size_t i = 0;
    boost::mp11::mp_for_each<list>([&](auto D) {
      const std::string_view s = meta::spelling(D.name);
      t[i].text[0] = '"';
      for (std::size_t k = 0; k < s.size(); ++k) t[i].text[k + 1] = s[k];
      t[i].text[s.size() + 1] = '"';
      t[i].size = s.size() + 2;
      ++i;
    });
    return t;
  }();
};

/// @brief The most bytes a fixed-width scalar can take; 0 for strings and compound values.
template <class T>
constexpr std::size_t scalar_bound() {
  if constexpr (std::is_same_v<T, bool>) return 5;
  else if constexpr (meta::is_integer_v<T>) return 24;
  else if constexpr (std::is_floating_point_v<T>) return 32;
  else if constexpr (std::is_same_v<T, date>) return 16;
  else if constexpr (meta::is_described_enum_v<T>) return enum_literals<T>::width;
  else return 0;
}

/// @brief Writes a fixed-width scalar at `p` (scalar_bound<T>() bytes reserved); the new end.
template <class T>
char* put_scalar(char* p, const T& v) {
  if constexpr (std::is_same_v<T, bool>) {
    if (v) {
      std::memcpy(p, "true", 4);
      return p + 4;
    }
    std::memcpy(p, "false", 5);
    return p + 5;
  } else if constexpr (meta::is_integer_v<T>) {
    return std::to_chars(p, p + 24, v).ptr;
  } else if constexpr (std::is_floating_point_v<T>) {
    return std::to_chars(p, p + 32, static_cast<double>(v)).ptr;  // shortest round trip
  } else if constexpr (std::is_same_v<T, date>) {
    const int y = static_cast<int>(v.year());
    const auto m = static_cast<unsigned>(v.month()), d = static_cast<unsigned>(v.day());
    *p++ = '"';
    if (y < 0 || y > 9999 || m > 99 || d > 99) {  // no YYYY-MM-DD shape: as format_date() writes it
      const std::string s = format_date(v);
      std::memcpy(p, s.data(), s.size());
      p += s.size();
    } else {
      p[0] = static_cast<char>('0' + y / 1000);
      p[1] = static_cast<char>('0' + y / 100 % 10);
      p[2] = static_cast<char>('0' + y / 10 % 10);
      p[3] = static_cast<char>('0' + y % 10);
      p[4] = '-';
      p[5] = static_cast<char>('0' + m / 10);
      p[6] = static_cast<char>('0' + m % 10);
      p[7] = '-';
      p[8] = static_cast<char>('0' + d / 10);
      p[9] = static_cast<char>('0' + d % 10);
      p += 10;
    }
    *p++ = '"';
    return p;
  } else if constexpr (meta::is_described_enum_v<T>) {
    using L = enum_literals<T>;
    if constexpr (L::dense) {
      const auto i = static_cast<unsigned long long>(static_cast<long long>(v));
      if (i < L::count) {
        std::memcpy(p, L::table[i].text.data(), L::width);  // fixed size: one or two moves
        return p + L::table[i].size;
      }
    } else {
      const std::string_view s = meta::enum_name(v);
      *p++ = '"';
      std::memcpy(p, s.data(), s.size());
      p += s.size();
      *p++ = '"';
      return p;
    }
    std::memcpy(p, "\"\"", 2);  // a value outside the enum: as enum_name() gives ""
    return p + 2;
  } else {
    static_assert(sizeof(T) == 0, "iptkit: not a fixed-width scalar");
  }
}

/// @brief True when one of the 8 bytes is below 0x20, a quote or a backslash (exact: no false
/// positive for the word as a whole; bytes from 0x80 up, UTF-8, are never special).
inline bool has_special(std::uint64_t w) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
  const std::uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
  return (((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash)) &
         high;
}

inline bool needs_escape(unsigned char ch) noexcept { return ch < 0x20 || ch == '"' || ch == '\\'; }

/// @brief Appends `s` as a JSON string literal: runs that need no escaping are copied eight bytes
/// at a time; a byte that does is escaped as write_string() always has. Returns true when every
/// byte was ASCII (then `s` is certainly UTF-8: the checked writer's test costs one OR a word).
inline bool put_string(out_buffer& b, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  const char* src = s.data();
  std::size_t n = s.size();
  std::uint64_t seen = 0;  // every byte copied, OR-ed together
  b.reserve(n + 2);  // the common case: nothing to escape
  char* p = b.p;
  *p++ = '"';
  for (;;) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, src + i, 8);
      if (has_special(w)) break;
      seen |= w;
      std::memcpy(p + i, &w, 8);
    }
    while (i < n && !needs_escape(static_cast<unsigned char>(src[i]))) {
      seen |= static_cast<unsigned char>(src[i]);
      p[i] = src[i];
      ++i;
    }
    p += i;
    if (i == n) break;
    const auto ch = static_cast<unsigned char>(src[i]);
    src += i + 1;
    n -= i + 1;
    b.p = p;
    b.reserve(6 + n + 1);  // this escape, the rest unescaped, the closing quote
    p = b.p;
    *p++ = '\\';
    switch (ch) {
      case '"': *p++ = '"'; break;
      case '\\': *p++ = '\\'; break;
      case '\n': *p++ = 'n'; break;
      case '\r': *p++ = 'r'; break;
      case '\t': *p++ = 't'; break;
      case '\b': *p++ = 'b'; break;
      case '\f': *p++ = 'f'; break;
      default:
        std::memcpy(p, "u00", 3);
        p[3] = hex[ch >> 4];
        p[4] = hex[ch & 0xF];
        p += 5;
    }
  }
  *p++ = '"';
  b.p = p;
  return !(seen & 0x8080808080808080ULL);
}

/// @brief A line break and `depth` levels of indent (pretty layout); room reserved by the caller.
inline char* put_newline(char* p, int depth) {
  *p++ = '\n';
  const auto n = static_cast<std::size_t>(depth) * 2;
  std::memset(p, ' ', n);
  return p + n;
}

/// @brief The checking writer's hooks when nothing is checked: every type but a case, and
/// write_options::unchecked. The checked writer's hooks are write_check (check_value.hpp).
struct no_check {
  static constexpr bool active = false;
};

template <bool Pretty, class T, class Check>
void put_value(out_buffer& b, int depth, const T& v, Check& ck);

/// @brief The value of a member that is written: the content of a present optional.
template <class M>
const auto& present(const M& m) {
  if constexpr (meta::is_optional_v<M>) return *m;
  else return m;
}

/// @brief Writes the members of a described struct at indent `depth`; `first` says whether no
/// comma is owed. Returns `first` as it ends (still true when nothing was written).
template <bool Pretty, class T, class Check>
bool put_members(out_buffer& b, int depth, const T& v, bool first, Check& ck) {
  [[maybe_unused]] std::size_t keys = first ? 0 : 1;  // a variant's tag is written already
  boost::mp11::mp_for_each<meta::members_of<T>>([&](auto D) {
    using M = std::remove_cvref_t<decltype(v.*D.pointer)>;
    const M& m = v.*D.pointer;
    if (is_omitted(m)) return;
    const auto& value = present(m);  // an optional member is here: omitted otherwise
    using V = std::remove_cvref_t<decltype(value)>;
    using key = key_literal<decltype(D), Pretty>;
    constexpr std::size_t bound = scalar_bound<V>();
    b.reserve(key::size + 2 + (Pretty ? static_cast<std::size_t>(depth) * 2 : 0) + bound);
    char* p = b.p;
    if (!first) *p++ = ',';
    first = false;
    if constexpr (Pretty) p = put_newline(p, depth);
    std::memcpy(p, key::text.data(), key::size);
    p += key::size;
    if constexpr (bound > 0) {
      if constexpr (Check::active) ck.scalar(value);
      b.p = put_scalar(p, value);
    } else {
      b.p = p;
      put_value<Pretty>(b, depth, value, ck);
    }
    if constexpr (Check::active) {
      ++keys;
      ck.key(key::length);
      ck.template member<T, decltype(D)>(m);
    }
  });
  if constexpr (Check::active) ck.object(v, keys);
  return first;
}

/// @brief The closing of an object or list whose content ended at indent `depth` + 1.
template <bool Pretty>
void put_close(out_buffer& b, int depth, char close) {
  b.reserve(2 + (Pretty ? static_cast<std::size_t>(depth) * 2 : 0));
  char* p = b.p;
  if constexpr (Pretty) p = put_newline(p, depth);
  *p++ = close;
  b.p = p;
}

/// @brief Writes any value at indent `depth` (the level of the line it starts on). With an
/// active `Check`, also tells it every value, string, list, member and object on the way.
template <bool Pretty, class T, class Check>
void put_value(out_buffer& b, int depth, const T& v, Check& ck) {
  if constexpr (scalar_bound<T>() > 0) {
    if constexpr (Check::active) ck.scalar(v);
    b.reserve(scalar_bound<T>());
    b.p = put_scalar(b.p, v);
  } else if constexpr (std::is_same_v<T, std::string>) {
    const bool ascii = put_string(b, v);
    if constexpr (Check::active) ck.string(v, ascii);
  } else if constexpr (meta::is_optional_v<T>) {
    if (v) {
      put_value<Pretty>(b, depth, *v, ck);
    } else {
      b.reserve(4);
      std::memcpy(b.p, "null", 4);
      b.p += 4;
    }
  } else if constexpr (meta::is_vector_v<T>) {
    using E = typename T::value_type;
    constexpr bool nested = meta::is_described_struct_v<E> || meta::is_variant_v<E> ||
                            meta::is_vector_v<E>;
    constexpr std::size_t bound = scalar_bound<E>();
    if constexpr (Check::active) ck.list(depth, v.size());
    b.reserve(1);
    *b.p++ = '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
      b.reserve(2 + (Pretty && nested ? 1 + static_cast<std::size_t>(depth + 1) * 2 : 0) + bound);
      char* p = b.p;
      if (i) {
        *p++ = ',';
        if constexpr (Pretty && !nested) *p++ = ' ';
      }
      if constexpr (Pretty && nested) p = put_newline(p, depth + 1);
      if constexpr (bound > 0) {
        if constexpr (Check::active) ck.scalar(static_cast<E>(v[i]));
        b.p = put_scalar(p, static_cast<E>(v[i]));
      } else {
        b.p = p;
        put_value<Pretty>(b, depth + 1, v[i], ck);
      }
    }
    if (nested && Pretty && !v.empty()) {
      put_close<Pretty>(b, depth, ']');
    } else {
      b.reserve(1);
      *b.p++ = ']';
    }
  } else if constexpr (meta::is_variant_v<T>) {
    if constexpr (Check::active) {
      ck.open(depth);
      ck.key(meta::variant_tag<T>::key.size());
    }
    std::visit(
        [&](const auto& alt) {
          using A = std::remove_cvref_t<decltype(alt)>;
          b.reserve(1 + (Pretty ? 1 + static_cast<std::size_t>(depth + 1) * 2 : 0));
          char* p = b.p;
          *p++ = '{';
          if constexpr (Pretty) p = put_newline(p, depth + 1);
          b.p = p;
          put_string(b, meta::variant_tag<T>::key);
          b.reserve(2 + scalar_bound<std::remove_cv_t<decltype(A::tag)>>());
          *b.p++ = ':';
          if constexpr (Pretty) *b.p++ = ' ';
          b.p = put_scalar(b.p, A::tag);
          put_members<Pretty>(b, depth + 1, alt, false, ck);
          put_close<Pretty>(b, depth, '}');
        },
        v);
  } else if constexpr (meta::is_described_struct_v<T>) {
    if constexpr (Check::active) ck.open(depth);
    b.reserve(1);
    *b.p++ = '{';
    if (put_members<Pretty>(b, depth + 1, v, true, ck)) {
      b.reserve(1);
      *b.p++ = '}';  // nothing inside: {}
    } else {
      put_close<Pretty>(b, depth, '}');
    }
  } else {
    static_assert(sizeof(T) == 0, "iptkit: no JSON writing for this type; describe it");
  }
}

}  // namespace fast

/// @brief Writes a value at the writer's indent level.
template <class T>
void write_value(writer& w, const T& v) {
  out_buffer b(w.out);
  fast::no_check none;
  if (w.pretty) fast::put_value<true>(b, w.depth, v, none);
  else fast::put_value<false>(b, w.depth, v, none);
}

/// @brief The canonical JSON of any described value; pretty output ends with a newline. `ck`
/// is told every value written (see fast::no_check).
template <class T, class Check = fast::no_check>
void write_document(std::string& out, const T& value, bool pretty, Check&& ck = {}) {
  out_buffer b(out);
  if (pretty) {
    fast::put_value<true>(b, 0, value, ck);
    b.reserve(1);
    *b.p++ = '\n';
  } else {
    fast::put_value<false>(b, 0, value, ck);
  }
}

}  // namespace iptkit::json::detail
