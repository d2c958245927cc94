// SwiftPM on Linux links every executable with `--defsym main=TARGET_main` (the entry point is
// renamed so tests can link the executable's module), in release builds too. A libFuzzer target
// has no Swift entry point (libFuzzer's runtime brings `main`), so the link fails on an
// undefined `PlanCheckFuzz_main`. It is defined here and runs libFuzzer's driver on
// `LLVMFuzzerTestOneInput` (the `@_cdecl` function of FuzzTarget.swift).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int PlanCheckFuzz_main(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }
