// The functions live in include/ByteLanes.h, inline; SwiftPM needs a source
// file to build the module.
#include "ByteLanes.h"
