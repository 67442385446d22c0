// The CLI's commands. Each returns the process status: 0 ok, 2 bad input (one line on
// stderr), 3 a training run diverged.
#pragma once
#include <string>

namespace leaky::cli {

int run_activation(int argc, char** argv);
std::string activation_help();
int run_train(int argc, char** argv);
std::string train_help();
int run_sweep(int argc, char** argv);
std::string sweep_help();
int run_merge(int argc, char** argv);
std::string merge_help();

} // namespace leaky::cli
