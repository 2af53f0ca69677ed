/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The reference side of the pool-path benchmarks: the same three operations
 * as the JMH PoolPathsBenchmark (one op = one alloc + one put), on the kernel's
 * own page_pool.c compiled with gcc -O2 against kshim.h.
 *
 *   bench_pool [seconds per run] [runs]
 *
 * prints one line per run and path: "<path> <ns per op>".
 */
#include "kshim.h"

#include <time.h>

static volatile unsigned long sink;

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static struct page_pool *new_pool(bool pressure)
{
	static const int pages[] = {1 << 16};
	struct page_pool_params params = {.flags = 0, .order = 0, .pool_size = 0, .nid = NUMA_NO_NODE,
					  .dma_dir = DMA_FROM_DEVICE};

	kshim_memory(1, pages);
	kshim_set_pressure(pressure);
	return page_pool_create(&params);
}

static void fast_path(struct page_pool *pool, long ops)
{
	for (long i = 0; i < ops; i++) {
		struct page *page = page_pool_alloc_pages(pool, GFP_ATOMIC);

		page_pool_recycle_direct(pool, page);
		sink += (unsigned long)page;
	}
}

static void ring_path(struct page_pool *pool, long ops)
{
	for (long i = 0; i < ops; i++) {
		struct page *page = page_pool_alloc_pages(pool, GFP_ATOMIC);

		page_pool_put_full_page(pool, page, false);
		sink += (unsigned long)page;
	}
}

typedef void (*path_fn)(struct page_pool *, long);

/* Runs for about the given time; returns ns per op. */
static double measure(path_fn path, struct page_pool *pool, double seconds)
{
	long ops = 1 << 16;
	double start = now_ns(), elapsed;
	long done = 0;

	do {
		path(pool, ops);
		done += ops;
		elapsed = now_ns() - start;
	} while (elapsed < seconds * 1e9);
	return elapsed / (double)done;
}

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 1.0;
	int runs = argc > 2 ? atoi(argv[2]) : 5;
	struct {
		const char *name;
		path_fn path;
		bool pressure;
	} paths[] = {
		{"fastPath", fast_path, false},
		{"ringPath", ring_path, false},
		{"pageAllocatorPath", fast_path, true}, /* pfmemalloc pages: every put releases to the allocator */
	};

	for (size_t p = 0; p < sizeof(paths) / sizeof(paths[0]); p++) {
		struct page_pool *pool = new_pool(paths[p].pressure);

		measure(paths[p].path, pool, seconds); /* warm-up */
		for (int r = 0; r < runs; r++)
			printf("%s %.3f\n", paths[p].name, measure(paths[p].path, pool, seconds));
		fflush(stdout);
	}
	return 0;
}
