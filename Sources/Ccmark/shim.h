#ifndef VARDPLAN_CCMARK_SHIM_H
#define VARDPLAN_CCMARK_SHIM_H
#include <cmark.h>
#endif
