/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The page allocator and the machine behind kshim.h: one buddy allocator
 * per node with free lists per order 0..10, kept as bitmaps with two summary
 * levels (the same structure and rules as the Java model's mm package, so
 * both sides do the same work: the smallest order that will do, the lowest
 * address in it, split keeping the lower half, merge with a free buddy).
 */
#include "kshim.h"

#include <stdarg.h>

#define MAX_ORDER 11
#define MAX_NODES 8

int kshim_numa_mem_id;
bool kshim_in_softirq = true;
long kshim_dma_mapped, kshim_dma_syncs;
unsigned long jiffies;

struct block_set {
	u64 *words, *mid, *top;
	int top_words;
};

struct node {
	int size;
	struct page *pages;
	struct block_set free_area[MAX_ORDER];
	int nr_free[MAX_ORDER];
	long free_pages;
};

static struct node nodes[MAX_NODES];
static int node_count;
static bool pressure;

void kshim_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("! ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

static int words_for(int bits) { return bits <= 0 ? 1 : (bits + 63) >> 6; }

static void set_init(struct block_set *s, int capacity)
{
	int w = words_for(capacity), m = words_for(w), t = words_for(m);

	s->words = calloc((size_t)w, 8);
	s->mid = calloc((size_t)m, 8);
	s->top = calloc((size_t)t, 8);
	s->top_words = t;
}

static void set_add(struct block_set *s, int index)
{
	int w = index >> 6;

	s->words[w] |= 1ULL << (index & 63);
	s->mid[w >> 6] |= 1ULL << (w & 63);
	s->top[w >> 12] |= 1ULL << ((w >> 6) & 63);
}

static void set_remove(struct block_set *s, int index)
{
	int w = index >> 6;
	u64 word = s->words[w] & ~(1ULL << (index & 63));

	s->words[w] = word;
	if (!word) {
		int m = w >> 6;
		u64 mid_word = s->mid[m] & ~(1ULL << (w & 63));

		s->mid[m] = mid_word;
		if (!mid_word)
			s->top[m >> 6] &= ~(1ULL << (m & 63));
	}
}

static bool set_contains(const struct block_set *s, int index)
{
	return s->words[index >> 6] & (1ULL << (index & 63));
}

static int set_lowest(const struct block_set *s)
{
	for (int t = 0; t < s->top_words; t++) {
		if (s->top[t]) {
			int m = (t << 6) + __builtin_ctzll(s->top[t]);
			int w = (m << 6) + __builtin_ctzll(s->mid[m]);

			return (w << 6) + __builtin_ctzll(s->words[w]);
		}
	}
	return -1;
}

static void add_free(struct node *n, int pfn, int order)
{
	set_add(&n->free_area[order], pfn >> order);
	n->nr_free[order]++;
	n->free_pages += 1L << order;
}

static void remove_free(struct node *n, int pfn, int order)
{
	set_remove(&n->free_area[order], pfn >> order);
	n->nr_free[order]--;
	n->free_pages -= 1L << order;
}

static void node_free(struct node *n)
{
	for (int order = 0; order < MAX_ORDER; order++) {
		free(n->free_area[order].words);
		free(n->free_area[order].mid);
		free(n->free_area[order].top);
	}
	free(n->pages);
	memset(n, 0, sizeof(*n));
}

void kshim_memory(int count, const int *node_pages)
{
	for (int nid = 0; nid < node_count; nid++)
		node_free(&nodes[nid]);
	node_count = count;
	for (int nid = 0; nid < count; nid++) {
		struct node *n = &nodes[nid];

		n->size = node_pages[nid];
		n->pages = calloc((size_t)n->size, sizeof(struct page));
		for (int pfn = 0; pfn < n->size; pfn++) {
			n->pages[pfn].nid = (u8)nid;
			n->pages[pfn].pfn = (u32)pfn;
		}
		for (int order = 0; order < MAX_ORDER; order++)
			set_init(&n->free_area[order], (n->size + (1 << order) - 1) >> order);
		for (int pfn = 0; pfn < n->size;) {
			int order = MAX_ORDER - 1;

			while ((pfn & ((1 << order) - 1)) || pfn + (1 << order) > n->size)
				order--;
			add_free(n, pfn, order);
			pfn += 1 << order;
		}
	}
}

void kshim_set_pressure(bool on) { pressure = on; }

long kshim_free_pages(void)
{
	long free_pages = 0;

	for (int nid = 0; nid < node_count; nid++)
		free_pages += nodes[nid].free_pages;
	return free_pages;
}

static bool can_satisfy(const struct node *n, int order)
{
	for (int o = order; o < MAX_ORDER; o++)
		if (n->nr_free[o])
			return true;
	return false;
}

static struct page *take_from(struct node *n, int order)
{
	int current = order;
	int pfn;
	struct page *page;

	while (!n->nr_free[current])
		current++;
	pfn = set_lowest(&n->free_area[current]) << current;
	remove_free(n, pfn, current);
	while (current > order) {
		current--;
		add_free(n, pfn + (1 << current), current); /* keep the lower half */
	}
	page = &n->pages[pfn];
	page->_refcount = 1;
	page->order = (u8)order;
	page->pp_magic = pressure ? 1UL << 1 : 0;
	return page;
}

static struct page *take_block(int preferred, int order)
{
	if (can_satisfy(&nodes[preferred], order))
		return take_from(&nodes[preferred], order);
	for (int nid = 0; nid < node_count; nid++)
		if (nid != preferred && can_satisfy(&nodes[nid], order))
			return take_from(&nodes[nid], order);
	return NULL;
}

struct page *alloc_pages_node(int nid, gfp_t gfp, unsigned int order)
{
	(void)gfp;
	return take_block(nid == NUMA_NO_NODE ? numa_mem_id() : nid, (int)order);
}

unsigned long alloc_pages_bulk_array(gfp_t gfp, unsigned long nr_pages, struct page **array)
{
	unsigned long filled = 0;

	(void)gfp;
	for (unsigned long i = 0; i < nr_pages; i++) {
		if (!array[i]) {
			struct page *page = take_block(numa_mem_id(), 0);

			if (!page)
				break;
			array[i] = page;
		}
		filled++;
	}
	for (unsigned long i = filled; i < nr_pages; i++)
		if (array[i])
			filled++;
	return filled;
}

void put_page(struct page *page)
{
	struct node *n;
	int pfn, order;

	if (--page->_refcount > 0)
		return;
	n = &nodes[page->nid];
	pfn = (int)page->pfn;
	order = page->order;
	page->pp_magic = 0;
	page->pp = NULL;
	page->dma_addr = 0;
	page->order = 0;
	while (order < MAX_ORDER - 1) {
		int buddy = pfn ^ (1 << order);

		if (buddy + (1 << order) > n->size || !set_contains(&n->free_area[order], buddy >> order))
			break;
		remove_free(n, buddy, order);
		pfn &= ~(1 << order);
		order++;
	}
	add_free(n, pfn, order);
}
