// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagepool.trace.Place;
import org.pagepool.trace.Tracer;

/**
 * The struct page array: only the values the kernel stores, sections that
 * cost nothing until written, and copies that share sections until either
 * side writes.
 */
class MemMapTest {

    /** Every field of every page of {@code nodes} nodes of {@code size} pages, as one string per page. */
    private static List<String> fields(MemMap memmap, int nodes, int size) {
        List<String> all = new ArrayList<>();
        for (int nid = 0; nid < nodes; nid++) {
            for (int pfn = 0; pfn < size; pfn++) {
                int page = PageRef.pfnToPage(nid, pfn);
                all.add(memmap.pageRefCount(page) + "/" + memmap.compoundOrder(page) + "/"
                        + Long.toHexString(memmap.ppMagic(page)) + "/" + memmap.pp(page) + "/"
                        + memmap.dmaAddr(page) + "/" + memmap.place(page) + "/" + memmap.owner(page) + "/"
                        + memmap.handle(page));
            }
        }
        return all;
    }

    @Test
    void untouchedSectionsCostNothingAndTheFirstWriteCostsOneSection() {
        MemMap memmap = new MemMap(new int[] {1 << 20, 1 << 20});
        long empty = memmap.footprintBytes();
        int[] visited = {0};
        memmap.forEachPage(page -> visited[0]++);
        assertThat(visited[0]).as("no page of an untouched section is visited").isZero();

        int page = PageRef.pfnToPage(1, 5000);
        memmap.setPlace(page, Place.DRIVER);

        assertThat(memmap.footprintBytes() - empty).isEqualTo(13L * MemMap.SECTION_PAGES);
        List<Integer> pages = new ArrayList<>();
        memmap.forEachPage(pages::add);
        assertThat(pages).hasSize(MemMap.SECTION_PAGES).contains(page)
                .allMatch(p -> PageRef.pageToNid(p) == 1 && PageRef.pageToPfn(p) / MemMap.SECTION_PAGES == 1);
        assertThat(memmap.place(PageRef.pfnToPage(0, 5000))).isEqualTo(Place.BUDDY);
    }

    /**
     * The guard of every put reads the owner bits, the place and the refcount:
     * it must say yes exactly for this pool's pages on the driver's side
     * that have references, for every place, the pools next to it and the
     * largest id the owner bits hold.
     */
    @Test
    void aPageIsHeldByAPoolOnlyOnTheDriversSideWithReferences() {
        MemMap memmap = new MemMap(new int[] {16});
        int page = PageRef.pfnToPage(0, 3);
        for (int pool : new int[] {1, 2, 77, MemMap.MAX_POOL_ID - 1, MemMap.MAX_POOL_ID}) {
            for (int owner : new int[] {0, pool - 1, pool, pool + 1}) {
                if (owner > MemMap.MAX_POOL_ID) {
                    continue;
                }
                for (Place place : Place.values()) {
                    for (int refs : new int[] {0, 1, 2}) {
                        memmap.setOwner(page, owner, 9);
                        memmap.setPlace(page, place);
                        memmap.setPageCount(page, refs);
                        boolean held = owner == pool && place.isDriverSide() && refs > 0;
                        assertThat(memmap.isHeldBy(page, pool))
                                .as("pool %d, owner %d, %s, %d refs", pool, owner, place, refs).isEqualTo(held);
                        assertThat(Place.isDriverSide(place.ordinal())).isEqualTo(place.isDriverSide());
                    }
                }
            }
        }
    }

    @Test
    void aShortLastSectionIsVisitedOnlyUpToTheEndOfItsNode() {
        MemMap memmap = new MemMap(new int[] {100, 7});
        memmap.setPlace(PageRef.pfnToPage(1, 6), Place.DRIVER);
        List<Integer> pages = new ArrayList<>();

        memmap.forEachPage(pages::add);

        assertThat(pages).extracting(PageRef::pageToPfn).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void ppMagicHoldsTheSignatureAndThePfmemallocBitAndNothingElse() {
        MemMap memmap = new MemMap(new int[] {16});
        int page = PageRef.pfnToPage(0, 3);
        memmap.prepNewPage(page, 2, true);

        assertThat(memmap.ppMagic(page)).isEqualTo(MemMap.PFMEMALLOC_BIT);
        memmap.setPpMagic(page, memmap.ppMagic(page) | MemMap.PP_SIGNATURE);
        assertThat(memmap.ppMagic(page)).isEqualTo(MemMap.PP_SIGNATURE | MemMap.PFMEMALLOC_BIT);
        assertThat(memmap.pageIsPfmemalloc(page)).isTrue();
        assertThat(memmap.compoundOrder(page)).as("the order is another field").isEqualTo(2);

        assertThatThrownBy(() -> memmap.setPpMagic(page, 0x1234)).isInstanceOf(IllegalArgumentException.class);
        assertThat(memmap.ppMagic(page)).isEqualTo(MemMap.PP_SIGNATURE | MemMap.PFMEMALLOC_BIT);

        memmap.setPpMagic(page, 0);
        assertThat(memmap.pageIsPfmemalloc(page)).as("clearing pp_magic clears the bit, as in v5.14").isFalse();
    }

    @Test
    void ppNamesTheOwningPoolOrNothing() {
        MemMap memmap = new MemMap(new int[] {16});
        int page = PageRef.pfnToPage(0, 0);
        memmap.setOwner(page, 7, 41);

        memmap.setPp(page, 7);
        assertThat(memmap.pp(page)).isEqualTo(7);
        assertThatThrownBy(() -> memmap.setPp(page, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThat(memmap.pp(page)).isEqualTo(7);
        memmap.setPp(page, 0);
        assertThat(memmap.pp(page)).isZero();
        assertThat(memmap.owner(page)).isEqualTo(7);
        assertThat(memmap.handle(page)).isEqualTo(41);
    }

    @Test
    void theDmaAddressIsThePagesPhysicalAddressOrZero() {
        MemMap memmap = new MemMap(new int[] {16, 16});
        int page = PageRef.pfnToPage(1, 9);

        memmap.setDmaAddr(page, PageRef.pageToPhys(page));
        assertThat(memmap.dmaAddr(page)).isEqualTo((2L << 36) + (9L << 12));
        assertThatThrownBy(() -> memmap.setDmaAddr(page, 0x1000)).isInstanceOf(IllegalArgumentException.class);
        memmap.setDmaAddr(page, 0);
        assertThat(memmap.dmaAddr(page)).isZero();
    }

    @Test
    void aPageDescribesItselfWithNodeFrameOrderHandleAndPlace() {
        MemMap memmap = new MemMap(new int[] {16, 64});
        int page = PageRef.pfnToPage(1, 12);
        memmap.prepNewPage(page, 2, false);
        memmap.setOwner(page, 1, 5);
        memmap.setPlace(page, Place.DRIVER);

        assertThat(memmap.describe(page)).isEqualTo("page[n1:12 order 2 p5 DRIVER]");
        assertThat(memmap.describe(PageRef.pfnToPage(0, 3))).isEqualTo("page[n0:3 BUDDY]");
    }

    @Test
    void aCopyKeepsWhatItSawWhileTheOriginalChangesAndTheOtherWayRound() {
        PageAllocator mm = new PageAllocator(new int[] {3 * MemMap.SECTION_PAGES}, new Tracer());
        int[] pages = new int[100];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = mm.allocPagesNode(0, i % 3);
        }
        MemMap memmap = mm.memMap();
        List<String> before = fields(memmap, 1, 3 * MemMap.SECTION_PAGES);
        long freeBefore = mm.freePages();

        PageAllocator copy = mm.copy(new Tracer());
        for (int page : pages) {
            mm.putPage(page); // the original frees everything
        }
        assertThat(fields(copy.memMap(), 1, 3 * MemMap.SECTION_PAGES)).isEqualTo(before);
        assertThat(copy.freePages()).isEqualTo(freeBefore);
        assertThat(mm.freePages()).isEqualTo(mm.nodePages(0));

        List<String> freed = fields(memmap, 1, 3 * MemMap.SECTION_PAGES);
        copy.memMap().setOwner(pages[0], 3, 3); // and the copy writes too
        copy.move(pages[0], Place.SKB);
        assertThat(fields(memmap, 1, 3 * MemMap.SECTION_PAGES)).isEqualTo(freed);
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12);
    }

    /**
     * Random writes to an original and to copies taken along the way: every
     * copy keeps reading exactly what the original held when it was taken,
     * plus its own writes, whoever writes first to a shared section.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyCopyReadsItsOwnHistoryWhateverTheOthersWrite(long seed) {
        Random random = new Random(seed);
        int size = MemMap.SECTION_PAGES * 2 + 100;
        List<MemMap> maps = new ArrayList<>();
        List<int[][]> expected = new ArrayList<>(); // per map: refcount, owner, handle, place by pfn
        maps.add(new MemMap(new int[] {size}));
        expected.add(new int[4][size]);
        for (int step = 0; step < 3000; step++) {
            if (random.nextInt(100) == 0 && maps.size() < 8) {
                int from = random.nextInt(maps.size());
                MemMap copy = maps.get(from).copy();
                if (random.nextBoolean()) { // by way of a copy kept to go back to, its places packed
                    copy.keep();
                    copy = copy.copy();
                }
                maps.add(copy);
                int[][] e = new int[4][];
                for (int f = 0; f < 4; f++) {
                    e[f] = expected.get(from)[f].clone();
                }
                expected.add(e);
                continue;
            }
            int m = random.nextInt(maps.size());
            int pfn = random.nextInt(size);
            int page = PageRef.pfnToPage(0, pfn);
            MemMap memmap = maps.get(m);
            int value = 1 + random.nextInt(1000);
            switch (random.nextInt(3)) {
                case 0 -> {
                    memmap.setPageCount(page, value);
                    expected.get(m)[0][pfn] = value;
                }
                case 1 -> {
                    memmap.setOwner(page, value, value + 1);
                    expected.get(m)[1][pfn] = value;
                    expected.get(m)[2][pfn] = value + 1;
                }
                default -> {
                    Place place = Place.values()[value % Place.values().length];
                    memmap.setPlace(page, place);
                    expected.get(m)[3][pfn] = place.ordinal();
                }
            }
        }
        for (int m = 0; m < maps.size(); m++) {
            MemMap memmap = maps.get(m);
            int[][] e = expected.get(m);
            for (int pfn = 0; pfn < size; pfn++) {
                int page = PageRef.pfnToPage(0, pfn);
                String at = "seed " + seed + " map " + m + " pfn " + pfn;
                assertThat(memmap.pageRefCount(page)).as(at).isEqualTo(e[0][pfn]);
                assertThat(memmap.owner(page)).as(at).isEqualTo(e[1][pfn]);
                assertThat(memmap.handle(page)).as(at).isEqualTo(e[2][pfn]);
                assertThat(memmap.place(page).ordinal()).as(at).isEqualTo(e[3][pfn]);
            }
        }
    }
}
