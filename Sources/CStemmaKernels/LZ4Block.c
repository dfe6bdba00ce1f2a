// The LZ4 block format (https://github.com/lz4/lz4/blob/dev/doc/lz4_Block_format.md), written for
// Stemma's text blocks: a block is a series of sequences, each a token (literal count in the high
// four bits, match length minus 4 in the low four; 15 means "more bytes follow, each adding up to
// 255"), the literals, a 2-byte little-endian offset back into the output, and the match.
// The last sequence has literals only.

#include "StemmaKernels.h"

#include <string.h>

enum {
    minMatch = 4,
    lastLiterals = 5,   // the format: the last 5 bytes of a block are literals
    matchFindLimit = 12, // the format: no match starts in the last 12 bytes
    maxOffset = 65535,
    hashLog = 12,
};

static inline uint32_t read32(const uint8_t *p) {
    uint32_t value;
    memcpy(&value, p, sizeof value);
    return value;
}

static inline uint64_t read64(const uint8_t *p) {
    uint64_t value;
    memcpy(&value, p, sizeof value);
    return value;
}

static inline uint32_t hash4(uint32_t sequence) {
    return (sequence * 2654435761u) >> (32 - hashLog);
}

size_t stemma_lz4_bound(size_t size) {
    return size + size / 255 + 16;
}

/// Writes a length's continuation bytes (after the token's 15).
static inline uint8_t *writeLength(uint8_t *op, size_t length) {
    while (length >= 255) {
        *op++ = 255;
        length -= 255;
    }
    *op++ = (uint8_t)length;
    return op;
}

/// One sequence: `literals` bytes from `anchor`, then a match of `matchLength` at `offset` (none
/// when `matchLength` is 0, for the last sequence). Returns NULL when it would pass `end`.
static uint8_t *writeSequence(uint8_t *op, uint8_t *end, const uint8_t *anchor, size_t literals,
                              size_t offset, size_t matchLength) {
    // Worst case: token, literal length bytes, literals, offset, match length bytes.
    if ((size_t)(end - op) < 1 + literals / 255 + 1 + literals + 2 + matchLength / 255 + 1) return NULL;
    uint8_t *token = op++;
    *token = (uint8_t)((literals >= 15 ? 15 : literals) << 4);
    if (literals >= 15) op = writeLength(op, literals - 15);
    memcpy(op, anchor, literals);
    op += literals;
    if (matchLength == 0) return op;
    *op++ = (uint8_t)offset;
    *op++ = (uint8_t)(offset >> 8);
    size_t code = matchLength - minMatch;
    *token |= (uint8_t)(code >= 15 ? 15 : code);
    if (code >= 15) op = writeLength(op, code - 15);
    return op;
}

size_t stemma_lz4_compress(const uint8_t *source, size_t size, uint8_t *destination, size_t capacity) {
    uint8_t *op = destination, *end = destination + capacity;
    const uint8_t *anchor = source;
    // Positions are kept in 32 bits; larger inputs (SQLite refuses them anyway) stay literals.
    if (size >= matchFindLimit + 1 && size < UINT32_MAX) {
        // Positions + 1, so that 0 means empty.
        uint32_t table[1 << hashLog];
        memset(table, 0, sizeof table);
        const uint8_t *ip = source + 1;
        const uint8_t *const findLimit = source + size - matchFindLimit;
        const uint8_t *const matchLimit = source + size - lastLiterals;
        table[hash4(read32(source))] = 1;
        while (ip < findLimit) {
            // Skip faster through data that does not match (as LZ4's acceleration does).
            unsigned misses = 1u << 6;
            const uint8_t *match = NULL;
            while (ip < findLimit) {
                uint32_t sequence = read32(ip), h = hash4(sequence);
                uint32_t candidate = table[h];
                table[h] = (uint32_t)(ip - source) + 1;
                if (candidate != 0) {
                    const uint8_t *ref = source + candidate - 1;
                    if ((size_t)(ip - ref) <= maxOffset && read32(ref) == sequence) {
                        match = ref;
                        break;
                    }
                }
                ip += misses++ >> 6;
            }
            if (match == NULL) break;
            while (ip > anchor && match > source && ip[-1] == match[-1]) {
                ip--;
                match--;
            }
            const uint8_t *scan = ip + minMatch, *ref = match + minMatch;
            while (scan + 8 <= matchLimit) {
                uint64_t difference = read64(scan) ^ read64(ref);
                if (difference != 0) {
                    scan += __builtin_ctzll(difference) >> 3;
                    goto extended;
                }
                scan += 8;
                ref += 8;
            }
            while (scan < matchLimit && *scan == *ref) {
                scan++;
                ref++;
            }
        extended:
            op = writeSequence(op, end, anchor, (size_t)(ip - anchor), (size_t)(ip - match), (size_t)(scan - ip));
            if (op == NULL) return 0;
            ip = scan;
            anchor = ip;
            // The position just before the next search: matches often resume there.
            if (ip - 2 > source && ip < findLimit) table[hash4(read32(ip - 2))] = (uint32_t)(ip - 2 - source) + 1;
        }
    }
    op = writeSequence(op, end, anchor, (size_t)(source + size - anchor), 0, 0);
    return op == NULL ? 0 : (size_t)(op - destination);
}

/// Reads a length's continuation bytes; returns 0 when the input ends first.
static inline int readLength(const uint8_t **ip, const uint8_t *end, size_t *length) {
    uint8_t byte;
    do {
        if (*ip >= end) return 0;
        byte = *(*ip)++;
        *length += byte;
    } while (byte == 255);
    return 1;
}

long stemma_lz4_decompress(const uint8_t *source, size_t size, uint8_t *destination, size_t capacity) {
    const uint8_t *ip = source, *const inputEnd = source + size;
    uint8_t *op = destination, *const outputEnd = destination + capacity;
    while (ip < inputEnd) {
        uint8_t token = *ip++;
        size_t literals = token >> 4;
        if (literals == 15 && !readLength(&ip, inputEnd, &literals)) return -1;
        if (literals > (size_t)(inputEnd - ip) || literals > (size_t)(outputEnd - op)) return -1;
        memcpy(op, ip, literals);
        ip += literals;
        op += literals;
        if (ip == inputEnd) return (long)(op - destination);  // the last sequence: literals only
        if (inputEnd - ip < 2) return -1;
        size_t offset = (size_t)ip[0] | (size_t)ip[1] << 8;
        ip += 2;
        if (offset == 0 || offset > (size_t)(op - destination)) return -1;
        size_t length = token & 15;
        if (length == 15 && !readLength(&ip, inputEnd, &length)) return -1;
        length += minMatch;
        if (length > (size_t)(outputEnd - op)) return -1;
        const uint8_t *match = op - offset;
        if (offset >= length) {
            memcpy(op, match, length);
            op += length;
        } else {
            // Overlapping: the match repeats bytes it is writing.
            for (size_t i = 0; i < length; i++) *op++ = match[i];
        }
    }
    // Input that ends after a match, or is empty, is not a block.
    return -1;
}
