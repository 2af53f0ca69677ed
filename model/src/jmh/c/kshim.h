/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * User-space stand-ins for the kernel services that net/core/page_pool.c
 * (Linux v5.14) calls, so that the unmodified file compiles with gcc -O2 and
 * can be timed beside the Java model (tools/bench-vs-c.sh). They do what the
 * model does, no more and no less: the page allocator is the buddy allocator
 * of the script spec (smallest order, lowest address), the ptr_ring has the
 * kernel's semantics (NULL slots are free, batched zeroing), locks are no-ops
 * (the model is single-threaded), tracepoints and DMA are counters.
 */
#ifndef PAGEPOOL_KSHIM_H
#define PAGEPOOL_KSHIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint8_t u8;
typedef uint32_t u32;
typedef int32_t s32;
typedef uint64_t u64;
typedef unsigned int gfp_t;
typedef u64 dma_addr_t;

#define GFP_KERNEL 0u
#define GFP_ATOMIC 1u
#define __GFP_COMP 2u
#define NUMA_NO_NODE (-1)
#define CONFIG_NUMA 1
#define HZ 1000
#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define EINVAL 22
#define E2BIG 7
#define ENOMEM 12
#define ENOSPC 28
#define SMP_CACHE_BYTES 64
#define POISON_POINTER_DELTA 0xdead000000000000UL

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define noinline __attribute__((noinline))
#ifndef __always_inline
#define __always_inline inline __attribute__((always_inline))
#endif
#define READ_ONCE(x) (*(volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))
#define EXPORT_SYMBOL(sym)
#define min(a, b) ((a) < (b) ? (a) : (b))
#define container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))
#define pr_warn(...) kshim_log(__VA_ARGS__)
#define pr_crit(...) kshim_log(__VA_ARGS__)
#define WARN(cond, ...) ({ bool warn_ = (cond); if (unlikely(warn_)) kshim_log(__VA_ARGS__); warn_; })

void kshim_log(const char *fmt, ...);

/* ---- errors as pointers ---- */
#define MAX_ERRNO 4095
static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline bool IS_ERR(const void *ptr) { return (unsigned long)ptr >= (unsigned long)-MAX_ERRNO; }

/* ---- atomics, refcount_t, locks: single-threaded ---- */
typedef struct { int counter; } atomic_t;
static inline void atomic_set(atomic_t *v, int i) { v->counter = i; }
static inline int atomic_read(const atomic_t *v) { return v->counter; }
static inline int atomic_inc_return(atomic_t *v) { return ++v->counter; }

typedef struct { atomic_t refs; } refcount_t;
static inline void refcount_set(refcount_t *r, int n) { r->refs.counter = n; }
static inline void refcount_inc(refcount_t *r) { r->refs.counter++; }
static inline bool refcount_dec_and_test(refcount_t *r) { return --r->refs.counter == 0; }

typedef struct { int unused; } spinlock_t;
static inline void spin_lock(spinlock_t *l) { (void)l; }
static inline void spin_unlock(spinlock_t *l) { (void)l; }
static inline void spin_lock_bh(spinlock_t *l) { (void)l; }
static inline void spin_unlock_bh(spinlock_t *l) { (void)l; }

/* ---- memory for the pool struct itself ---- */
static inline void *kzalloc_node(size_t size, gfp_t gfp, int nid) { (void)gfp; (void)nid; return calloc(1, size); }
static inline void kfree(const void *p) { free((void *)p); }

/* ---- struct page and the page allocator ---- */
struct page_pool;
struct page {
	unsigned long pp_magic;      /* overlays lru.next: bit 1 marks a pfmemalloc page */
	struct page_pool *pp;
	unsigned long dma_addr;
	int _refcount;
	u8 order;
	u8 nid;
	u32 pfn;
};

static inline int page_ref_count(const struct page *page) { return READ_ONCE(page->_refcount); }
static inline bool page_is_pfmemalloc(const struct page *page) { return page->pp_magic & (1UL << 1); }
static inline int page_to_nid(const struct page *page) { return page->nid; }
static inline struct page *compound_head(struct page *page) { return page; }
static inline struct page *virt_to_head_page(const void *x) { return (struct page *)x; }

struct page *alloc_pages_node(int nid, gfp_t gfp, unsigned int order);
unsigned long alloc_pages_bulk_array(gfp_t gfp, unsigned long nr_pages, struct page **page_array);
void put_page(struct page *page);

/* the machine the benchmark builds: nodes of the given sizes; pressure makes every new page pfmemalloc */
void kshim_memory(int nodes, const int *node_pages);
void kshim_set_pressure(bool on);
long kshim_free_pages(void);

/* ---- the running CPU ---- */
extern int kshim_numa_mem_id;
extern bool kshim_in_softirq;
static inline int numa_mem_id(void) { return kshim_numa_mem_id; }
static inline bool in_serving_softirq(void) { return kshim_in_softirq; }

/* ---- DMA: counters, addresses derived from the page ---- */
struct device { int unused; };
enum dma_data_direction { DMA_BIDIRECTIONAL = 0, DMA_TO_DEVICE = 1, DMA_FROM_DEVICE = 2, DMA_NONE = 3 };
#define DMA_ATTR_SKIP_CPU_SYNC (1UL << 5)
#define DMA_MAPPING_ERROR (~(dma_addr_t)0)
extern long kshim_dma_mapped, kshim_dma_syncs;
static inline dma_addr_t dma_map_page_attrs(struct device *dev, struct page *page, size_t offset, size_t size,
					    enum dma_data_direction dir, unsigned long attrs)
{
	(void)dev; (void)size; (void)dir; (void)attrs;
	kshim_dma_mapped++;
	return ((dma_addr_t)(page->nid + 1) << 36) + ((dma_addr_t)page->pfn << PAGE_SHIFT) + offset;
}
static inline void dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size,
					enum dma_data_direction dir, unsigned long attrs)
{
	(void)dev; (void)addr; (void)size; (void)dir; (void)attrs;
	kshim_dma_mapped--;
}
static inline int dma_mapping_error(struct device *dev, dma_addr_t addr) { (void)dev; return addr == DMA_MAPPING_ERROR; }
static inline void dma_sync_single_range_for_device(struct device *dev, dma_addr_t addr, unsigned long offset,
						    size_t size, enum dma_data_direction dir)
{
	(void)dev; (void)addr; (void)offset; (void)size; (void)dir;
	kshim_dma_syncs++;
}
static inline void get_device(struct device *dev) { (void)dev; }
static inline void put_device(struct device *dev) { (void)dev; }

/* ---- jiffies and delayed work (the benchmark never destroys a pool with pages out) ---- */
extern unsigned long jiffies;
struct work_struct { void (*func)(struct work_struct *); };
struct delayed_work { struct work_struct work; unsigned long due; bool pending; };
static inline struct delayed_work *to_delayed_work(struct work_struct *w) { return container_of(w, struct delayed_work, work); }
#define INIT_DELAYED_WORK(dw, fn) do { (dw)->work.func = (fn); (dw)->pending = false; } while (0)
static inline bool schedule_delayed_work(struct delayed_work *dw, unsigned long delay)
{
	dw->due = jiffies + delay;
	dw->pending = true;
	return true;
}
static inline unsigned long msecs_to_jiffies(unsigned int ms) { return ms; }
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)

/* ---- ptr_ring: the v5.14 semantics (NULL is a free slot; consumed slots are zeroed in batches) ---- */
struct ptr_ring {
	int producer;
	spinlock_t producer_lock;
	int consumer_head;
	int consumer_tail;
	spinlock_t consumer_lock;
	int size;
	int batch;
	void **queue;
};

static inline int ptr_ring_init(struct ptr_ring *r, int size, gfp_t gfp)
{
	(void)gfp;
	r->queue = calloc((size_t)size, sizeof(void *));
	if (!r->queue)
		return -ENOMEM;
	r->size = size;
	r->batch = SMP_CACHE_BYTES * 2 / (int)sizeof(void *);
	if (r->batch > r->size / 2 || !r->batch)
		r->batch = 1;
	r->producer = r->consumer_head = r->consumer_tail = 0;
	return 0;
}

static inline void ptr_ring_cleanup(struct ptr_ring *r, void (*destroy)(void *))
{
	(void)destroy;
	free(r->queue);
	r->queue = NULL;
}

static inline int __ptr_ring_produce(struct ptr_ring *r, void *ptr)
{
	if (unlikely(!r->size) || r->queue[r->producer])
		return -ENOSPC;
	WRITE_ONCE(r->queue[r->producer++], ptr);
	if (unlikely(r->producer >= r->size))
		r->producer = 0;
	return 0;
}

static inline int ptr_ring_produce(struct ptr_ring *r, void *ptr) { return __ptr_ring_produce(r, ptr); }
static inline int ptr_ring_produce_bh(struct ptr_ring *r, void *ptr) { return __ptr_ring_produce(r, ptr); }

static inline bool __ptr_ring_empty(struct ptr_ring *r)
{
	return likely(r->size) ? !r->queue[READ_ONCE(r->consumer_head)] : true;
}

static inline void __ptr_ring_discard_one(struct ptr_ring *r)
{
	int next = r->consumer_head + 1;
	int head = r->consumer_head;

	if (unlikely(next - r->consumer_tail >= r->batch || next >= r->size)) {
		/* zero the read slots, last first, so the producer never overtakes the consumer */
		while (likely(head >= r->consumer_tail))
			r->queue[head--] = NULL;
		r->consumer_tail = next;
	}
	if (unlikely(next >= r->size)) {
		next = 0;
		r->consumer_tail = 0;
	}
	WRITE_ONCE(r->consumer_head, next);
}

static inline void *__ptr_ring_consume(struct ptr_ring *r)
{
	void *ptr = likely(r->size) ? READ_ONCE(r->queue[r->consumer_head]) : NULL;

	if (ptr)
		__ptr_ring_discard_one(r);
	return ptr;
}

static inline void *ptr_ring_consume_bh(struct ptr_ring *r) { return __ptr_ring_consume(r); }

/* ---- include/net/page_pool.h (v5.14): the struct and the inline helpers ---- */
#define PP_FLAG_DMA_MAP BIT(0)
#define PP_FLAG_DMA_SYNC_DEV BIT(1)
#define PP_FLAG_ALL (PP_FLAG_DMA_MAP | PP_FLAG_DMA_SYNC_DEV)
#define BIT(n) (1UL << (n))
#define PP_ALLOC_CACHE_SIZE 128
#define PP_ALLOC_CACHE_REFILL 64
#define PP_SIGNATURE (0x40 + POISON_POINTER_DELTA)

struct pp_alloc_cache {
	u32 count;
	struct page *cache[PP_ALLOC_CACHE_SIZE];
};

struct page_pool_params {
	unsigned int flags;
	unsigned int order;
	unsigned int pool_size;
	int nid;
	struct device *dev;
	enum dma_data_direction dma_dir;
	unsigned int max_len;
	unsigned int offset;
};

struct page_pool {
	struct page_pool_params p;
	struct delayed_work release_dw;
	void (*disconnect)(void *);
	unsigned long defer_start;
	unsigned long defer_warn;
	u32 pages_state_hold_cnt;
	struct pp_alloc_cache alloc;
	struct ptr_ring ring;
	atomic_t pages_state_release_cnt;
	refcount_t user_cnt;
	u64 destroy_cnt;
};

struct page_pool *page_pool_create(const struct page_pool_params *params);
struct page *page_pool_alloc_pages(struct page_pool *pool, gfp_t gfp);
void page_pool_put_page(struct page_pool *pool, struct page *page, unsigned int dma_sync_size, bool allow_direct);
void page_pool_put_page_bulk(struct page_pool *pool, void **data, int count);
void page_pool_release_page(struct page_pool *pool, struct page *page);
void page_pool_destroy(struct page_pool *pool);
void page_pool_use_xdp_mem(struct page_pool *pool, void (*disconnect)(void *));
void page_pool_update_nid(struct page_pool *pool, int new_nid);
bool page_pool_return_skb_page(struct page *page);

static inline void page_pool_put_full_page(struct page_pool *pool, struct page *page, bool allow_direct)
{
	page_pool_put_page(pool, page, -1, allow_direct);
}

static inline void page_pool_recycle_direct(struct page_pool *pool, struct page *page)
{
	page_pool_put_full_page(pool, page, true);
}

static inline dma_addr_t page_pool_get_dma_addr(struct page *page) { return page->dma_addr; }
static inline void page_pool_set_dma_addr(struct page *page, dma_addr_t addr) { page->dma_addr = addr; }
static inline bool page_pool_put(struct page_pool *pool) { return refcount_dec_and_test(&pool->user_cnt); }
static inline void page_pool_ring_lock(struct page_pool *pool) { spin_lock(&pool->ring.producer_lock); }
static inline void page_pool_ring_unlock(struct page_pool *pool) { spin_unlock(&pool->ring.producer_lock); }

/* ---- tracepoints: nobody listens ---- */
#define trace_page_pool_state_hold(pool, page, hold) do { } while (0)
#define trace_page_pool_state_release(pool, page, release) do { } while (0)
#define trace_page_pool_release(pool, inflight, hold, release) do { } while (0)
#define trace_page_pool_update_nid(pool, nid) do { } while (0)

#endif
