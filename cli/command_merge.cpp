// `leaky-lab merge`: the run lines of a sweep's shards (`leaky-lab sweep --shard K/N`) joined
// into what the whole sweep would have printed: its lines in run order, then its table.
#include "commands.hpp"
#include "files.hpp"
#include "messages.hpp"
#include "sweep_json.hpp"
#include "sweep_text.hpp"

#include <cstdio>
#include <cstring>
#include <map>

namespace leaky::cli {

std::string merge_help() {
  return "leaky-lab merge FILE... [--out runs.jsonl]\n"
         "  Joins the JSON lines of a sweep's shards (files written by `leaky-lab sweep\n"
         "  --shard K/N`, in any order; \"-\" reads stdin) and prints what the whole sweep\n"
         "  prints: every run's line in run order (to stdout or --out), then the table.\n"
         "  Refused: a line that is not a run line, lines of two sweeps, a run given twice,\n"
         "  and a sweep with runs missing (it names how many and the first). At most " +
         std::to_string(static_cast<long long>(kSweepRunsRange.max)) +
         " runs;\n"
         "  each file at most " +
         std::to_string(kSweepLinesMaxBytes >> 20) + " MiB.\n";
}

namespace {

int fail(const std::string& message) {
  return cli::fail("merge", message);
}

struct Line {
  std::string text, where; // "file line n"
  SweepRecord record;
};

} // namespace

int run_merge(int argc, char** argv) {
  std::vector<std::string> files;
  std::optional<std::string> out_path;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help") {
      std::fputs(merge_help().c_str(), stdout);
      return 0;
    }
    if (arg == "--out" || arg.rfind("--out=", 0) == 0) {
      if (arg == "--out" && i + 1 == argc) return fail("option '--out' needs a value");
      out_path = arg == "--out" ? argv[++i] : arg.substr(6);
    } else if (arg.rfind("--", 0) == 0) {
      return fail("unknown option '" + arg + "' (see leaky-lab merge --help)");
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty())
    return fail("name the files of run lines to merge (see leaky-lab merge --help)");

  std::optional<SweepLineContext> context;
  std::map<std::size_t, Line> runs;
  for (const std::string& file : files) {
    std::string error;
    auto text = read_file("merge", file == "-" ? "/dev/stdin" : file, kSweepLinesMaxBytes,
                          "a file of run lines", error);
    if (!text) return fail(error);
    std::size_t number = 0, start = 0;
    while (start < text->size()) {
      std::size_t end = text->find('\n', start);
      if (end == std::string::npos) end = text->size();
      const std::string line = text->substr(start, end - start);
      start = end + 1;
      ++number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::string where = "'" + file + "' line " + std::to_string(number);
      SweepLineRead read = parse_sweep_line(line);
      if (!read.record) return fail(where + ": " + problems_to_text(read.problems));
      if (!context) context = read.context;
      if (read.context.id != context->id || read.context.runs != context->runs)
        return fail(where + ": a line of sweep " + read.context.id + " (" +
                    std::to_string(read.context.runs) + " runs), not of sweep " + context->id +
                    " (" + std::to_string(context->runs) + " runs) as the first line");
      const std::size_t run = read.record->id.run;
      if (auto it = runs.find(run); it != runs.end())
        return fail(where + ": run " + std::to_string(run) + " again (first at " +
                    it->second.where + "); merge each shard once");
      runs.emplace(run, Line{line, where, std::move(*read.record)});
    }
  }
  if (!context) return fail("no run lines in " + std::to_string(files.size()) + " file(s)");
  if (runs.size() != context->runs) {
    std::size_t first_missing = 0;
    while (runs.count(first_missing))
      ++first_missing;
    return fail(std::to_string(context->runs - runs.size()) + " of sweep " + context->id + "'s " +
                std::to_string(context->runs) + " runs are missing (the first: run " +
                std::to_string(first_missing) + "); merge every shard");
  }

  Output out;
  if (out_path && !out.open("out", *out_path)) return fail(out.error());
  std::vector<const SweepRecord*> records;
  for (const auto& [run, line] : runs) {
    records.push_back(&line.record);
    if (!out.line(line.text)) break;
  }
  if (!out.finish()) return fail(out.error());
  std::fputs(sweep_table_text(sweep_table(records), *context).c_str(), stdout);
  return 0;
}

} // namespace leaky::cli
