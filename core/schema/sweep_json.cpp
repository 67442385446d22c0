#include "sweep_json.hpp"

#include "config_json.hpp"
#include "json_read.hpp"
#include "json_writer.hpp"

#include <cmath>
#include <cstdio>

namespace leaky {

namespace {

std::string hex(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string boolean(bool b) {
  return b ? "true" : "false";
}

// A number, or null where there is none (a mean over no run).
std::string number_or_null(double v) {
  return std::isnan(v) ? "null" : json::number(v);
}

// A level's JSON value: names quoted, numbers as they are.
std::string level_json(SweepFactor f, const std::string& text) {
  return f == SweepFactor::activation || f == SweepFactor::init ? json::quote(text) : text;
}

} // namespace

std::uint64_t bytes_digest(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string sweep_id(const SweepPlan& plan) {
  std::string text = "leaky-lab sweep 1\n" + config_to_json(plan.base) + "\nalpha";
  for (float a : plan.alphas)
    text += " " + json::number(a);
  for (const SweepLevels& f : plan.factors) {
    text += "\n" + std::string(sweep_factor_name(f.factor));
    for (std::size_t i = 0; i < f.size(); ++i)
      text += " " + f.text(i);
  }
  text += "\nseeds " + std::to_string(plan.seeds) + "\nfixed data " + boolean(plan.fixed_data) +
          "\ndata digest " + hex(plan.data_digest);
  return hex(bytes_digest(text));
}

std::string sweep_line(const SweepRecord& record, const SweepLineContext& context) {
  const SweepIdentity& id = record.id;
  const RunSummary& s = record.summary;
  std::string out = "{\"sweep\":" + json::quote(context.id) + ",\"run\":" + std::to_string(id.run) +
                    ",\"runs\":" + std::to_string(context.runs) +
                    ",\"seed\":" + std::to_string(id.seed) +
                    ",\"alpha\":" + (id.alpha ? json::number(*id.alpha) : "null");
  for (const auto& [factor, text] : id.levels)
    out += "," + json::quote(sweep_factor_name(factor)) + ":" + level_json(factor, text);
  out += ",\"data\":" + json::quote(context.data) + ",\"steps\":" + std::to_string(s.steps) +
         ",\"train_loss\":" + json::number(s.train_loss) +
         ",\"test_loss\":" + json::number(s.test_loss);
  if (s.train_accuracy) out += ",\"train_accuracy\":" + json::number(*s.train_accuracy);
  if (s.test_accuracy) out += ",\"test_accuracy\":" + json::number(*s.test_accuracy);
  out += ",\"dead_fraction\":" + json::number(s.dead_fraction) +
         ",\"dormant_fraction\":" + json::number(s.dormant_fraction) +
         ",\"dormant_tau\":" + json::number(s.dormant_tau) +
         ",\"tau_dormant_fraction\":" + json::number(s.tau_dormant_fraction) +
         ",\"born_dead_fraction\":" + json::number(s.born_dead_fraction) +
         ",\"revivals\":" + std::to_string(s.revivals) +
         ",\"sparsity\":" + json::number(s.sparsity) +
         ",\"sparsity_kind\":" + json::quote(s.sparsity_kind) +
         ",\"collapsed\":" + boolean(s.collapsed) +
         ",\"target_loss\":" + json::number(s.target_loss) + ",\"steps_to_target\":" +
         (s.steps_to_target ? std::to_string(*s.steps_to_target) : std::string("null")) +
         ",\"diverged\":" + boolean(s.divergence.diverged);
  if (s.divergence.diverged)
    out += ",\"diverged_at\":" + std::to_string(s.divergence.step) +
           ",\"cause\":" + json::quote(s.divergence.cause);
  return out + "}";
}

namespace {

// Reads the members of one line, each problem naming its field.
class LineReader {
public:
  LineReader(const Json& doc, Problems& problems) : doc_(doc), problems_(problems) {}

  const Json* get(const char* key, bool required = true) {
    seen_.emplace_back(key);
    auto it = doc_.find(key);
    if (it == doc_.end()) {
      if (required) problems_.push_back({key, "(missing)", "every run line has it"});
      return nullptr;
    }
    return &*it;
  }

  // A number; JSON's missing non-finite numbers come as the strings json::number writes.
  bool number(const char* key, double& out, bool required = true) {
    const Json* v = get(key, required);
    if (!v) return false;
    if (v->is_number()) {
      out = v->get<double>();
      return true;
    }
    if (v->is_string()) {
      const std::string s = v->get<std::string>();
      if (s == "NaN" || s == "Infinity" || s == "-Infinity") {
        out = s == "NaN" ? NAN : s == "Infinity" ? HUGE_VAL : -HUGE_VAL;
        return true;
      }
    }
    problems_.push_back({key, json_brief(*v), "must be a number"});
    return false;
  }

  template <class Int> bool whole(const char* key, Int& out, double max) {
    double d = 0;
    if (!number(key, d)) return false;
    if (!(d >= 0 && d <= max) || std::floor(d) != d) {
      problems_.push_back(
          {key, json::number(d), "must be a whole number within [0, " + json::number(max) + "]"});
      return false;
    }
    out = static_cast<Int>(d);
    return true;
  }

  bool boolean(const char* key, bool& out) {
    const Json* v = get(key);
    if (!v) return false;
    if (v->is_boolean()) {
      out = v->get<bool>();
      return true;
    }
    problems_.push_back({key, json_brief(*v), "must be true or false"});
    return false;
  }

  bool text(const char* key, std::string& out, bool required = true) {
    const Json* v = get(key, required);
    if (!v) return false;
    if (v->is_string()) {
      out = v->get<std::string>();
      return true;
    }
    problems_.push_back({key, json_brief(*v), "must be a string"});
    return false;
  }

  void reject_unknown() {
    for (auto it = doc_.begin(); it != doc_.end(); ++it)
      if (std::find(seen_.begin(), seen_.end(), it.key()) == seen_.end())
        problems_.push_back({it.key(), json_brief(it.value()), "is not a field of a run line"});
  }

private:
  const Json& doc_;
  Problems& problems_;
  std::vector<std::string> seen_;
};

} // namespace

SweepLineRead parse_sweep_line(std::string_view line) {
  SweepLineRead out;
  Problems& problems = out.problems;
  auto doc = parse_json(line, problems, "line");
  if (!doc) return out;
  if (!doc->is_object()) {
    problems.push_back({"", json_brief(*doc), "a run line is a JSON object"});
    return out;
  }
  LineReader r(*doc, problems);
  SweepRecord rec;
  SweepIdentity& id = rec.id;
  RunSummary& s = rec.summary;
  r.text("sweep", out.context.id);
  r.whole("runs", out.context.runs, kSweepRunsRange.max);
  if (r.whole("run", id.run, kSweepRunsRange.max) && id.run >= out.context.runs)
    problems.push_back({"run", std::to_string(id.run),
                        "must be below runs (" + std::to_string(out.context.runs) + ")"});
  r.whole("seed", id.seed, kSeedRange.max);
  if (const Json* a = r.get("alpha"); a && !a->is_null()) {
    double v = 0;
    if (r.number("alpha", v)) id.alpha = to_float(v);
  }
  for (const SweepFactorInfo& f : kSweepFactors) {
    const std::string key(f.name);
    const Json* v = r.get(key.c_str(), false);
    if (!v) continue;
    if (f.value == SweepFactor::activation || f.value == SweepFactor::init) {
      std::string name;
      r.text(key.c_str(), name);
      const bool known = f.value == SweepFactor::activation
                             ? parse_kind(name).has_value()
                             : find_by_name(kWeightInits, name).has_value();
      if (!known) problems.push_back({key, json_brief(*v), "is not a name the core knows"});
      id.levels.emplace_back(f.value, name);
    } else {
      double d = 0;
      if (!r.number(key.c_str(), d)) continue;
      id.levels.emplace_back(f.value, f.value == SweepFactor::lr ? json::number(to_float(d))
                                                                 : json::number(d));
    }
  }
  r.text("data", out.context.data);
  r.whole("steps", s.steps, kStepsRange.max);
  r.number("train_loss", s.train_loss);
  r.number("test_loss", s.test_loss);
  double v = 0;
  if (r.number("train_accuracy", v, false)) s.train_accuracy = v;
  if (r.number("test_accuracy", v, false)) s.test_accuracy = v;
  r.number("dead_fraction", s.dead_fraction);
  r.number("dormant_fraction", s.dormant_fraction);
  if (r.number("dormant_tau", v)) s.dormant_tau = to_float(v);
  r.number("tau_dormant_fraction", s.tau_dormant_fraction);
  r.number("born_dead_fraction", s.born_dead_fraction);
  r.whole("revivals", s.revivals, 2147483647.0);
  r.number("sparsity", s.sparsity);
  r.text("sparsity_kind", s.sparsity_kind);
  r.boolean("collapsed", s.collapsed);
  r.number("target_loss", s.target_loss);
  if (const Json* t = r.get("steps_to_target"); t && !t->is_null()) {
    std::int64_t steps = 0;
    if (r.whole("steps_to_target", steps, kStepsRange.max)) s.steps_to_target = steps;
  }
  r.boolean("diverged", s.divergence.diverged);
  if (s.divergence.diverged) {
    r.whole("diverged_at", s.divergence.step, kStepsRange.max);
    r.text("cause", s.divergence.cause);
  }
  r.reject_unknown();
  if (problems.empty()) out.record = std::move(rec);
  return out;
}

std::string sweep_table_to_json(const SweepTable& table) {
  std::string out = "{\"runs\":" + std::to_string(table.runs) +
                    ",\"steps\":" + std::to_string(table.steps) +
                    ",\"classification\":" + boolean(table.classification) +
                    ",\"target\":" + boolean(table.any_target) +
                    ",\"dormant_tau\":" + json::number(table.tau) + ",\"varied\":[";
  for (std::size_t i = 0; i < table.varied.size(); ++i)
    out += (i ? "," : "") + json::quote(sweep_factor_name(table.varied[i]));
  out += "],\"rows\":[";
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const SweepRow& row = table.rows[i];
    out += std::string(i ? "," : "") +
           "{\"alpha\":" + (row.alpha ? json::number(*row.alpha) : "null") + ",\"levels\":{";
    for (std::size_t k = 0; k < row.levels.size(); ++k)
      out += (k ? "," : "") + json::quote(sweep_factor_name(row.levels[k].first)) + ":" +
             level_json(row.levels[k].first, row.levels[k].second);
    out += "},\"runs\":" + std::to_string(row.runs) +
           ",\"collapsed\":" + std::to_string(row.collapsed) +
           ",\"diverged\":" + std::to_string(row.diverged) +
           ",\"reached\":" + std::to_string(row.reached) + ",\"seeds\":[";
    for (std::size_t k = 0; k < row.seeds.size(); ++k)
      out += (k ? "," : "") + std::to_string(row.seeds[k]);
    out += "],\"metrics\":{";
    for (std::size_t m = 0; m < kSweepMetrics.size(); ++m) {
      const MeanSe& x = row.metrics[m];
      out += (m ? "," : "") + json::quote(kSweepMetrics[m].name) +
             ":{\"mean\":" + number_or_null(x.mean) + ",\"se\":" + number_or_null(x.se) +
             ",\"n\":" + std::to_string(x.n) + "}";
    }
    out += "}}";
  }
  return out + "]}";
}

} // namespace leaky
