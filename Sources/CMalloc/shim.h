#ifndef CMALLOC_SHIM_H
#define CMALLOC_SHIM_H
// glibc's allocator settings (mallopt), which Swift's Glibc module leaves
// out. Elsewhere this header declares nothing.
#if defined(__linux__) && __has_include(<malloc.h>)
#include <malloc.h>
#endif
#endif
