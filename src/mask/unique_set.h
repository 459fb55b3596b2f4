// UniqueSet: keeps the masked values of a unique column unique.
//
// Masking maps many possible inputs onto a smaller space of fakes, so two different inputs of
// a UNIQUE column can land on the same output. The set remembers, per output written, a 64-bit
// fingerprint of the output and of the input that produced it. Inserting an output already
// taken by a different input is a collision: the caller asks the transformer for its next
// candidate (attempt 1, 2, ...), which is as deterministic as the first, so the same dump and
// key always give the same result. The same input twice (a NULL-free non-unique column marked
// unique by mistake) is not a collision. A slot is 8 bytes (40 bits of the output's
// fingerprint, 24 of the input's), the table 3/8 to 3/4 full, so 11-22 bytes per value, at most
// `max_values` values, then kFull; large tables ask for huge pages, as every insert lands on a
// random page. Output fingerprints fold ASCII case, because MySQL's default collations compare
// case-insensitively. Not thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

namespace kanon::mask {

// A fast non-cryptographic 64-bit hash (never 0), optionally folding ASCII case.
uint64_t Fingerprint(std::string_view s, bool fold_case);

class UniqueSet final {
 public:
  explicit UniqueSet(uint64_t max_values);
  ~UniqueSet();
  UniqueSet(const UniqueSet&) = delete;
  UniqueSet& operator=(const UniqueSet&) = delete;

  enum class Outcome { kNew, kSameInput, kCollision, kFull };
  Outcome Insert(uint64_t out_fp, uint64_t in_fp);
  bool Contains(uint64_t out_fp) const;
  // Starts loading the slot Insert(out_fp, ...) will look at, to hide the memory latency.
  void Prefetch(uint64_t out_fp) const;
  uint64_t size() const { return size_; }

 private:
  void Grow();
  // The slot for `out_fp` or the empty slot where it would go.
  uint64_t* Find(uint64_t out_fp);

  // Slots: (40 high bits of the output fingerprint) << 24 | (24 bits of the input's); 0 empty.
  struct Table {
    uint64_t* slots = nullptr;
    size_t bytes = 0;
  };
  static Table Allocate(uint64_t count);
  static void Free(Table t);

  Table table_;
  uint64_t mask_ = 0;
  uint64_t size_ = 0;
  uint64_t max_values_;
};

}  // namespace kanon::mask
