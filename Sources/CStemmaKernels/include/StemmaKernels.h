#ifndef STEMMA_KERNELS_H
#define STEMMA_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU runs the AVX2 kernels (x86-64 with AVX2; false elsewhere).
int stemma_has_avx2(void);

/// MinHash with the permutations pi_i(x) = a[i] * x + b[i] (mod 2^32) of the 32-bit folds
/// x = lo32(h) ^ hi32(h) of the shingle hashes: out[i] = min over shingles of pi_i(x), starting from
/// UINT32_MAX. `permutations` is a multiple of 16. Built for AVX2 with a function target attribute,
/// so the package needs no special compiler flags; call it only when stemma_has_avx2() is true.
void stemma_minhash_avx2(const uint64_t *shingles, size_t count, const uint32_t *a, const uint32_t *b,
                         uint32_t *out, size_t permutations);

#endif
