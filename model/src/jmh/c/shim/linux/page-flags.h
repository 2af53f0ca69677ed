/* SPDX-License-Identifier: GPL-2.0-only */
/* Every header page_pool.c includes resolves to the one set of stand-ins. */
#include <kshim.h>
