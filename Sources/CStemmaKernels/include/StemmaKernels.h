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

/// Whether this CPU runs the AVX-512 kernel (x86-64 with AVX-512 F; false elsewhere).
int stemma_has_avx512(void);

/// The same as stemma_minhash_avx2, with 16-lane vectors; call it only when stemma_has_avx512()
/// is true.
void stemma_minhash_avx512(const uint64_t *shingles, size_t count, const uint32_t *a, const uint32_t *b,
                           uint32_t *out, size_t permutations);

/// Asks the CPU to start loading the cache line at `address` (a hint: no fault, no effect on
/// results), for lookups whose addresses are known a few iterations ahead.
static inline void stemma_prefetch(const void *address) {
    __builtin_prefetch(address);
}

/// The most an LZ4 block of `size` input bytes can take (incompressible input grows a little).
size_t stemma_lz4_bound(size_t size);

/// Compresses `size` bytes into one block of the LZ4 block format (no frame): greedy matching with
/// a 4,096-entry hash table of 4-byte sequences, matches at most 65,535 bytes back, and the
/// format's end rules (the last 5 bytes are literals; no match starts in the last 12). Returns
/// the compressed size, or 0 when `capacity` (use stemma_lz4_bound) is too small.
size_t stemma_lz4_compress(const uint8_t *source, size_t size, uint8_t *destination, size_t capacity);

/// Decompresses one LZ4 block into `destination`; returns the decompressed size, or -1 for input
/// that is not a valid block or does not fit in `capacity`. Every read and write is bounds-checked.
long stemma_lz4_decompress(const uint8_t *source, size_t size, uint8_t *destination, size_t capacity);

#endif
