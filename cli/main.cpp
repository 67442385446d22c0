// leaky-lab: the native command-line front end over the core.
#include "activation.hpp"
#include "commands.hpp"

#include <cstdio>
#include <cstring>
#include <string>

namespace {
void print_help() {
  std::printf("leaky-lab 0.1.0: what does the slope alpha of Leaky ReLU do? (core: %s)\n\n"
              "Usage: leaky-lab <command> [options]\n\n"
              "Commands:\n\n%s\n%s\n%s\n"
              "leaky-lab --help       this text;  leaky-lab <command> --help  one command\n"
              "leaky-lab --version    the version\n\n"
              "Exit status: 0 ok, 2 bad arguments (a one-line message on stderr).\n",
              std::string(leaky::simd_arch_name()).c_str(), leaky::cli::activation_help(),
              leaky::cli::train_help(), leaky::cli::sweep_help());
}
} // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
      !std::strcmp(argv[1], "help")) {
    print_help();
    return argc < 2 ? 2 : 0;
  }
  if (!std::strcmp(argv[1], "--version")) {
    std::puts("leaky-lab 0.1.0");
    return 0;
  }
  if (!std::strcmp(argv[1], "activation")) return leaky::cli::run_activation(argc, argv);
  if (!std::strcmp(argv[1], "train")) return leaky::cli::run_train(argc, argv);
  if (!std::strcmp(argv[1], "sweep")) return leaky::cli::run_sweep(argc, argv);
  std::fprintf(stderr,
               "leaky-lab: unknown command '%s'; commands: activation, train, sweep (see "
               "leaky-lab --help)\n",
               argv[1]);
  return 2;
}
