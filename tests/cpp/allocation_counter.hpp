// Counts the bytes the program holds through operator new (replaced for the whole test
// binary), so a test can measure what a piece of code really allocates at its peak.
#pragma once
#include <cstddef>

namespace leaky::test {

// The peak of the bytes held while it lives, above what was held when it began.
class PeakAllocation {
public:
  PeakAllocation();
  ~PeakAllocation();
  std::size_t bytes() const;

private:
  std::size_t start_;
};

} // namespace leaky::test
