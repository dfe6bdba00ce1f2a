#include "CStemmaICU.h"

#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

// ICU's own substitute callback writes U+001A, not U+FFFD, for a single bad byte in
// converters that have a one-byte substitution character (ibm-943, for one), and it
// counts nothing; this one always writes U+FFFD and counts.
static void stemma_count_and_substitute(const void *context,
                                        UConverterToUnicodeArgs *args,
                                        const char *codeUnits, int32_t length,
                                        UConverterCallbackReason reason,
                                        UErrorCode *err) {
    (void)codeUnits;
    (void)length;
    if (reason > UCNV_IRREGULAR) {
        return;  // reset, close or clone: nothing was undecodable
    }
    static const UChar replacement = 0xFFFD;
    size_t *replaced = (size_t *)context;
    *replaced += 1;
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, err);
}

int stemma_icu_to_utf8(const char *converterName,
                       const uint8_t *source, size_t sourceLength,
                       uint8_t *target, size_t targetCapacity,
                       size_t *targetLength, size_t *replaced) {
    *targetLength = 0;
    *replaced = 0;
    UErrorCode err = U_ZERO_ERROR;
    UConverter *from = ucnv_open(converterName, &err);
    if (U_FAILURE(err)) {
        return STEMMA_ICU_FAILED;
    }
    UConverter *to = ucnv_open("UTF-8", &err);
    if (U_FAILURE(err)) {
        ucnv_close(from);
        return STEMMA_ICU_FAILED;
    }
    ucnv_setToUCallBack(from, stemma_count_and_substitute, replaced, NULL, NULL, &err);

    // One call converts everything (flush), pivoting through this UTF-16 buffer.
    UChar pivot[8192];
    UChar *pivotSource = pivot;
    UChar *pivotTarget = pivot;
    char *out = (char *)target;
    const char *in = (const char *)source;
    ucnv_convertEx(to, from, &out, (const char *)target + targetCapacity,
                   &in, (const char *)source + sourceLength,
                   pivot, &pivotSource, &pivotTarget, pivot + 8192,
                   1, 1, &err);
    ucnv_close(to);
    ucnv_close(from);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
        return STEMMA_ICU_TARGET_TOO_SMALL;
    }
    if (U_FAILURE(err)) {
        return STEMMA_ICU_FAILED;
    }
    *targetLength = (size_t)(out - (char *)target);
    return STEMMA_ICU_OK;
}

int stemma_icu_byte_table(const char *converterName, uint32_t codePoints[256]) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(converterName, &err);
    if (U_FAILURE(err)) {
        return -1;
    }
    if (ucnv_getMaxCharSize(cnv) != 1) {
        ucnv_close(cnv);
        return -1;
    }
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    for (int b = 0; b < 256; b++) {
        char byte = (char)b;
        UChar units[4];
        err = U_ZERO_ERROR;
        int32_t count = ucnv_toUChars(cnv, units, 4, &byte, 1, &err);
        codePoints[b] = (U_SUCCESS(err) && count == 1) ? units[0] : UINT32_MAX;
    }
    ucnv_close(cnv);
    return 0;
}

int stemma_icu_detect(const uint8_t *bytes, int32_t length, int filterMarkup,
                      char *names, int32_t namesCapacity,
                      int32_t *confidences, int32_t maxMatches) {
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&err);
    if (U_FAILURE(err)) {
        return -1;
    }
    ucsdet_enableInputFilter(detector, filterMarkup ? 1 : 0);
    ucsdet_setText(detector, (const char *)bytes, length, &err);
    int32_t found = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector, &found, &err);
    if (U_FAILURE(err) || matches == NULL) {
        ucsdet_close(detector);
        return U_FAILURE(err) ? -1 : 0;
    }
    int32_t written = 0;
    int32_t used = 0;
    for (int32_t i = 0; i < found && written < maxMatches; i++) {
        const char *name = ucsdet_getName(matches[i], &err);
        int32_t confidence = ucsdet_getConfidence(matches[i], &err);
        if (U_FAILURE(err) || name == NULL) {
            break;
        }
        size_t size = strlen(name) + 1;
        if ((size_t)used + size > (size_t)namesCapacity) {
            break;
        }
        memcpy(names + used, name, size);
        used += (int32_t)size;
        confidences[written] = confidence;
        written += 1;
    }
    ucsdet_close(detector);  // owns the names, which were copied above
    return written;
}
