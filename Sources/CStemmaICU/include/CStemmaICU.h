#ifndef CSTEMMA_ICU_H
#define CSTEMMA_ICU_H

// A thin shim over ICU's C API. ICU's headers rename every function with a version
// suffix through macros (ucnv_open -> ucnv_open_72), which Swift cannot import, so
// Swift calls these unrenamed wrappers instead. No ICU type appears here.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Results of stemma_icu_to_utf8.
enum {
    STEMMA_ICU_OK = 0,
    /// The target buffer was too small; nothing useful was written.
    STEMMA_ICU_TARGET_TOO_SMALL = 1,
    /// The converter name is unknown to ICU, or ICU failed otherwise.
    STEMMA_ICU_FAILED = 2,
};

/// Converts `sourceLength` bytes in the encoding ICU calls `converterName` to UTF-8, in
/// one ICU call into `target`.
///
/// Every undecodable sequence becomes U+FFFD (EF BF BD) and is counted in `*replaced`.
/// Returns STEMMA_ICU_OK and sets `*targetLength`, or one of the error codes above.
int stemma_icu_to_utf8(const char *converterName,
                       const uint8_t *source, size_t sourceLength,
                       uint8_t *target, size_t targetCapacity,
                       size_t *targetLength, size_t *replaced);

/// Fills `codePoints[b]` with the code point single byte `b` decodes to in the
/// single-byte encoding `converterName`, or UINT32_MAX where ICU maps it to nothing.
///
/// Returns 0, or -1 if ICU has no such converter or it is not single-byte.
int stemma_icu_byte_table(const char *converterName, uint32_t codePoints[256]);

/// Runs ICU's charset detector over `bytes`, markup filtered out if `filterMarkup`.
///
/// Writes up to `maxMatches` matches, best first: their ICU names as consecutive
/// NUL-terminated strings into `names`, and their confidences (0...100) into
/// `confidences`. Returns the number of matches written, or -1 if ICU failed.
int stemma_icu_detect(const uint8_t *bytes, int32_t length, int filterMarkup,
                      char *names, int32_t namesCapacity,
                      int32_t *confidences, int32_t maxMatches);

#ifdef __cplusplus
}
#endif

#endif
