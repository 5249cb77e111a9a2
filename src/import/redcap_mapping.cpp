// The REDCap mapping file, read and checked before any record: every field in the dictionary,
// every case field in the case format (found through the case format's own JSON Schema, so the
// mapping's targets can never drift from the model), every choice code translated.
#include "redcap_mapping.hpp"

#include <iptkit/import/csv.hpp>
#include <iptkit/json/detail/parse.hpp>
#include <iptkit/json/schema.hpp>

#include <boost/json.hpp>
#include <algorithm>
#include <charconv>
#include <set>

namespace iptkit::redcap_detail {

namespace json = boost::json;

bool plain(std::string_view s) noexcept {
  return !s.empty() && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' ||
           ch == '-' || ch == '.' || ch == ':';
  });
}

bool numeric(std::string_view s) noexcept {
  return !s.empty() && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || ch == '-' || ch == '+' || ch == '.' || ch == '/' || ch == ':';
  });
}

// `line L, column C` of byte `at` of `text`.
std::string text_position(std::string_view text, std::size_t at) {
  at = std::min(at, text.size());
  const auto before = text.substr(0, at);
  const auto line = 1 + std::count(before.begin(), before.end(), '\n');
  const auto last = before.rfind('\n');
  const auto column = at - (last == std::string_view::npos ? 0 : last + 1) + 1;
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string checkbox_column(std::string_view field, std::string_view code) {
  std::string out(field);
  out += "___";
  for (const char ch : code) {
    const bool alnum = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z');
    out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : alnum ? ch : '_';
  }
  return out;
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// "1, Label | 2, Label" (REDCap also writes "1,Label|2,Label").
std::vector<std::pair<std::string, std::string>> parse_choices(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!text.empty()) {
    const auto bar = text.find('|');
    const auto part = trim(text.substr(0, bar));
    const auto comma = part.find(',');
    if (!part.empty())
      out.emplace_back(std::string(trim(part.substr(0, comma))),
                       comma == std::string_view::npos ? std::string() : std::string(trim(part.substr(comma + 1))));
    if (bar == std::string_view::npos) break;
    text.remove_prefix(bar + 1);
  }
  return out;
}

bool is_integer(std::string_view s) {
  long long v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && end == s.data() + s.size();
}

// ---- the case format's schema, walked by JSON Pointer ----------------------------------------

class schema_walker {
 public:
  explicit schema_walker(const catalog& cat) {
    boost::system::error_code ec;
    root_ = json::parse(case_json_schema(cat), ec);
    if (const auto* o = root_.if_object())
      if (const auto* d = o->if_contains("$defs")) defs_ = d->if_object();
  }

  // The node at `pointer` under `from` (the case when null); null when the case has no such field.
  const json::object* at(std::string_view pointer, const json::object* from = nullptr) const {
    const json::object* node = from ? from : resolve(ref("case_record"));
    if (pointer.empty()) return node;
    if (!pointer.starts_with('/')) return nullptr;
    pointer.remove_prefix(1);
    for (;;) {
      if (!node) return nullptr;
      const auto slash = pointer.find('/');
      const auto seg = pointer.substr(0, slash);
      node = child(node, seg);
      if (slash == std::string_view::npos) return node;
      pointer.remove_prefix(slash + 1);
    }
  }

  target_type type_of(const json::object* node) const {
    target_type t;
    if (!node) return t;
    t.kind = kind(node);
    if (t.kind == base::string) t.enums = enums(node);
    if (t.kind == base::array)
      if (const auto* items = element(node)) {
        t.item = kind(items);
        if (t.item == base::string) t.item_enums = enums(items);
      }
    return t;
  }

  // The element schema of an array node.
  const json::object* element(const json::object* node) const {
    if (const auto* items = node->if_contains("items")) return resolve(items);
    return nullptr;
  }

 private:
  json::value root_;
  const json::object* defs_ = nullptr;

  const json::value* ref(std::string_view name) const {
    if (!defs_) return nullptr;
    return defs_->if_contains(name);
  }

  // Follows `$ref` and drops the null alternative of an optional field.
  const json::object* resolve(const json::value* v) const {
    for (int depth = 0; v && depth < 16; ++depth) {
      const auto* o = v->if_object();
      if (!o) return nullptr;
      if (const auto* r = o->if_contains("$ref")) {
        const auto* s = r->if_string();
        if (!s || !s->starts_with("#/$defs/")) return nullptr;
        v = ref(std::string_view(*s).substr(8));
        continue;
      }
      if (const auto* any = o->if_contains("anyOf"); any && !o->contains("type")) {
        const json::value* pick = nullptr;
        if (const auto* a = any->if_array())
          for (const auto& alt : *a)
            if (const auto* ao = alt.if_object(); ao && !(ao->contains("type") && ao->at("type") == "null")) pick = &alt;
        v = pick;
        continue;
      }
      return o;
    }
    return nullptr;
  }

  const json::object* child(const json::object* node, std::string_view seg) const {
    if (kind(node) == base::array) {
      if (!is_integer(seg) || seg.starts_with('-')) return nullptr;
      return element(node);
    }
    if (const auto* props = node->if_contains("properties"))
      if (const auto* p = props->as_object().if_contains(seg)) return resolve(p);
    if (const auto* one = node->if_contains("oneOf"))  // a tagged variant: any alternative's field
      if (const auto* a = one->if_array())
        for (const auto& alt : *a)
          if (const auto* ao = alt.if_object())
            if (const auto* found = child(ao, seg)) return found;
    return nullptr;
  }

  static base kind(const json::object* node) {
    const auto* t = node->if_contains("type");
    const auto* s = t ? t->if_string() : nullptr;
    if (!s) return base::unknown;
    if (*s == "string") return node->contains("format") && node->at("format") == "date" ? base::date : base::string;
    if (*s == "integer") return base::integer;
    if (*s == "number") return base::number;
    if (*s == "boolean") return base::boolean;
    if (*s == "array") return base::array;
    if (*s == "object") return base::object;
    return base::unknown;
  }

  static std::vector<std::string> enums(const json::object* node) {
    std::vector<std::string> out;
    if (const auto* e = node->if_contains("enum"))
      if (const auto* a = e->if_array())
        for (const auto& v : *a)
          if (const auto* s = v.if_string()) out.emplace_back(*s);
    if (const auto* c = node->if_contains("const"))
      if (const auto* s = c->if_string()) out.emplace_back(*s);
    return out;
  }
};

// Levenshtein distance, stopping early above 3 (only near misses matter).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  if (a.size() > b.size() + 3 || b.size() > a.size() + 3) return 4;
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// `where` with one more JSON Pointer token (RFC 6901 escaping).
std::string child(std::string where, std::string_view key) {
  iptkit::json::detail::append_pointer_token(where, key);
  return where;
}

std::string kind_name(base b) {
  switch (b) {
    case base::string: return "a text";
    case base::integer: return "an integer";
    case base::number: return "a number";
    case base::boolean: return "true or false";
    case base::date: return "a date";
    case base::array: return "a list";
    case base::object: return "an object";
    case base::unknown: break;
  }
  return "a value";
}

std::string joined(const std::vector<std::string>& v, std::size_t at_most = 12) {
  std::string out;
  for (std::size_t i = 0; i < v.size() && i < at_most; ++i) out += (i ? ", " : "") + v[i];
  if (v.size() > at_most) out += ", ...";
  return out;
}

// ---- reading the mapping ----------------------------------------------------------------------

struct mapping_reader {
  const csv_source& in;
  const dictionary& dict;
  const schema_walker& schema;
  std::vector<import_issue>& errors;
  mapping out;

  void error(std::string where, std::string message, std::string field = {}) {
    errors.push_back({in.name, std::nullopt, std::nullopt, std::move(field), "", std::move(where),
                      import_error_kind::mapping, std::nullopt, std::move(message)});
  }

  void only_keys(const json::object& o, std::string_view where, std::initializer_list<std::string_view> keys) {
    for (const auto& kv : o)
      if (std::find(keys.begin(), keys.end(), kv.key()) == keys.end()) {
        std::string allowed;
        for (const auto k : keys) allowed += (allowed.empty() ? "" : ", ") + std::string(k);
        error(child(std::string(where), kv.key()),
              plain(kv.key()) ? "unknown key " + std::string(kv.key()) + " (expected one of " + allowed + ")"
                              : "unknown key (expected one of " + allowed + ")");
      }
  }

  std::vector<std::string> texts(const json::value& v, const std::string& where, bool one_allowed) {
    std::vector<std::string> r;
    if (one_allowed && v.is_string()) return {std::string(v.get_string())};
    const auto* a = v.if_array();
    if (!a) {
      error(where, one_allowed ? "expected a text or a list of texts" : "expected a list of texts");
      return r;
    }
    for (std::size_t i = 0; i < a->size(); ++i) {
      const auto& e = (*a)[i];
      if (e.is_string()) r.emplace_back(e.get_string());
      else if (e.is_int64()) r.push_back(std::to_string(e.get_int64()));  // missing codes written as numbers
      else error(where + "/" + std::to_string(i), "expected a text");
    }
    return r;
  }

  const dict_field* field_named(const json::value& v, const std::string& where) {
    const auto* s = v.if_string();
    if (!s) {
      error(where, "expected a field name");
      return nullptr;
    }
    const auto* f = dict.find(*s);
    if (!f) {
      std::string hint, lower(*s);
      for (auto& ch : lower) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
      std::size_t best = 3;  // at most two edits away, or one name inside the other
      for (const auto& d : dict.fields) {
        const bool inside = d.name.size() > 2 && (d.name.find(lower) != std::string::npos ||
                                                  std::string_view(lower).find(d.name) != std::string_view::npos);
        const auto distance = inside ? 1 : edit_distance(lower, d.name);
        if (distance < best) {
          best = distance;
          hint = " (did you mean " + d.name + "?)";
        }
      }
      error(where, plain(*s) ? std::string(*s) + " is not a field of the data dictionary" + hint
                             : "not a field of the data dictionary", plain(*s) ? std::string(*s) : std::string());
    }
    return f;
  }

  // Whether a JSON value fits a case field of type `t` (for constants and choice translations).
  static bool fits(const json::value& v, base kind, const std::vector<std::string>& enums) {
    switch (kind) {
      case base::string:
        return v.is_string() && (enums.empty() || std::find(enums.begin(), enums.end(), v.get_string()) != enums.end());
      case base::date: return v.is_string();
      case base::integer: return v.is_int64() || v.is_uint64();
      case base::number: return v.is_number();
      case base::boolean: return v.is_bool();
      default: return true;
    }
  }

  std::string fit_message(base kind, const std::vector<std::string>& enums) {
    return kind == base::string && !enums.empty() ? "one of " + joined(enums) : kind_name(kind);
  }

  // The choices object of a field.
  void read_choices(source& s, const json::value& v, bool list_item) {
    const auto where = s.where + "/choices";
    const auto* o = v.if_object();
    if (!o) return error(where, "expected an object of REDCap code to case value");
    s.has_choices = true;
    const base kind = list_item ? s.type.item : s.type.kind;
    const auto& enums = list_item ? s.type.item_enums : s.type.enums;
    for (const auto& kv : *o) {
      const std::string code(kv.key());
      if (s.field && !s.field->has_code(code) && s.field->type != "yesno" && s.field->type != "truefalse")
        error(child(where, code),
              (plain(code) ? "code " + code : std::string("a code that")) + " is not a choice of field " + s.field->name +
                  " in the data dictionary",
              s.field->name);
      if (!kv.value().is_null() && !fits(kv.value(), kind, enums)) {
        const auto* str = kv.value().if_string();
        const std::string found = str && plain(*str) ? ", found " + std::string(*str) : "";
        error(child(where, code), (plain(code) ? "code " + code + ": " : std::string()) + "expected " +
                                              fit_message(kind, enums) + " (or null: missing) for " + s.target + found);
      }
      s.choices.emplace_back(code, kv.value());
    }
  }

  // Every code the field can hold must become a value: translated, declared missing, or (without
  // `choices`) usable as it is.
  void check_codes(const source& s, const dict_field& f, base kind, const std::vector<std::string>& enums) {
    std::vector<std::pair<std::string, std::string>> codes = f.choices;
    if (f.type == "yesno" || f.type == "truefalse") codes = {{"1", ""}, {"0", ""}};
    for (const auto& [code, label] : codes) {
      if (out.is_missing(s, code)) continue;
      if (s.has_choices) {
        if (!s.choice(code))
          error(s.where + "/choices",
                "field " + f.name + " has code " + (plain(code) ? code : std::string("(not shown)")) +
                    " in the data dictionary, which the mapping does not translate (map it to a value, or to null "
                    "for missing, or declare it in missing)",
                f.name);
        continue;
      }
      const bool usable = (f.type == "yesno" || f.type == "truefalse")
                              ? kind == base::boolean
                              : kind == base::integer   ? is_integer(code)
                                : kind == base::string  ? enums.empty() || std::find(enums.begin(), enums.end(), code) != enums.end()
                                : kind == base::number  ? is_integer(code)
                                                        : false;
      if (!usable) {
        error(s.where,
              "field " + f.name + " (" + f.type + ") has code " + (plain(code) ? code : std::string("(not shown)")) +
                  ", which is not " + fit_message(kind, enums) + " as " + s.target +
                  " needs: give \"choices\" translating each code",
              f.name);
        return;
      }
    }
  }

  // Does field `f` fit a case field of kind `kind`?
  void check_field_type(const source& s, const dict_field& f, base kind, const std::vector<std::string>& enums) {
    const auto bad = [&](std::string why) { error(s.where, "field " + f.name + " " + why, f.name); };
    if (f.type == "descriptive" || f.type == "file" || f.type == "signature")
      return bad("is a " + f.type + " field, which holds no value a case can take");
    if (f.is_choice()) return check_codes(s, f, kind, enums);
    if (s.has_choices) return bad("is not a choice field (" + f.type + "): \"choices\" does not apply");
    const bool number_field = f.type == "calc" || f.type == "slider" || f.validation == "integer" ||
                              f.validation.starts_with("number");
    switch (kind) {
      case base::date:
        if (!(f.type == "text" && (f.validation.empty() || f.validation.starts_with("date"))))
          bad("is not a date field (" + f.type + (f.validation.empty() ? "" : ", " + f.validation) + "); " + s.target +
              " is a date");
        break;
      case base::integer:
      case base::number:
        if (!(number_field || (f.type == "text" && f.validation.empty())))
          bad("is not a number field (" + f.type + (f.validation.empty() ? "" : ", " + f.validation) + "); " +
              s.target + " is " + kind_name(kind));
        break;
      case base::boolean: bad("is not a yes/no or true/false field; " + s.target + " is true or false"); break;
      case base::string:
        if (!enums.empty()) bad("is free text; " + s.target + " takes one of " + joined(enums) + ": use a choice field with \"choices\"");
        else if (f.is_date() || number_field) bad("is not a text field; " + s.target + " is a text");
        break;
      default: bad("cannot make " + s.target + ", which is " + kind_name(kind)); break;
    }
  }

  void read_source(source& s, const json::value& v, const json::object* scope, bool in_list) {
    const auto* o = v.if_object();
    if (!o) return error(s.where, "expected an object: {\"field\": ...}, {\"fields\": [...]}, {\"value\": ...}, "
                                  "{\"instance\": true} or {\"by_event\": {...}}");
    only_keys(*o, s.where, {"field", "fields", "value", "instance", "by_event", "choices", "missing", "events", "identifier"});
    const json::object* node = schema.at(s.target, scope);
    if (!s.target.starts_with('/') || !node) {
      error(s.where, plain(s.target) || s.target.starts_with('/') ? s.target + " is not a field of the case format" +
                                                                        std::string(in_list ? " (list element)" : "")
                                                                  : "not a JSON Pointer to a case field");
      return;
    }
    if (s.target == "/schema" && !in_list) return error(s.where, "/schema is always " + std::string(case_schema_version));
    s.type = schema.type_of(node);
    const int sources = o->contains("field") + o->contains("fields") + o->contains("value") + o->contains("instance") +
                        o->contains("by_event");
    if (sources != 1) return error(s.where, "give exactly one of field, fields, value, instance, by_event");
    if (const auto* m = o->if_contains("missing")) s.missing = texts(*m, s.where + "/missing", false);
    if (const auto* e = o->if_contains("events")) {
      if (in_list) error(s.where + "/events", "a list element's fields come from its own row; events applies to the list");
      else s.events = texts(*e, s.where + "/events", true);
    }
    const bool identifier_ok = o->contains("identifier") && o->at("identifier") == true;
    if (o->contains("identifier") && !o->at("identifier").is_bool()) error(s.where + "/identifier", "expected true or false");
    const auto identifier_check = [&](const dict_field& f) {
      if (f.identifier && !identifier_ok)
        error(s.where, "field " + f.name + " is an identifier (Identifier? = y in the data dictionary): it reaches a "
                       "case only when the mapping says \"identifier\": true",
              f.name);
    };
    if (const auto* fv = o->if_contains("field")) {
      s.from = source::kind::field;
      s.field = field_named(*fv, s.where + "/field");
      if (s.field && s.field->is_checkbox() && s.type.kind != base::array)
        error(s.where, "field " + s.field->name + " is a checkbox (a list of codes); " + s.target + " is " +
                           kind_name(s.type.kind), s.field->name);
      const bool list_target = s.type.kind == base::array && s.field && s.field->is_checkbox();
      if (const auto* c = o->if_contains("choices")) read_choices(s, *c, list_target);
      if (s.field) {
        identifier_check(*s.field);
        if (s.type.kind == base::array && !s.field->is_checkbox())
          error(s.where, s.target + " is a list: map it from a checkbox field or from \"fields\"", s.field->name);
        else if (list_target)
          check_field_type(s, *s.field, s.type.item, s.type.item_enums);
        else if (s.type.kind != base::array)
          check_field_type(s, *s.field, s.type.kind, s.type.enums);
      }
    } else if (const auto* fs = o->if_contains("fields")) {
      s.from = source::kind::fields;
      if (s.type.kind != base::array || s.type.item == base::object || s.type.item == base::unknown)
        return error(s.where, "\"fields\" makes a list of values; " + s.target + " is " + kind_name(s.type.kind));
      if (o->contains("choices")) error(s.where + "/choices", "\"choices\" applies to one field");
      const auto* a = fs->if_array();
      if (!a || a->empty()) return error(s.where + "/fields", "expected a non-empty list of field names");
      for (std::size_t i = 0; i < a->size(); ++i) {
        const auto* f = field_named((*a)[i], s.where + "/fields/" + std::to_string(i));
        if (!f) continue;
        identifier_check(*f);
        source item = s;
        item.where = s.where + "/fields/" + std::to_string(i);
        check_field_type(item, *f, s.type.item, s.type.item_enums);
        s.fields.push_back(f);
      }
    } else if (const auto* cv = o->if_contains("value")) {
      s.from = source::kind::value;
      s.value = *cv;
      if (o->contains("choices")) error(s.where + "/choices", "\"choices\" applies to a field");
      if (!fits(s.value, s.type.kind, s.type.enums))
        error(s.where + "/value", "expected " + fit_message(s.type.kind, s.type.enums) + " for " + s.target);
    } else if (const auto* iv = o->if_contains("instance")) {
      s.from = source::kind::instance;
      if (!in_list) error(s.where, "the instance number belongs to a list element");
      if (*iv != true) error(s.where + "/instance", "expected true");
      if (s.type.kind != base::integer) error(s.where, s.target + " is " + kind_name(s.type.kind) + ", not a number");
    } else if (const auto* bv = o->if_contains("by_event")) {
      s.from = source::kind::by_event;
      const auto* bo = bv->if_object();
      if (!bo || bo->empty()) return error(s.where + "/by_event", "expected an object of event name to value");
      for (const auto& kv : *bo) {
        if (!fits(kv.value(), s.type.kind, s.type.enums))
          error(child(s.where + "/by_event", kv.key()),
                "expected " + fit_message(s.type.kind, s.type.enums) + " for " + s.target);
        s.by_event.emplace_back(std::string(kv.key()), kv.value());
      }
    }
  }

  void read_fields(std::vector<source>& into, const json::value& v, const std::string& where,
                   const json::object* scope, bool in_list, std::string_view form) {
    const auto* o = v.if_object();
    if (!o) return error(where, "expected an object of case field (JSON Pointer) to its source");
    for (const auto& kv : *o) {
      source s;
      s.target = std::string(kv.key());
      s.where = child(where, kv.key());
      read_source(s, kv.value(), scope, in_list);
      const auto from_form = [&](const dict_field* f) {
        if (in_list && f && dict.has_form(form) && f->form != form && f->name != out.record_id->name)
          error(s.where, "field " + f->name + " is on form " + f->form + ", not on the list's form " + std::string(form) +
                             ": a list element takes the fields of its own form", f->name);
      };
      from_form(s.field);
      for (const auto* f : s.fields) from_form(f);
      for (const auto& other : into)
        if (other.target == s.target) error(s.where, s.target + " is mapped twice");
      into.push_back(std::move(s));
    }
  }

  void run() {
    boost::system::error_code ec;
    json::parse_options po;
    po.max_depth = 32;
    std::string_view text = in.text;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    json::stream_parser parser({}, po);
    const auto used = parser.write_some(text.data(), text.size(), ec);
    if (!ec) parser.finish(ec);
    if (ec) return error("", "the mapping is not JSON: " + ec.message() + " at " + text_position(text, used));
    const auto doc = parser.release();
    const auto* root = doc.if_object();
    if (!root) return error("", "expected a JSON object");
    only_keys(*root, "", {"schema", "record_id", "missing_codes", "statuses", "case", "lists", "description"});
    const auto* schema_v = root->if_contains("schema");
    if (!schema_v || *schema_v != "iptkit.redcap-mapping/1")
      error("/schema", "expected \"iptkit.redcap-mapping/1\"");
    out.record_id = dict.fields.empty() ? nullptr : &dict.fields.front();  // REDCap's first field is the record id
    if (const auto* r = root->if_contains("record_id")) out.record_id = field_named(*r, "/record_id");
    if (!out.record_id) return error("/record_id", "the record id field is unknown (the data dictionary is empty)");
    if (const auto* m = root->if_contains("missing_codes")) out.missing_codes = texts(*m, "/missing_codes", false);
    if (const auto* st = root->if_contains("statuses")) {
      out.statuses.clear();
      const auto* a = st->if_array();
      if (!a) error("/statuses", "expected a list of form statuses (0 incomplete, 1 unverified, 2 complete)");
      else
        for (std::size_t i = 0; i < a->size(); ++i) {
          if ((*a)[i].is_int64() && (*a)[i].get_int64() >= 0 && (*a)[i].get_int64() <= 2)
            out.statuses.push_back(static_cast<int>((*a)[i].get_int64()));
          else error("/statuses/" + std::to_string(i), "expected 0, 1 or 2");
        }
      if (a && a->empty()) error("/statuses", "an empty list reads no form of any list: leave statuses out to read all");
    }
    const auto* c = root->if_contains("case");
    if (!c || !c->is_object()) return error("/case", "expected an object: {\"events\": [...], \"fields\": {...}}");
    only_keys(c->get_object(), "/case", {"events", "fields"});
    if (const auto* e = c->get_object().if_contains("events")) out.case_events = texts(*e, "/case/events", true);
    if (const auto* f = c->get_object().if_contains("fields")) read_fields(out.case_fields, *f, "/case/fields", nullptr, false, "");
    else error("/case", "expected \"fields\"");
    const bool case_id_mapped = std::any_of(out.case_fields.begin(), out.case_fields.end(),
                                            [](const source& s) { return s.target == "/case_id"; });
    if (out.record_id->identifier && !case_id_mapped)
      error("/case/fields", "the record id field " + out.record_id->name +
                                " is an identifier (Identifier? = y), and the case_id would carry it: map /case_id from a "
                                "study code, or say {\"field\": \"" + out.record_id->name +
                                "\", \"identifier\": true} for /case_id",
            out.record_id->name);
    if (const auto* l = root->if_contains("lists")) {
      const auto* a = l->if_array();
      if (!a) return error("/lists", "expected a list");
      for (std::size_t i = 0; i < a->size(); ++i) {
        const auto where = "/lists/" + std::to_string(i);
        const auto* o = (*a)[i].if_object();
        if (!o) {
          error(where, "expected an object: {\"target\": ..., \"form\": ..., \"fields\": {...}}");
          continue;
        }
        only_keys(*o, where, {"target", "form", "events", "fields"});
        list_spec ls;
        ls.where = where;
        const auto* t = o->if_contains("target");
        const auto* form = o->if_contains("form");
        if (!t || !t->is_string() || !form || !form->is_string()) {
          error(where, "expected \"target\" (a list of the case, such as /sessions) and \"form\" (a REDCap form)");
          continue;
        }
        ls.target = std::string(t->get_string());
        ls.form = std::string(form->get_string());
        const json::object* node = schema.at(ls.target);
        const json::object* element = node ? schema.element(node) : nullptr;
        if (!element || schema.type_of(element).kind != base::object) {
          error(where + "/target", plain(ls.target) || ls.target.starts_with('/')
                                        ? ls.target + " is not a list of the case format (such as /sessions, /assessments)"
                                        : "not a list of the case format");
          continue;
        }
        if (!dict.has_form(ls.form))
          error(where + "/form", plain(ls.form) ? ls.form + " is not a form of the data dictionary"
                                                : "not a form of the data dictionary");
        if (const auto* e = o->if_contains("events")) ls.events = texts(*e, where + "/events", true);
        if (const auto* f = o->if_contains("fields")) read_fields(ls.fields, *f, where + "/fields", element, true, ls.form);
        else error(where, "expected \"fields\"");
        out.lists.push_back(std::move(ls));
      }
    }
  }
};

}  // namespace

namespace {

// The API's metadata as JSON (`content=metadata&format=json`): an array of objects, one a field.
void read_json_dictionary(const csv_source& in, std::string_view text, dictionary& d, std::vector<import_issue>& errors) {
  const auto fail = [&](std::optional<std::size_t> row, std::string message) {
    errors.push_back({in.name, std::nullopt, row, "", "", "", import_error_kind::syntax, std::nullopt, std::move(message)});
  };
  boost::system::error_code ec;
  json::parse_options po;
  po.max_depth = 8;
  json::stream_parser parser({}, po);
  const auto used = parser.write_some(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) return fail(std::nullopt, "the data dictionary is not JSON: " + ec.message() + " at " + text_position(text, used));
  const auto doc = parser.release();
  const auto* a = doc.if_array();
  if (!a) return fail(std::nullopt, "expected a JSON array of fields (the API's metadata) or the data dictionary CSV");
  for (std::size_t i = 0; i < a->size(); ++i) {
    const auto* o = (*a)[i].if_object();
    const auto text_of = [&](std::string_view key) -> std::string {
      const auto* v = o ? o->if_contains(key) : nullptr;
      const auto* s = v ? v->if_string() : nullptr;
      return s ? std::string(trim(*s)) : std::string();
    };
    dict_field f{text_of("field_name"), text_of("form_name"), text_of("field_type"),
                 text_of("text_validation_type_or_show_slider_number"), {}, text_of("identifier") == "y"};
    if (!o || f.name.empty() || f.type.empty()) {
      fail(i + 1, "expected a field with field_name, form_name and field_type");
      continue;
    }
    if (f.type == "radio" || f.type == "dropdown" || f.type == "checkbox")
      f.choices = parse_choices(text_of("select_choices_or_calculations"));
    if (!d.index.emplace(f.name, d.fields.size()).second) {
      fail(i + 1, plain(f.name) ? "field " + f.name + " is defined twice" : "a field defined twice");
      continue;
    }
    d.fields.push_back(std::move(f));
  }
}

}  // namespace

dictionary read_dictionary(const csv_source& in, std::vector<import_issue>& errors) {
  dictionary d;
  std::string_view text = in.text;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (const auto first = text.find_first_not_of(" \t\r\n"); first != std::string_view::npos && (text[first] == '[' || text[first] == '{')) {
    read_json_dictionary(in, text, d, errors);
    return d;
  }
  const auto table = parse_csv(in.text, in.name, errors);
  if (!table.usable) return d;
  const auto column = [&](std::string_view export_name, std::string_view api_name) {
    const long c = table.column(export_name);
    return c >= 0 ? c : table.column(api_name);
  };
  const long name = column("Variable / Field Name", "field_name"), form = column("Form Name", "form_name"),
             type = column("Field Type", "field_type"),
             choices = column("Choices, Calculations, OR Slider Labels", "select_choices_or_calculations"),
             validation = column("Text Validation Type OR Show Slider Number", "text_validation_type_or_show_slider_number"),
             identifier = column("Identifier?", "identifier");
  for (const auto& [col, what] : {std::pair{name, "Variable / Field Name"}, {form, "Form Name"}, {type, "Field Type"}})
    if (col < 0)
      errors.push_back({in.name, std::nullopt, std::nullopt, what, "", "", import_error_kind::missing_column, std::nullopt,
                        "the data dictionary has no such column (is this REDCap's data dictionary CSV?)"});
  if (name < 0 || form < 0 || type < 0) return d;
  const auto cell = [](const csv_row& r, long c) -> std::string_view {
    return c < 0 ? std::string_view() : trim(r.cells[static_cast<std::size_t>(c)].text);
  };
  for (const auto& r : table.rows) {
    dict_field f;
    f.name = std::string(cell(r, name));
    f.form = std::string(cell(r, form));
    f.type = std::string(cell(r, type));
    f.validation = std::string(cell(r, validation));
    f.identifier = cell(r, identifier) == "y" || cell(r, identifier) == "Y";
    if (f.type == "radio" || f.type == "dropdown" || f.type == "checkbox") f.choices = parse_choices(cell(r, choices));
    if (f.name.empty()) {
      errors.push_back({in.name, r.line, r.number, "Variable / Field Name", "", "", import_error_kind::invalid,
                        error_kind::missing_field, "a field without a name"});
      continue;
    }
    if (!d.index.emplace(f.name, d.fields.size()).second) {
      errors.push_back({in.name, r.line, r.number, "Variable / Field Name", "", "", import_error_kind::duplicate_row,
                        std::nullopt, plain(f.name) ? "field " + f.name + " is defined twice" : "a field defined twice"});
      continue;
    }
    d.fields.push_back(std::move(f));
  }
  return d;
}

mapping read_mapping(const csv_source& in, const dictionary& dict, const catalog& cat, std::vector<import_issue>& errors) {
  const schema_walker schema(cat);
  mapping_reader reader{in, dict, schema, errors, {}};
  reader.run();
  return std::move(reader.out);
}

}  // namespace iptkit::redcap_detail
