// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.dma;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pagepool.mm.PageAllocator;
import org.pagepool.mm.PageRef;
import org.pagepool.trace.Tracer;

/** The DMA API stand-in: addresses, counts of maps, unmaps and syncs, injected mapping failures. */
class DmaMapperTest {

    private PageAllocator mm;
    private DmaMapper dma;

    @BeforeEach
    void setUp() {
        Tracer tracer = new Tracer();
        mm = new PageAllocator(new int[] {64, 64}, tracer);
        dma = new DmaMapper(tracer);
    }

    @Test
    void mapReturnsThePhysicalAddressAndCountsTheMapping() {
        int page = PageRef.pfnToPage(0, 5);
        int remote = PageRef.pfnToPage(1, 3);

        long addr = dma.mapPageAttrs(page, 0, 4096, DmaDirection.FROM_DEVICE);
        long remoteAddr = dma.mapPageAttrs(remote, 256, 4096, DmaDirection.BIDIRECTIONAL);

        // node n's memory starts at (n + 1) * 64 GiB, so no page has bus address 0
        assertThat(addr).isEqualTo((1L << 36) + (5L << DmaMapper.PAGE_SHIFT));
        assertThat(remoteAddr).isEqualTo((2L << 36) + (3L << 12) + 256);
        assertThat(DmaMapper.mappingError(addr)).isFalse();
        assertThat(dma.maps()).isEqualTo(2);
        assertThat(dma.mapped()).isEqualTo(2);
        assertThat(dma.unmaps()).isZero();
    }

    @Test
    void unmapCountsAndLowersTheLiveMappings() {
        long addr = dma.mapPageAttrs(PageRef.pfnToPage(0, 0), 0, 4096, DmaDirection.FROM_DEVICE);

        dma.unmapPageAttrs(addr, 4096, DmaDirection.FROM_DEVICE);

        assertThat(dma.mapped()).isZero();
        assertThat(dma.maps()).isEqualTo(1);
        assertThat(dma.unmaps()).isEqualTo(1);
    }

    @Test
    void syncsCountCallsWhateverTheSize() {
        long addr = dma.mapPageAttrs(PageRef.pfnToPage(0, 0), 0, 4096, DmaDirection.FROM_DEVICE);

        dma.syncSingleRangeForDevice(addr, 0, 2048, DmaDirection.FROM_DEVICE);
        dma.syncSingleRangeForDevice(addr, 0, 0, DmaDirection.FROM_DEVICE);

        assertThat(dma.syncs()).isEqualTo(2);
        assertThat(dma.mapped()).isEqualTo(1);
    }

    @Test
    void injectedFailuresReturnDmaMappingErrorAndCountNothing() {
        dma.failNextMaps(2);
        int page = PageRef.pfnToPage(0, 1);

        long first = dma.mapPageAttrs(page, 0, 4096, DmaDirection.FROM_DEVICE);
        assertThat(dma.pendingMapFailures()).isEqualTo(1);
        long second = dma.mapPageAttrs(page, 0, 4096, DmaDirection.FROM_DEVICE);
        long third = dma.mapPageAttrs(page, 0, 4096, DmaDirection.FROM_DEVICE);

        assertThat(first).isEqualTo(DmaMapper.DMA_MAPPING_ERROR);
        assertThat(second).isEqualTo(DmaMapper.DMA_MAPPING_ERROR);
        assertThat(DmaMapper.mappingError(first)).isTrue();
        assertThat(third).isEqualTo((1L << 36) + (1L << 12));
        assertThat(dma.maps()).isEqualTo(1);
        assertThat(dma.mapped()).isEqualTo(1);
        assertThat(dma.pendingMapFailures()).isZero();
    }

    @Test
    void firstPageOfNodeZeroIsNotBusAddressZero() {
        long addr = dma.mapPageAttrs(PageRef.pfnToPage(0, 0), 0, 4096, DmaDirection.FROM_DEVICE);

        assertThat(addr).isNotZero();
        assertThat(DmaMapper.mappingError(addr)).isFalse();
    }

    @Test
    void dmaMappingErrorIsAllOnes() {
        assertThat(DmaMapper.DMA_MAPPING_ERROR).isEqualTo(-1L);
        assertThat(DmaMapper.DMA_MAPPING_ERROR).isEqualTo(0xffff_ffff_ffff_ffffL);
    }

    @Test
    void directionsHaveTheKernelValues() {
        assertThat(DmaDirection.BIDIRECTIONAL.value()).isZero();
        assertThat(DmaDirection.TO_DEVICE.value()).isEqualTo(1);
        assertThat(DmaDirection.FROM_DEVICE.value()).isEqualTo(2);
        assertThat(DmaDirection.NONE.value()).isEqualTo(3);
    }

    @Test
    void iommuOnlyChangesTheFlag() {
        dma.setIommu(true);

        long addr = dma.mapPageAttrs(PageRef.pfnToPage(0, 2), 0, 4096, DmaDirection.FROM_DEVICE);

        assertThat(dma.iommu()).isTrue();
        assertThat(addr).isEqualTo((1L << 36) + (2L << 12));
    }
}
