#include <zlib.h>

// inflateInit2 is a macro (it passes the library version and struct size); Swift imports
// functions, not function-like macros. -15: raw deflate data, as stored in ZIP entries.
static inline int plancheck_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -15);
}
