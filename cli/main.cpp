// leaky-lab: the native command-line front end over the core.
#include "activation.hpp"
#include "catalog_json.hpp"
#include "commands.hpp"
#include "messages.hpp"
#include "version.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace {
void print_help(std::FILE* stream) {
  std::fprintf(stream,
               "leaky-lab %s: what does the slope alpha of Leaky ReLU do? (core: %s)\n\n"
               "Usage: leaky-lab <command> [options]\n\n"
               "Commands:\n\n%s\n%s\n%s\n%s\n"
               "leaky-lab catalog      every name the core knows (activations, datasets,\n"
               "                       initializers, optimizers, losses) and every config\n"
               "                       number with its range, as one JSON document\n"
               "leaky-lab --help       this text;  leaky-lab <command> --help  one command\n"
               "leaky-lab --version    the version\n\n"
               "Exit status: 0 ok, 2 bad arguments or files, or an output that cannot be written\n"
               "(a one-line message on stderr), 3 a training run diverged.\n",
               leaky::kVersion, std::string(leaky::simd_arch_name()).c_str(),
               leaky::cli::activation_help().c_str(), leaky::cli::train_help().c_str(),
               leaky::cli::sweep_help().c_str(), leaky::cli::merge_help().c_str());
}
} // namespace

namespace {
int run(int argc, char** argv) {
  // Without arguments the usage goes to stderr, as the error it is.
  if (argc < 2) {
    print_help(stderr);
    return 2;
  }
  if (!std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
      !std::strcmp(argv[1], "help")) {
    print_help(stdout);
    return 0;
  }
  if (!std::strcmp(argv[1], "--version")) {
    std::printf("leaky-lab %s\n", leaky::kVersion);
    return 0;
  }
  if (!std::strcmp(argv[1], "catalog")) {
    if (argc > 2) return leaky::cli::fail("catalog", "takes no options");
    std::puts(leaky::catalog_to_json().c_str());
    return 0;
  }
  if (!std::strcmp(argv[1], "activation")) return leaky::cli::run_activation(argc, argv);
  if (!std::strcmp(argv[1], "train")) return leaky::cli::run_train(argc, argv);
  if (!std::strcmp(argv[1], "sweep")) return leaky::cli::run_sweep(argc, argv);
  if (!std::strcmp(argv[1], "merge")) return leaky::cli::run_merge(argc, argv);
  return leaky::cli::fail("", "unknown command '" + std::string(argv[1]) +
                                  "'; commands: activation, train, sweep, merge, catalog (see "
                                  "leaky-lab --help)");
}
} // namespace

int main(int argc, char** argv) {
  const int status = run(argc, argv);
  // What went to stdout is only written when it is flushed: a full disk shows up here (unless
  // the command has already said why it failed).
  if (status != leaky::cli::kBadInput && (std::fflush(stdout) != 0 || std::ferror(stdout)))
    return leaky::cli::fail("", std::string("cannot write to stdout: ") + std::strerror(errno));
  return status;
}
