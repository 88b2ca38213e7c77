#ifndef CROSSWALK_FUZZER_DRIVER_H
#define CROSSWALK_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (LLVM 11 and later): parses libFuzzer's command line and runs `callback`
/// on each input. The fuzz executables call it from their own `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
