// Reading cases and cohorts, and the JSON Schemas.
#include "bindings.hpp"
#include "describe_class.hpp"

#include <pybind11/typing.h>

#include <iptkit/export/tidy.hpp>
#include <iptkit/json/cohort.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/json/schema.hpp>
#include <iptkit/json/check.hpp>
#include <iptkit/json/write.hpp>

#include <array>
#include <fstream>
#include <memory>
#include <tuple>
#include <stdexcept>

namespace iptkit::python {

namespace {

// One unreadable entry of a cohort input, as Python sees it (InputError's fields, in order):
// (index, line, errors, case_id, source).
py::tuple entry_error(cohort_entry&& e) {
  return py::make_tuple(e.index, e.line ? py::cast(e.line) : py::none(), std::move(e.value).errors(),
                        std::move(e.case_id), std::move(e.source));
}

// The cases of a cohort reader and the unreadable entries, without the GIL while reading.
std::tuple<std::vector<case_record>, py::list> read_all(cohort_reader& reader) {
  std::vector<case_record> cases;
  py::list errors;
  while (true) {
    std::optional<cohort_entry> e;
    {
      py::gil_scoped_release release;
      e = reader.next();
    }
    if (!e) break;
    if (e->value) {
      warn_all(e->value.warnings());
      cases.push_back(std::move(*e->value));
    } else {
      errors.append(entry_error(std::move(*e)));
    }
  }
  return {std::move(cases), std::move(errors)};
}

// A cohort file read one case per next() by cohort_reader: JSON Lines is streamed (memory does
// not grow with the file); an array or a document is read whole within max_cohort_bytes. Made
// empty by __new__ and assigned by __init__, so the open file and the reader that points into it
// live behind a pointer that moves with the stream.
class case_stream {
 public:
  case_stream() = default;

  case_stream(const std::string& path, bool lax, const catalog* cat, bool skip, bool redact,
              const read_limits* limits)
      : state_(std::make_unique<state>(path, cat)), skip_(skip) {
    if (!state_->in) throw py::value_error("iptkit: cannot open " + path);  // callers check first
    state_->reader.emplace(state_->in, path, reading(lax, redact, limits), state_->cat);
  }

  case_record next() {
    state* const s = state_.get();
    if (!s) throw py::stop_iteration();  // never opened
    // The reader runs without the GIL: a second thread's next() would share it mid-line.
    if (s->reading) throw std::runtime_error("iptkit: this CaseStream is being read by another thread");
    s->reading = true;
    const struct done_reading {
      bool& flag;
      ~done_reading() { flag = false; }
    } done{s->reading};
    while (true) {
      std::optional<cohort_entry> entry;
      {
        py::gil_scoped_release release;
        entry = s->reader->next();
      }
      if (!entry) {
        if (s->in.bad()) throw std::runtime_error("iptkit: cannot read " + entry_source(*s));
        throw py::stop_iteration();
      }
      if (entry->value) {
        warn_all(entry->value.warnings());
        return std::move(*entry->value);
      }
      // Listed in errors() either way, so that a raise can name the file and line (CaseIterator).
      std::vector<read_error> problems;
      if (!skip_) problems = entry->value.errors();
      errors_.append(entry_error(std::move(*entry)));
      if (!skip_) throw decode_error(std::move(problems));
    }
  }

  [[nodiscard]] const py::list& errors() const noexcept { return errors_; }

 private:
  struct state;
  static const std::string& entry_source(const state& s) { return s.path; }
  struct state {
    state(const std::string& path, const catalog* c) : in(path, std::ios::binary), cat(catalog_or_builtin(c)), path(path) {}
    std::ifstream in;
    catalog cat;  // a copy: the reader keeps a pointer to it
    std::optional<cohort_reader> reader;
    std::string path;
    bool reading = false;  // changed only with the GIL held
  };
  std::unique_ptr<state> state_;
  bool skip_ = false;
  py::list errors_;
};

}  // namespace

void bind_read_limits(py::module_& m) {
  // Generated from the description of read_limits (docs/reliability.md): one list of limits.
  bind_value_struct<read_limits>(m, "ReadLimits", "Limits on what a reader accepts; beyond one, a limit_exceeded error.");
}

void bind_reading(py::module_& m) {
  m.def(
      "read_case_text",
      [](std::string_view text, bool lax, const catalog* cat, bool redact, const read_limits* limits) {
        return value_or_raise(read_case(text, reading(lax, redact, limits), catalog_or_builtin(cat)));
      },
      py::arg("text"), py::kw_only(), py::arg("lax") = false, py::arg("catalog") = py::none(),
      py::arg("redact") = false, py::arg("limits") = py::none(),
      "Reads one case document from JSON text (str, or bytes read as they are: UTF-8 is checked); "
      "raises DecodeError with every structural error.");

  m.def(
      "read_cohort_text",
      [](const py::bytes& data, std::string_view name, bool lax, const catalog* cat, bool redact,
         const read_limits* limits) {
        const std::string_view text = data;
        cohort_reader reader(text, std::string(name), reading(lax, redact, limits), catalog_or_builtin(cat));
        return read_all(reader);
      },
      py::arg("data"), py::arg("name"), py::kw_only(), py::arg("lax") = false,
      py::arg("catalog") = py::none(), py::arg("redact") = false, py::arg("limits") = py::none(),
      "Reads a cohort held in memory (one document, a JSON array or JSON Lines; `name` is its file "
      "name, whose extension decides the shape first). Returns (cases, errors): each error is "
      "(index, line, [ReadError], case_id or None, source).");

  m.def(
      "read_cohort_file",
      [](const std::string& path, bool lax, const catalog* cat, bool redact, const read_limits* limits) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("iptkit: cannot open " + path);  // callers check first
        cohort_reader reader(in, path, reading(lax, redact, limits), catalog_or_builtin(cat));
        auto out = read_all(reader);
        if (in.bad()) throw std::runtime_error("iptkit: cannot read " + path);
        return out;
      },
      py::arg("path"), py::kw_only(), py::arg("lax") = false, py::arg("catalog") = py::none(),
      py::arg("redact") = false, py::arg("limits") = py::none(),
      "Reads a cohort file with the library's cohort reader (JSON Lines streamed; an array or a "
      "document within max_cohort_bytes). Returns (cases, errors) as read_cohort_text does.");

  m.def(
      "read_cohort_tables",
      [](const std::string& path, bool lax, const catalog* c, bool redact, const read_limits* limits) {
        const auto& cat = catalog_or_builtin(c);
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("iptkit: cannot open " + path);  // callers check first
        cohort_reader reader(in, path, reading(lax, redact, limits), cat);
        // Each case becomes its rows at once and is gone: no case is kept, in C++ or Python.
        tidy_tables tables;
        tables.extra.complete = true;
        std::vector<cohort_entry> failed;
        std::vector<read_error> warnings;
        {
          py::gil_scoped_release release;
          std::size_t index = 0;
          while (auto e = reader.next()) {
            if (!e->value) {
              failed.push_back(std::move(*e));
              continue;
            }
            for (auto& w : e->value.warnings()) warnings.push_back(w);
            iptkit::detail::append_case_tables(*e->value, index++, tidy_options{.complete = true}, cat, tables);
          }
        }
        if (in.bad()) throw std::runtime_error("iptkit: cannot read " + path);
        warn_all(warnings);
        py::list errors;
        for (auto& e : failed) errors.append(entry_error(std::move(e)));
        return py::make_tuple(tidy_frames(tables), errors);
      },
      py::arg("path"), py::kw_only(), py::arg("lax") = false, py::arg("catalog") = py::none(),
      py::arg("redact") = false, py::arg("limits") = py::none(),
      "Reads a cohort file straight into its complete tidy tables' numpy columns (no case is kept). "
      "Returns (tables, errors), errors as read_cohort_file gives them.");

  m.def(
      "read_case_file",
      [](const std::string& path, bool lax, const catalog* cat, bool redact, const read_limits* limits) {
        const auto options = reading(lax, redact, limits);
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("iptkit: cannot open " + path);  // callers check first
        // At most one byte beyond the limit is read: enough for read_case to refuse the rest.
        std::string text;
        {
          py::gil_scoped_release release;
          text = read_at_most(in, options.max_document_bytes);
        }
        if (in.bad()) throw std::runtime_error("iptkit: cannot read " + path);
        return value_or_raise(read_case(text, options, catalog_or_builtin(cat)));
      },
      py::arg("path"), py::kw_only(), py::arg("lax") = false, py::arg("catalog") = py::none(),
      py::arg("redact") = false, py::arg("limits") = py::none(),
      "Reads one case document from a file, reading at most max_document_bytes + 1 bytes of it.");

  auto stream = make_class<case_stream>(m, "CaseStream",
                                       "Cases of a cohort file, read one at a time (see iter_cases).");
  def_init(
      stream,
      [](const std::string& path, bool lax, const catalog* cat, bool skip_errors, bool redact, const read_limits* limits) { return case_stream(path, lax, cat, skip_errors, redact, limits); },
      py::arg("path"), py::kw_only(), py::arg("lax") = false, py::arg("catalog") = py::none(),
      py::arg("skip_errors") = false, py::arg("redact") = false, py::arg("limits") = py::none());
  stream
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &case_stream::next)
      .def_property_readonly("errors", &case_stream::errors,
                             "The entries skipped so far: (index, line, [ReadError], case_id or None, source).");

  m.def(
      "cohort_shape",
      [](std::string_view name, const py::bytes& head) {
        switch (detect_cohort_shape(name, std::string_view(head))) {
          case cohort_shape::array: return "array";
          case cohort_shape::lines: return "lines";
          case cohort_shape::single: break;
        }
        return "single";
      },
      py::arg("name"), py::arg("head"),
      "The layout of a cohort input ('single', 'array' or 'lines') from its file name and its "
      "first bytes (enough to hold the first non-blank line and the start of the next).");

  m.def(
      "cases_json",
      [](const py::typing::Iterable<case_record>& cases, bool lines, const catalog* c) {
        const auto refs = case_pointers(cases);
        const auto& cat = catalog_or_builtin(c);
        std::string text;
        {
          py::gil_scoped_release release;
          // Every case checked first: one error lists every case that cannot be written.
          require_well_formed(refs.cases, {}, 0, cat);
          const write_options compact{json_style::compact};
          text += lines ? "" : "[\n";
          for (std::size_t i = 0; i < refs.cases.size(); ++i) {
            write_case(text, *refs.cases[i], compact, cat);
            text += lines || i + 1 == refs.cases.size() ? "\n" : ",\n";
          }
          text += lines ? "" : "]\n";
        }
        return py::bytes(text);
      },
      py::arg("cases"), py::kw_only(), py::arg("lines"), py::arg("catalog") = py::none(),
      "The cases as JSON Lines (lines) or a JSON array with one compact case per line, UTF-8 "
      "bytes; raises DecodeError listing every case that is not well formed (paths /<index>/...).");
  // A cohort pickles in chunks of cases, each one bytearray: the pickler and the unpickler keep
  // every object they handle until the end, and a bytearray can be emptied once read.
  m.def(
      "cases_pickle",
      [](const py::typing::List<py::object>& items) -> py::object {
        std::vector<const case_record*> cases;
        cases.reserve(items.size());
        for (auto item : items) {
          if (!py::isinstance<case_record>(item)) return py::none();
          cases.push_back(&item.cast<const case_record&>());
        }
        std::string blob;
        std::vector<std::pair<std::size_t, std::string>> adaptations;
        {
          py::gil_scoped_release release;
          for (std::size_t i = 0; i < cases.size(); ++i) {
            auto one = case_pickle_of(*cases[i]);
            if (!one) return py::none();  // pickled case by case, member by member where needed
            blob += one->json;
            blob += '\n';
            if (one->adaptation) adaptations.emplace_back(i, std::move(*one->adaptation));
          }
        }
        return py::make_tuple(py::bytearray(blob.data(), blob.size()), adaptations);
      },
      py::arg("cases"),
      "The pickle state of a list of cases: (one compact case per line as a bytearray, [(position, "
      "adaptation)] for cases whose adaptation the built-in catalog lacks), or None when an item "
      "is not a Case or a case is not well formed.");
  m.def(
      "cases_from_pickle",
      [](const py::buffer& blob, const std::vector<std::pair<std::size_t, std::string>>& adaptations) {
        const py::buffer_info bytes = blob.request();
        const std::string_view text(static_cast<const char*>(bytes.ptr),
                                    static_cast<std::size_t>(bytes.size * bytes.itemsize));
        std::vector<case_record> cases;
        {
          py::gil_scoped_release release;
          auto next_adaptation = adaptations.begin();
          for (std::size_t start = 0; start < text.size();) {
            const auto end = std::min(text.find('\n', start), text.size());
            std::optional<std::string> adaptation;
            if (next_adaptation != adaptations.end() && next_adaptation->first == cases.size())
              adaptation = (next_adaptation++)->second;
            cases.push_back(case_from_pickle(text.substr(start, end - start), std::move(adaptation)));
            start = end + 1;
          }
          if (next_adaptation != adaptations.end())
            throw py::value_error("iptkit: a cohort's pickle names an adaptation for case " +
                                  std::to_string(next_adaptation->first) + " of " +
                                  std::to_string(cases.size()));
        }
        return cases;
      },
      py::arg("blob"), py::arg("adaptations"), "The cases of a cases_pickle() state.");
  m.def(
      "case_json_schema",
      [](const catalog* cat) { return case_json_schema(catalog_or_builtin(cat)); },
      py::arg("catalog") = py::none(),
        "The JSON Schema (draft 2020-12) of the case document, as JSON text.");
  m.def("protocols_json_schema", &protocols_json_schema, "The JSON Schema of a protocols file.");
  m.def("instruments_json_schema", &instruments_json_schema, "The JSON Schema of an instruments file.");
}

}  // namespace iptkit::python
