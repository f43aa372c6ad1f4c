#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry for a program that keeps its own main (SwiftPM gives every executable
// one): it parses libFuzzer's options from argv and calls `callback` with each input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
