#include "mask/unique_set.h"

#include <sys/mman.h>

#include <cstring>

#include "base/status.h"

namespace kanon::mask {
namespace {

constexpr uint64_t kM1 = 0x9E3779B97F4A7C15ull;
constexpr uint64_t kM2 = 0xBF58476D1CE4E5B9ull;

uint64_t Mix(uint64_t x) {
  x ^= x >> 31;
  x *= kM2;
  x ^= x >> 29;
  return x;
}

uint64_t Load(const char* p, size_t n, bool fold) {
  uint64_t w = 0;
  std::memcpy(&w, p, n);
  if (fold) {
    // Eight bytes at once: a byte in 'A'..'Z' gets bit 5 set (its lower-case letter).
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    uint64_t low7 = w & ~kHigh;
    uint64_t at_least_a = low7 + (0x80 - 'A') * kOnes;
    uint64_t above_z = low7 + (0x80 - 'Z' - 1) * kOnes;
    uint64_t upper = at_least_a & ~above_z & ~w & kHigh;
    w |= upper >> 2;
  }
  return w;
}

}  // namespace

uint64_t Fingerprint(std::string_view s, bool fold_case) {
  uint64_t h = kM1 ^ (s.size() * kM2);
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) h = Mix(h ^ Load(s.data() + i, 8, fold_case)) * kM1;
  if (i < s.size()) h = Mix(h ^ Load(s.data() + i, s.size() - i, fold_case)) * kM1;
  h = Mix(h);
  return h == 0 ? 1 : h;
}

UniqueSet::Table UniqueSet::Allocate(uint64_t count) {
  Table t;
  t.bytes = count * sizeof(uint64_t);
  void* p = ::mmap(nullptr, t.bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  KANON_CHECK(p != MAP_FAILED);
  if (t.bytes >= (size_t{4} << 20)) ::madvise(p, t.bytes, MADV_HUGEPAGE);
  t.slots = static_cast<uint64_t*>(p);  // zero-filled by the kernel
  return t;
}

void UniqueSet::Free(Table t) {
  if (t.slots != nullptr) ::munmap(t.slots, t.bytes);
}

UniqueSet::UniqueSet(uint64_t max_values) : max_values_(max_values) {
  mask_ = 4095;
  table_ = Allocate(mask_ + 1);
}

UniqueSet::~UniqueSet() { Free(table_); }

namespace {

constexpr int kInBits = 24;

// The 40 bits of an output fingerprint a slot keeps; they also pick the slot.
uint64_t SlotKey(uint64_t out_fp) {
  uint64_t hi = out_fp >> kInBits;
  return hi == 0 ? 1 : hi;
}

}  // namespace

uint64_t* UniqueSet::Find(uint64_t out_fp) {
  uint64_t key = SlotKey(out_fp);
  for (uint64_t j = key & mask_;; j = (j + 1) & mask_) {
    uint64_t s = table_.slots[j];
    if (s == 0 || (s >> kInBits) == key) return &table_.slots[j];
  }
}

void UniqueSet::Grow() {
  Table old = table_;
  uint64_t old_cap = mask_ + 1;
  mask_ = old_cap * 2 - 1;
  table_ = Allocate(mask_ + 1);
  for (uint64_t i = 0; i < old_cap; ++i) {
    uint64_t s = old.slots[i];
    if (s == 0) continue;
    uint64_t j = (s >> kInBits) & mask_;  // slots are indexed by their stored key
    while (table_.slots[j] != 0) j = (j + 1) & mask_;
    table_.slots[j] = s;
  }
  Free(old);
}

void UniqueSet::Prefetch(uint64_t out_fp) const {
  __builtin_prefetch(&table_.slots[SlotKey(out_fp) & mask_]);
}

bool UniqueSet::Contains(uint64_t out_fp) const {
  return const_cast<UniqueSet*>(this)->Find(out_fp)[0] != 0;
}

UniqueSet::Outcome UniqueSet::Insert(uint64_t out_fp, uint64_t in_fp) {
  uint64_t* slot = Find(out_fp);
  uint64_t in = in_fp & ((uint64_t{1} << kInBits) - 1);
  if (*slot != 0) {
    return (*slot & ((uint64_t{1} << kInBits) - 1)) == in ? Outcome::kSameInput
                                                          : Outcome::kCollision;
  }
  if (size_ >= max_values_) return Outcome::kFull;
  *slot = (SlotKey(out_fp) << kInBits) | in;
  if (++size_ * 4 > (mask_ + 1) * 3) Grow();
  return Outcome::kNew;
}

}  // namespace kanon::mask
