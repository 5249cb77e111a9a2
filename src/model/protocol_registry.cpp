// The built-in adaptation table of domain.md. This is the only place its numbers live: rules and
// planning read them from a registry, and users add or override rows at run time.
#include <iptkit/model/protocol_registry.hpp>

#include <iptkit/json/check.hpp>


namespace iptkit {

namespace {
protocol row(std::string id, std::string name, therapy_format format, int min, int max,
             int initial_max, int termination_min, std::string source) {
  protocol p;
  p.id = std::move(id);
  p.name = std::move(name);
  p.format = format;
  p.min_sessions = min;
  p.max_sessions = max;
  p.initial_max = initial_max;
  p.termination_min = termination_min;
  p.source = std::move(source);
  return p;
}
}  // namespace

protocol_registry protocol_registry::with_builtins() {
  using f = therapy_format;
  protocol_registry r;
  auto ipt = row("ipt", "IPT, acute, individual", f::individual, 12, 16, 4, 2, "ISIPT; Weissman, Markowitz & Klerman, Guide to IPT");
  ipt.session_minutes = 50;
  r.add(ipt);
  r.add(row("ipt_brief", "brief IPT", f::individual, 8, 8, 2, 2, "ISIPT"));
  auto ipt_a = row("ipt_a", "IPT for adolescents", f::individual, 12, 12, 4, 2, "Mufson et al. 1999, Arch Gen Psychiatry 56:573");
  ipt_a.min_age = 12;
  ipt_a.max_age = 18;
  r.add(ipt_a);
  auto ipt_g = row("ipt_g", "group IPT", f::group, 16, 20, 4, 5, "Bolton et al. 2003, JAMA 289:3117; Wilfley et al. 2002, Arch Gen Psychiatry 59:713");
  ipt_g.session_minutes = 90;
  r.add(ipt_g);
  r.add(row("ipc", "interpersonal counselling", f::individual, 3, 6, 1, 1, "Weissman et al. 2014, Am J Psychother 68:359"));
  r.add(row("ipt_bpd", "IPT for borderline personality disorder", f::individual, 34, 34, 4, 2, "Markowitz et al. 2006, J Pers Disord"));
  auto dit = row("dit", "dynamic interpersonal therapy", f::individual, 16, 16, 4, 2,
                 "Lemma, Target & Fonagy 2011, Brief Dynamic Interpersonal Therapy (OUP): 16 sessions over five months");
  dit.focus_model = focus_model::ipaf;
  r.add(dit);
  auto mit = row("mit", "metacognitive interpersonal therapy", f::individual, 12, 104, 4, 2,
                 "Dimaggio et al. 2015, Metacognitive Interpersonal Therapy for Personality Disorders (Routledge)");
  mit.focus_model = focus_model::maladaptive_schema;
  r.add(mit);
  auto mit_g = row("mit_g", "metacognitive interpersonal therapy, group", f::group, 16, 16, 4, 2, "Popolo et al. 2019/2020");
  mit_g.focus_model = focus_model::maladaptive_schema;
  r.add(mit_g);
  r.add(row("ipt_perinatal", "IPT for perinatal depression", f::individual, 12, 12, 4, 2, "O'Hara et al. 2000, Arch Gen Psychiatry 57:1039"));
  r.add(row("ipt_couple", "IPT with partner (couples adaptation)", f::couple, 8, 16, 4, 2, "partner-assisted IPT; seed article"));
  auto phone = row("ipt_telephone", "telephone IPT", f::individual, 12, 12, 4, 2, "Miller & Weissman 2002, Depress Anxiety 16:114 (12-week pilot randomised trial)");
  phone.modality = therapy_modality::telephone;
  r.add(phone);
  // Comparator arms: what a trial's control arm received, so that it is never recorded as an IPT
  // adaptation. Their session counts are the range a trial usually reports; no IPT rule reads them.
  // The last contact is the arm's termination (initial max 1, termination min 1), so that "reached
  // the termination phase" (completer) means "attended the last planned contact" in every arm.
  const auto comparator = [&](std::string id, std::string name, int min, int max, std::string source,
                              session_frequency frequency = session_frequency::weekly) {
    auto p = row(std::move(id), std::move(name), f::individual, min, max, 1, 1, std::move(source));
    p.frequency = frequency;
    p.kind = protocol_kind::comparator;
    p.focus_model = focus_model::none;
    r.add(p);
  };
  comparator("usual_care", "usual care (treatment as usual)", 1, 52,
             "the trial's own description of usual care; routine care averages fewer than 5 sessions "
             "(Hansen, Lambert & Forman 2002, Clin Psychol Sci Pract 9:329), reviewed every 2-4 weeks "
             "at first (NICE CG90, 2009)",
             session_frequency::monthly);
  // A wait-list arm has no sessions while it waits: a case records the assessments of the wait,
  // and its contract the course offered after it (a contract plans at least one session).
  comparator("waitlist", "wait-list control (treatment offered after the wait)", 1, 52,
             "e.g. Cuijpers et al. 2018, J Affect Disord 239:138 (wait-list and usual-care controls)");
  comparator("medication_only", "antidepressant medication only (clinical management visits)", 1, 52,
             "e.g. Elkin et al. 1989, Arch Gen Psychiatry 46:971 (imipramine plus clinical management)");
  comparator("cbt", "cognitive behavioural therapy", 12, 20,
             "NICE CG90 (2009): high-intensity CBT, 16-20 sessions over 3-4 months");
  return r;
}

std::vector<read_error> entry_errors(const protocol& p) { return check(p); }

const protocol_registry& protocol_registry::builtin() {
  static const protocol_registry registry = with_builtins();
  return registry;
}

}  // namespace iptkit
