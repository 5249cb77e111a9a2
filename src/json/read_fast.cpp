// The one-pass reader's SAX callbacks: each token goes to the C++ object the top frame fills.
// Any surprise returns false, which stops the parser; read_json() then asks the DOM reader why.
#include <iptkit/json/detail/read_fast.hpp>

#include <boost/json/basic_parser_impl.hpp>

namespace iptkit::json::detail {

namespace bj = boost::json;

namespace {

// The target of a variant's tag value: the string selects the alternative.
constexpr value_ops tag_ops = [] {
  value_ops ops{};
  ops.string = [](fast_reader& r, void* t, std::string_view s, bool first, bool last) {
    s = r.gather(s, first, last);
    return !last || r.select_variant(t, s);
  };
  return ops;
}();

}  // namespace

bool fast_reader::select_variant(void* variant, std::string_view tag) {
  return frames_[depth_ - 1].variant->select(*this, variant, tag);
}

// Where the next value goes: the root, a new element of the array being filled, or the member
// the last key selected.
inline bool fast_reader::next_slot(slot& s) {
  if (depth_ == 0) {
    if (root_taken_) return false;
    root_taken_ = true;
    s = {root_, root_ops_};
    return true;
  }
  frame& f = frames_[depth_ - 1];
  if (f.kind == frame_kind::array) {
    if (++f.count > max_list_ && !(cases_unlimited_ && depth_ == 1)) return false;
    if (f.append) {
      if (staged_ + f.element_size > sizeof stage_) {
        f.append(f.target, stage_, staged_ / f.element_size);
        staged_ = 0;
      }
      s = {stage_ + staged_, f.element};
      staged_ += f.element_size;
      return true;
    }
    s = {f.emplace(f.target), f.element};
    return true;
  }
  s = member_;
  return true;
}

// Selects the member a key names: declaration order first (from after the previous member, which
// is where the canonical writer goes on), so a canonical document finds each key at once.
inline bool fast_reader::key(std::string_view k) noexcept {
  frame& f = frames_[depth_ - 1];
  if (f.kind == frame_kind::variant) {
    if (!same_text(k, f.variant->key)) return false;  // the tag must come first
    member_ = {f.target, &tag_ops};
    member_required_ = true;
    return true;
  }
  if (++f.count > max_list_) return false;  // a tiny max_list_length can bind an object too
  const struct_table& t = *f.table;
  std::uint32_t i = f.hint;
  for (std::uint32_t tried = 0; tried < t.size; ++tried, ++i) {
    if (i == t.size) i = 0;
    const member_entry& m = t.members[i];
    if (!same_text(m.name, k)) continue;
    const std::uint64_t bit = std::uint64_t{1} << i;
    if (f.seen & bit) return false;  // a duplicate key
    f.seen |= bit;
    f.valued |= bit;
    f.hint = i + 1;
    member_ = {m.address(f.target), m.ops};
    member_required_ = (t.required & bit) != 0;
    member_bit_ = bit;
    return true;
  }
  return false;  // an unknown field (an error, or a warning in lax mode)
}

bool fast_reader::on_object_begin(bj::error_code&) {
  slot s;
  return next_slot(s) && s.ops->object_begin && s.ops->object_begin(*this, s.target);
}

bool fast_reader::on_object_end(std::size_t, bj::error_code&) {
  const frame& f = frames_[depth_ - 1];
  if (f.kind != frame_kind::object) return false;  // a variant without its tag
  const struct_table& t = *f.table;
  if ((f.seen & t.required) != t.required) return false;
  if (t.check && !t.check(*this, f.target, f.valued)) return false;
  --depth_;
  return true;
}

bool fast_reader::on_array_begin(bj::error_code&) {
  slot s;
  return next_slot(s) && s.ops->array_begin && s.ops->array_begin(*this, s.target);
}

bool fast_reader::on_array_end(std::size_t, bj::error_code&) {
  const frame& f = frames_[depth_ - 1];
  if (f.append && staged_) f.append(f.target, stage_, staged_ / f.element_size);
  staged_ = 0;
  --depth_;
  return true;
}

bool fast_reader::on_key_part(std::string_view s, std::size_t n, bj::error_code&) {
  if (!fits(n)) return false;
  key_.append(s.data(), s.size());
  return true;
}

bool fast_reader::on_key(std::string_view s, std::size_t n, bj::error_code&) {
  if (!fits(n)) return false;
  if (key_.empty()) return key(s);
  key_.append(s.data(), s.size());
  const bool ok = key(key_);
  key_.clear();
  return ok;
}

bool fast_reader::on_string_part(std::string_view s, std::size_t n, bj::error_code&) {
  if (!fits(n)) return false;
  const bool first = !in_string_;
  if (first && !next_slot(string_)) return false;
  in_string_ = true;
  return string_.ops->string && string_.ops->string(*this, string_.target, s, first, false);
}

bool fast_reader::on_string(std::string_view s, std::size_t n, bj::error_code&) {
  if (!fits(n)) return false;
  const bool first = !in_string_;
  if (first && !next_slot(string_)) return false;
  in_string_ = false;
  return string_.ops->string && string_.ops->string(*this, string_.target, s, first, true);
}

bool fast_reader::on_int64(std::int64_t i, std::string_view, bj::error_code&) {
  slot s;
  return next_slot(s) && s.ops->int64 && s.ops->int64(s.target, i);
}

bool fast_reader::on_uint64(std::uint64_t u, std::string_view, bj::error_code&) {
  slot s;
  return next_slot(s) && s.ops->uint64 && s.ops->uint64(s.target, u);
}

bool fast_reader::on_double(double d, std::string_view, bj::error_code&) {
  slot s;
  return next_slot(s) && s.ops->real && s.ops->real(s.target, d);
}

bool fast_reader::on_bool(bool b, bj::error_code&) {
  slot s;
  return next_slot(s) && s.ops->boolean && s.ops->boolean(s.target, b);
}

// A member given as null keeps its default (the DOM reader's rule) unless it is required; null
// elsewhere (an array element, the root) goes to the type: optionals reset, lists clear.
bool fast_reader::on_null(bj::error_code&) {
  if (depth_ != 0 && frames_[depth_ - 1].kind != frame_kind::array) {
    if (member_required_) return false;
    frames_[depth_ - 1].valued &= ~member_bit_;
    return true;
  }
  slot s;
  return next_slot(s) && s.ops->null && s.ops->null(s.target);
}

bool read_fast(std::string_view text, const read_options& options, text_kind kind, void* root,
               const value_ops& root_ops, const protocol_registry* protocols) {
  text = strip_bom(text);
  if (text.size() > max_bytes(options, kind)) return false;
  bj::parse_options parse_options;
  // A cohort's array is one level above its cases.
  parse_options.max_depth = effective_max_depth(options) + (kind == text_kind::cohort_array ? 1 : 0);
  bj::basic_parser<fast_reader> parser(parse_options, root, root_ops, options, kind, protocols);
  bj::error_code ec;
  const std::size_t consumed = parser.write_some(false, text.data(), text.size(), ec);
  return !ec && consumed == text.size();
}

}  // namespace iptkit::json::detail
