// See FuzzEntry.c.
#ifndef FUZZ_ENTRY_H
#define FUZZ_ENTRY_H
#endif
