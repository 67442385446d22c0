#include "allocation_counter.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {

std::atomic<std::size_t> g_held{0}, g_peak{0};
std::atomic<int> g_watchers{0};

// Each block carries its size in front, so that delete knows what it gives back; 16 bytes
// keep the block as aligned as malloc's.
constexpr std::size_t kHeader = 16;

void* allocate(std::size_t n) {
  void* raw = std::malloc(n + kHeader);
  if (!raw) throw std::bad_alloc();
  *static_cast<std::size_t*>(raw) = n;
  const std::size_t held = g_held += n;
  if (g_watchers > 0) {
    std::size_t peak = g_peak;
    while (held > peak && !g_peak.compare_exchange_weak(peak, held)) {
    }
  }
  return static_cast<char*>(raw) + kHeader;
}

void release(void* p) {
  if (!p) return;
  void* raw = static_cast<char*>(p) - kHeader;
  g_held -= *static_cast<std::size_t*>(raw);
  std::free(raw);
}

} // namespace

void* operator new(std::size_t n) {
  return allocate(n);
}
void* operator new[](std::size_t n) {
  return allocate(n);
}
void operator delete(void* p) noexcept {
  release(p);
}
void operator delete[](void* p) noexcept {
  release(p);
}
void operator delete(void* p, std::size_t) noexcept {
  release(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  release(p);
}

namespace leaky::test {

PeakAllocation::PeakAllocation() : start_(g_held) {
  g_peak = start_;
  ++g_watchers;
}

PeakAllocation::~PeakAllocation() {
  --g_watchers;
}

std::size_t PeakAllocation::bytes() const {
  return g_peak - start_;
}

} // namespace leaky::test
