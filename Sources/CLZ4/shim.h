// The system LZ4 (Debian: liblz4-dev), for the compressed text blocks of a store.
#include <lz4.h>
