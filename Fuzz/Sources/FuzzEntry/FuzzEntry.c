// SwiftPM on Linux links every executable with `--defsym main=TARGET_main` (the entry point is
// renamed so tests can link the executable's module), in release builds too. A libFuzzer target
// has no Swift entry point (libFuzzer's runtime brings `main`), so the link fails on an
// undefined `TARGET_main`. Each target's `TARGET_main` is defined here and runs libFuzzer's
// driver on the target's `LLVMFuzzerTestOneInput` (the `@_cdecl` function of its Swift file).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ENTRY(target) \
    int target##_main(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }

FUZZ_ENTRY(FuzzDataset)
FUZZ_ENTRY(FuzzExpression)
FUZZ_ENTRY(FuzzJSONPath)
FUZZ_ENTRY(FuzzRules)
FUZZ_ENTRY(FuzzDeadline)
