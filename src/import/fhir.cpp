// Assessments from FHIR R4 QuestionnaireResponses. Which instrument a response is, and which item
// an answer scores, come from the catalog's LOINC codes (loinc_panel, item_loinc, loinc), never
// from a table here, so a registered instrument with codes imports like the built-ins. Updated
// cases are written and read again by the case reader, so they meet every check a JSON case meets.
#include <iptkit/import/fhir.hpp>

#include <iptkit/json/cohort.hpp>
#include <iptkit/json/detail/parse.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/json/write.hpp>
#include <iptkit/model/date.hpp>

#include <boost/json.hpp>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <map>
#include <string_view>

namespace iptkit {

namespace {

namespace bj = boost::json;

constexpr std::string_view loinc_system = "http://loinc.org";

// A Coding's score (R4 core ordinalValue; its successor itemWeight, which SDC uses; and the STU3
// name that older form fillers still write).
constexpr std::string_view ordinal_urls[] = {"http://hl7.org/fhir/StructureDefinition/ordinalValue",
                                             "http://hl7.org/fhir/StructureDefinition/itemWeight",
                                             "http://hl7.org/fhir/StructureDefinition/questionnaire-ordinalValue"};

// LOINC answer list LL358-3, shared by the PHQ-9 and GAD-7 items: "Not at all" (0), "Several
// days" (1), "More than half the days" (2), "Nearly every day" (3).
constexpr std::string_view answer_codes[] = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};

bool is_code(std::string_view s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](unsigned char ch) {
    return std::isalnum(ch) || ch == '.' || ch == '_' || ch == '-';
  });
}

// A FHIR id (R4: [A-Za-z0-9\-\.]{1,64}).
bool is_fhir_id(std::string_view s) { return is_code(s) && s.find('_') == std::string_view::npos; }

const bj::value* member(const bj::object& o, std::string_view key) { return o.if_contains(key); }

const bj::string* string_member(const bj::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v ? v->if_string() : nullptr;
}

// `code` in `text`, not part of a longer number (44249-1 is not in 144249-1 or 44249-10).
bool names_code(std::string_view text, std::string_view code) {
  if (code.empty()) return false;
  for (auto at = text.find(code); at != std::string_view::npos; at = text.find(code, at + 1)) {
    const bool before = at == 0 || !std::isdigit(static_cast<unsigned char>(text[at - 1]));
    const auto end = at + code.size();
    const bool after = end == text.size() || !std::isdigit(static_cast<unsigned char>(text[end]));
    if (before && after) return true;
  }
  return false;
}

// The item code of a linkId: LHC-Forms writes `/44250-9`, or the path `/44249-1/44250-9` inside a group.
std::string_view link_code(std::string_view link_id) {
  const auto slash = link_id.rfind('/');
  return slash == std::string_view::npos ? link_id : link_id.substr(slash + 1);
}

// A whole number from a JSON number (a decimal such as 2.0 counts); nullopt otherwise.
std::optional<std::int64_t> whole_number(const bj::value& v) {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64()) return std::nullopt;  // above 2^63: far past any score
  if (v.is_double()) {
    const double d = v.get_double();
    if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= 1e9) return static_cast<std::int64_t>(d);
  }
  return std::nullopt;
}

// The calendar date of an R4 dateTime (YYYY-MM-DD, optionally Thh:mm:ss[.f+] and a zone, which
// R4 requires with a time). The date is the one written, in the respondent's zone: converting to
// UTC could move it to the day before or after the questionnaire was filled in. A year or a month
// alone (also valid dateTimes) has no calendar day.
std::optional<date> authored_date(std::string_view s) {
  if (s.size() < 10) return std::nullopt;
  const auto d = parse_date(s.substr(0, 10));
  if (!d) return std::nullopt;
  auto rest = s.substr(10);
  if (rest.empty()) return d;
  const auto two = [&](std::size_t at, int max) {
    if (rest.size() < at + 2 || !std::isdigit(static_cast<unsigned char>(rest[at])) ||
        !std::isdigit(static_cast<unsigned char>(rest[at + 1])))
      return false;
    return (rest[at] - '0') * 10 + (rest[at + 1] - '0') <= max;
  };
  if (rest[0] != 'T' || !two(1, 23) || rest.size() < 9 || rest[3] != ':' || !two(4, 59) || rest[6] != ':' ||
      !two(7, 60))
    return std::nullopt;
  rest.remove_prefix(9);
  if (!rest.empty() && rest[0] == '.') {
    std::size_t n = 1;
    while (n < rest.size() && std::isdigit(static_cast<unsigned char>(rest[n]))) ++n;
    if (n == 1) return std::nullopt;
    rest.remove_prefix(n);
  }
  if (rest == "Z") return d;
  if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && two(1, 14) && rest[3] == ':' && two(4, 59)) return d;
  return std::nullopt;
}

// Where a resource is: its input, NDJSON line, number, and the FHIRPath of the resource itself.
struct place {
  const csv_source* input = nullptr;
  std::optional<std::size_t> line;
  std::size_t row = 0;
  std::string at;  // `QuestionnaireResponse` or `Bundle.entry[3].resource`
};

// An answered item of a response: the code its linkId names, its FHIRPath and its answers.
struct answered_item {
  std::string code;
  std::string field;
  const bj::array* answers = nullptr;
};

// A response that read without errors, waiting to be attached or listed.
struct pending {
  assessment_record record;
  place where;
  bool kept = false;
};

struct importer {
  const fhir_import_options& options;
  const catalog& cat;
  fhir_import_result& result;
  std::vector<pending> imported;

  // A value of the input, quoted only when it is a code or identifier and reports may show values.
  [[nodiscard]] std::string shown(std::string_view s, std::string_view otherwise) const {
    return is_code(s) && !options.read.redact ? "\"" + std::string(s) + "\"" : std::string(otherwise);
  }

  static import_issue make(const place& w, std::string field, import_error_kind kind, std::optional<error_kind> read_kind,
                           std::string message) {
    import_issue e;
    e.source = w.input->name;
    e.line = w.line;
    e.row = w.row;
    e.field = std::move(field);
    e.kind = kind;
    e.read_kind = read_kind;
    e.message = std::move(message);
    return e;
  }

  // One QuestionnaireResponse; its issues get the subject's id once it is known.
  struct response {
    importer& in;
    const place& where;
    const bj::object& qr;
    const std::map<std::string, std::string, std::less<>>* patients;  // Bundle fullUrl -> Patient id
    std::vector<import_issue> errors, unused;
    std::string case_id;  // the subject's id, once known

    void fail(std::string field, import_error_kind kind, std::optional<error_kind> read_kind, std::string message) {
      errors.push_back(make(where, std::move(field), kind, read_kind, std::move(message)));
    }
    void invalid(std::string field, error_kind read_kind, std::string message) {
      fail(std::move(field), import_error_kind::invalid, read_kind, std::move(message));
    }
    [[nodiscard]] std::string at(std::string_view element) const { return where.at + "." + std::string(element); }

    // The subject's id: `Patient/<id>` (relative, absolute or versioned), a `urn:uuid:` of a
    // Patient entry of the same Bundle, or else `identifier.value`.
    std::optional<std::string> subject() {
      const auto* v = member(qr, "subject");
      if (!v) {
        invalid(at("subject"), error_kind::missing_field, "expected the subject: a Patient reference or an identifier");
        return std::nullopt;
      }
      const auto* s = v->if_object();
      if (!s) {
        invalid(at("subject"), error_kind::wrong_type, "expected a Reference (an object)");
        return std::nullopt;
      }
      std::optional<std::string> id;
      std::string field;
      std::string problem;
      if (const auto* r = string_member(*s, "reference")) {
        field = at("subject.reference");
        std::string_view ref = *r;
        if (ref.starts_with("urn:uuid:")) {
          if (patients)
            if (const auto it = patients->find(ref); it != patients->end()) id = it->second;
          if (!id) problem = "expected a urn:uuid: of a Patient entry of the same Bundle; found none";
        } else {
          if (const auto h = ref.find("/_history/"); h != std::string_view::npos) ref = ref.substr(0, h);
          const auto p = ref.rfind("Patient/");
          if (p != std::string_view::npos && (p == 0 || ref[p - 1] == '/')) id = std::string(ref.substr(p + 8));
          else problem = "expected a reference to a Patient (`Patient/<id>`)";
        }
      } else if (member(*s, "reference")) {
        invalid(at("subject.reference"), error_kind::wrong_type, "expected a string");
        return std::nullopt;
      }
      if (!id) {
        const auto* ident = member(*s, "identifier");
        const auto* io = ident ? ident->if_object() : nullptr;
        if (const auto* value = io ? string_member(*io, "value") : nullptr) {
          id = std::string(*value);
          field = at("subject.identifier.value");
        }
      }
      if (!id) {
        invalid(field.empty() ? at("subject") : field, field.empty() ? error_kind::missing_field : error_kind::bad_format,
                problem.empty() ? "expected a Patient reference or an identifier with a value" : problem);
        return std::nullopt;
      }
      // The id becomes a case_id (or must match one): the case format's identifier.
      if (!json::detail::satisfies(meta::identifier{1, 64}, *id)) {
        invalid(field, error_kind::bad_format,
                "expected a subject id that can be a case_id (1 to 64 letters, digits, `.`, `_`, `-`)");
        return std::nullopt;
      }
      return id;
    }

    // The instrument a response is: by its questionnaire's panel code, else by its items' codes.
    const instrument* which(const std::vector<answered_item>& answered) {
      const auto* q = member(qr, "questionnaire");
      if (q && !q->is_string()) {
        invalid(at("questionnaire"), error_kind::wrong_type, "expected a canonical URL (a string)");
        return nullptr;
      }
      const auto& all = in.cat.instruments.entries();
      if (q) {
        std::string_view url = q->get_string();
        url = url.substr(0, url.find('|'));  // `|version`
        for (const auto& i : all)
          if (i.loinc_panel && names_code(url, *i.loinc_panel)) return &i;
      }
      std::vector<const instrument*> found;
      for (const auto& i : all) {
        const bool has = std::any_of(answered.begin(), answered.end(), [&](const auto& a) {
          return (i.loinc && a.code == *i.loinc) ||
                 std::find(i.item_loinc.begin(), i.item_loinc.end(), a.code) != i.item_loinc.end();
        });
        if (has) found.push_back(&i);
      }
      if (found.size() == 1) return found.front();
      if (found.empty()) {
        fail(q ? at("questionnaire") : where.at, import_error_kind::unknown_code, std::nullopt,
             std::string(q ? "neither the questionnaire nor" : "none of") +
                 " the items' linkIds name an instrument of the catalog (its loinc_panel, item_loinc or loinc)");
      } else {
        std::string ids;
        for (const auto* i : found) ids += (ids.empty() ? "" : ", ") + i->id;
        fail(q ? at("questionnaire") : where.at, import_error_kind::mapping, std::nullopt,
             "the items' linkIds belong to more than one instrument (" + ids +
                 "); name the questionnaire by its LOINC panel code");
      }
      return nullptr;
    }

    // Every answered item, depth first. `item` groups and items under answers are walked;
    // recursion is bounded by the parser's depth limit.
    void walk(const bj::value& items, const std::string& field, std::vector<answered_item>& out) {
      const auto* list = items.if_array();
      if (!list) {
        invalid(field, error_kind::wrong_type, "expected a list of items");
        return;
      }
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string here = field + "[" + std::to_string(i) + "]";
        const auto* item = (*list)[i].if_object();
        if (!item) {
          invalid(here, error_kind::wrong_type, "expected an item (an object)");
          continue;
        }
        const auto* link = string_member(*item, "linkId");
        if (!link) invalid(here + ".linkId", member(*item, "linkId") ? error_kind::wrong_type : error_kind::missing_field,
                           "expected the item's linkId (a string)");
        if (const auto* a = member(*item, "answer")) {
          const auto* list_of_answers = a->if_array();
          if (!list_of_answers) {
            invalid(here + ".answer", error_kind::wrong_type, "expected a list of answers");
          } else {
            if (link && !list_of_answers->empty()) out.push_back({std::string(link_code(*link)), here, list_of_answers});
            for (std::size_t k = 0; k < list_of_answers->size(); ++k)
              if (const auto* ao = (*list_of_answers)[k].if_object())
                if (const auto* sub = member(*ao, "item"))
                  walk(*sub, here + ".answer[" + std::to_string(k) + "].item", out);
          }
        }
        if (const auto* sub = member(*item, "item")) walk(*sub, here + ".item", out);
      }
    }

    // The one value[x] of an answer, or null with an error.
    std::pair<std::string_view, const bj::value*> value_of(const bj::object& answer, const std::string& field) {
      std::pair<std::string_view, const bj::value*> found{{}, nullptr};
      std::size_t count = 0;
      for (const auto& kv : answer)
        if (kv.key().starts_with("value") && !count++) found = {kv.key(), &kv.value()};
      if (count == 1) return found;
      invalid(field, count ? error_kind::wrong_type : error_kind::missing_field,
              count ? "expected one value[x]; found " + std::to_string(count) : "expected a value (value[x])");
      return {{}, nullptr};
    }

    // An item's score from its answer.
    std::optional<int> score(const bj::value& answer, const std::string& field, const instrument& ins, std::size_t k) {
      const auto* a = answer.if_object();
      if (!a) {
        invalid(field, error_kind::wrong_type, "expected an answer (an object)");
        return std::nullopt;
      }
      const auto [key, v] = value_of(*a, field);
      if (!v) return std::nullopt;
      const std::string vfield = field + "." + std::string(key);
      std::optional<std::int64_t> s;
      if (key == "valueInteger") {
        s = v->is_int64() || v->is_uint64() ? whole_number(*v) : std::nullopt;
        if (!s) {
          invalid(vfield, error_kind::wrong_type, "expected an integer");
          return std::nullopt;
        }
      } else if (key == "valueCoding") {
        s = coding_score(*v, vfield);
        if (!s) return std::nullopt;
      } else {
        invalid(vfield, error_kind::wrong_type,
                "expected valueInteger or valueCoding; found " + in.shown(key, "another value type"));
        return std::nullopt;
      }
      const int lo = ins.item_min, hi = item_max_of(ins, k);
      if (*s < lo || *s > hi) {
        invalid(vfield, error_kind::out_of_range,
                "expected a score from " + std::to_string(lo) + " to " + std::to_string(hi) + " for item " +
                    std::to_string(k + 1) + " of " + ins.name + "; found " + std::to_string(*s));
        return std::nullopt;
      }
      return static_cast<int>(*s);
    }

    // A Coding's score: its ordinalValue / itemWeight extension, else a LOINC answer code.
    std::optional<std::int64_t> coding_score(const bj::value& v, const std::string& field) {
      const auto* c = v.if_object();
      if (!c) {
        invalid(field, error_kind::wrong_type, "expected a Coding (an object)");
        return std::nullopt;
      }
      const auto* code = string_member(*c, "code");
      const auto* system = string_member(*c, "system");
      std::optional<std::int64_t> from_code;
      if (code && (!system || *system == loinc_system))
        for (std::size_t k = 0; k < std::size(answer_codes); ++k)
          if (*code == answer_codes[k]) from_code = static_cast<std::int64_t>(k);
      std::optional<std::int64_t> ordinal;
      if (const auto* ext = member(*c, "extension"); ext && ext->is_array()) {
        const auto& list = ext->get_array();
        for (std::size_t k = 0; k < list.size(); ++k) {
          const auto* e = list[k].if_object();
          const auto* url = e ? string_member(*e, "url") : nullptr;
          if (!url || std::find(std::begin(ordinal_urls), std::end(ordinal_urls), std::string_view(*url)) == std::end(ordinal_urls))
            continue;
          const std::string efield = field + ".extension[" + std::to_string(k) + "]";
          const bj::value* n = member(*e, "valueDecimal");
          if (!n) n = member(*e, "valueInteger");
          ordinal = n ? whole_number(*n) : std::nullopt;
          if (!ordinal) {
            invalid(efield, error_kind::wrong_type, "expected a whole-number valueDecimal (the answer's score)");
            return std::nullopt;
          }
          break;
        }
      }
      if (ordinal && from_code && *ordinal != *from_code) {
        fail(field, import_error_kind::inconsistent, std::nullopt,
             "the answer code " + std::string(answer_codes[*from_code]) + " scores " + std::to_string(*from_code) +
                 ", its ordinal extension " + std::to_string(*ordinal));
        return std::nullopt;
      }
      if (ordinal) return ordinal;
      if (from_code) return from_code;
      fail(field, import_error_kind::unknown_code, std::nullopt,
           "answer code " + (code ? in.shown(*code, "(not shown)") : std::string("(none)")) +
               (system && *system != loinc_system ? " of another system than LOINC" : "") +
               " has no score: expected LA6568-5, LA6569-3, LA6570-1 or LA6571-9 (LOINC, 0-3), or an "
               "ordinalValue or itemWeight extension");
      return std::nullopt;
    }

    // The stated total: valueInteger, or a whole valueDecimal or valueQuantity.value. `value_field`
    // becomes the FHIRPath of its value.
    std::optional<int> stated_total(const bj::value& answer, const std::string& afield, std::string& value_field) {
      value_field = afield;
      const auto* a = answer.if_object();
      if (!a) {
        invalid(afield, error_kind::wrong_type, "expected an answer (an object)");
        return std::nullopt;
      }
      const auto [key, v] = value_of(*a, afield);
      if (!v) return std::nullopt;
      const std::string vfield = afield + "." + std::string(key);
      value_field = vfield;
      std::optional<std::int64_t> n;
      if (key == "valueInteger" || key == "valueDecimal") {
        n = key == "valueInteger" && v->is_double() ? std::nullopt : whole_number(*v);
      } else if (key == "valueQuantity") {
        const auto* q = v->if_object();
        const auto* value = q ? member(*q, "value") : nullptr;
        n = value ? whole_number(*value) : std::nullopt;
      } else {
        invalid(vfield, error_kind::wrong_type,
                "expected valueInteger, valueDecimal or valueQuantity; found " + in.shown(key, "another value type"));
        return std::nullopt;
      }
      if (!n) {
        invalid(vfield, error_kind::wrong_type, "expected a whole number");
        return std::nullopt;
      }
      if (*n < -meta::score_limit || *n > meta::score_limit) {
        invalid(vfield, error_kind::out_of_range, "expected a total within the score limit; found " + std::to_string(*n));
        return std::nullopt;
      }
      return static_cast<int>(*n);
    }

    std::optional<assessment_record> read() {
      assessment_record rec;
      rec.source = where.input->name;
      rec.line = where.line;
      rec.row = where.row;
      if (const auto* id = string_member(qr, "id"); id && is_fhir_id(*id)) rec.resource_id = std::string(*id);

      // status: only a finished response (completed, or amended after it) is a measure.
      const auto* status = member(qr, "status");
      if (!status || !status->is_string()) {
        invalid(at("status"), status ? error_kind::wrong_type : error_kind::missing_field,
                "expected the response's status (a code)");
        return std::nullopt;
      }
      const std::string_view st = status->get_string();
      if (st != "completed" && st != "amended") {
        constexpr std::string_view known[] = {"in-progress", "entered-in-error", "stopped"};
        const bool is_known = std::find(std::begin(known), std::end(known), st) != std::end(known);
        if (const auto id = subject()) case_id = *id;
        errors.clear();  // a response left out for its status is not checked further
        unused.push_back(make(where, at("status"), import_error_kind::incomplete, std::nullopt,
                              "status " + (is_known ? std::string(st) : std::string("that is not an R4 code")) +
                                  ": only completed or amended responses are imported"));
        return std::nullopt;
      }

      if (const auto id = subject()) case_id = rec.case_id = *id;
      const auto* authored = member(qr, "authored");
      if (!authored) invalid(at("authored"), error_kind::missing_field, "expected the date the answers were given (authored)");
      else if (!authored->is_string()) invalid(at("authored"), error_kind::wrong_type, "expected a dateTime (a string)");
      else if (const auto d = authored_date(authored->get_string())) rec.value.date = *d;
      else
        invalid(at("authored"), error_kind::bad_date,
                "expected a dateTime with a calendar day (YYYY-MM-DD, optionally Thh:mm:ss and a zone)");

      std::vector<answered_item> answered;
      if (const auto* items = member(qr, "item")) walk(*items, at("item"), answered);
      const instrument* ins = which(answered);
      if (!ins) return std::nullopt;
      rec.value.instrument = ins->id;

      const auto n = static_cast<std::size_t>(ins->items);
      std::vector<std::optional<int>> scores(n);
      std::vector<std::string> item_field(n);
      std::optional<int> total;
      std::string total_item, total_field;  // the total's item, and its value
      for (const auto& [code, field, answers] : answered) {
        const auto k = static_cast<std::size_t>(
            std::find(ins->item_loinc.begin(), ins->item_loinc.end(), code) - ins->item_loinc.begin());
        const bool is_item = k < ins->item_loinc.size() && k < n;
        const bool is_total = !is_item && ins->loinc && code == *ins->loinc;
        if (!is_item && !is_total) {
          // PHQ-9 item 10 (69722-7, difficulty) is asked but not scored; it lands here like any other.
          unused.push_back(make(where, field, import_error_kind::not_mapped, std::nullopt,
                                "linkId " + in.shown(code, "(not shown)") + " is not an item or the total of " + ins->name +
                                    ": not imported"));
          continue;
        }
        std::string& first = is_item ? item_field[k] : total_item;
        if (!first.empty()) {
          invalid(field, error_kind::duplicate_id,
                  "the " + (is_item ? "item " + std::to_string(k + 1) : std::string("total")) + " of " + ins->name +
                      " is answered again (first at " + first + ")");
          continue;
        }
        first = field;
        if (answers->size() != 1) {
          invalid(field + ".answer", error_kind::out_of_range, "expected one answer; found " + std::to_string(answers->size()));
          continue;
        }
        if (is_total) total = stated_total((*answers)[0], field + ".answer[0]", total_field);
        else scores[k] = score((*answers)[0], field + ".answer[0]", *ins, k);
      }

      // Items run 1..m without a gap (as the tables' item columns): a later answer without an
      // earlier one would put scores on the wrong items.
      std::size_t m = 0;
      for (std::size_t k = 0; k < n; ++k)
        if (!item_field[k].empty()) m = k + 1;
      for (std::size_t k = 0; k < m; ++k)
        if (item_field[k].empty())
          invalid(at("item"), error_kind::missing_field,
                  "item " + std::to_string(k + 1) + " of " + ins->name + " (" +
                      (k < ins->item_loinc.size() ? ins->item_loinc[k] : std::string("?")) +
                      ") has no answer, but a later item has");
      if (!errors.empty()) return std::nullopt;
      for (std::size_t k = 0; k < m; ++k) rec.value.items.push_back(*scores[k]);
      if (!total_item.empty() && m > 0) {
        long long sum = 0;
        for (const int s : rec.value.items) sum += s;
        if (m < n)
          fail(total_field, import_error_kind::inconsistent, std::nullopt,
               "a total is stated but only " + std::to_string(m) + " of the " + std::to_string(n) +
                   " items are answered: it cannot be checked against them");
        else if (sum != *total)
          fail(total_field, import_error_kind::inconsistent, std::nullopt,
               in.options.read.redact ? std::string("the stated total is not the sum of the items")
                                   : "the stated total is " + std::to_string(*total) + ", the items sum to " +
                                         std::to_string(sum));
      }
      if (total && (*total < ins->total_min || *total > ins->total_max))
        invalid(total_field, error_kind::out_of_range,
                "expected a total from " + std::to_string(ins->total_min) + " to " + std::to_string(ins->total_max) +
                    " for " + ins->name + "; found " + std::to_string(*total));
      if (m == 0 && total_item.empty())
        invalid(at("item"), error_kind::missing_field, "no item of " + ins->name + " is answered, and no total is stated");
      if (!errors.empty()) return std::nullopt;
      rec.value.total = total;
      // What a case would read back: the record meets the case format on its own too.
      auto back = read_json<assessment>(to_json(rec.value), in.options.read, in.cat);
      if (!back) {
        for (const auto& e : back.errors()) invalid(where.at, e.kind, e.message);
        return std::nullopt;
      }
      return rec;
    }
  };

  void read_resource(const bj::object& qr, const place& w, const std::map<std::string, std::string, std::less<>>* patients) {
    response r{*this, w, qr, patients, {}, {}, {}};
    auto rec = r.read();
    for (auto* list : {&r.errors, &r.unused})
      for (auto& e : *list) e.case_id = r.case_id;
    std::move(r.errors.begin(), r.errors.end(), std::back_inserter(result.errors));
    std::move(r.unused.begin(), r.unused.end(), std::back_inserter(result.unused));
    if (rec) imported.push_back({std::move(*rec), w, false});
  }

  void read_bundle(const bj::object& bundle, place w, std::size_t& row) {
    const auto* entries = member(bundle, "entry");
    if (!entries) return;  // an empty Bundle
    if (!entries->is_array()) {
      result.errors.push_back(make(w, w.at + ".entry", import_error_kind::invalid, error_kind::wrong_type,
                                   "expected a list of entries"));
      return;
    }
    const auto& list = entries->get_array();
    // Patients by fullUrl: a response in a Bundle may name its subject by the entry's urn:uuid.
    std::map<std::string, std::string, std::less<>> patients;
    for (const auto& e : list) {
      const auto* eo = e.if_object();
      const auto* url = eo ? string_member(*eo, "fullUrl") : nullptr;
      const auto* res = eo ? member(*eo, "resource") : nullptr;
      const auto* ro = res ? res->if_object() : nullptr;
      const auto* type = ro ? string_member(*ro, "resourceType") : nullptr;
      const auto* id = ro ? string_member(*ro, "id") : nullptr;
      if (url && type && *type == "Patient" && id) patients.emplace(std::string(*url), std::string(*id));
    }
    for (std::size_t k = 0; k < list.size(); ++k) {
      place here = w;
      here.row = ++row;
      here.at = "Bundle.entry[" + std::to_string(k) + "].resource";
      ++result.resources_read;
      const auto* eo = list[k].if_object();
      const auto* res = eo ? member(*eo, "resource") : nullptr;
      const auto* ro = res ? res->if_object() : nullptr;
      const auto* type = ro ? string_member(*ro, "resourceType") : nullptr;
      if (type && *type == "QuestionnaireResponse") {
        read_resource(*ro, here, &patients);
      } else {
        result.unused.push_back(make(here, here.at, import_error_kind::not_mapped, std::nullopt,
                                     (type ? (is_code(*type) && !options.read.redact ? "a \"" + std::string(*type) + "\" resource"
                                                                                     : std::string("a resource of another type"))
                                           : std::string("an entry without a resource")) +
                                         ": only QuestionnaireResponses are read"));
      }
    }
  }

  // One document or NDJSON line.
  void read_text(std::string_view text, place w, std::size_t& row) {
    std::vector<read_error> parse_errors;
    const auto dom = json::detail::parse_dom(text, options.read, parse_errors);
    if (!parse_errors.empty() || !dom) {
      w.row = ++row;
      ++result.resources_read;
      const auto& e = parse_errors.front();
      auto issue = make(w, "", e.kind == error_kind::syntax ? import_error_kind::syntax : import_error_kind::invalid,
                        e.kind == error_kind::syntax ? std::nullopt : std::optional<error_kind>(e.kind), e.message);
      if (!w.line) issue.line = e.line;  // a document: where the parser stopped
      result.errors.push_back(std::move(issue));
      return;
    }
    const auto* o = dom->if_object();
    const auto* type = o ? string_member(*o, "resourceType") : nullptr;
    if (type && *type == "Bundle") {
      w.at = "Bundle";
      read_bundle(*o, std::move(w), row);
      return;
    }
    w.row = ++row;
    ++result.resources_read;
    w.at = "QuestionnaireResponse";
    if (type && *type == "QuestionnaireResponse") {
      read_resource(*o, w, nullptr);
      return;
    }
    result.errors.push_back(make(w, "", import_error_kind::mapping, std::nullopt,
                                 "expected a QuestionnaireResponse or a Bundle; found " +
                                     (type ? (is_code(*type) && !options.read.redact ? "a \"" + std::string(*type) + "\" resource"
                                                                                     : std::string("a resource of another type"))
                                     : o   ? std::string("an object without a resourceType")
                                           : std::string("JSON that is not an object"))));
  }

  void read_input(const csv_source& input) {
    place w;
    w.input = &input;
    std::size_t row = 0;
    if (detect_cohort_shape(input.name, input.text) != cohort_shape::lines) {
      read_text(input.text, w, row);
      return;
    }
    std::string_view rest = input.text;
    for (std::size_t line = 1; !rest.empty(); ++line) {
      const auto nl = rest.find('\n');
      auto text = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      if (text.ends_with('\r')) text.remove_suffix(1);
      if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
      w.line = line;
      read_text(text, w, row);
    }
  }

  // Appends each response to the case its subject names, then reads every case again.
  void attach() {
    const auto& given = options.cases;
    std::map<std::string_view, std::size_t> index;
    std::map<std::string_view, std::size_t> copies;
    for (std::size_t c = 0; c < given.size(); ++c) {
      index.emplace(given[c].case_id, c);
      ++copies[given[c].case_id];
    }
    std::vector<case_record> cases = given;
    std::vector<std::vector<std::size_t>> added(given.size());  // imported[] indices per case
    for (std::size_t p = 0; p < imported.size(); ++p) {
      auto& rec = imported[p].record;
      const auto& w = imported[p].where;
      const auto it = index.find(rec.case_id);
      if (it == index.end() || copies[rec.case_id] > 1) {
        auto e = make(w, w.at + ".subject", import_error_kind::unmatched_row, std::nullopt,
                      it == index.end() ? "no given case has case_id " + shown(rec.case_id, "(not shown)")
                                        : "more than one given case has case_id " + shown(rec.case_id, "(not shown)"));
        e.case_id = rec.case_id;
        result.errors.push_back(std::move(e));
        continue;
      }
      auto& list = cases[it->second].assessments;
      // The same form again: a response carries no session or rater, so those are not compared.
      const auto same_form = [&](const assessment& a) {
        return a.instrument == rec.value.instrument && a.date == rec.value.date && a.items == rec.value.items &&
               a.total == rec.value.total;
      };
      if (std::any_of(list.begin(), list.end(), same_form)) {
        auto u = make(w, w.at, import_error_kind::duplicate_row, std::nullopt,
                      "the case already has this assessment (same instrument, date, items and total): not added again");
        u.case_id = rec.case_id;
        result.unused.push_back(std::move(u));
        continue;
      }
      rec.path = "/assessments/" + std::to_string(list.size());
      list.push_back(rec.value);
      added[it->second].push_back(p);
    }
    for (std::size_t c = 0; c < cases.size(); ++c) {
      const auto& id = given[c].case_id;
      if (copies[id] > 1) {
        if (index[id] == c) {
          import_issue e;
          e.case_id = id;
          e.kind = import_error_kind::duplicate_row;
          e.message = "more than one of the given cases has this case_id: none of them is kept";
          result.errors.push_back(std::move(e));
        }
        continue;
      }
      const auto text = write_case(cases[c], {.style = json_style::compact, .unchecked = true}, cat);
      auto read = read_case(text, options.read, cat);
      if (read) {
        result.cases.push_back(std::move(read).value());
        for (const auto p : added[c]) imported[p].kept = true;
        continue;
      }
      // An error in an appended assessment is the response's; any other is the given case's.
      const auto first_new = given[c].assessments.size();
      for (const auto& e : read.errors()) {
        import_issue issue;
        issue.kind = import_error_kind::invalid;
        issue.read_kind = e.kind;
        issue.message = e.message;
        for (std::size_t k = 0; k < added[c].size(); ++k) {
          const std::string prefix = "/assessments/" + std::to_string(first_new + k);
          if (e.path == prefix || e.path.starts_with(prefix + "/")) {
            const auto& w = imported[added[c][k]].where;
            issue = make(w, w.at, issue.kind, issue.read_kind, issue.message);
          }
        }
        issue.case_id = id;
        issue.path = e.path;
        result.errors.push_back(std::move(issue));
      }
    }
  }

  void run(const std::vector<csv_source>& inputs) {
    for (const auto& input : inputs) read_input(input);
    if (options.attach == fhir_attach::to_cases) {
      attach();
    } else {
      for (auto& p : imported) p.kept = true;
    }
    for (auto& p : imported)
      if (p.kept) result.assessments.push_back(std::move(p.record));
    // In input order, then by resource; the given cases' own errors (no input) last.
    const auto rank = [&](const import_issue& e) {
      std::size_t k = inputs.size();
      for (std::size_t i = 0; i < inputs.size(); ++i)
        if (!e.source.empty() && e.source == inputs[i].name) k = std::min(k, i);
      return std::pair(k, e.row.value_or(0));
    };
    for (auto* list : {&result.errors, &result.unused})
      std::stable_sort(list->begin(), list->end(),
                       [&](const import_issue& a, const import_issue& b) { return rank(a) < rank(b); });
  }
};

}  // namespace

fhir_import_result import_questionnaire_responses(const std::vector<csv_source>& inputs,
                                                  const fhir_import_options& options, const catalog& cat) {
  fhir_import_result result;
  importer{options, cat, result, {}}.run(inputs);
  return result;
}

}  // namespace iptkit
